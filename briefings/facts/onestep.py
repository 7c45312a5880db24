"""Each step told once: a schedule's item ("Vote: Thursday 26 March") on the day a sentence
names is that step, two sentences on the same day in mostly the same words are one, and a step
an outcome already tells as done is none."""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefings.facts.background import FUTURE
from briefings.facts.statements import Statement
from briefings.reading.dates import MONTHS
from briefings.reading.pagebody import AGENDA_LINE
from briefings.reading.scanning import WordPattern

# News capitalizes month names: matching them case-sensitively keeps this cheap.
MONTH_NAMES = "|".join(sorted((m.capitalize() for m in MONTHS), key=len, reverse=True))
# "June 15" and "15 June".
DAY = WordPattern(
    rf"\b(?:(?P<month>{MONTH_NAMES})\.?\s+(?P<day>\d{{1,2}})\b"
    rf"|(?P<day_first>\d{{1,2}})\s+(?P<month_second>{MONTH_NAMES})\b)"
)
# A day a step is named by: a weekday, or a date (see ``DAY``).
WEEKDAY = re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b")
_STEM = re.compile(r"\b([a-z]{4,5})")


def one_per_step(steps: list[Statement]) -> list[Statement]:
    """``steps`` with each step told once. A schedule's item ("Vote: Thursday 26 March") on
    the day a sentence names ("On Thursday, MEPs will adopt ...") is that step: the sentence
    is kept, with the item's date when it names only the weekday ("On Thursday 26 March,
    ..."). Two sentences on the same day and of mostly the same words are one."""
    kept: list[Statement] = []
    for step in steps:
        if _a_schedule(step.raw):
            continue  # weighed after the sentences
        if not any(same_step(step.raw, other.raw) for other in kept):
            kept.append(step)
    for step in steps:
        if not _a_schedule(step.raw):
            continue
        items = []
        for item in step.raw.split("; "):
            when = item.partition(": ")[2]
            told = [i for i, other in enumerate(kept) if _days(when) & _days(other.raw)]
            if not told:
                items.append(item)
            elif (dated := _with_date(kept[told[0]].raw, when)) is not None:
                kept[told[0]] = kept[told[0]]._replace(raw=dated)
        if items:
            kept.append(step._replace(raw="; ".join(items)))
    return sorted(kept, key=lambda s: s.order)


# The verb of a step ("will be signed", "is due to meet") and its past forms.
_STEP_VERB = re.compile(
    r"\b(?:will|shall|is to|are to|(?:is|are) (?:due|set|scheduled|expected) to) (?:be )?"
    r"([a-z]{3,})"
)
_IRREGULAR_PAST = {"meet": "met", "hold": "held", "held": "held", "begin": "began",
                   "sign": "signed", "take": "took", "come": "came"}  # fmt: skip


def told_as_done(step: str, outcomes: Sequence[str]) -> bool:
    """Whether an outcome tells ``step``'s event as done: the same day, mostly the same
    words, and the step's own verb in the past with no "will" ("The two sides signed the
    annex on Friday 6 June" beside "The annex will be signed on Friday 6 June")."""
    verb = _STEP_VERB.search(step)
    if verb is None:
        return False
    word = verb.group(1)  # "sign", or "signed" after "be"
    stem = word[:-2] if word.endswith("ed") else word[:-1] if word.endswith("e") else word
    past = _IRREGULAR_PAST.get(word, stem + "ed")
    done = re.compile(rf"\b(?:{stem}e?d|{past})\b")
    return any(
        FUTURE.search(outcome) is None and done.search(outcome) and same_step(step, outcome)
        for outcome in outcomes
    )


def _a_schedule(text: str) -> bool:
    """Whether ``text`` is a schedule's items ("Debate: Tuesday, 12 February; Vote: ...")."""
    return all(AGENDA_LINE.match(item) for item in text.split("; "))


def _days(text: str) -> set[str]:
    """The weekdays and dates ("26 March" as "march 26") ``text`` names."""
    days = set(WEEKDAY.findall(text))
    for match in DAY.finditer(text):
        month = (match["month"] or match["month_second"]).lower()
        days.add(f"{month} {int(match['day'] or match['day_first'])}")
    return days


def same_step(text: str, other: str) -> bool:
    """Whether two sentences name the same day and mostly the same words."""
    if not _days(text) & _days(other):
        return False
    words, others = set(_STEM.findall(text)), set(_STEM.findall(other))
    return len(words & others) >= 0.5 * min(len(words), len(others))


def _with_date(text: str, when: str) -> str | None:
    """``text`` with the weekday it names given the date of ``when`` ("Thursday 26 March"),
    when ``text`` names no date of its own."""
    weekday = WEEKDAY.match(when)
    if weekday is None or DAY.search(text) or DAY.search(when) is None:
        return None
    day = when.rstrip(". ")
    return re.sub(rf"\b{weekday.group()}\b", day, text, count=1)
