"""Read a source into an :class:`~briefings.model.Article` or a parsed feed: a text file, an
HTML file, a feed file, or an http(s) URL. :func:`classify` names the kind.

Files are read here; every URL goes through the one guarded :class:`Fetcher` (address guard,
user agent, timeouts, size cap, per-host limits), so a URL typed on the command line is held to
the same rules as a feed polled by the bot.

Errors: :class:`~briefings.errors.UnsafeUrl` when the guard refuses a URL,
:class:`~briefings.errors.FetchError` when a source cannot be read (missing, HTTP error, too
big, not a page), :class:`~briefings.errors.NothingToBrief` when it holds no article text.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path

from briefings.errors import FetchError, NothingToBrief, UnsafeUrl
from briefings.model import Article
from briefings.reading.extract import parse_html
from briefings.reading.text import parse_text
from briefings.sources.encoding import decode_text
from briefings.sources.feedmodel import ParsedFeed
from briefings.sources.feeds import looks_like_feed, parse_feed
from briefings.sources.fetch import FEED_ACCEPT, PAGE_ACCEPT, Fetcher
from briefings.sources.fetchresult import FetchResult

logger = logging.getLogger(__name__)

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml", ""})
# A URL given on the command line may be a feed or a page: accept both.
ANY_ACCEPT = f"{PAGE_ACCEPT}, {FEED_ACCEPT}"

Extract = Callable[[str, str], Article]


class SourceKind(StrEnum):
    URL = "url"
    HTML = "html"
    TEXT = "text"
    FILE = "file"  # sniffed when read


def classify(source: str) -> SourceKind:
    """What ``source`` is, from its spelling alone."""
    if source.startswith(("http://", "https://")):
        return SourceKind.URL
    suffix = Path(source).suffix.lower()
    if suffix in HTML_SUFFIXES:
        return SourceKind.HTML
    if suffix in TEXT_SUFFIXES:
        return SourceKind.TEXT
    return SourceKind.FILE


def read_source(path: str) -> Article:
    """Read the file at ``path`` (text or HTML) into an Article with a body."""
    if classify(path) is SourceKind.URL:
        raise FetchError(f"{path}: a URL is read with read_url, through the fetcher")
    content = _read_file(path)
    kind = classify(path)
    is_html = kind is SourceKind.HTML or (kind is SourceKind.FILE and _looks_like_html(content))
    parse = parse_html if is_html else parse_text
    return _with_body(path, parse(content, _file_url(path)))


def read_file_or_feed(path: str) -> Article | ParsedFeed:
    """Like :func:`read_source`, but a feed file (known by its content) comes back parsed; a
    feed that cannot be parsed raises FetchError."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise FetchError(f"{path}: {exc.strerror or exc}") from exc
    if not looks_like_feed(data):
        return read_source(path)
    return _usable(path, parse_feed(data, _file_url(path)))


async def read_url(url: str, fetcher: Fetcher) -> Article | ParsedFeed:
    """Fetch ``url`` through ``fetcher``: a feed comes back parsed, a page as its Article."""
    result = await fetcher.fetch(url, accept=ANY_ACCEPT)
    _raise_unless_ok(url, result)
    if looks_like_feed(result.body, result.content_type):
        media_type = result.content_type.split(";")[0].strip().lower()
        return _usable(url, parse_feed(result.body, result.final_url or url, media_type))
    return _with_body(url, page_article(url, result))


async def read_page(url: str, fetcher: Fetcher, extract: Extract = parse_html) -> Article:
    """Fetch the article page ``url`` and extract it with ``extract`` (page text, page URL)."""
    result = await fetcher.fetch(url, accept=PAGE_ACCEPT)
    _raise_unless_ok(url, result)
    return _with_body(url, page_article(url, result, extract))


def page_article(url: str, result: FetchResult, extract: Extract = parse_html) -> Article:
    """The article of a fetched page: HTML extracted, plain text parsed as scraped text."""
    media_type = result.content_type.split(";")[0].strip().lower()
    content = decode_text(result.body, result.charset)
    page_url = result.final_url or url
    if media_type in HTML_TYPES or "html" in media_type or _looks_like_html(content):
        return extract(content, page_url)
    if media_type.startswith("text/"):
        return parse_text(content, url=page_url)
    raise FetchError(f"{url}: not an article page ({media_type})")


def _raise_unless_ok(url: str, result: FetchResult) -> None:
    if result.refused:
        raise UnsafeUrl(f"{url}: {result.error}")
    if not result.ok:
        raise FetchError(f"{url}: {result.error or 'not modified'}")
    logger.debug("fetched %s: %d bytes (%s)", url, len(result.body), result.content_type)


def _usable(source: str, feed: ParsedFeed) -> ParsedFeed:
    if not feed.ok:
        raise FetchError(f"{source}: {feed.error}")
    if feed.empty:
        raise NothingToBrief(f"{source}: no entries")
    return feed


def _with_body(source: str, article: Article) -> Article:
    if not article.paragraphs:
        raise NothingToBrief(f"{source}: no article text found")
    return article


def _read_file(path: str) -> str:
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise FetchError(f"{path}: {exc.strerror or exc}") from exc
    return data.decode("utf-8", errors="replace")


def _looks_like_html(content: str) -> bool:
    return content.lstrip()[:1] == "<"


def _file_url(path: str) -> str:
    return Path(path).resolve().as_uri()
