"""Scraped article text -> :class:`~briefings.model.Article`.

The shape is what a copy from a news page gives: an outlet line and a date line on top (either
may be missing), an optional title and byline, the body one paragraph per line (or paragraphs
separated by blank lines), a credit line, and site teasers after it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from briefings.model import Article
from briefings.reading.boilerplate import BYLINE, CREDIT_LINE, credit_authors, is_boilerplate
from briefings.reading.dateline import split_dateline
from briefings.reading.dates import parse_date_line
from briefings.reading.headline import headline_from_lede

_SMALL_WORDS = frozenset(("a", "an", "and", "at", "by", "for", "in", "of", "on", "the", "to"))
# A body paragraph reads as prose: long enough and with sentence punctuation or a quote.
_PROSE = re.compile(r"[.!?:”\"]\s*$|[.!?]\s")
_HEADER_MAX_WORDS = 14


@dataclass(slots=True)
class _Header:
    outlet: str = ""
    title: str = ""
    published: datetime | None = None
    authors: tuple[str, ...] = ()
    body_lines: list[str] = field(default_factory=list)


def parse_text(text: str, url: str = "") -> Article:
    """Parse scraped text. Raises nothing: an empty body gives an Article without paragraphs."""
    lines = _paragraph_lines(text)
    header = _read_header(lines)
    paragraphs: list[str] = []
    authors = header.authors
    for line in header.body_lines:
        credited = credit_authors(line, header.outlet) if CREDIT_LINE.match(line) else None
        if credited is not None:
            authors = authors or credited
            break  # everything after the credit line is site furniture
        if not is_boilerplate(line):
            paragraphs.append(line)
    dateline = split_dateline(paragraphs[0])[0] if paragraphs else ""
    title = header.title or (headline_from_lede(paragraphs[0]) if paragraphs else "")
    return Article(
        url=url,
        title=title,
        paragraphs=tuple(paragraphs),
        outlet=header.outlet,
        published=header.published,
        authors=authors,
        dateline=dateline,
    )


def _paragraph_lines(text: str) -> list[str]:
    """Paragraphs: blank-line separated blocks when there are any, else one per line."""
    normalized = text.replace("\r\n", "\n").replace("\r", "\n").strip("\ufeff\n ")
    blocks = re.split(r"\n\s*\n", normalized)
    if len(blocks) > 1:
        return [" ".join(b.split()) for b in blocks if b.strip()]
    return [" ".join(line.split()) for line in normalized.split("\n") if line.strip()]


def _read_header(lines: list[str]) -> _Header:
    header = _Header()
    index = 0
    while index < min(len(lines), 5):
        line = lines[index]
        published = parse_date_line(line) if header.published is None else None
        if published is not None:
            header.published = published
        elif not header.outlet and _is_outlet_line(line):
            header.outlet = _outlet_name(line)
        elif BYLINE.match(line):
            header.authors = credit_authors(line, header.outlet) or ()
        elif not header.title and _is_title_line(line):
            header.title = line
        else:
            break
        index += 1
    header.body_lines = lines[index:]
    return header


def _is_outlet_line(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return (
        bool(letters)
        and all(c.isupper() for c in letters)
        and len(line.split()) <= 6
        and not split_dateline(line)[0]
    )


def _is_title_line(line: str) -> bool:
    return len(line.split()) <= _HEADER_MAX_WORDS and not _PROSE.search(line)


def _outlet_name(line: str) -> str:
    """``"THE ASAHI SHIMBUN"`` -> ``"The Asahi Shimbun"``."""
    words = line.strip().split()
    return " ".join(
        w.lower() if i and w.lower() in _SMALL_WORDS else w.capitalize()
        for i, w in enumerate(words)
    )
