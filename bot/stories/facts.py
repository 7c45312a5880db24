"""Changed lines and where a thread stood, as a chat reads them."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence

from briefings.model import Change, Development, StatedFact, Thread
from briefings.stories.material import thread_standing


def changes_across(developments: Iterable[Development]) -> tuple[Change, ...]:
    """What moved over ``developments`` (oldest first) as one change per fact: from the value
    before the first to the value after the last (``deadline 1 April → 1 June`` for two
    moves); a fact that moved back to where it was gives none."""
    by_fact: dict[tuple[str, str], Change] = {}
    for development in developments:
        for change in development.changes:
            key = (change.kind, change.subject)
            earlier = by_fact.get(key)
            by_fact[key] = (
                change if earlier is None else dataclasses.replace(change, before=earlier.before)
            )
    return tuple(c for c in by_fact.values() if c.before != c.after)


def change_lines(developments: Iterable[Development]) -> tuple[str, ...]:
    return tuple(change.line for change in changes_across(developments))


def fact_text(fact: StatedFact) -> str:
    """``deadline 1 May``, ``car tariff 15 %``; an agreement is its value alone."""
    return fact.value if fact.kind == "agreement" else f"{fact.subject} {fact.value}"


def standing_line(earlier: Sequence[Development]) -> str:
    """Where a thread stood after its ``earlier`` developments (oldest first): the latest
    value of each fact they stated, ``; ``-separated ("" when they stated none). The
    agreement comes first; a fact said of no one in particular ("tariff", "lead
    negotiator") is left out when one of its kind names what or whom it is about."""
    if not earlier:
        return ""
    facts = thread_standing(Thread("", tuple(earlier)))
    named_kinds = {f.kind for f in facts if not _unnamed(f)}
    kept = [f for f in facts if not (_unnamed(f) and f.kind in named_kinds)]
    kept.sort(key=lambda f: _KIND_ORDER.get(f.kind, len(_KIND_ORDER)))
    return "; ".join(fact_text(fact) for fact in kept)


# The order a reminder tells a thread's facts in.
_KIND_ORDER = {"agreement": 0, "rate": 1, "amount": 2, "deadline": 3, "lead": 4}
_UNNAMED = frozenset({"tariff", "lead negotiator"})


def _unnamed(fact: StatedFact) -> bool:
    return fact.subject in _UNNAMED
