"""Feed bytes to a :class:`ParsedFeed`: RSS 0.9x/1.0/2.0 and Atom via feedparser, JSON Feed
via :mod:`briefings.sources.jsonfeed`.

Bad input never raises. A feed that cannot be read at all (broken XML with nothing
recoverable, entity declarations, zero entries) is a ``ParsedFeed`` with ``error`` set;
entries that cannot be used (no http(s) link, duplicate GUID) are dropped with a warning.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import Any

import feedparser

from briefings.reading.htmltext import html_to_paragraphs, html_to_text, plain_text
from briefings.sources.encoding import as_utf8_xml, decode_text
from briefings.sources.feedmodel import FeedEntry, ParsedFeed, collect_entries
from briefings.sources.jsonfeed import looks_like_json_feed, parse_json_feed
from briefings.sources.urls import canonical_url, is_http_url

log = logging.getLogger(__name__)

_DOCTYPE = re.compile(rb"<!DOCTYPE", re.IGNORECASE)
_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>]")
_FEED_TYPES = ("rss", "atom", "rdf", "feed+json")
_SNIFF_BYTES = 2048
_ENTITY = re.compile(rb"<!ENTITY", re.IGNORECASE)


def parse_feed(body: bytes, url: str, content_type: str = "") -> ParsedFeed:
    """Parse feed ``body`` fetched from ``url`` (relative links resolve against it)."""
    if looks_like_json_feed(body, content_type):
        return parse_json_feed(body, url)
    refusal = _entity_refusal(body)
    if refusal:
        return ParsedFeed(url=url, error=refusal)
    charset = _charset(content_type)
    text = decode_text(body, charset)
    parsed = feedparser.parse(
        as_utf8_xml(text),
        response_headers={
            "content-location": url,
            "content-type": "application/xml; charset=utf-8",
        },
        # Every HTML value becomes plain text in briefings.reading.htmltext (scripts, styles and
        # links dropped there), so feedparser's own sanitizer would only double the cost.
        sanitize_html=False,
        resolve_relative_uris=False,
    )
    entries, warnings = collect_entries(_entry(raw) for raw in parsed.entries)
    feed = parsed.get("feed", {})
    title = _text(feed.get("title_detail"), feed.get("title", ""))
    link = canonical_url(feed.get("link", "")) if is_http_url(feed.get("link", "")) else ""
    if not parsed.entries and not parsed.get("bozo") and parsed.get("version"):
        # A well-formed RSS or Atom document that holds no items (yet): empty, not broken.
        return ParsedFeed(url=url, title=title, link=link, warnings=warnings)
    if not entries:
        reason = _bozo_reason(parsed) if parsed.get("bozo") else "no entries"
        if not parsed.entries and parsed.get("bozo"):
            reason = f"not a readable feed: {reason}"
        return ParsedFeed(url=url, title=title, link=link, error=reason, warnings=warnings)
    if parsed.get("bozo"):
        warnings += (f"malformed, recovered {len(entries)} entries: {_bozo_reason(parsed)}",)
    return ParsedFeed(url=url, title=title, link=link, entries=entries, warnings=warnings)


def looks_like_feed(body: bytes, content_type: str = "") -> bool:
    """True when ``body`` is an RSS, Atom or JSON feed rather than a page or a text."""
    media_type = content_type.split(";")[0].strip().lower()
    if any(kind in media_type for kind in _FEED_TYPES):
        return True
    head = body[:_SNIFF_BYTES]
    if looks_like_json_feed(head, "") and b"jsonfeed.org/version" in head:
        return True
    return bool(_FEED_ROOT.search(head)) and b"<html" not in head.lower()


def _entry(raw: Mapping[str, Any]) -> FeedEntry | str:
    link = _link(raw)
    guid = str(raw.get("id") or "").strip()
    title = _text(raw.get("title_detail"), raw.get("title", ""))
    if not link:
        return f"entry without an http(s) link dropped: {guid or title or '?'}"
    summary_paragraphs = html_to_paragraphs(str(raw.get("summary") or ""))
    content = _content(raw.get("content") or ())
    return FeedEntry(
        guid=guid[:2048],
        link=link,
        title=title or link,
        published=_published(raw),
        authors=_authors(raw),
        summary=" ".join(summary_paragraphs),
        content=content,
    )


def _link(raw: Mapping[str, Any]) -> str:
    candidates = [raw.get("link", "")]
    candidates += [
        item.get("href", "")
        for item in raw.get("links", ())
        if item.get("rel", "alternate") == "alternate"
    ]
    if raw.get("guidislink"):
        candidates.append(raw.get("id", ""))
    for candidate in candidates:
        if candidate and is_http_url(str(candidate)):
            return canonical_url(str(candidate))[:2048]
    return ""


def _text(detail: Mapping[str, Any] | None, fallback: str) -> str:
    value = str((detail or {}).get("value", fallback) or "")
    if detail is not None and detail.get("type") == "text/plain":
        return plain_text(value)
    return html_to_text(value)


def _content(items: Iterable[Mapping[str, Any]]) -> tuple[str, ...]:
    best: tuple[str, ...] = ()
    for item in items:
        value = str(item.get("value") or "")
        if item.get("type") == "text/plain":
            paragraphs = tuple(p.strip() for p in value.split("\n\n") if p.strip())
        else:
            paragraphs = html_to_paragraphs(value)
        if len(" ".join(paragraphs)) > len(" ".join(best)):
            best = paragraphs
    return best


def _published(raw: Mapping[str, Any]) -> datetime | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = raw.get(key)
        if value:
            try:
                return datetime(
                    value[0], value[1], value[2], value[3], value[4], value[5], tzinfo=UTC
                )
            except (TypeError, ValueError):
                continue
    return None


def _authors(raw: Mapping[str, Any]) -> tuple[str, ...]:
    names = [html_to_text(str(a.get("name") or "")) for a in raw.get("authors", ()) if a]
    if not any(names) and raw.get("author"):
        names = [html_to_text(str(raw["author"]))]
    return tuple(dict.fromkeys(n for n in names if n))


def _entity_refusal(body: bytes) -> str | None:
    """Refuse DTD entity declarations: feeds have no use for them, entity bombs do."""
    doctype = _DOCTYPE.search(body)
    if doctype is not None and _ENTITY.search(body, doctype.end()):
        return "refused: the feed declares DTD entities (possible entity-expansion attack)"
    return None


def _charset(content_type: str) -> str:
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset":
            return value.strip().strip("\"'").lower()
    return ""


def _bozo_reason(parsed: Mapping[str, Any]) -> str:
    exc = parsed.get("bozo_exception")
    return f"{exc.__class__.__name__}: {exc}" if exc is not None else "malformed feed"
