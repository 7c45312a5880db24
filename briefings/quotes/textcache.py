"""Per-article text data that several steps need: each paragraph's quote spans and each
masked text's sentence bounds. The quote finder and the statement reader both work on them;
one :class:`TextCache` per article computes each once, on first use."""

from __future__ import annotations

import re

from briefings.quotes.marks import (
    Span,
    find_single_spans,
    find_spans,
    has_mark,
    with_introduced_singles,
)
from briefings.reading.sentences import split_sentences


class TextCache:
    """Memoized :func:`find_spans` and :func:`split_sentences` for one article. Keyed by the
    text itself, so a hit is always the value the plain function would return."""

    __slots__ = ("_bounds", "_named", "_spans", "_speech")

    def __init__(self) -> None:
        self._spans: dict[str, list[Span]] = {}
        self._speech: dict[str, list[Span]] = {}
        self._bounds: dict[str, list[tuple[int, int]]] = {}
        self._named: dict[str, list[tuple[int, int]]] = {}

    def spans(self, text: str) -> list[Span]:
        """The quote spans of ``text`` (a new list: callers may drop items)."""
        found = self._spans.get(text)
        if found is None:
            found = self._spans[text] = find_spans(text)
        return list(found)

    def speech_spans(self, text: str) -> list[Span]:
        """The spans the quote finder reads: :meth:`spans` with any single-quoted speech a
        speech verb introduces, or single-quoted spans in a paragraph without double marks
        (a new list: callers may drop items)."""
        found = self._speech.get(text)
        if found is None:
            found = self.spans(text)
            if "'" in text or "‘" in text:
                if found:
                    found = with_introduced_singles(text, found)  # 'he added, '...''
                elif not has_mark(text):
                    found = find_single_spans(text)
            self._speech[text] = found
        return list(found)

    def sentences(self, text: str) -> list[tuple[int, int]]:
        """Sentence bounds of ``text`` (shared: do not modify)."""
        bounds = self._bounds.get(text)
        if bounds is None:
            bounds = self._bounds[text] = split_sentences(text)
        return bounds

    def name_sentences(self, text: str) -> list[tuple[int, int]]:
        """:meth:`sentences`, joined again where a split fell after initials before a name
        ("A.B. Carter said") (shared: do not modify)."""
        joined = self._named.get(text)
        if joined is None:
            joined = self._named[text] = _join_initials(text, self.sentences(text))
        return joined


# Two or three initials ending a sentence piece: "A.B.", not "U.S." (never split after).
_INITIALS_END = re.compile(r"(?<![\w.])(?:[A-Z]\.){2,3}$")
# Two initials before a capital, "A.B. Carter": looked for from its ". ", a literal the search
# skips to quickly, then read back.
_INITIALS_SPLIT = re.compile(r"\. [A-Z](?<=[A-Z]\.[A-Z]\. [A-Z])")


def _join_initials(text: str, bounds: list[tuple[int, int]]) -> list[tuple[int, int]]:
    if len(bounds) < 2 or _INITIALS_SPLIT.search(text) is None:
        return bounds
    joined = [bounds[0]]
    for a, b in bounds[1:]:
        end = joined[-1][1]
        if _INITIALS_END.search(text, max(0, end - 8), end):
            joined[-1] = (joined[-1][0], b)
        else:
            joined.append((a, b))
    return joined
