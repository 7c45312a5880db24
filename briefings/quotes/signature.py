"""A quote printed on its own, signed on the line below it: a paragraph that is only a
person's name and, after a comma, their role ("Anna Berglund, Swedish minister for trade"),
with no verb and no full stop, names the speaker of the quote that fills the paragraph
before it. Pull quotes and press releases print quotes this way."""

from __future__ import annotations

from briefings.quotes.attribution import Attribution
from briefings.quotes.people import mentions
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
