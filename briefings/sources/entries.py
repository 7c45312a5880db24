"""A feed entry as an :class:`Article`, before (or instead of) reading its page."""

from __future__ import annotations

from briefings.model import Article
from briefings.sources.feedmodel import FeedEntry, ParsedFeed


def entry_article(entry: FeedEntry, feed: ParsedFeed) -> Article:
    """The article as the feed tells it: its full content, or just its summary."""
    return Article(
        url=entry.link,
        title=entry.title,
        paragraphs=entry.content or ((entry.summary,) if entry.summary else ()),
        outlet=feed.title,
        published=entry.published,
        authors=entry.authors,
        canonical_url=entry.link,
        summary=entry.summary,
    )
