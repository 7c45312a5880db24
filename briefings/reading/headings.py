"""Heading-shaped lines that are not article text, judged by their shape and their page.

- a title shown again split over two lines ("Statement by the Minister" then "at the Close of
  the Talks"): the two halves together repeat another line of the page, so neither half is the
  headline nor the article;
- a line of names and titles with no sentence in it ("Ms Jane ROE Minister for Trade and
  Industry"), one per line in a list of participants: every word capitalized but the small
  words that join a title, and no stop.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefings.reading.furniture import ends_sentence, word_set, words

# Small words that join the words of a name or a title ("Minister for Trade and Industry").
_JOINERS = word_set(
    "and of the for to in on at with de la le van der von bin al da di du y del des et"
)
_PIECE_MAX_CHARS = 300
_MAX_PIECES = 3
_WHOLE_MIN_WORDS = 4
_REPEAT_SHARE = 0.66
_REPEAT_SHARE_OTHER = 0.5
_REPEAT_MIN_WORDS = 5
_WORD = re.compile(r"\w+")
_NAMES_MIN_WORDS = 4
_NAMES_MAX_WORDS = 30


def split_title_pieces(lines: Sequence[str]) -> list[int]:
    """Indexes of two or three lines in a row that together repeat another line of the page
    word for word (a title shown whole and again split over lines): punctuation and case
    aside, as a page may set the pieces apart with a colon or a dash. Only lines of a title's
    length and shape, with no stop at the end, are read: most lines of a page are sentences."""
    keys = [
        _key(line) if len(line) <= _PIECE_MAX_CHARS and not ends_sentence(line) else ""
        for line in lines
    ]
    whole = {key for key in keys if key.count(" ") >= _WHOLE_MIN_WORDS - 1}
    if len(whole) < 2:
        return []
    found: list[int] = []
    for i in range(len(lines) - 1):
        if not keys[i]:
            continue
        joined = keys[i]
        for j in range(i + 1, min(len(lines), i + _MAX_PIECES)):
            if not keys[j]:
                break
            joined = f"{joined} {keys[j]}"
            if len(joined) > _PIECE_MAX_CHARS:
                break
            if joined in whole:
                found += range(i, j + 1)
                break
    return found


def _key(line: str) -> str:
    """A line's words, case-folded, without punctuation."""
    return " ".join(_WORD.findall(line.casefold()))


def first_of_repeats(lines: Sequence[str], candidates: Sequence[int], best: int) -> int:
    """The first of the candidate headlines that repeats most words of line ``best``: a page
    shows its title first, and a statement's heading may give it again, longer or shorter
    ("... Representative Froman at Meetings ..." then "... Representative Michael Froman At
    Outset of Meetings ...")."""
    own = set(_WORD.findall(lines[best].casefold()))
    if len(own) < _REPEAT_MIN_WORDS:
        return best  # a short line repeats too few words to tell
    for i in sorted(candidates):
        if i >= best:
            break
        other = set(_WORD.findall(lines[i].casefold()))
        shared = len(own & other)
        if shared >= _REPEAT_SHARE * len(own) and shared >= _REPEAT_SHARE_OTHER * len(other):
            return i
    return best


def is_names_and_titles(line: str) -> bool:
    """A line of a person's name and titles, no sentence: every word capitalized except the
    small words that join a title, no stop at its end ("Mr Didier ROE Deputy Prime Minister
    and Minister for Foreign Affairs")."""
    if ends_sentence(line) or not _NAMES_MIN_WORDS <= words(line) <= _NAMES_MAX_WORDS:
        return False
    capitals = 0
    for word in line.split():
        head = word.lstrip("(“\"'‘")[:1]
        if not head.isalpha():
            continue
        if head.isupper():
            capitals += 1
        elif word.casefold() not in _JOINERS:
            return False
    return capitals >= _NAMES_MIN_WORDS
