"""What a development adds to its thread: its briefing without the bullets a reader of the
earlier developments has already been shown (the same outcome, next step or quote)."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence

from briefings.model import Briefing, Development, Fact, Quote
from briefings.stories.merge import quote_key, same_quote

_WORD = re.compile(r"[\w’']+")
_SAME_BULLET = 0.6


def fresh_briefing(development: Development, earlier: Sequence[Development]) -> Briefing:
    """The briefing of ``development`` without bullets already in ``earlier``'s briefings."""
    shown_facts = [_words(f.text) for d in earlier for f in _facts(d.briefing)]
    shown_quotes = [quote_key(q) for d in earlier for q in d.briefing.quotes]
    briefing = development.briefing
    return dataclasses.replace(
        briefing,
        outcomes=_new_facts(briefing.outcomes, shown_facts),
        next=_new_facts(briefing.next, shown_facts),
        quotes=tuple(q for q in briefing.quotes if not _quote_shown(q, shown_quotes)),
    )


def bullet_texts(briefing: Briefing) -> tuple[str, ...]:
    """Every bullet of ``briefing`` as a reader sees its words."""
    return tuple(f.text for f in _facts(briefing)) + tuple(q.text for q in briefing.quotes)


def same_bullet(a: str, b: str) -> bool:
    """True when two bullets say the same thing (mostly the same words)."""
    return _similar(_words(a), _words(b))


def _facts(briefing: Briefing) -> tuple[Fact, ...]:
    return briefing.outcomes + briefing.next


def _new_facts(facts: Iterable[Fact], shown: Sequence[set[str]]) -> tuple[Fact, ...]:
    return tuple(f for f in facts if not any(_similar(_words(f.text), s) for s in shown))


def _quote_shown(quote: Quote, shown: Sequence[tuple[str, str]]) -> bool:
    key = quote_key(quote)
    return any(same_quote(key, other) for other in shown)


def _words(text: str) -> set[str]:
    return {w.casefold() for w in _WORD.findall(text)}


def _similar(a: set[str], b: set[str]) -> bool:
    return bool(a and b) and len(a & b) / len(a | b) >= _SAME_BULLET
