"""Scraped article text -> :class:`~briefings.model.Article`.

The shape is what a copy from a news page gives: navigation and labels, an outlet line and a
date line (either may be missing), the headline, a byline, captions, the body one paragraph
per line (or paragraphs separated by blank lines), subheads, a credit line, teasers and a
footer. :mod:`briefings.reading.page` tells the article from the rest.
"""

from __future__ import annotations

import re
from datetime import datetime

from briefings.model import Article
from briefings.reading.boilerplate import BYLINE, PAGE_NOTE
from briefings.reading.dateline import split_dateline
from briefings.reading.dates import parse_date_line
from briefings.reading.furniture import FIELDS, TIMESTAMP
from briefings.reading.gluedmarks import stamp_date
from briefings.reading.headline import headline_from_paragraphs
from briefings.reading.lineshape import ends_sentence
from briefings.reading.page import read_page
from briefings.reading.sitemarks import ends_with_picture_credit
from briefings.reading.timecode import without_timecodes

_SMALL_WORDS = frozenset(("a", "an", "and", "at", "by", "for", "in", "of", "on", "the", "to"))


def parse_text(text: str, url: str = "") -> Article:
    """Parse scraped text. Raises nothing: an empty body gives an Article without paragraphs."""
    lines = paragraph_lines(text)
    outlet, published = _outlet_and_date(lines)
    if published is None and lines:
        published = stamp_date(lines[0])  # "date 2023-06-16 Workers ..."
    page = read_page(lines, outlet=outlet)
    paragraphs = list(page.body)
    dateline = split_dateline(paragraphs[0])[0] if paragraphs else ""
    title = page.title or headline_from_paragraphs(paragraphs)
    return Article(
        url=url,
        title=title,
        paragraphs=tuple(paragraphs),
        outlet=outlet,
        published=published,
        authors=page.authors,
        dateline=dateline,
        summary=page.standfirst,
        background=page.background,
    )


def paragraph_lines(text: str) -> list[str]:
    """The text's paragraphs. A line break ends a paragraph unless the line stops mid-sentence
    and the next goes on in lower case; a block of hard-wrapped lines is one paragraph."""
    normalized = text.replace("\r\n", "\n").replace("\r", "\n").strip("\ufeff\n ")
    if "<" in normalized and _BLOCK_TAG.search(normalized):
        normalized = _without_tags(normalized)
    out: list[str] = []
    for block in re.split(r"\n\s*\n", normalized):
        rows = [" ".join(row.split()) for row in block.split("\n") if row.strip()]
        if _hard_wrapped(rows):
            out.append(" ".join(rows))
            continue
        for row in rows:
            if out and rows.index(row) and _continues(out[-1], row):
                out[-1] = f"{out[-1]} {row}"
            else:
                out.append(row)
    return [without_timecodes(line) for line in out if line]


# Markup left in scraped text: a block's tag ends a paragraph, an inline tag is dropped.
_BLOCK_TAG = re.compile(
    r"</?(?:h[1-6]|p|div|br|li|ul|ol|blockquote|figure|figcaption|section|article|header|"
    r"footer|table|tr|td|th)\b[^<>]{0,200}>",
    re.IGNORECASE,
)
_INLINE_TAG = re.compile(r"</?[a-zA-Z][\w-]*\b[^<>]{0,200}>")


def _without_tags(text: str) -> str:
    """Scraped text that kept its markup ("<h4><strong>Standfirst</strong></h4> The lede
    ..."): each block on a paragraph of its own, the inline tags gone."""
    return _INLINE_TAG.sub("", _BLOCK_TAG.sub("\n\n", text))


def _hard_wrapped(rows: list[str]) -> bool:
    """Lines cut at a fixed width: most of them long and stopping mid-sentence, none longer
    than such a width (a paragraph, a label and a post's text on the lines of one block are
    the page's own lines). A block with
    a list's items ("- Ministers agreed ...") or a line shown twice (a caption), where no line
    goes on in lower case, is a page's own lines that merely lack their stops."""
    if len(rows) < 3:
        return False
    inner = rows[:-1]
    if any(len(row) > _WRAP_MAX_CHARS for row in inner):
        return False  # a row longer than any wrapping width is a paragraph of its own
    cut = sum(1 for row in inner if len(row) >= 50 and not ends_sentence(row) and not _own_end(row))
    if cut < 0.6 * len(inner):
        return False
    listed = any(_LIST_MARK.match(row) for row in rows[1:])
    own_lines = listed or len(set(rows)) < len(rows)
    return not own_lines or any(row[:1].islower() for row in rows[1:])


_LIST_MARK = re.compile(r"[•·▪◦‣∙*–-]\s")
# Text wrapped at a fixed width has rows of some 60 to 100 characters; far past that, a row
# is a paragraph that a single line break set apart.
_WRAP_MAX_CHARS = 200


def _own_end(row: str) -> bool:
    """Whether ``row`` ends where a line of the page ends, though with no stop: a record's
    fields, or a caption's credit after its last stop ("... in Busan. -/Agency/dpa")."""
    return _record(row) or ends_with_picture_credit(row)


def _record(row: str) -> bool:
    """A row of "Field: value" pairs (a record's metadata): a line of its own, never cut."""
    return len(FIELDS.findall(row)) >= 2


def _continues(previous: str, row: str) -> bool:
    """Whether ``row`` goes on with the sentence ``previous`` began; a byline under a headline
    ("by The Agency") does not."""
    return (
        not ends_sentence(previous)
        and (row[:1].islower() or previous.endswith("-"))
        and BYLINE.match(row) is None
    )


def _outlet_and_date(lines: list[str]) -> tuple[str, datetime | None]:
    """The outlet line and the date line of the page's header, where it has them."""
    outlet = ""
    published: datetime | None = None
    for line in lines[:8]:
        if published is None and (found := parse_date_line(line)) is not None:
            published = found
        elif not outlet and _is_outlet_line(line):
            outlet = _outlet_name(line)
    return outlet, published


# A date or a time in a line: "12/27/2013", "4:25 PM": a timestamp line, never the outlet.
_STAMP = re.compile(r"\d{1,2}:\d{2}|\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}")


def _is_outlet_line(line: str) -> bool:
    """A name in capitals on a line of its own: not a question, a stamp, a dateline, a note
    about the page ("DETAILS TO FOLLOW") or a reading time ("3 MIN READ")."""
    letters = [c for c in line if c.isalpha()]
    return (
        bool(letters)
        and _STAMP.search(line) is None
        and all(c.isupper() for c in letters)
        and 2 <= len(line.split()) <= 6
        and line.rstrip()[-1:] not in "?!:"
        and not split_dateline(line)[0]
        and PAGE_NOTE.match(line) is None
        and TIMESTAMP.match(line) is None  # "1 MIN READ": the story's reading time
    )


def _outlet_name(line: str) -> str:
    """``"THE ASAHI SHIMBUN"`` -> ``"The Asahi Shimbun"``."""
    words = line.strip().split()
    return " ".join(
        w.lower() if i and w.lower() in _SMALL_WORDS else w.capitalize()
        for i, w in enumerate(words)
    )
