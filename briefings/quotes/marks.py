"""Quote marks: pair opening and closing marks in a paragraph, skipping marks that pair with
nothing (a stray inch mark, an apostrophe-like glyph, an odd count), never failing.

Handles curly and straight double quotes, guillemets and corner brackets, and the doubled
marks of typewriter and TeX copy: two apostrophes closing a quote (''"...,'' he said'') and two
backticks opening one (''``...''''''). Single quotes are
apostrophes far more often than quotes: :func:`find_single_spans` reads them only in a
paragraph without double marks (the house style of some outlets), and pairs a mark that opens
a word with one that closes a word and is not an apostrophe ("don't", "the ministers' talks").
"""

from __future__ import annotations

import re
from typing import NamedTuple

CLOSER = {
    "“": "”", '"': '"', "«": "»", "「": "」", "『": "』", "”": "”", "»": "«",
    "``": "''", "''": "''", "‘‘": "’’",
}  # fmt: skip
MARKS = frozenset('"“”«»「」『』')
# Doubled single marks stand for a double one: typewriter '', TeX `` and '', curly ‘‘ and ’’.
_MARK = re.compile("[\"“”«»「」『』]|``|''|‘‘|’’")
_SINGLE_MARKS = '"“”«»「」『』'
_SINGLE_MARK = re.compile(f"[{_SINGLE_MARKS}]")  # the common case: no doubled marks in the text
_STRAIGHT_MARK = re.compile('"')  # the only mark ASCII text can hold: a literal, found fast


def _marks(text: str) -> re.Pattern[str]:
    """The pattern that finds the marks of ``text`` (the plain one unless it has doubled
    marks: an alternation is slower to scan with)."""
    if text.isascii():  # no curly marks: only the typewriter and TeX ones can be doubled
        return _MARK if "''" in text or "``" in text else _STRAIGHT_MARK
    if "''" in text or "``" in text or "‘‘" in text or "’’" in text:
        return _MARK
    return _SINGLE_MARK


def _mark_places(text: str) -> list[tuple[int, str]]:
    """Where each mark of ``text`` stands, and the mark, in order (what :func:`_marks`
    finds). Without doubled marks, each mark is looked for as a literal: a search skips to a
    literal far more quickly than to a character of a set."""
    pattern = _marks(text)
    if pattern is _MARK:
        return [(found.start(), found.group()) for found in pattern.finditer(text)]
    places: list[tuple[int, str]] = []
    for mark in _SINGLE_MARKS if pattern is _SINGLE_MARK else '"':
        at = text.find(mark)
        while at >= 0:
            places.append((at, mark))
            at = text.find(mark, at + 1)
    places.sort()
    return places


# Marks that may stand for a double quote mark either way round.
_DOUBLE = frozenset(('"', "“", "”", "''", "’’", "‘‘", "``"))
_ALWAYS_OPENS = frozenset(("“", "«", "「", "『", "``", "‘‘"))
_MAY_OPEN = frozenset(('"', "”", "»", "''"))
_STRAIGHT = frozenset(('"', "''"))
_OPEN_ONLY = frozenset(("``", "‘‘"))
_OPEN_BEFORE = frozenset(" \t([{—–-/:\u00a0")


class Span(NamedTuple):
    """A quoted span of one paragraph: marks at ``open`` and ``close`` (``close`` is the
    paragraph length when the quote runs on into the next paragraph). A tuple: one is made
    for every quoted span of every paragraph."""

    open: int
    close: int
    closed: bool = True
    lead: int = 1  # the widths of the marks: two for a doubled one (`` and '')
    trail: int = 1

    @property
    def start(self) -> int:
        return self.open + self.lead

    @property
    def after(self) -> int:
        """The first index after the closing mark."""
        return self.close + self.trail


def _looks_opening(text: str, i: int, width: int = 1) -> bool:
    before = text[i - 1] if i else " "
    after = text[i + width] if i + width < len(text) else " "
    if not after.isspace():
        return before in _OPEN_BEFORE or before in MARKS
    return _loose_after_colon(text, i, width)


def _loose_after_colon(text: str, i: int, width: int) -> bool:
    """A mark set loose before a capital after a colon or opening the paragraph (the
    colon ending the one before): 'said: " These talks ...'."""
    return (
        (i == 0 or text[i - 2 : i] == ": ")
        and text[i + width : i + width + 1] == " "
        and text[i + width + 1 : i + width + 2].isupper()
    )


def _looks_closing(text: str, i: int) -> bool:
    before = text[i - 1] if i else " "
    return not before.isspace()


def _closes(mark: str, opener: str, text: str, i: int) -> bool:
    if mark == CLOSER[opener]:
        if mark in _STRAIGHT:
            return _looks_closing(text, i) or not _looks_opening(text, i, len(mark))
        return True
    # Mixed pairs in sloppy copy: “...", "...”, a reversed “...“, and "...'' or ``..."
    if opener in _DOUBLE and mark in _DOUBLE and mark not in _OPEN_ONLY:
        return _looks_closing(text, i) and not _looks_opening(text, i, len(mark))
    return False


def _opens(mark: str, text: str, i: int) -> bool:
    if mark in _ALWAYS_OPENS:
        return True
    if mark in _MAY_OPEN:
        return _looks_opening(text, i, len(mark))
    return False


def find_spans(text: str) -> list[Span]:
    """Quoted spans of one paragraph in order; the last may be unclosed (``closed=False``)."""
    places = _mark_places(text)
    return nest_spans(text, _paired_spans(text, places), places)


def _paired_spans(text: str, places: list[tuple[int, str]]) -> list[Span]:
    """Spans of the marks at ``places`` (see :func:`_mark_places`) paired in order, each
    mark closing the one open or opening anew."""
    spans: list[Span] = []
    opener = ""
    open_at = -1
    for i, mark in places:
        if open_at < 0:
            if _opens(mark, text, i):
                opener, open_at = mark, i
        elif _closes(mark, opener, text, i):
            if i > open_at + len(opener):
                spans.append(Span(open_at, i, True, len(opener), len(mark)))
            open_at = -1
        elif mark == opener or (_opens(mark, text, i) and _looks_opening(text, i, len(mark))):
            opener, open_at = mark, i  # the earlier mark was stray: start again here
    if open_at >= 0 and open_at + len(opener) < len(text):
        spans.append(Span(open_at, len(text), False, len(opener)))
    return spans


def nest_spans(text: str, spans: list[Span], places: list[tuple[int, str]]) -> list[Span]:
    """``spans`` with a quote inside a quote read as the outer one: 'Carter said: “The
    envoy told me, "We will not move," and left.”' is one quote (the marks of the two
    pairs differ), not the inner words alone. ``places``: the marks of ``text`` (see
    :func:`_mark_places`)."""
    if not spans or len(spans) > 4:
        return spans
    if len(places) <= 2 * len(spans):
        return spans  # the common case: every mark pairs with another
    where = {at: n for n, (at, _) in enumerate(places)}
    out = list(spans)
    for k, span in enumerate(spans):
        n = where.get(span.open, -1)
        if n < 1 or n + 2 >= len(places) or places[n + 1][0] != span.close:
            continue
        (outer_at, outer), (end_at, end) = places[n - 1], places[n + 2]
        inner = places[n][1]
        if outer == inner or end == places[n + 1][1] or not _opens(outer, text, outer_at):
            continue
        if not _closes(end, outer, text, end_at) or end_at - span.after > 200:
            continue
        if (k and spans[k - 1].after > outer_at) or (
            k + 1 < len(spans) and spans[k + 1].open < end_at
        ):
            continue
        out[k] = Span(outer_at, end_at, True, len(outer), len(end))
    return out


_SINGLE = re.compile("['‘’]")
_SPEECH_ENDS = frozenset(",.?!…")


def find_single_spans(text: str) -> list[Span]:
    """Closed single-quoted spans of a paragraph that has no double quote marks."""
    if not (" '" in text or " ‘" in text or text[:1] in ("'", "‘")):
        return []  # no mark opens a word after a space or at the start
    spans: list[Span] = []
    open_at = -1
    for found in _SINGLE.finditer(text):
        i = found.start()
        if open_at >= 0 and _single_closes(text, i):
            if i > open_at + 1:
                spans.append(Span(open_at, i))
            open_at = -1
        elif _single_opens(text, i):
            open_at = i  # an earlier opening mark that nothing closed was an apostrophe
    return spans


# A single-quoted quote a speech verb introduces in a paragraph that has double marks too:
# 'Berg called the mood "good", and he added, 'We still have work to do.''.
_INTRODUCED_SINGLE = re.compile(
    r"\b(?:said|says|added|adds|asked|continued|replied|wrote|stated)[,:] (?=['‘])"
)


def with_introduced_singles(text: str, spans: list[Span]) -> list[Span]:
    """``spans`` (double-quoted) and the single-quoted spans a speech verb introduces
    outside them, in order."""
    if ", '" not in text and ", ‘" not in text and ": '" not in text and ": ‘" not in text:
        return spans
    extra = []
    for found in _INTRODUCED_SINGLE.finditer(text):
        i = found.end()
        single = find_single_spans(text[i:])
        if not single or single[0].open:
            continue
        end = i + single[0].close
        if not any(span.open < end and i < span.after for span in spans):
            extra.append(Span(i, end))
    return sorted(spans + extra, key=lambda span: span.open) if extra else spans


def _single_opens(text: str, i: int) -> bool:
    if text[i] == "’":
        return False
    before = text[i - 1] if i else " "
    after = text[i + 1 : i + 2]
    return before in _OPEN_BEFORE and after.isalnum()


def _single_closes(text: str, i: int) -> bool:
    if text[i] == "‘":
        return False
    before = text[i - 1] if i else " "
    after = text[i + 1 : i + 2]
    if before.isspace() or after.isalnum():
        return False  # an opening mark, or an apostrophe inside a word ("don't")
    if before in _SPEECH_ENDS:
        return True
    # "the ministers' talks": a plural possessive, not a closing mark.
    return not (before == "s" and after == " " and text[i + 2 : i + 3].isalnum())


def has_mark(text: str) -> bool:
    """Whether ``text`` holds a double quote mark of any kind."""
    return _marks(text).search(text) is not None


def lone_close(text: str) -> int:
    """Where the closing mark of a quote opened in an earlier paragraph is: the first mark of
    ``text`` when it closes rather than opens; -1 when there is none."""
    found = _marks(text).search(text)
    if found is None:
        return -1
    i, mark = found.start(), found.group()
    if mark in ("”", "»", "’’"):
        return i
    if mark in ('"', "''") and _looks_closing(text, i) and not _looks_opening(text, i, len(mark)):
        return i
    return -1


def mark_width(text: str, i: int) -> int:
    """The width of the mark at ``i``: two for a doubled one ('' or ’’), else one."""
    return 2 if text[i : i + 2] in ("''", "’’") else 1


def starts_with_open_mark(text: str) -> bool:
    stripped = text.lstrip()
    return bool(stripped) and (stripped[0] in '“"«「『' or stripped[:2] in ("``", "''", "‘‘"))
