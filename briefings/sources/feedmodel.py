"""Parsed feeds as frozen values."""

from __future__ import annotations

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
