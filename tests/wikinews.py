"""The Wikinews sample (CC BY 2.5, see tests/data/wikinews/README.md) as articles."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

from briefings.model import Article
from briefings.reading.dates import parse_iso

WIKINEWS = Path(__file__).parent / "data" / "wikinews"


def rows() -> Iterator[dict[str, str]]:
    csv.field_size_limit(1 << 27)
    for path in sorted(WIKINEWS.glob("*.csv")):
        with path.open(newline="", encoding="utf-8") as handle:
            yield from csv.DictReader(handle)


def paragraphs(text: str) -> tuple[str, ...]:
    """Paragraphs are separated by blank lines; whitespace inside one is normalised."""
    return tuple(" ".join(p.split()) for p in text.split("\n\n") if p.strip())


def article(row: dict[str, str]) -> Article:
    return Article(
        url=row["url"],
        title=row["title"],
        paragraphs=paragraphs(row["text"]),
        outlet="Wikinews",
        published=parse_iso(row["date"]),
    )


def articles() -> list[Article]:
    return [article(row) for row in rows()]
