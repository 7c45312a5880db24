"""Word tokens with the punctuation that follows them: enough structure to find names."""

from __future__ import annotations

import re
from typing import NamedTuple

_CHUNK = re.compile(r"[^\s\x00]+")
_LEAD = "“”\"«»「」『』([{'‘’—–-"
_TRAIL = "“”\"«»「」『』)]},;:!?'‘’—–."
_INITIALS = re.compile(
    r"(?:[A-Z]\.)*[A-Z]$|(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Col|Lt|Sgt|Capt|Gov|Sen|Rep|Prof|Rev|Mt|Ft)$"
)
_POSSESSIVE = ("'s", "’s", "s'", "s’")


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
        for ending in _POSSESSIVE:
            if self.word.endswith(ending):
                return self.word[: -len(ending)] if ending[0] in "'’" else self.word[:-1]
        return self.word


def tokenize(text: str) -> list[Tok]:
    """Tokens of ``text``; a trailing period stays with initials and abbreviations
    ("U.S.", "Dr.", "A.")."""
    out: list[Tok] = []
    append = out.append
    for match in _CHUNK.finditer(text):
        raw = match.group()
        core = raw.lstrip(_LEAD)
        word = core.rstrip(_TRAIL)
        if not word:
            continue
        brk = core[len(word) :]
        if brk[:1] == "." and _INITIALS.match(word):
            word, brk = word + ".", brk[1:]
        start = match.start() + len(raw) - len(core)
        append(
            Tok(start, start + len(word), word, brk, word.lower(), word[:1].isupper(),
                word.endswith(_POSSESSIVE))
        )  # fmt: skip
    return out
