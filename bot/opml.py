"""OPML feed lists: reading an import file and writing an export. Pure functions over text.

An import keeps every ``outline`` with an ``xmlUrl`` (at any depth: folders are flattened),
its ``title`` or ``text`` as the title. A file that is not OPML raises :class:`OpmlError`.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from email.utils import format_datetime
from urllib.parse import urlsplit


class OpmlError(ValueError):
    """The file is not an OPML document (the message says why)."""


@dataclass(frozen=True, slots=True)
class OpmlFeed:
    url: str
    title: str = ""


def parse_opml(text: str | bytes) -> list[OpmlFeed]:
    """The feeds of an OPML document, in document order, each URL once."""
    try:
        root = ET.fromstring(text)
    except ET.ParseError as exc:
        raise OpmlError(f"not well-formed XML ({exc})") from None
    if root.tag != "opml":
        raise OpmlError(f"the root element is <{root.tag}>, not <opml>")
    body = root.find("body")
    if body is None:
        raise OpmlError("no <body> element")
    found: dict[str, OpmlFeed] = {}
    for outline in body.iter("outline"):
        url = (outline.get("xmlUrl") or "").strip()
        if url and url not in found:
            title = (outline.get("title") or outline.get("text") or "").strip()
            found[url] = OpmlFeed(url, title)
    return list(found.values())


def is_feed_url(url: str) -> bool:
    """An http(s) URL with a host."""
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def render_opml(feeds: Iterable[OpmlFeed], title: str, now: datetime) -> str:
    """An OPML 2.0 document listing ``feeds`` (attribute values escaped)."""
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = title
    ET.SubElement(head, "dateCreated").text = format_datetime(now)
    body = ET.SubElement(root, "body")
    for feed in feeds:
        name = feed.title or feed.url
        ET.SubElement(body, "outline", type="rss", text=name, title=name, xmlUrl=feed.url)
    ET.indent(root)
    xml = ET.tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{xml}\n'
