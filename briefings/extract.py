"""An HTML news page -> :class:`~briefings.model.Article`, through one trafilatura call.

trafilatura gives the main text as an element tree plus the page metadata; this module only
reads its paragraphs and drops what is still site furniture (captions, credit lines, teasers).
The page is not parsed a second time: the one datum trafilatura reduces to a day (the
publication time) is read from the raw markup by a regex.
"""

from __future__ import annotations

import html as html_lib
import re
from typing import Any

import trafilatura

from briefings.boilerplate import credit_authors, is_boilerplate, is_caption, split_authors
from briefings.dateline import split_dateline
from briefings.dates import parse_iso
from briefings.headline import headline_from_lede
from briefings.model import Article

_PUBLISHED = re.compile(
    r"<meta\s[^>]*?(?:property|name|itemprop)=[\"'](?:article:published_time|"
    r"og:published_time|datePublished|pubdate|publishdate|date)[\"'][^>]*?>",
    re.IGNORECASE,
)
_CONTENT = re.compile(r"\scontent=[\"']([^\"']+)[\"']", re.IGNORECASE)
_TIME_TAG = re.compile(r"<time\s[^>]*?datetime=[\"']([^\"']+)[\"']", re.IGNORECASE)
_TITLE_SUFFIX = re.compile(r"\s+[|–—-]\s+[^|–—-]{2,80}$")
_TEXT_TAGS = frozenset({"p", "quote", "item", "list"})


def parse_html(page: str, url: str = "") -> Article:
    """Extract the article of ``page``. An empty result has no paragraphs (never raises)."""
    doc = trafilatura.bare_extraction(
        page,
        url=url or None,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_formatting=False,
        deduplicate=False,
    )
    if doc is None or getattr(doc, "body", None) is None:
        return Article(url=url, title="", paragraphs=())
    outlet = html_lib.unescape(doc.sitename or "")
    title = _clean_title(doc.title or "", outlet)
    paragraphs, byline_authors = _paragraphs(doc.body, title, outlet)
    authors = split_authors((doc.author or "").replace(";", ","), outlet) or byline_authors
    canonical = html_lib.unescape(doc.url or "")
    return Article(
        url=url or canonical,
        title=title or (headline_from_lede(paragraphs[0]) if paragraphs else ""),
        paragraphs=tuple(paragraphs),
        outlet=outlet,
        published=_published(page) or parse_iso(doc.date),
        authors=authors,
        dateline=split_dateline(paragraphs[0])[0] if paragraphs else "",
        canonical_url=canonical,
        summary=doc.description or "",
    )


def _paragraphs(body: Any, title: str, outlet: str) -> tuple[list[str], tuple[str, ...]]:
    paragraphs: list[str] = []
    authors: tuple[str, ...] = ()
    for element in body.iter(*_TEXT_TAGS):
        if element.tag == "list":
            continue  # its items are visited on their own
        text = " ".join("".join(element.itertext()).split())
        if not text or text == title:
            continue
        credited = credit_authors(text, outlet)
        if credited is not None:
            authors = authors or credited
            continue
        if is_boilerplate(text) or is_caption(text) or text in paragraphs:
            continue
        paragraphs.append(text)
    return paragraphs, authors


def _clean_title(title: str, outlet: str) -> str:
    """Drop a trailing ``| Outlet: tagline`` or `` - Outlet`` from a page title."""
    text = html_lib.unescape(title).strip()
    suffix = _TITLE_SUFFIX.search(text)
    if suffix and (not outlet or outlet.casefold() in suffix.group(0).casefold()):
        text = text[: suffix.start()].strip()
    return text


def _published(page: str) -> Any:
    head = page[:100_000]
    for meta in _PUBLISHED.finditer(head):
        content = _CONTENT.search(meta.group(0))
        parsed = parse_iso(html_lib.unescape(content.group(1))) if content else None
        if parsed is not None and "T" in (content.group(1) if content else ""):
            return parsed
    time_tag = _TIME_TAG.search(head)
    return parse_iso(time_tag.group(1)) if time_tag else None
