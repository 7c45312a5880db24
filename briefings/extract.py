"""An HTML news page -> :class:`~briefings.model.Article`, through one trafilatura call.

trafilatura (fast mode, body only) gives the main text as an element tree; this module reads
its paragraphs and drops what is still site furniture (captions, credit lines, teasers). Page
metadata comes from :mod:`briefings.pagemeta`, a few regexes over the markup's tags, which is
cheaper than trafilatura's metadata pass and keeps the whole step close to extraction alone.
"""

from __future__ import annotations

import re
from typing import Any

import trafilatura
from trafilatura.settings import Extractor

from briefings.boilerplate import (
    BYLINE,
    credit_authors,
    is_boilerplate,
    is_caption,
    split_authors,
)
from briefings.dateline import split_dateline
from briefings.headline import headline_from_lede
from briefings.model import Article
from briefings.pagemeta import read_meta
from briefings.urls import canonical_url, is_http_url

_TITLE_SUFFIX = re.compile(r"\s+[|–—-]\s+[^|–—-]{2,80}$")
_TEXT_TAGS = frozenset({"p", "quote", "item", "list", "head"})
_MIN_WORDS = 8
_CREDIT_MAX_CHARS = 300


def _options(url: str = "") -> Extractor:
    """Fast mode, body only. The output format is not "python", so trafilatura does not
    also render the body as text: only the element tree is read here."""
    return Extractor(
        output_format="txt",
        fast=True,
        comments=False,
        tables=False,
        images=False,
        formatting=False,
        dedup=False,
        url=url or None,
        with_metadata=False,
    )


# Building the options parses trafilatura's config: do it once, not per page.
_OPTIONS = _options()


def parse_html(page: str, url: str = "") -> Article:
    """Extract the article of ``page``. An empty result has no paragraphs (never raises)."""
    doc: Any = trafilatura.bare_extraction(page, options=_options(url) if url else _OPTIONS)
    if doc is None or getattr(doc, "body", None) is None:
        return Article(url=url, title="", paragraphs=())  # nothing found: not an error
    meta = read_meta(page)
    outlet = meta.sitename
    title = _clean_title(meta.title, outlet)
    paragraphs, heading, byline_authors = _paragraphs(doc.body, title, outlet)
    title = title or heading
    if sum(len(p.split()) for p in paragraphs) < _MIN_WORDS:
        paragraphs = []  # a menu or a stub, not an article
    authors = split_authors(meta.author.replace(";", ","), outlet) or byline_authors
    # Tracking parameters never make a link canonical ("?utm_source=rss").
    canonical = canonical_url(meta.canonical) if is_http_url(meta.canonical) else meta.canonical
    if not authors and BYLINE.match(meta.byline):
        authors = credit_authors(meta.byline, outlet) or ()
    return Article(
        url=url or canonical,
        title=title or (headline_from_lede(paragraphs[0]) if paragraphs else ""),
        paragraphs=tuple(paragraphs),
        outlet=outlet,
        published=meta.published,
        authors=authors,
        dateline=split_dateline(paragraphs[0])[0] if paragraphs else "",
        canonical_url=canonical,
        summary=meta.description,
    )


def _paragraphs(body: Any, title: str, outlet: str) -> tuple[list[str], str, tuple[str, ...]]:
    """Body paragraphs, the first heading, and authors named by a credit line or byline."""
    paragraphs: list[str] = []
    heading = ""
    authors: tuple[str, ...] = ()
    for element in body.iter(*_TEXT_TAGS):
        if element.tag == "list":
            continue  # its items are visited on their own
        text = " ".join("".join(element.itertext()).split())
        if element.tag == "head":
            heading = heading or text
            continue
        if not text or text == title:
            continue
        credited = credit_authors(text, outlet) if len(text) < _CREDIT_MAX_CHARS else None
        if credited is not None:
            authors = authors or credited
            continue
        if is_boilerplate(text) or is_caption(text) or text in paragraphs:
            continue
        paragraphs.append(text)
    return paragraphs, heading, authors


def _clean_title(title: str, outlet: str) -> str:
    """Drop a trailing ``| Outlet: tagline`` or `` - Outlet`` from a page title."""
    text = title.strip()
    suffix = _TITLE_SUFFIX.search(text)
    if suffix and (not outlet or outlet.casefold() in suffix.group(0).casefold()):
        text = text[: suffix.start()].strip()
    return text
