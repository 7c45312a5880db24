"""A feed entry as an :class:`Article`: the entry's own content when the feed carries the full
text, else its article page (fetched through the guarded fetcher, extracted by the engine),
else its summary. ``briefbot brief FEED`` and ingest both read entries here."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from briefings.errors import BriefbotError
from briefings.model import Article
from briefings.reading.extract import parse_html
from briefings.sources.feedmodel import FeedEntry, ParsedFeed
from briefings.sources.fetch import Fetcher
from briefings.sources.read import Extract, read_page
from briefings.sources.urls import page_canonical

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class EntryArticle:
    """An entry's article; ``page_fetched`` when its page was asked for, ``page_error`` why
    the page was not used ("" when it was, or was not needed)."""

    article: Article
    page_fetched: bool = False
    page_error: str = ""


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


async def read_entry(
    entry: FeedEntry, feed: ParsedFeed, fetcher: Fetcher, extract: Extract = parse_html
) -> EntryArticle:
    """The article of ``entry``; fetches its page only when the feed has no full text.

    A page that cannot be fetched or extracted leaves the entry's own summary in its place;
    the reason is in ``page_error``.
    """
    fallback = entry_article(entry, feed)
    if entry.content:
        return EntryArticle(fallback)
    try:
        page = await read_page(entry.link, fetcher, extract)
    except BriefbotError as exc:
        log.info("feed %s: page %s not read (%s)", feed.url, entry.link, exc)
        return EntryArticle(fallback, page_fetched=True, page_error=str(exc))
    except Exception as exc:  # an engine failure on one page must not sink the feed
        log.warning("feed %s: extracting %s failed: %r", feed.url, entry.link, exc)
        return EntryArticle(fallback, page_fetched=True, page_error=f"extraction failed: {exc!r}")
    return EntryArticle(with_page(entry, fallback, page), page_fetched=True)


def with_page(entry: FeedEntry, fallback: Article, page: Article) -> Article:
    """The entry's article with the page's text and whatever metadata the page knows better."""
    return Article(
        url=entry.link,
        title=page.title or entry.title,
        paragraphs=page.paragraphs,
        outlet=page.outlet or fallback.outlet,
        published=page.published or entry.published,
        authors=page.authors or entry.authors,
        dateline=page.dateline,
        canonical_url=page_canonical(entry.link, page.canonical_url, page.url),
        summary=entry.summary,
        background=page.background,
    )
