"""A quote printed on its own, signed on the line below it: a paragraph that is only a
person's name and, after a comma, their role ("Anna Berglund, Swedish minister for trade"),
with no verb and no full stop, names the speaker of the quote that fills the paragraph
before it. Pull quotes and press releases print quotes this way."""

from __future__ import annotations

from briefings.quotes.attribution import Attribution
from briefings.quotes.people import mentions, role_before
from briefings.quotes.tokens import tokenize
from briefings.quotes.verbs import VERBS

_DASHES = "—–―-"
_MAX_WORDS = 30
_ENDS = frozenset('.!?:;"”’')


def signature(line: str) -> Attribution | None:
    """The speaker ``line`` signs for, or ``None`` when it is no signature line."""
    text = line.strip().lstrip(_DASHES).strip()
    if not text or text[-1] in _ENDS or len(text.split(None, _MAX_WORDS)) > _MAX_WORDS:
        return None
    tokens = tokenize(text)
    if not VERBS.isdisjoint(tokens.lower):
        return None
    named = mentions(tokens, people_only=True)
    if not named or named[0].first != 0 or " " not in named[0].name:
        return None
    last = named[0].last
    if last + 1 < len(tokens) and tokens.brk[last][:1] != ",":
        return None  # "Anna Berglund opened the talks": a sentence, not a signature
    records = tokens.records()
    role = text[records[last].end :].lstrip(", ").removeprefix("the ")
    return Attribution(tuple(records[named[0].first : last + 1]), named[0].role or role)


_DASH_REACH = 6  # words from the dash to the end of the name it signs with


def dash_signature(rest: str) -> Attribution | None:
    """The speaker a dash after a quote names in its paragraph ('"..." – Wigan's Roberto
    Martinez after a 4-0 defeat', '"..." - Birmingham boss Lee Clark (lost 5-2)'): a full
    name within a few words of the dash, with no verb before it."""
    text = rest.lstrip()
    if text[:1] not in _DASHES or text[1:2] != " ":
        return None
    text = text.lstrip(_DASHES).lstrip()
    tokens = tokenize(text)
    full = [m for m in mentions(tokens, people_only=True) if " " in m.name]
    if not full or full[0].last >= _DASH_REACH:
        return None
    first, last = full[0].first, full[0].last
    if not VERBS.isdisjoint(tokens.lower[:first]) or any(tokens.brk[:first]):
        return None
    records = tokens.records()
    role = full[0].role or role_before(tokens, first)
    if not role and first:
        role = " ".join(tokens.word[:first])  # "Wigan's": the club the name stands for
    return Attribution(tuple(records[first : last + 1]), role)
