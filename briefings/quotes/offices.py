"""Titles that hold an office named after "of" or "for", before a person's name: "Secretary of
Agriculture Sonny Perdue", "Minister of Economy, Trade and Industry Yasutoshi Nishimura",
"Chancellor of the Exchequer Rishi Sunak", "Secretary of State for International Trade Liz
Truss", "Canada's Minister of International Trade Mary Ng". The name is the last words of the
run (a given name, any initials, particles and the surname); every word before it is the role.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefings.quotes.lexicon import (
    DETERMINERS,
    NON_PERSON,
    PLACE_PAIRS,
    PLACES,
    ROLE_MODIFIERS,
    ROLE_NOUNS,
    TITLES,
    word_set,
)
from briefings.quotes.tokens import Tok, Tokens

PARTICLES = word_set("de van von der den bin al da del di la le du dos ben ibn")
# The small words inside an office: "of the Exchequer", "Economy, Trade and Industry".
OFFICE_GLUE = frozenset({"of", "for", "the", "and", "&"})
_OFFICE_OPENERS = frozenset({"of", "for"})
_MAX_WORDS = 14  # a title, its office and a name
_TITLE_REACH = 5  # words before the title: "U.S.", "Canada's", "Deputy", "the"
_INITIAL = re.compile(r"(?:[A-Z]\.)+")


def name_start(words: Sequence[Tok]) -> int:
    """Where a person's name starts at the end of ``words``: the surname, the particles before
    it ("von der Leyen"), one given name and any initials ("Susan C. Schwab")."""
    k = len(words) - 1
    while k > 0 and words[k - 1].lower in PARTICLES:
        k -= 1
    if k > 0:
        k -= 1  # the given name
    while k > 0 and _INITIAL.fullmatch(words[k].word):
        k -= 1  # "C." of "Susan C. Schwab": the given name is before it
    return k


def office_holder(words: Sequence[Tok]) -> tuple[int, str] | None:
    """Where the name starts in ``words``, a phrase that opens with a title holding an office
    and ends with a person's name, and the role before the name; None for any other phrase."""
    count = len(words)
    if count < 5 or count > _MAX_WORDS:
        return None
    title = _office_title(words)
    if title is None:
        return None
    first, at = title
    start = _after_place(words, at + 2, name_start(words))
    office = words[at + 2 : start]
    name = words[start:]
    if not office or not office[-1].cap or len(name) < 2:
        return None
    if any(_holder(t) or not (t.cap or t.lower in OFFICE_GLUE) for t in office):
        return None  # "Secretary of State Mike Pompeo and Treasury Secretary ...": two people
    if any(t.brk not in {"", ","} for t in words[first:-1]) or any(t.brk for t in name[:-1]):
        return None
    if any(_holder(t) or t.bare in NON_PERSON or t.bare in PLACES for t in name):
        return None
    if not all(t.cap or t.lower in PARTICLES for t in name) or name[-1].possessive:
        return None
    role = " ".join(t.word + ("," if t.brk == "," else "") for t in words[first:start])
    return start, role.rstrip(",")


def _after_place(words: Sequence[Tok], begin: int, start: int) -> int:
    """Where the name starts when the office ends with a two-word country and the name has
    three words ("Minister of Industry and Trade of Viet Nam Tran Tuan Anh"): after it."""
    for j in range(max(begin, 1), start - 2):
        pair = f"{words[j].word} {words[j + 1].word}"
        if words[j - 1].lower in {"of", "in"} and pair in PLACE_PAIRS and start - j == 3:
            return j + 2
    return start


def _office_title(words: Sequence[Tok]) -> tuple[int, int] | None:
    """Where the role starts (after a determiner) and where its title stands: a title
    followed by "of" or "for", after only modifiers ("U.S.", "Canada's", "Deputy")."""
    first = 1 if words[0].lower in DETERMINERS else 0
    for k in range(first, min(len(words) - 2, first + _TITLE_REACH)):
        tok = words[k]
        if tok.lower in TITLES and words[k + 1].lower in _OFFICE_OPENERS:
            return first, k
        if not (tok.cap or tok.lower in ROLE_MODIFIERS or tok.lower in OFFICE_GLUE):
            return None
    return None


def office_phrase(tokens: Sequence[Tok], begin: int) -> tuple[tuple[Tok, ...], str] | None:
    """The person a phrase from ``begin`` names after a title with its office ("said Minister
    of Economy, Trade and Industry Yasutoshi Nishimura"), and the role; None when the phrase
    is of another kind."""
    k = begin
    ends: list[int] = []
    while k < len(tokens) and k - begin < _MAX_WORDS:
        tok = tokens[k]
        if not (
            tok.cap or tok.lower in OFFICE_GLUE or tok.lower in PARTICLES or _modifier(tok)
        ) and not (k == begin and tok.lower in DETERMINERS):
            break
        k += 1
        if tok.brk:
            ends.append(k)
            if tok.brk != ",":
                break
    else:
        ends.append(k)
    if not ends or ends[-1] != k:
        ends.append(k)
    for end in sorted(set(ends), reverse=True):
        found = office_holder(tokens[begin:end])
        if found is not None:
            start, role = found
            return tuple(tokens[begin + start : end]), role
    return None


def office_run(tokens: Tokens, first: int, last: int) -> tuple[str, str, bool] | None:
    """(name, role, person) of the capitalized run ``first``..``last`` when it ends a title
    with its office ("Secretary of Homeland Security Alejandro Mayorkas": the run "Homeland
    Security Alejandro Mayorkas" is Alejandro Mayorkas, Secretary of Homeland Security)."""
    if first == 0 or tokens.word[first - 1] not in OFFICE_GLUE:
        return None
    begin = max(0, first - _MAX_WORDS)
    if TITLES.isdisjoint(map(str.lower, tokens.word[begin : first - 1])):
        return None  # the common case: no title before the run to read as an office's
    records = tokens.records(begin, last + 1)
    run_at = first - begin
    for k in range(run_at - 2, -1, -1):
        tok = records[k]
        if tok.brk not in {"", ","}:
            return None
        if tok.lower in TITLES and records[k + 1].lower in _OFFICE_OPENERS:
            while k > 0 and not records[k - 1].brk and _modifier(records[k - 1]):
                k -= 1
            found = office_holder(records[k:])
            if found is None or found[0] + k <= run_at:
                return None
            start, role = found
            name = records[k + start :]
            words = [t.word for t in name[:-1]] + [name[-1].bare]
            return " ".join(words), role, True
    return None


def _holder(tok: Tok) -> bool:
    """Whether ``tok`` is a title of a person ("Secretary"), not of a portfolio ("Trade")."""
    return tok.lower in TITLES and tok.lower in ROLE_NOUNS


def _modifier(tok: Tok) -> bool:
    return tok.cap or tok.lower in ROLE_MODIFIERS
