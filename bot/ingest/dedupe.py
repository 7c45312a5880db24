"""Which new entries and articles are really new: by link and GUID before anything is
fetched, by the page's canonical URL and the text's hash after."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, replace

from bot.store.sources import FeedState, NewArticle, SeenKeys
from briefings.model import Article
from briefings.sources.feedmodel import FeedEntry, ParsedFeed

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Fresh:
    """An entry of a polled feed, with the feed it came from."""

    state: FeedState
    feed: ParsedFeed
    entry: FeedEntry


@dataclass(frozen=True, slots=True)
class Matched:
    """A new article on at least one topic, before dedupe by page canonical URL and text."""

    item: Fresh
    article: Article
    topics: tuple[str, ...]
    row: NewArticle


def unseen(fresh: Sequence[Fresh], seen: SeenKeys) -> list[Fresh]:
    """The entries whose link and GUID are neither stored nor earlier in the batch."""
    keep: list[Fresh] = []
    batch: set[str] = set()
    for item in fresh:
        keys = {k for k in (item.entry.link, item.entry.guid) if k}
        if item.entry.link in seen.urls or item.entry.guid in seen.guids or keys & batch:
            continue
        batch |= keys
        keep.append(item)
    return keep


def split_duplicates(
    matched: Sequence[Matched], seen: SeenKeys
) -> tuple[list[Matched], list[NewArticle]]:
    """Split off articles whose canonical URL (from the page) or text is stored already or
    earlier in the batch. Those come back as rows under their own entry link, without a
    story, so the entry is known next time and its page is not fetched again."""
    keep: list[Matched] = []
    duplicates: list[NewArticle] = []
    urls: set[str] = set(seen.urls)
    hashes: set[str] = set(seen.hashes)
    for candidate in matched:
        row = candidate.row
        if row.canonical_url in urls or row.content_hash in hashes:
            log.info(
                "feed %s: article %s already stored, not briefed again",
                candidate.item.state.url,
                row.canonical_url,
            )
            if row.url not in urls:
                duplicates.append(
                    replace(row, canonical_url=row.url, data={"duplicate_of": row.canonical_url})
                )
                urls.add(row.url)
            continue
        urls.add(row.canonical_url)
        hashes.add(row.content_hash)
        keep.append(candidate)
    return keep, duplicates
