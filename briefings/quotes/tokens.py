"""Word tokens with the punctuation that follows them: enough structure to find names."""

from __future__ import annotations

import re
from dataclasses import dataclass

_RAW = re.compile(r"[^\s\x00]+")
_LEAD = "“”\"«»「」『』([{'‘’—–-"
_TRAIL = "“”\"«»「」『』)]},;:!?'‘’—–"
_INITIALS = re.compile(r"^(?:[A-Z]\.)+$|^[A-Z][a-z]{0,3}\.$")
_POSSESSIVE = ("'s", "’s", "s'", "s’")


@dataclass(frozen=True, slots=True)
class Tok:
    start: int
    end: int
    word: str
    brk: str  # punctuation right after the word ("" when none): runs of names stop here

    @property
    def cap(self) -> bool:
        return self.word[:1].isupper()

    @property
    def lower(self) -> str:
        return self.word.lower()

    @property
    def possessive(self) -> bool:
        return self.word.endswith(_POSSESSIVE)

    @property
    def bare(self) -> str:
        """The word without a possessive ending."""
        for ending in _POSSESSIVE:
            if self.word.endswith(ending):
                return self.word[: -len(ending)] if ending[0] in "'’" else self.word[:-1]
        return self.word


def tokenize(text: str, base: int = 0) -> list[Tok]:
    """Tokens of ``text`` with offsets shifted by ``base``."""
    out: list[Tok] = []
    for match in _RAW.finditer(text):
        raw = match.group(0)
        core = raw.lstrip(_LEAD)
        lead = len(raw) - len(core)
        stripped = core.rstrip(_TRAIL)
        brk = core[len(stripped) :]
        if stripped.endswith(".") and not _INITIALS.match(stripped):
            stripped, brk = stripped[:-1], "." + brk
        if not stripped:
            continue
        start = base + match.start() + lead
        out.append(Tok(start, start + len(stripped), stripped, brk))
    return out
