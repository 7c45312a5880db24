"""A feed entry to an :class:`Article`: the entry's own content when the feed carries the full
text, else the article page (fetched politely, extracted by the engine), else the summary."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from bot.ingest.briefer import Briefer
from briefings.model import Article
from briefings.sources.encoding import decode_text
from briefings.sources.entries import entry_article
from briefings.sources.feedmodel import FeedEntry, ParsedFeed
from briefings.sources.fetch import PAGE_ACCEPT, Fetcher
from briefings.sources.urls import page_canonical

log = logging.getLogger(__name__)

HTML_TYPES = ("text/html", "application/xhtml+xml", "")


@dataclass(frozen=True, slots=True)
class BuiltArticle:
    article: Article
    page_fetched: bool = False
    page_error: str = ""


def from_entry(entry: FeedEntry, feed: ParsedFeed) -> Article:
    """The article as the feed tells it (full content, or just the summary)."""
    return entry_article(entry, feed)


async def build_article(
    entry: FeedEntry, feed: ParsedFeed, fetcher: Fetcher, briefer: Briefer
) -> BuiltArticle:
    """The article of ``entry``; fetches the page only when the feed has no full text."""
    fallback = from_entry(entry, feed)
    if entry.content:
        return BuiltArticle(fallback)
    result = await fetcher.fetch(entry.link, accept=PAGE_ACCEPT)
    if not result.ok:
        log.info("feed %s: page %s not read (%s)", feed.url, entry.link, result.error)
        return BuiltArticle(fallback, page_fetched=True, page_error=result.error)
    media_type = result.content_type.split(";")[0].strip().lower()
    if media_type not in HTML_TYPES:
        return BuiltArticle(fallback, True, f"not an HTML page: {media_type}")
    page_url = result.final_url or entry.link
    try:
        page = briefer.extract(decode_text(result.body, result.charset), page_url)
    except Exception as exc:  # an engine failure on one page must not sink the run
        log.warning("feed %s: extracting %s failed: %r", feed.url, entry.link, exc)
        return BuiltArticle(fallback, True, f"extraction failed: {exc!r}")
    if not page.paragraphs:
        return BuiltArticle(fallback, True, "no article text on the page")
    return BuiltArticle(_merge(entry, fallback, page, page_url), page_fetched=True)


def _merge(entry: FeedEntry, fallback: Article, page: Article, page_url: str) -> Article:
    return Article(
        url=entry.link,
        title=page.title or entry.title,
        paragraphs=page.paragraphs,
        outlet=page.outlet or fallback.outlet,
        published=page.published or entry.published,
        authors=page.authors or entry.authors,
        dateline=page.dateline,
        canonical_url=page_canonical(entry.link, page.canonical_url, page_url),
        summary=entry.summary,
    )
