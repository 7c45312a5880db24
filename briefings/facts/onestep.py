"""Each step told once: a schedule's item ("Vote: Thursday 26 March") on the day a sentence
names is that step, two sentences on the same day in mostly the same words are one, and a step
an outcome already tells as done is none; two sentences of the same event (its verb, who
takes part, no two days) are one step."""

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
# The letters the month names start with.
_MONTH_FIRSTS = "".join(sorted({name[0] for name in MONTH_NAMES.split("|")}))
# "June 15" and "15 June", also with an ordinal's ending ("August 1st", "10th September"). The
# letters a month name starts with, or a digit, are looked at first: most places fail at once.
DAY = WordPattern(
    rf"\b(?=[{_MONTH_FIRSTS}\d])(?:(?P<month>{MONTH_NAMES})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b"
    rf"|(?P<day_first>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month_second>{MONTH_NAMES})\b)"
)
# The first three letters of each month name (of "Sept" too): a text with none of them names
# no date, a search far cheaper than that of ``DAY``.
MONTH_START = re.compile("|".join(sorted({name[:3] for name in MONTH_NAMES.split("|")})))
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
    done = _past_forms(stem, _IRREGULAR_PAST.get(word, stem + "ed"))
    return any(
        FUTURE.search(outcome) is None and done.search(outcome) and same_step(step, outcome)
        for outcome in outcomes
    )


def names_a_date(text: str) -> bool:
    """Whether ``text`` names a date (see ``DAY``)."""
    return MONTH_START.search(text) is not None and DAY.search(text) is not None


# The past forms of each step's verb read so far (see ``_past_forms``), by its stem and past.
_PAST_FORMS: dict[tuple[str, str], re.Pattern[str]] = {}
_MAX_PAST_FORMS = 2048


def _past_forms(stem: str, past: str) -> re.Pattern[str]:
    """The pattern of a verb's past forms, each a whole word: ``stem`` with "ed" or "d"
    ("signed", "agreed"), and ``past`` ("met"); compiled once for each verb."""
    found = _PAST_FORMS.get((stem, past))
    if found is None:
        if len(_PAST_FORMS) >= _MAX_PAST_FORMS:
            _PAST_FORMS.clear()  # a long run's verbs, read again as they come
        found = _PAST_FORMS[stem, past] = re.compile(rf"\b(?:{stem}e?d|{past})\b")
    return found


def _a_schedule(text: str) -> bool:
    """Whether ``text`` is a schedule's items ("Debate: Tuesday, 12 February; Vote: ...")."""
    return all(AGENDA_LINE.match(item) for item in text.split("; "))


def _days(text: str) -> set[str]:
    """The weekdays and dates ("26 March" as "march 26") ``text`` names."""
    days = set(WEEKDAY.findall(text))
    if MONTH_START.search(text) is None:
        return days
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
    if weekday is None or names_a_date(text) or not names_a_date(when):
        return None
    day = when.rstrip(". ")
    return _WEEKDAY_WORD[weekday.group()].sub(day, text, count=1)


# Each weekday's name as a whole word, for ``_with_date``.
_WEEKDAY_WORD = {
    name: re.compile(rf"\b{name}\b")
    for name in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
}


# The verb of a step, for ``same_event``: "will meet", "is set to meet", "will then travel";
# "will take place" and "will be held" name their event before it ("the visit will take place").
_EVENT_VERB = re.compile(
    r"\b(?:will|shall|(?:is|are) (?:due|set|scheduled|expected) to)"
    r"(?: (?:then|also|now|not|only|still))* (?:be )?([a-z]{3,})"
)
# When it was told ("the UN said on Friday", "announced on Thursday that"): no day of the step.
# When it was told ("the UN said on Friday", "the government said Sunday"): no day of the
# step.
TOLD_ON = re.compile(
    r"\b(?:said|says|told|informed|announced|confirmed|reported|added|stated)\b"
    r"(?:(?: [\w.'-]+){0,6}? on| reporters| journalists)? (?:Mon|Tues|Wednes|Thurs|Fri|Satur|"
    r"Sun)day\b"
)
_EVENT_BY_NOUN = frozenset(("take", "held", "happen"))
# A name: a capitalized word, its possessive cut ("Griffiths'" -> "Griffiths").
_NAME = re.compile(r"\b[A-Z][\w-]+")
# Capitalized words that name no one: a sentence's opening, a day, a month.
_MONTHS = frozenset(MONTH_NAMES.split("|"))
_NO_NAME = frozenset((
    "The", "A", "An", "According", "In", "On", "At", "After", "Before", "Next", "This", "That",
    "It", "They", "He", "She", "Meanwhile", "Later", "Earlier", "Also",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
))  # fmt: skip


def same_event(text: str, other: str) -> bool:
    """Whether two next steps tell one event in other words ("Guterres will meet Zelensky
    next week" and "Guterres will meet with Zelensky on Thursday"; "Griffiths will visit
    Moscow" and "Griffiths' visit will take place on 3 April"): the same verb (or the event's
    noun), a name in common before it, the names after it not apart, and no two days."""
    first, second = _EVENT_VERB.search(text), _EVENT_VERB.search(other)
    if first is None or second is None or _event_of(first) != _event_of(second):
        return False
    days, other_days = _days(TOLD_ON.sub("", text)), _days(TOLD_ON.sub("", other))
    if days and other_days and not days & other_days:
        return False  # "meets Putin on Tuesday", "meets Zelensky on Thursday"
    if not _names(text[: first.start()]) & _names(other[: second.start()]):
        return False
    after, other_after = _names(text[first.end() :]), _names(other[second.end() :])
    return not after or not other_after or bool(after & other_after)


def names_a_step_day(text: str) -> bool:
    """Whether ``text`` names a date or a weekday, other than the day it was told on ("the
    UN said on Friday")."""
    told = TOLD_ON.sub("", text) if "day" in text else text
    return names_a_date(told) or WEEKDAY.search(told) is not None


def _event_of(verb: re.Match[str]) -> str:
    """The event a step's verb tells, cut to four letters: its verb ("meet", "visi"), or for
    "will take place" the noun before it ("the visit will take place": "visi")."""
    word = verb.group(1)
    if word in _EVENT_BY_NOUN:
        before = verb.string[: verb.start()].split()
        word = before[-1].lower() if before else word
    return word[:4]


def _names(text: str) -> set[str]:
    """The names ``text`` holds, cut to five letters ("Ukraine" and "Ukrainian" are one)."""
    return {
        name[:5] for name in _NAME.findall(text) if name not in _NO_NAME and name not in _MONTHS
    }
