"""Parsed feeds as frozen values, and the one rule for which entries of a feed are kept."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One item of a feed, cleaned: plain text everywhere, ``link`` canonical http(s).

    ``content`` holds the full article text when the feed carries it; when it is empty the
    entry only has a ``summary`` and the article page has to be fetched.
    """

    guid: str
    link: str
    title: str
    published: datetime | None = None
    authors: tuple[str, ...] = ()
    summary: str = ""
    content: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        """What identifies the entry within its feed."""
        return self.guid or self.link


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    """A feed's entries, or ``error`` saying why there are none to use."""

    url: str
    title: str = ""
    link: str = ""
    entries: tuple[FeedEntry, ...] = ()
    error: str = ""
    warnings: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.error

    @property
    def empty(self) -> bool:
        """A readable feed with no items: nothing new, not a failure."""
        return self.ok and not self.entries


def collect_entries(
    candidates: Iterable[FeedEntry | str],
) -> tuple[tuple[FeedEntry, ...], tuple[str, ...]]:
    """Keep the first entry per GUID and per link; strings are reasons an entry was dropped."""
    entries: list[FeedEntry] = []
    warnings: list[str] = []
    seen: set[str] = set()
    for candidate in candidates:
        if isinstance(candidate, str):
            warnings.append(candidate)
            continue
        keys = {k for k in (candidate.guid, candidate.link) if k}
        if keys & seen:
            warnings.append(f"duplicate entry dropped: {candidate.key}")
            continue
        seen |= keys
        entries.append(candidate)
    return tuple(entries), tuple(warnings)
