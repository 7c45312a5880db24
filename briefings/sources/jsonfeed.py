"""JSON Feed (https://jsonfeed.org/version/1.1) to a :class:`ParsedFeed` (feedparser has no
JSON Feed support). Malformed documents and items become errors and warnings, not exceptions.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin

from briefings.reading.htmltext import html_to_paragraphs, html_to_text, plain_text
from briefings.sources.feedmodel import FeedEntry, ParsedFeed, collect_entries
from briefings.sources.urls import canonical_url, is_http_url

JSON_FEED_VERSION_PREFIX = "https://jsonfeed.org/version/"


def looks_like_json_feed(body: bytes, content_type: str) -> bool:
    """True when the body is (meant to be) JSON rather than XML."""
    if "json" in content_type.lower():
        return True
    return body.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"{"


def parse_json_feed(body: bytes, url: str) -> ParsedFeed:
    try:
        document = json.loads(body.decode("utf-8-sig", errors="replace"))
    except (ValueError, RecursionError) as exc:
        return ParsedFeed(url=url, error=f"not a readable JSON feed: {exc}")
    if not isinstance(document, dict) or not str(document.get("version", "")).startswith(
        JSON_FEED_VERSION_PREFIX
    ):
        return ParsedFeed(url=url, error="not a JSON Feed (no jsonfeed.org version)")
    items = document.get("items")
    if not isinstance(items, list):
        return ParsedFeed(url=url, error="JSON Feed without an items list")
    entries, warnings = collect_entries(_item(item, url) for item in items)
    home = str(document.get("home_page_url") or "")
    feed = ParsedFeed(
        url=url,
        title=plain_text(str(document.get("title") or "")),
        link=canonical_url(home) if is_http_url(home) else "",
        entries=entries,
        warnings=warnings,
    )
    if not entries and items:
        return ParsedFeed(url=url, title=feed.title, error="no entries", warnings=warnings)
    return feed


def _item(item: Any, base: str) -> FeedEntry | str:
    if not isinstance(item, Mapping):
        return "JSON Feed item that is not an object dropped"
    guid = str(item.get("id") or "").strip()
    raw_link = str(item.get("url") or item.get("external_url") or "").strip()
    link = urljoin(base, raw_link) if raw_link else ""
    if not is_http_url(link):
        return f"entry without an http(s) link dropped: {guid or '?'}"
    if item.get("content_html"):
        content = html_to_paragraphs(str(item["content_html"]))
    else:
        text = str(item.get("content_text") or "")
        content = tuple(p.strip() for p in text.split("\n\n") if p.strip())
    summary = html_to_text(str(item.get("summary") or ""))
    link = canonical_url(link)
    return FeedEntry(
        guid=guid[:2048],
        link=link[:2048],
        title=plain_text(str(item.get("title") or "")) or link,
        published=_date(item.get("date_published") or item.get("date_modified")),
        authors=_authors(item),
        summary=summary or " ".join(content)[:500],
        content=content if not summary or len(" ".join(content)) > len(summary) else (),
    )


def _date(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed.astimezone(UTC) if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _authors(item: Mapping[str, Any]) -> tuple[str, ...]:
    raw = item.get("authors")
    if not isinstance(raw, list):
        raw = [item["author"]] if isinstance(item.get("author"), Mapping) else []
    names = (html_to_text(str(a.get("name") or "")) for a in raw if isinstance(a, Mapping))
    return tuple(dict.fromkeys(n for n in names if n))
