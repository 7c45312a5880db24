"""An HTML news page -> :class:`~briefings.model.Article`, through trafilatura.

trafilatura (fast mode, body only) gives the main text as an element tree; this module reads
its paragraphs and drops what is still site furniture (captions, credit lines, teasers). Page
metadata comes from :mod:`briefings.reading.pagemeta`, a few regexes over the markup's tags,
which is cheaper than trafilatura's metadata pass and keeps the whole step close to
extraction alone.

Extraction favours precision: a teaser or a menu line in the body becomes a wrong bullet,
while an article page keeps its text in one main block that the precise pass finds. Only a
page where that pass finds less than :data:`RETRY_BELOW_CHARS` (an unusual layout, a stub) is
extracted again in trafilatura's balanced mode, with its rescue and recall retries.
"""

from __future__ import annotations

import re
from typing import Any

import trafilatura
from lxml import etree
from trafilatura.settings import Extractor

from briefings.model import Article
from briefings.reading.backmatter import names_a_section_apart
from briefings.reading.boilerplate import (
    BYLINE,
    closes_article,
    credit_authors,
    is_boilerplate,
    is_caption,
    split_authors,
)
from briefings.reading.dateline import split_dateline
from briefings.reading.furniture import LineKind, line_kind
from briefings.reading.gluedmarks import without_kicker
from briefings.reading.headings import names_an_organisation
from briefings.reading.headline import headline_from_paragraphs
from briefings.reading.officialdom import is_contact_heading
from briefings.reading.page import read_page
from briefings.reading.pagemeta import read_byline, read_meta, read_standfirst
from briefings.reading.timecode import without_timecodes
from briefings.sources.urls import canonical_url, is_http_url

_TITLE_SUFFIX = re.compile(r"\s+[|–—-]\s+[^|–—-]{2,80}$")
_TEXT_TAGS = ("p", "quote", "item", "head")  # a list's items are visited on their own
_MIN_WORDS = 8
_CREDIT_MAX_CHARS = 300


# trafilatura's own threshold for rescuing a short extraction (``min_extracted_size``).
RETRY_BELOW_CHARS = 250


def _options(url: str = "", *, precise: bool) -> Extractor:
    """Fast mode, body only. The output format is not "python", so trafilatura does not
    also render the body as text: only the element tree is read here."""
    return Extractor(
        output_format="txt",
        fast=True,
        precision=precise,
        comments=False,
        tables=False,
        images=False,
        formatting=False,
        dedup=False,
        url=url or None,
        with_metadata=False,
    )


# Building the options parses trafilatura's config: do it once, not per page.
_PRECISE = _options(precise=True)
_BALANCED = _options(precise=False)


def extract_body(page: str, url: str = "") -> Any:
    """trafilatura's document for ``page`` (its ``body`` is an element tree), or None."""
    precise = _options(url, precise=True) if url else _PRECISE
    doc: Any = trafilatura.bare_extraction(page, options=precise)
    if doc is not None and len(doc.raw_text or "") >= RETRY_BELOW_CHARS:
        return doc
    balanced = _options(url, precise=False) if url else _BALANCED
    return trafilatura.bare_extraction(page, options=balanced) or doc


def parse_html(page: str, url: str = "") -> Article:
    """Extract the article of ``page``. An empty result has no paragraphs (never raises)."""
    doc = extract_body(page, url)
    if doc is None or getattr(doc, "body", None) is None:
        return Article(url=url, title="", paragraphs=())  # nothing found: not an error
    meta = read_meta(page)
    outlet = meta.sitename
    title = _clean_title(meta.title, outlet)
    blocks, kinds, heading, byline_authors = _paragraphs(doc.body, title, outlet)
    if not _is_headline(title, outlet):  # the h1, else the title; an office's name is neither
        # On a page with no title, a section's label in a heading ("Trade", "World News") is
        # no headline either.
        heading = heading if title or _is_headline(heading, outlet) else ""
        title = next((t for t in (heading, title) if t and not names_an_organisation(t)), "")
    page_text = read_page(blocks, title=title, outlet=outlet, line_kinds=kinds)
    paragraphs = list(page_text.body)
    standfirst = page_text.standfirst
    background = page_text.background
    if paragraphs and (marked := read_standfirst(page)) and _same_text(marked, paragraphs[0]):
        standfirst = paragraphs.pop(0)  # the summary under the headline, not the lede
        background = tuple(i - 1 for i in background if i)
    # Paragraphs are stripped, with single spaces: one more word than spaces.
    if sum(p.count(" ") + 1 for p in paragraphs) < _MIN_WORDS:
        paragraphs, background = [], ()  # a menu or a stub, not an article
    authors = split_authors(meta.author.replace(";", ","), outlet) or byline_authors
    # Tracking parameters never make a link canonical ("?utm_source=rss").
    canonical = canonical_url(meta.canonical) if is_http_url(meta.canonical) else meta.canonical
    if not authors and BYLINE.match(byline := read_byline(page)):
        authors = credit_authors(byline, outlet) or ()
    return Article(
        url=url or canonical,
        title=title or headline_from_paragraphs(paragraphs),
        paragraphs=tuple(paragraphs),
        outlet=outlet,
        published=meta.published,
        authors=authors,
        dateline=split_dateline(paragraphs[0])[0] if paragraphs else "",
        canonical_url=canonical,
        summary=standfirst or meta.description,
        background=background,
    )


def _paragraphs(
    body: Any, title: str, outlet: str
) -> tuple[list[str], list[LineKind | None], str, tuple[str, ...]]:
    """Body paragraphs with the line kind of each, the first heading, and authors named by a
    credit line or byline."""
    paragraphs: list[str] = []
    kinds: list[LineKind | None] = []
    heading = ""
    authors: tuple[str, ...] = ()
    seen: set[str] = set()
    apart = False  # whether the blocks now read are under a heading such as "Background"
    for element in body.iter(*_TEXT_TAGS):
        text = _single_spaced(_element_text(element))
        if text[:1].isdigit() or text[-1:].isdigit() or text[:1] == "[" or text[-1:] == "]":
            text = without_timecodes(text)  # the cheap test here: a call per block costs
        if element.tag == "head":
            heading = heading or text
            # A heading that sets a section apart from the news ("Background"), the heading
            # after it that ends that section, and a release's contacts or notes to editors
            # (where the article ends) are read as the page's lines.
            if paragraphs and (apart or names_a_section_apart(text) or is_contact_heading(text)):
                apart = names_a_section_apart(text)
                paragraphs.append(text)
                kinds.append(line_kind(text, boilerplate=False, credit=False))
            continue
        if not text or text == title:
            continue
        short = len(text) < _CREDIT_MAX_CHARS
        credited = credit_authors(text, outlet) if short else None
        if credited is not None:
            authors = authors or credited
            if closes_article(text):  # kept as furniture: the article ends with it
                paragraphs.append(text)
                kinds.append(LineKind.CREDIT)
            continue
        if text in seen or is_boilerplate(text) or is_caption(text):
            continue
        seen.add(text)
        paragraphs.append(text)
        # No boilerplate, as just seen; a short paragraph is no credit line or byline either.
        kinds.append(line_kind(text, boilerplate=False, credit=False if short else None))
    return paragraphs, kinds, heading, authors


def _same_text(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _is_headline(title: str, outlet: str) -> bool:
    """A page title that can be the headline: not the site's name, a section or a date."""
    if len(title.split()) < 3 or (outlet and title.casefold() == outlet.casefold()):
        return False
    if names_an_organisation(title):
        return False  # the issuing office's name: "Ministry of Foreign Affairs of Estria"
    return line_kind(title) is None


def _single_spaced(text: str) -> str:
    """``text`` with its runs of white space as single spaces, and none at its ends. Most
    blocks come so already: only a space (the one printable white space) between words. In a
    block of ASCII characters (most), the white spaces other than a space are looked for by
    name, quicker than asking whether each character is printable."""
    if "  " in text or text[:1] == " " or text[-1:] == " ":
        return " ".join(text.split())
    if text.isascii():
        for space in _ASCII_SPACES:
            if space in text:
                return " ".join(text.split())
        return text
    return text if text.isprintable() else " ".join(text.split())


# The white spaces of ASCII but the space itself.
_ASCII_SPACES = "\t\n\r\x0b\x0c\x1c\x1d\x1e\x1f"


def _element_text(element: Any) -> str:
    """All text inside ``element`` (not its tail), in one call into lxml; an element with no
    child (most paragraphs) holds only its own text."""
    if len(element) == 0:
        return str(element.text or "")
    return str(etree.tostring(element, method="text", encoding=str, with_tail=False))


def _clean_title(title: str, outlet: str) -> str:
    """Drop a trailing ``| Outlet: tagline`` or `` - Outlet`` and a leading kicker
    (``Analysis: ``) from a page title."""
    text = without_kicker(title.strip())
    suffix = _TITLE_SUFFIX.search(text)
    if suffix and (not outlet or outlet.casefold() in suffix.group(0).casefold()):
        text = text[: suffix.start()].strip()
    return text
