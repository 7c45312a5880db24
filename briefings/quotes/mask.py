"""Quoted words masked out, so names and verbs inside a quote never attribute it."""

from __future__ import annotations

from briefings.quotes.marks import Span

MASK = "\x00"
_ENDS = frozenset(".!?")


def mask(text: str, spans: list[Span]) -> str:
    """``text`` with each span's words replaced by NULs (same length, marks kept)."""
    if not spans:
        return text
    parts: list[str] = []
    at = 0
    for span in spans:
        parts.append(text[at : span.start])
        # A quote's closing . ! or ? also ends the sentence around it: keep it visible.
        end = span.close - 1 if text[span.close - 1 : span.close] in _ENDS else span.close
        parts.append(MASK * (end - span.start))
        at = end
    parts.append(text[at:])
    return "".join(parts)
