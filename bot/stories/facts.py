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
    value of each fact they stated, ``; ``-separated ("" when they stated none)."""
    if not earlier:
        return ""
    facts = thread_standing(Thread("", tuple(earlier)))
    return "; ".join(fact_text(fact) for fact in facts)
