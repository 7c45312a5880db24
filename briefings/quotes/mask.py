"""Quoted words masked out, so names and verbs inside a quote never attribute it."""

from __future__ import annotations

from briefings.quotes.marks import Span

MASK = "\x00"


def mask(text: str, spans: list[Span]) -> str:
    """``text`` with each span's words replaced by NULs (same length, marks kept)."""
    if not spans:
        return text
    parts: list[str] = []
    at = 0
    for span in spans:
        parts.append(text[at : span.start])
        parts.append(MASK * (span.close - span.start))
        at = span.close
    parts.append(text[at:])
    return "".join(parts)
