"""Attribution patterns: which words around a quote name its speaker.

After the quote: ``"...," said X, the ROLE`` / ``"...," X said`` / ``"...," according to X``.
Before it: ``X said: "..."`` / ``He added, "..."`` / ``X told reporters that ... "..."``.
The result is the speaker *phrase*; :mod:`briefings.quotes.speakers` resolves it.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefings.quotes.lexicon import (
    DETERMINERS,
    NAMING_VERBS,
    PRONOUNS,
    ROLE_MODIFIERS,
    ROLE_NOUNS,
    SPEECH_VERBS,
    TITLES,
)
from briefings.quotes.people import PARTICLES, appositive_after
from briefings.quotes.tokens import Tok

VERBS = frozenset(SPEECH_VERBS.split())
# Verbs that may come before their subject: '"...," said Akazawa'.
INVERTED = frozenset(
    "said says added adds asked asks explained continued continues noted wrote writes stated "
    "recalled replied responded insisted warned argued remarked told".split()
)
ADVERBS = frozenset("also later then previously further again earlier reportedly once".split())
_MAX_NP = 9
_AFTER_REACH = 12


@dataclass(frozen=True, slots=True)
class Attribution:
    """A speaker phrase (tokens) and the role an appositive gave it there."""

    phrase: tuple[Tok, ...]
    role: str = ""
    verb: str = ""


def _is_verb(tokens: list[Tok], k: int) -> bool:
    word = tokens[k].lower
    if word == "according":
        return k + 1 < len(tokens) and tokens[k + 1].lower == "to"
    return word in VERBS


def _np_word(tok: Tok) -> bool:
    low = tok.lower
    return (
        tok.cap
        or low in ROLE_NOUNS
        or low in ROLE_MODIFIERS
        or low in TITLES
        or low in PARTICLES
        or low in {"of", "for"}
        or tok.word.isdigit()
    )


def phrase_before(tokens: list[Tok], end: int) -> tuple[tuple[Tok, ...], str]:
    """The noun phrase ending right before index ``end`` (a verb), and an appositive role."""
    k = end - 1
    while k >= 0 and tokens[k].lower in ADVERBS and not tokens[k].brk:
        k -= 1
    if k < 0:
        return (), ""
    if tokens[k].brk[:1] == ",":
        return _phrase_with_appositive(tokens, k)
    if tokens[k].brk:
        return (), ""
    if tokens[k].lower in PRONOUNS:
        return (tokens[k],), ""
    words: list[Tok] = []
    while k >= 0 and len(words) < _MAX_NP:
        tok = tokens[k]
        if tok.brk and words:
            break
        if tok.lower in DETERMINERS:
            words.append(tok)
            break
        if not _np_word(tok):
            break
        words.append(tok)
        k -= 1
    while words and words[-1].lower in {"of", "for"}:
        words.pop()
    words.reverse()
    return tuple(words), ""


def _phrase_with_appositive(tokens: list[Tok], k: int) -> tuple[tuple[Tok, ...], str]:
    """``Akazawa, minister in charge of ..., said``: the name before the appositive."""
    c = k - 1
    while c >= 0 and k - c <= 14 and not tokens[c].brk:
        c -= 1
    if c < 0 or tokens[c].brk[:1] != ",":
        return (), ""
    role = appositive_after(tokens, c)
    phrase, _ = phrase_before(tokens[: c + 1] + [Tok(0, 0, "said", "")], c + 1)
    return phrase, role


def phrase_after(tokens: list[Tok], begin: int) -> tuple[tuple[Tok, ...], str]:
    """The noun phrase starting at ``begin`` (after an inverted verb) and its appositive."""
    words: list[Tok] = []
    k = begin
    if k < len(tokens) and tokens[k].lower in DETERMINERS:
        words.append(tokens[k])
        k += 1
    while k < len(tokens) and len(words) < _MAX_NP:
        tok = tokens[k]
        if not _np_word(tok) or tok.lower in {"on", "in"}:
            break
        words.append(tok)
        k += 1
        if tok.brk:
            break
    while words and words[-1].lower in {"of", "for"}:
        words.pop()
    if not any(t.cap or t.lower in ROLE_NOUNS or t.lower in PRONOUNS for t in words):
        return (), ""
    last = tokens.index(words[-1])
    return tuple(words), appositive_after(tokens, last)


def after_quote(tokens: list[Tok], short: bool) -> Attribution | None:
    """Attribution in the words right after a closing mark (same sentence)."""
    for k in range(min(len(tokens), _AFTER_REACH)):
        if not _is_verb(tokens, k) or (short and tokens[k].lower in NAMING_VERBS):
            continue
        verb = tokens[k].lower
        if k == 0 or verb == "according":
            if k > 1 or (verb not in INVERTED and verb != "according"):
                return None
            phrase, role = phrase_after(tokens, k + 2 if verb == "according" else k + 1)
        else:
            phrase, role = phrase_before(tokens, k)
            # The speaker phrase must follow the quote closely ('," Smith said').
            if phrase and tokens.index(phrase[0]) > 2:
                return None
        return Attribution(phrase, role, verb) if phrase else None
    return None


def before_quote(tokens: list[Tok], short: bool) -> Attribution | None:
    """Attribution in the words before an opening mark (same sentence, earlier verb first)."""
    for k in range(len(tokens)):
        if not _is_verb(tokens, k) or (short and tokens[k].lower in NAMING_VERBS):
            continue
        verb = tokens[k].lower
        if verb == "according":
            phrase, role = phrase_after(tokens, k + 2)
        else:
            phrase, role = phrase_before(tokens, k)
        if phrase:
            return Attribution(phrase, role, verb)
    return None
