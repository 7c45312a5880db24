"""What a sentence around a quote says of its speaker beyond an attribution: a joint
statement that two parties speak in, and reported speech a sentence or two before a quote
that completes it ('The sources told VOA ... . It will be "limited and conditional."')."""

from __future__ import annotations

import re

from briefings.quotes.attribution import Attribution, before_quote
from briefings.quotes.lexicon import NAMING_VERBS
from briefings.quotes.marks import Span
from briefings.quotes.speakers import Speaker
from briefings.quotes.tokens import Tokens, between

# "a joint statement", "their joint communique", "the joint U.S.-EU statement".
_JOINT_DOCUMENT = re.compile(
    r"\bjoint (?:\S+ )?(statement|declaration|communiqu[eé])", re.IGNORECASE
)


def joint_document(speaker: Speaker, text: str, nxt: str, sentence: tuple[int, int]) -> Speaker:
    """Two parties that speak in a joint statement: the statement is the speaker, as in
    '"...," X and Y said in a joint statement'. Its sentence names the statement, or the
    paragraph after it opens by naming it ("The joint statement was issued by ...")."""
    found = _JOINT_DOCUMENT.search(text, *sentence)
    if found is None and nxt:
        found = _JOINT_DOCUMENT.search(nxt, 0, nxt.find(". ") if ". " in nxt else len(nxt))
    return Speaker(f"joint {found.group(1).lower()}") if found else speaker


_REPORTED_REACH = 2  # sentences back


# A copula right before a quote: what the quote says is the predicate ('will be "...."').
_COPULA_BEFORE = re.compile(r"\b(?:is|are|was|were|be|remain|remains)\s*$")


def predicate_quote(text: str, quoted: str, span: Span, sent_end: int) -> bool:
    """A quote after a copula that ends its sentence with its own full stop: '... will be
    "limited and conditional."' (reported words; a name or title is introduced otherwise)."""
    if quoted[-1:] not in ".!?" or not span.closed or span.after < sent_end - 1:
        return False
    return _COPULA_BEFORE.search(text, max(0, span.open - 12), span.open) is not None


def reported_before(
    toks: Tokens, bounds: list[tuple[int, int]], sent_start: int
) -> Attribution | None:
    """The speaker of reported speech a sentence or two before in the paragraph ("The
    sources told VOA they expected ... . The plan will be "limited and conditional."")."""
    earlier = [(a, b) for a, b in bounds if b <= sent_start][-_REPORTED_REACH:]
    for a, b in reversed(earlier):
        found = before_quote(between(toks, a, b), False)
        if found is not None and found.verb not in NAMING_VERBS:
            return found
    return None
