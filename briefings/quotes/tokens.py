"""Word tokens with the punctuation that follows them: enough structure to find names.

Tokenizing is the engine's hottest loop (every word of every paragraph up to the last quote),
so it is one regex scan: each match is (gap, word, break), matches tile the text from its start
(the gap takes the spaces, masked quote text, a word's leading punctuation and any chunk that
is punctuation only), and offsets are running sums of the part lengths. No Python code runs
per word: the columns are built by C-level ``map`` calls.
"""

from __future__ import annotations

import re
from itertools import accumulate, chain, repeat
from operator import itemgetter, methodcaller
from typing import NamedTuple

_LEAD = "“”\"«»「」『』([{'‘’—–-"
_TRAIL = "“”\"«»「」『』)]},;:!?'‘’—–."
_ABBREVIATIONS = "Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Col|Lt|Sgt|Capt|Gov|Sen|Rep|Prof|Rev|Mt|Ft"
_POSSESSIVE = ("'s", "’s", "s'", "s’")


def _class(chars: str) -> str:
    return "".join(re.escape(c) for c in chars)


_L, _T = _class(_LEAD), _class(_TRAIL)
_END = r"(?![^\s\x00])"  # the end of a whitespace-delimited chunk
# A chunk is split as ``lstrip(_LEAD)`` then ``rstrip(_TRAIL)``; possessive quantifiers keep
# the lead greedy, as ``lstrip`` is. The gap also takes chunks that are punctuation only.
_GAP = rf"((?:[\s\x00]++|[{_L}]*+[{_T}]*+{_END})*+[{_L}]*+)"
# A trailing period stays with initials and abbreviations ("U.S.", "Dr.", "A.").
_INITIALS = rf"(?=[A-Z][a-z]{{0,3}}\.)(?:(?:[A-Z]\.)*[A-Z]|{_ABBREVIATIONS})\.(?=[{_T}]*{_END})"
_PLAIN = rf"[^\s\x00]*[^\s\x00{_T}]"  # up to the last character that is not trailing
_BREAK_CHARS = rf"([{_T}]*){_END}"
# Or the end of the text: the scan never retries inside a tail without words.
_TOKEN = re.compile(rf"{_GAP}(?:({_INITIALS}|{_PLAIN}){_BREAK_CHARS}|\Z)")
_WORD = itemgetter(1)
_BREAK = itemgetter(2)
_HEAD = itemgetter(0)  # words are never empty
_POSSESSIVE_END = methodcaller("endswith", _POSSESSIVE)
_new = tuple.__new__


class Tok(NamedTuple):
    start: int
    end: int
    word: str
    brk: str  # punctuation right after the word ("" when none): runs of names stop here
    lower: str
    cap: bool
    possessive: bool

    @property
    def bare(self) -> str:
        """The word without a possessive ending."""
        if not self.possessive:
            return self.word
        for ending in _POSSESSIVE:
            if self.word.endswith(ending):
                return self.word[: -len(ending)] if ending[0] in "'’" else self.word[:-1]
        return self.word


def tokenize(text: str) -> list[Tok]:
    """Tokens of ``text`` (masked quote text, NULs, is skipped like spaces)."""
    parts = _TOKEN.findall(text)
    while parts and not parts[-1][1]:
        parts.pop()  # the tail after the last word
    if not parts:
        return []
    ends = list(accumulate(map(len, chain.from_iterable(parts))))
    words = list(map(_WORD, parts))
    columns = zip(
        ends[0::3],  # a word starts where its gap ends
        ends[1::3],
        words,
        map(_BREAK, parts),
        map(str.lower, words),
        map(str.isupper, map(_HEAD, words)),
        map(_POSSESSIVE_END, words),
        strict=True,
    )
    return list(map(_new, repeat(Tok), columns))
