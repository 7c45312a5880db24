"""Whether a sentence tells the report's own news: not what came before it, nor a purpose,
a standing state, a forecast or what is still to come; and the headline's own event told
"earlier this week"."""

from __future__ import annotations

import re
from datetime import date

from briefings.facts.background import in_an_earlier_month, looks_back, on_an_earlier_day
from briefings.facts.choice import STEM
from briefings.facts.claims import claims_an_effect
from briefings.facts.stance import tells_an_event
from briefings.facts.standing import (
    a_forecast,
    names_background,
    standing_claim,
    standing_state,
    still_to_come,
)
from briefings.facts.statements import Statement


def content_stems(text: str) -> set[str]:
    """Words of four letters or more cut to five: "tariffs," and "tariff" share "tarif"."""
    return set(STEM.findall(text.casefold()))


def tells_the_headlines_event(text: str, topic: set[str], today: date | None) -> bool:
    """Whether a sentence told "earlier this week" or "earlier this month" tells the event
    its headline names (half its headline's words, ``topic``, and two at least), with no
    other look back: a past within the report's own days, the news itself ("Norland raised
    tariffs on steel to 25% earlier this month" under "Norland raises steel tariffs")."""
    if "arlier this " not in text or len(topic) < 2:
        return False
    shared = len(content_stems(text) & topic)
    if shared < 2 or 2 * shared < len(topic):
        return False
    plain = _EARLIER_THIS.sub(r"this \1", text)
    return plain != text and not looks_back(plain, today)


_EARLIER_THIS = re.compile(r"[Ee]arlier this (week|month)")


def no_outcome(text: str) -> bool:
    """Whether a sentence is no outcome though it reads like one: a purpose or a standing
    charge, a state that stands, a forecast, what is still to come, a sentence that names itself
    background, a claim of what a thing will do for someone."""
    return (
        standing_claim(text)
        or standing_state(text)
        or a_forecast(text)
        or still_to_come(text)
        or names_background(text)
        or claims_an_effect(text)
    )


def tells_news(
    statement: Statement, today: date | None, month_of: date | None, weekdays: bool
) -> bool:
    """Whether a sentence of a speech tells something that happened, was agreed or
    announced for this report, not before it ("We launched this Framework in May"): the
    lede of a speech after its courtesies."""
    return tells_an_event(statement.raw) and of_the_report(statement, today, month_of, weekdays)


def of_the_report(
    statement: Statement, today: date | None, month_of: date | None, weekdays: bool
) -> bool:
    """Whether a sentence tells news of the report, not what came before it: a lede handed
    on (by a stance, a speech's courtesies, a lede of what is to come) must."""
    return (
        not looks_back(statement.raw, today)
        and not in_an_earlier_month(statement, month_of)
        and not on_an_earlier_day(statement, today, weekdays)
    )
