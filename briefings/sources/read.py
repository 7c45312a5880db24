"""Read a source into an :class:`~briefings.model.Article`: a text file, an HTML file or an
http(s) URL. :func:`classify` names the kind; :data:`READERS` maps each kind to its reader, so
a new kind (a feed, say) is one more entry.

Errors: :class:`~briefings.errors.SourceUnreadable` when the source cannot be read (missing,
refused, too big, not a page), :class:`~briefings.errors.NothingToBrief` when it holds no
article text.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from briefings.errors import NothingToBrief, SourceUnreadable
from briefings.model import Article
from briefings.reading.extract import parse_html
from briefings.reading.text import parse_text
from briefings.sources.feedmodel import ParsedFeed
from briefings.sources.feeds import looks_like_feed, parse_feed
from briefings.sources.policy import FetchPolicy

logger = logging.getLogger(__name__)

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """How to read: the fetch policy (timeout, size cap, user agent) and an optional
    ``httpx.Client`` (tests pass one built on ``httpx.MockTransport``)."""

    policy: FetchPolicy = field(default_factory=FetchPolicy)
    client: httpx.Client | None = None


def classify(source: str) -> str:
    """``"url"``, ``"html"`` or ``"text"``."""
    if source.startswith(("http://", "https://")):
        return "url"
    suffix = Path(source).suffix.lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in TEXT_SUFFIXES:
        return "text"
    return "file"  # sniffed when read


def read_source(
    source: str, *, client: httpx.Client | None = None, policy: FetchPolicy | None = None
) -> Article:
    """Read ``source`` (a path or an http(s) URL) into an Article with a body."""
    options = ReadOptions(policy or FetchPolicy(), client)
    article = READERS[classify(source)](source, options)
    if not article.paragraphs:
        raise NothingToBrief(f"{source}: no article text found")
    return article


def read_feed_or_article(
    source: str, *, client: httpx.Client | None = None, policy: FetchPolicy | None = None
) -> Article | ParsedFeed:
    """Like :func:`read_source`, but a feed (RSS, Atom, JSON Feed, known by its content)
    comes back parsed; a feed that cannot be parsed raises SourceUnreadable."""
    options = ReadOptions(policy or FetchPolicy(), client)
    if classify(source) == "url":
        content, content_type = fetch(source, options)
        if not looks_like_feed(content.encode("utf-8"), content_type):
            article = _page_article(source, content, content_type)
            if not article.paragraphs:
                raise NothingToBrief(f"{source}: no article text found")
            return article
        feed = parse_feed(content.encode("utf-8"), source, content_type.split(";")[0])
    else:
        try:
            data = Path(source).read_bytes()
        except OSError as exc:
            raise SourceUnreadable(f"{source}: {exc.strerror or exc}") from exc
        if not looks_like_feed(data):
            return read_source(source, client=client, policy=policy)
        feed = parse_feed(data, _file_url(source))
    if not feed.ok:
        raise SourceUnreadable(f"{source}: {feed.error}")
    if feed.empty:
        raise NothingToBrief(f"{source}: no entries")
    return feed


def _read_file(path: str) -> str:
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise SourceUnreadable(f"{path}: {exc.strerror or exc}") from exc
    return data.decode("utf-8", errors="replace")


def _read_text(source: str, options: ReadOptions) -> Article:
    return parse_text(_read_file(source), url=_file_url(source))


def _read_html(source: str, options: ReadOptions) -> Article:
    return parse_html(_read_file(source), url=_file_url(source))


def _read_sniffed(source: str, options: ReadOptions) -> Article:
    content = _read_file(source)
    if content.lstrip()[:1] == "<":
        return parse_html(content, url=_file_url(source))
    return parse_text(content, url=_file_url(source))


def _file_url(path: str) -> str:
    return Path(path).resolve().as_uri()


def _read_url(source: str, options: ReadOptions) -> Article:
    content, content_type = fetch(source, options)
    return _page_article(source, content, content_type)


def _page_article(source: str, content: str, content_type: str) -> Article:
    if "html" in content_type or content.lstrip()[:1] == "<":
        article = parse_html(content, url=source)
    elif content_type.startswith("text/"):
        article = parse_text(content, url=source)
    else:
        raise SourceUnreadable(f"{source}: not an article page ({content_type or 'no type'})")
    return article


def fetch(url: str, options: ReadOptions) -> tuple[str, str]:
    """GET ``url`` with the policy's timeout and size cap; (text, content type)."""
    policy = options.policy
    client = options.client or httpx.Client(
        timeout=policy.timeout_seconds,
        follow_redirects=True,
        max_redirects=policy.max_redirects,
        headers={"User-Agent": policy.user_agent},
    )
    try:
        with client.stream("GET", url) as response:
            if response.status_code >= 400:
                raise SourceUnreadable(f"{url}: HTTP {response.status_code}")
            body = bytearray()
            for chunk in response.iter_bytes():
                body += chunk
                if len(body) > policy.max_bytes:
                    raise SourceUnreadable(f"{url}: larger than {policy.max_bytes} bytes")
            content_type = response.headers.get("content-type", "").split(";")[0].strip()
            encoding = response.charset_encoding or "utf-8"
    except httpx.HTTPError as exc:
        raise SourceUnreadable(f"{url}: {type(exc).__name__}: {exc}") from exc
    finally:
        if options.client is None:
            client.close()
    logger.debug("fetched %s: %d bytes (%s)", url, len(body), content_type)
    try:
        text = bytes(body).decode(encoding, errors="replace")
    except LookupError:  # a charset Python does not know
        text = bytes(body).decode("utf-8", errors="replace")
    return text, content_type.lower()


READERS: dict[str, Callable[[str, ReadOptions], Article]] = {
    "url": _read_url,
    "html": _read_html,
    "text": _read_text,
    "file": _read_sniffed,
}
