"""Per-article text data that several steps need: each paragraph's quote spans and each
masked text's sentence bounds. The quote finder and the statement reader both work on them;
one :class:`TextCache` per article computes each once, on first use."""

from __future__ import annotations

from briefings.quotes.marks import Span, find_single_spans, find_spans, has_mark
from briefings.reading.sentences import split_sentences


class TextCache:
    """Memoized :func:`find_spans` and :func:`split_sentences` for one article. Keyed by the
    text itself, so a hit is always the value the plain function would return."""

    __slots__ = ("_bounds", "_spans", "_speech")

    def __init__(self) -> None:
        self._spans: dict[str, list[Span]] = {}
        self._speech: dict[str, list[Span]] = {}
        self._bounds: dict[str, list[tuple[int, int]]] = {}

    def spans(self, text: str) -> list[Span]:
        """The quote spans of ``text`` (a new list: callers may drop items)."""
        found = self._spans.get(text)
        if found is None:
            found = self._spans[text] = find_spans(text)
        return list(found)

    def speech_spans(self, text: str) -> list[Span]:
        """The spans the quote finder reads: :meth:`spans`, or single-quoted spans in a
        paragraph without double marks (a new list: callers may drop items)."""
        found = self._speech.get(text)
        if found is None:
            found = self.spans(text)
            if not found and ("'" in text or "‘" in text) and not has_mark(text):
                found = find_single_spans(text)
            self._speech[text] = found
        return list(found)

    def sentences(self, text: str) -> list[tuple[int, int]]:
        """Sentence bounds of ``text`` (shared: do not modify)."""
        bounds = self._bounds.get(text)
        if bounds is None:
            bounds = self._bounds[text] = split_sentences(text)
        return bounds
