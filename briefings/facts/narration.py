"""A past event told beside a word of what is to come: the finite past verbs of a sentence,
the forms that report or plan rather than narrate, and the tests that tell a sentence about
what happened ("Talks scheduled for Monday were postponed") from one about a step."""

from __future__ import annotations

import re

from briefings.facts.cues import NEXT_CUE

# A finite past verb; a participle after a comma ("discussions, held over ..."), a
# conjunction ("If approved, ...", "once signed") or a present "is" ("if no deal is reached"),
# or one with its agent ("a delegation headed by the minister will visit ...") is not one.
PAST_VERB = re.compile(
    r"(?<!, )(?<!If )(?<!if )(?<!Once )(?<!once )(?<!When )(?<!when )(?<! is )(?<! are )"
    r"\b(?:was|were|had|did|said|told|met|held|took|began|struck|won|gave|sent|set out|"
    r"laid out|(?:spoke|made|went|came|saw|wrote|sought|brought|rose|fell|chose|broke|flew|"
    r"drew)(?! by\b)|(?![a-z]*ceed\b)[a-z]{3,}ed(?! by\b))\b"
    # After an aside, "met" and a verb in "-ed" with its "to" are the sentence's own: "Raab,
    # who is standing in, met with Frost", "This week's round, the last scheduled, failed to".
    r"|(?<=, )(?:met|(?!(?:scheduled|expected|planned|slated|meant|intended|designed|aimed|"
    r"set|due|invited|asked|required|supposed)\b)[a-z]{3,}ed(?= to [a-z]))\b"
)
# "agreed to a framework": what was agreed is a thing, not a step ("agreed to meet").
_AGREED_TO_A_THING = re.compile(
    r"\bagreed to (?:a|an|the|its|their|his|her|this|that|these|those|terms)\b"
    r"(?! (?:(?:future|further|new|next|second|third|fourth|fifth) )?"
    r"(?:meet|meeting|round|session|summit|talks|visit)\b)"
)
# A plan told in the past ("The parties initially planned to sign ..."), not a plan that is
# ("are planned to", "had planned to" is background, see ``looks_back``).
PLAN_WORDS = ("planned", "intended", "meant")
_PLANNED_THEN = re.compile(
    r"\b(?!(?:is|are|be|been|was|were|am|had|have|has|it|they|we|he|she)\b)[A-Za-z]+ "
    r"(?:[a-z]+ly )?(?:planned|intended|meant) to\b"
)
# Past forms that report or plan rather than tell what happened.
_NOT_NARRATING = frozenset((
    "said", "told", "stated", "added", "noted", "agreed", "scheduled", "expected", "planned",
    "slated",
))  # fmt: skip
FUTURE_FORM = re.compile(
    r"\b(?=[abisw])(?:will|shall|would|(?:is|are|am|be) (?:to|scheduled|due|set|expected|"
    r"slated|planned|"
    r"going)|(?:was|were) (?:scheduled|due|set|expected|slated|planned) (?:to|for|on|in))\b"
)
# Past forms that report what someone said or announced: "X said on Saturday that talks will
# resume on Sunday" tells a step to come, not a past event.
SAYING = frozenset((
    "said", "told", "stated", "added", "noted", "announced", "confirmed", "expressed",
    "indicated", "revealed", "reported", "stressed", "emphasized", "emphasised", "reiterated",
    "signalled", "signaled",
))  # fmt: skip
_REPORTING = _NOT_NARRATING | SAYING
# What may stand before a firm step and still leave it to come: all of those but "agreed"
# ("agreed on Friday to cut tariffs and will sign on Thursday" tells the agreement first).
BEFORE_STEP = _REPORTING - {"agreed"}


def past_before_future(text: str, firm: bool = False) -> bool:
    """A past event reported with a future clause after it ("Markets closed higher on the
    expectation the two sides will agree"): the sentence tells what happened. Who said or
    announced a firm step ("X said on Saturday that talks will resume on Sunday") is no
    past event."""
    cue = NEXT_CUE.search(text)
    if cue is None:
        return False
    thing = _AGREED_TO_A_THING.search(text) if "agreed to " in text else None
    if thing is not None and thing.start() <= cue.start():
        return True  # "The president on Sunday agreed to a framework under which ..."
    skip = BEFORE_STEP if firm else frozenset()
    return any(
        m.group() not in skip
        and not (m.group() == "agreed" and _AGREED_MEETING.match(text, m.end()))
        for m in PAST_VERB.finditer(text, 0, cue.start())
    )


# A plan told in reported speech, its tense moved back: "Officials said the two sides were
# tentatively slated to sign the accord on 17 June" (a day still to come: a step).
_REPORTED_PLAN = re.compile(
    r"\b(?:was|were) (?:[a-z]+ly )?(?:due|slated|scheduled|set|expected|planned|to)\b"
)
_REPORTED = re.compile(r"\b(?:said|says|told|according to|announced|confirmed|stated)\b")


def reported_plan(text: str) -> bool:
    """Whether ``text`` tells a plan in reported speech ("Officials said the two sides were
    slated to sign the accord on 17 June"): someone says it, and its only past verbs are the
    saying and the plan's "was" or "were". Whether it is still to come is told by its day (a
    day before the report's is a plan told as it was)."""
    if "were " not in text and "was " not in text:
        return False
    plan = _REPORTED_PLAN.search(text)
    if plan is None or _REPORTED.search(text) is None:
        return False
    return all(
        m.group() in SAYING or plan.start() <= m.start() < plan.end()
        for m in PAST_VERB.finditer(text)
    )


def planned_then(text: str) -> bool:
    """Whether ``text`` tells a plan as it was ("The parties initially planned to sign the
    deal at the summit this month"): "planned to" as the sentence's own past verb, with no
    form of the future and no one saying it."""
    plan = _PLANNED_THEN.search(text)
    if plan is None or FUTURE_FORM.search(text) is not None:
        return False
    return not any(m.group() in SAYING for m in PAST_VERB.finditer(text, 0, plan.start()))


# "agreed on Friday to hold the next round": what was agreed is a meeting still to come.
_AGREED_MEETING = re.compile(
    r"(?: [\w,]+){0,3}? to (?:meet|hold|reconvene|convene|resume|continue)\b"
)


def narrated(text: str, firm: bool = False) -> bool:
    """A past event told beside a word of what is to come ("The next month, the two sides
    signed a truce", "Talks scheduled for Monday were postponed"): a finite past verb and
    no future form."""
    if FUTURE_FORM.search(text):
        return False
    skip = _REPORTING if firm else _NOT_NARRATING
    return any(
        m.group() not in skip and not text.endswith(("be ", "been "), 0, m.start())
        for m in PAST_VERB.finditer(text)
    )
