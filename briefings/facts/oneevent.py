"""One event told twice in other words: "The two leaders are set to sign the agreement on
Friday" and "The deal will be formalised at a ceremony in Tokyo on Friday" are one next step.
Two steps are one event when their times agree (the same day, month or coming period, or one
with a time and one without) and they speak of the same thing: the same kind of event (a
signing, talks, a visit, a deal, a vote, a tariff taking effect) or the same names and words."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from briefings.facts.onestep import DAY, MONTH_NAMES, MONTH_START, TOLD_ON, WEEKDAY
from briefings.facts.stepdays import times
from briefings.reading.dates import MONTHS

# The kinds of event a step tells, by the words that open their names: "sign", "signing" and
# "formalised at a ceremony" are a signing; "talks", "round" and "meeting" are talks.
_KINDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("signing", ("sign", "ink", "formali", "ceremon", "seal")),
    ("talks", ("talk", "round", "negotiat", "meet", "session", "discuss", "convene",
               "reconvene", "resum", "consultation")),
    ("visit", ("visit", "travel", "trip", "arriv")),
    ("deal", ("deal", "agreement", "accord", "pact", "treat", "framework")),
    ("summit", ("summit",)),
    ("conclusion", ("conclu", "finali", "complet", "wrap")),
    ("vote", ("vote", "ballot")),
    ("effect", ("effect", "impos", "implement", "tariff", "duties", "levy", "levies")),
)  # fmt: skip
_KIND_OPENERS = tuple(opener for _, openers in _KINDS for opener in openers)
# The first three letters of each opener: a word that opens with none of them opens no name of
# an event, a test cheaper than that of every opener.
_KIND_HEADS = frozenset(opener[:3] for opener in _KIND_OPENERS)
# Words every step may hold, cut to five letters: saying, time, the future, trade at large.
_COMMON = frozenset((
    "will", "would", "shall", "said", "says", "told", "added", "annou", "accor", "repor",
    "confi", "state", "offic", "spoke", "spoke", "that", "this", "with", "from", "have",
    "been", "were", "their", "there", "they", "them", "which", "what", "when", "where",
    "after", "befor", "also", "more", "than", "into", "over", "about", "other", "such",
    "both", "sides", "side", "next", "week", "weeks", "month", "year", "years", "early",
    "late", "later", "upcom", "comin", "again", "first", "secon", "third", "expec", "sched",
    "plann", "plans", "plan", "likel", "trade", "made", "make", "take", "place", "hold",
    "held", "part", "begin", "start", "until", "while", "under", "ahead", "soon", "today",
    "tomor", "their", "these", "those", "some", "each", "days", "time", "then", "just",
    "only", "most", "very", "could", "should", "might", "says", "amid", "along", "durin",
    "latest", "lates", "folio", "follo", "prese", "set", "due", "slated", "slate", "expect",
))  # fmt: skip
# An event the text points to as told before: "the upcoming talks", "the planned visit".
_POINTER = re.compile(
    r"\b(?:[Tt]he|[Tt]his|[Tt]hat|[Tt]hese|[Tt]hose) (?:upcoming|forthcoming|planned|proposed) "
    r"([a-z]+)"
)
_SUBORDINATE = re.compile(
    r"\b(?:once|if|unless|until|after|when|whereas|although|though|following)\b"
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019-]*")
_MONTH_WORD = re.compile(rf"\b(?:{MONTH_NAMES})\b")
_ORDINALS = frozenset((
    "fourt", "fifth", "sixth", "seven", "eight", "ninth", "tenth", "eleve", "twelf",
))  # fmt: skip
_WEEKDAYS = frozenset(("monda", "tuesd", "wedne", "thurs", "frida", "satur", "sunda"))
_MONTH_STEMS = frozenset(name[:5] for name in MONTHS)


class _Step(NamedTuple):
    """What a step's time and words are, for telling whether two steps are one event."""

    days: frozenset[str]  # weekdays and dates ("friday", "june 15")
    months: frozenset[int]
    periods: frozenset[str]  # coming periods ("next week", "this month")
    kinds: frozenset[str]  # see ``_KINDS``
    words: frozenset[str]  # names and other words of its own, cut to five letters
    pointed: frozenset[str]  # the kinds of event it points to ("the upcoming talks")


def one_event(text: str, other: str) -> bool:
    """Whether two next steps tell one event (see ``how_one_event``)."""
    return bool(how_one_event(text, other))


def how_one_event(text: str, other: str) -> str:
    """Whether two next steps tell one event: their times agree (see ``_times_agree``) and
    they speak of the same thing. On the same day, one kind of event in common, or two words
    of their own; in the same month or coming period, one kind of event; when only one names
    its time, or one a period and the other a date, a kind of event and two words of their
    own, an ordinal or a pointer to the event ("the upcoming talks") counting as two ("will
    hold the sixth round next week", "The sixth round will be held on Nov. 24-28"): the name
    of a country that takes part is in most steps of a report, and a deal is the topic of
    most, so neither alone makes one event then. How their times agree ("day", "month" or
    "loose"), or "" when they are two events."""
    return _how(_step(text), _step(other))


def _how(first: _Step, second: _Step) -> str:
    """As ``how_one_event``, for two steps read."""
    agree = _times_agree(first, second)
    if agree is None:
        return ""
    kinds = first.kinds & second.kinds
    shared = first.words & second.words
    words = len(shared)
    if agree != "loose":
        return agree if kinds or words >= 2 else ""
    # An ordinal names one event ("the sixth round"): it counts as two words. So does a step
    # with no time that points to the event ("the upcoming talks") the other tells.
    words += len(shared & _ORDINALS)
    if _points_to(first, second) or _points_to(second, first):
        words += 2
    return agree if words >= 2 and kinds - {"deal"} else ""


def told_by_the_news(news: str, steps: Sequence[str]) -> list[int]:
    """The indexes of the ``steps`` that tell an event ``news`` (a lede) tells already, at the
    same time and with no time of their own more ("agreed to finalise a trade agreement next
    week" and "The two countries agreed to complete the talks by next week")."""
    said = _step(news)
    # The news is told in the past: its weekday ("signed on Friday") is no day still to come.
    said = said._replace(days=frozenset(day for day in said.days if " " in day))
    told = []
    for index, text in enumerate(steps):
        step = _step(text)
        if (
            _how(step, said) in ("day", "month")
            and step.days <= said.days
            and step.months <= said.months
            and step.periods <= said.periods
        ):
            told.append(index)
    return told


def _points_to(step: _Step, other: _Step) -> bool:
    """Whether ``step``, with no time of its own, points to an event of a kind ``other``
    tells ("the upcoming talks will be led by ...")."""
    return (
        bool(step.pointed)
        and not (step.days or step.months or step.periods)
        and bool(step.pointed & other.kinds)
    )


def _times_agree(first: _Step, second: _Step) -> str | None:
    """How two steps' times agree: "day" (a day in common), "month" (a month or a coming
    period in common), "loose" (one with no time, or one a period and the other a date), or
    None when they are apart (two days, two months or two periods, none in common)."""
    if first.days and second.days:
        return "day" if first.days & second.days else None
    if first.months and second.months:
        return "month" if first.months & second.months else None
    if first.periods and second.periods and not first.months and not second.months:
        return "month" if first.periods & second.periods else None
    if _weekday_of_week(first, second) or _weekday_of_week(second, first):
        return "month"
    return "loose"


# The coming weeks a weekday named in a report falls in: "on Monday" is a day of "this week"
# or of "next week", whichever the report names.
_WEEKS = frozenset(("this week", "next week", "coming week"))


def _weekday_of_week(step: _Step, other: _Step) -> bool:
    """Whether ``step`` names only weekdays ("from Monday through Friday") and ``other`` only
    this or next week ("will hold a new round this week"): a weekday a report names is one of
    the days to come, so both name the same days."""
    return (
        bool(step.days)
        and not step.months
        and not other.days
        and not other.months
        and not _WEEKS.isdisjoint(other.periods)
        and all(" " not in day for day in step.days)
    )


def _step(text: str) -> _Step:
    """The times and words of a step's text, not counting the day it was told on."""
    # A weekday is looked for only where "day" is, a month only where a month's name begins.
    told = TOLD_ON.sub("", text) if "day" in text else text
    days = set(WEEKDAY.findall(told)) if "day" in told else set()
    months: set[int] = set()
    if MONTH_START.search(told) is not None:
        months = {MONTHS[m.lower()] for m in _MONTH_WORD.findall(told)}
        for match in DAY.finditer(told):
            month = (match["month"] or match["month_second"]).lower()
            days.add(f"{month} {int(match['day'] or match['day_first'])}")
    kinds: set[str] = set()
    words: set[str] = set()
    # What the step is comes before a clause of its condition or of what came before ("the
    # agreement will enter into force once Council has voted on it": no vote of its own).
    main = _SUBORDINATE.split(text, 1)[0]
    for word in _WORD.findall(main):
        lower = word.lower()
        if lower[:3] in _KIND_HEADS and lower.startswith(_KIND_OPENERS):
            kinds.update(kind for kind, openers in _KINDS if lower.startswith(openers))
            continue
        stem = lower[:5]
        if len(lower) < 4 or stem in _COMMON or stem in _WEEKDAYS or stem in _MONTH_STEMS:
            continue
        words.add(stem)
    pointed: set[str] = set()
    if "coming " in text or "planned " in text or "proposed " in text:
        for match in _POINTER.finditer(text):
            noun = match.group(1).lower()
            pointed.update(kind for kind, openers in _KINDS if noun.startswith(openers))
    periods = set(times(told)) - _NAMED_TIMES - _VAGUE
    if "today" in told and _TODAY.search(told) is not None:
        periods.add("today")  # "will announce today": the report's own day, still to come
    return _Step(
        frozenset(days),
        frozenset(months),
        frozenset(periods),
        frozenset(kinds),
        frozenset(words),
        frozenset(pointed),
    )


_TODAY = re.compile(r"\b(?:later )?today\b")
# Times too vague to tell two steps apart ("will soon travel", "next week").
_VAGUE = frozenset(("soon", "shortly"))
# The names of days and months ``times`` reads: told apart from coming periods by ``_Step``.
_NAMED_TIMES = frozenset(
    [name.lower() for name in MONTHS]
    + ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
)
