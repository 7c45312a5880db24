"""Acronyms an article spells out: "the Syrian Democratic Forces (SDF)" lets a later "the
SDF said" name the speaker as the article first did."""

from __future__ import annotations

import re
from collections.abc import Sequence

_ACRONYM = re.compile(r"\(([A-Z]{2,6})\)")
_GLUE = frozenset({"of", "and", "for", "the", "on", "&"})
_MAX_WORDS = 8


def expansions(paragraphs: Sequence[str]) -> dict[str, str]:
    """Acronym -> the capitalized words before it in brackets whose initials spell it."""
    found: dict[str, str] = {}
    for text in paragraphs:
        if "(" not in text:
            continue
        for match in _ACRONYM.finditer(text):
            acronym = match.group(1)
            if acronym not in found:
                words = text[: match.start()].split()[-_MAX_WORDS:]
                spelled = _spelled_by(words, acronym)
                if spelled:
                    found[acronym] = spelled
    return found


def _spelled_by(words: list[str], acronym: str) -> str:
    """The shortest tail of ``words`` whose capitalized parts' initials are ``acronym``."""
    for start in range(len(words) - 1, -1, -1):
        tail = words[start:]
        if tail[0][:1].islower():
            continue
        initials = "".join(_initials(w) for w in tail if w not in _GLUE)
        if initials == acronym:
            return " ".join(tail)
        if len(initials) > len(acronym):
            return ""
    return ""


def _initials(word: str) -> str:
    """ "Trans-Pacific" -> "TP", "U.S." -> "US", "Forces" -> "F"."""
    if "." in word:
        return "".join(c for c in word if c.isupper())
    return "".join(part[0] for part in word.split("-") if part[:1].isupper())
