"""Sentence splitting for news prose, by rule: no model, abbreviation-aware."""

from __future__ import annotations

import re
import string

# Words ending in a period that do not end a sentence.
_ABBREVIATED = (
    "mr mrs ms dr prof sen sens rep reps gov gen col lt sgt capt st jr sr inc corp co ltd vs etc "
    "jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.u a.m p.m i.e e.g "
    "mt ft approx dept est fig vol op rev adm cmdr maj h.e hon rt smt shri sh kum amb "
    "para paras cl sec secs pp"
)
ABBREVIATIONS = frozenset(_ABBREVIATED.split())
# Abbreviated only before a number ("No. 5", "Art. 12", "Nos. 3 and 4"): "said no." ends one.
_BEFORE_NUMBER = frozenset(("no", "nos", "art", "arts"))
_LONGEST = max(map(len, ABBREVIATIONS))
# What a word is made of here, in ASCII text (where isalpha() is exactly these letters).
_ASCII_WORD_CHARS = string.ascii_letters + "."
# A sentence ends at . ! or ? (optionally followed by closing quotes or brackets) then space
# and an upper-case letter, digit or opening quote.
_CLOSING = r"[\"'”’»」)\]]*"
_OPENING = r"\s+(?=[\"“‘«「(\[]?[A-Z0-9\x00])"
_BOUNDARY = re.compile(rf"([.!?]{_CLOSING}){_OPENING}")
# The same in a text with no "!" or "?" (most): its one stop is a literal, which a search
# skips to far more quickly than to a character of a set.
_PERIOD_BOUNDARY = re.compile(rf"(\.{_CLOSING}){_OPENING}")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of ``text``; together they cover it."""
    spans: list[tuple[int, int]] = []
    start = 0
    stops = "!" in text or "?" in text
    for match in (_BOUNDARY if stops else _PERIOD_BOUNDARY).finditer(text):
        stop = match.start()  # where the stop is: the match opens with it
        if (not stops or text[stop] == ".") and _is_abbreviation(text, stop, match.end()):
            continue
        spans.append((start, match.end(1)))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


def _is_abbreviation(text: str, dot: int, after: int) -> bool:
    """Whether the word before the period at ``dot`` (its letters and dots) is abbreviated;
    ``after``: where the next word begins."""
    tail = text[max(0, dot - _LONGEST - 1) : dot]
    if tail.isalpha() and len(tail) > _LONGEST and tail.isascii():
        return False  # the most common case: a word longer than any abbreviation
    if tail.isascii():  # the common case: one call instead of a loop over the letters
        word = tail[len(tail.rstrip(_ASCII_WORD_CHARS)) :].lower()
        if len(word) > _LONGEST:
            return False
    else:
        begin = dot
        while begin > 0 and (text[begin - 1].isalpha() or text[begin - 1] == "."):
            begin -= 1
        word = text[begin:dot].lower()
    if text[dot - len(word) - 1 : dot - len(word)].isdigit():
        return False  # an ordinal ("on October 1st. Then ..."), not "St." for a saint or street
    # Single capitals are initials ("John F. Kennedy"); a word that opens with a period is
    # the end of an abbreviation a stray space broke ("U .S. Trade").
    if word in _BEFORE_NUMBER:
        return text[after : after + 1].isdigit()
    if len(word) == 1 and text[dot - 1].islower():
        return _after_name(text, dot - 1)  # an initial typed in lower case: "Andrew l. Roe"
    return word in ABBREVIATIONS or (len(word) == 1 and text[dot - 1].isupper()) or word[:1] == "."


def _after_name(text: str, letter: int) -> bool:
    """Whether the lone letter at ``letter`` follows a capitalised word: a name's initial."""
    if letter < 2 or text[letter - 1] != " ":
        return False
    begin = text.rfind(" ", 0, letter - 1) + 1
    word = text[begin : letter - 1]
    return len(word) > 1 and word[:1].isupper() and word[1:].islower()
