"""The days a next step names: a weekday other than the report's own, a date after the
report's (still to come) or only dates before it (a past event told as if to come); and the
times it names ("next week", "in early 2026")."""

from __future__ import annotations

import re
from datetime import date

from briefings.facts.cues import holds_none_of
from briefings.facts.onestep import DAY, MONTH_START, WEEKDAY, names_a_date
from briefings.reading.dates import MONTHS
from briefings.reading.scanning import WordPattern

# The year written after a day, or after the last day of a range ("January 23-28, 2018").
_YEAR_AFTER = re.compile(r"(?:\s?[-\u2013]\s?\d{1,2})?,? ((?:19|20)\d\d)\b")


def weekday_to_come(text: str, today: date | None) -> bool:
    """Whether ``text`` names a weekday other than the report's own."""
    weekday = WEEKDAY.search(text)
    if weekday is None:
        return False
    return today is None or weekday.group() != today.strftime("%A")


def mentions_past_date(text: str, today: date | None) -> bool:
    """Whether ``text`` names a day before ``today`` and none after it."""
    if today is None or MONTH_START.search(text) is None:
        return False
    days = []
    for match in DAY.finditer(text):
        if (day := _day_of(match, today)) is not None:
            days.append(day)
    return bool(days) and max(days) < today


def mentions_future_date(text: str, today: date | None) -> bool:
    if today is None or MONTH_START.search(text) is None:
        return False
    for match in DAY.finditer(text):
        mentioned = _day_of(match, today)
        if mentioned is not None and mentioned > today:
            return True
    return False


def _day_of(match: re.Match[str], today: date) -> date | None:
    """The day ``match`` names, in the year written after it, else in the report's year."""
    month = MONTHS[(match["month"] or match["month_second"]).lower()]
    written = _YEAR_AFTER.match(match.string, match.end())
    year = int(written.group(1)) if written else today.year
    try:
        return date(year, month, int(match["day"] or match["day_first"]))
    except ValueError:
        return None


# When a next step happens: a day, a date, a coming period. "Will" alone ("the deal will
# benefit farmers") is a claim about the future, not a next step.
TIME_EXPRESSION = WordPattern(
    r"\b(?=[ABCDFIJLMNOSTUWabcdfilnrstuw])"  # the letters its words start with: most places fail
    # and then the words they start with ("Mon", "next ", "in "): most words that pass the
    # letters fail here, before each phrase is tried
    r"(?=Mon|Tue|Wed|Thu|Fri|Sat|Sun|Jan|Feb|Ma[ry]|Apr|Ju[nl]|Aug|Sep|Oct|Nov|Dec|[Tt]o[mn]|"
    r"[Ss]oon|[Ss]hor|[Nn]ext |[Cc]oming |[Ff]ollowing |[Ll]ater |[Tt]his |[Bb]y |[Ww]ithin |"
    r"deadline|[Bb]efore |[Aa]fter |[Ii]n |[Uu]ntil |round of )"
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|"
    r"April|May(?= \d)|(?<=\d )May|"
    r"(?:(?<=\b[Ii]n )|(?<=early )|(?<=late )|(?<=mid-))May(?!['\u2019])|"
    r"June|July|August|September|October|November|December|"
    r"[Tt]omorrow|[Tt]onight|"
    r"[Ss]oon(?! as\b)|[Ss]hortly|[Nn]ext (?:week|month|year|round|step|meeting|session)|"
    r"(?:[Nn]ext|[Cc]oming|[Ff]ollowing) (?:two|three|four|five|six|several|few|\d+) "
    r"(?:days|weeks|months)|"
    r"[Ll]ater (?:this(?: (?:week|month|year))?|today|in)|"
    r"[Cc]oming (?:days|weeks|months|week|month|year)|"
    r"(?:[Tt]his|[Nn]ext) (?:week|month|year|autumn|spring|summer|fall|winter)|"
    r"[Bb]y the end of|[Ww]ithin (?:the next|\w+ (?:days|weeks|months))|deadline|"
    r"(?:[Bb]efore|[Aa]fter) (?:the )?(?:end of|summer|winter|autumn|spring|Easter|Christmas|"
    r"holidays?|recess|break)|"
    r"(?:[Ii]n|[Bb]y|[Uu]ntil) (?:early|mid|late)?-?\s?(?:20\d\d)|"
    r"round of (?:talks|negotiations))\b"
)
# A whole word each match of ``TIME_EXPRESSION`` holds ("by the end of": "end"; "in
# mid-2026": "2026"; "this summer": "summer").
_TIME_WORDS = frozenset(
    [
        word.encode()
        for word in (
            "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
            "January", "February", "March", "April", "May", "June", "July", "August",
            "September", "October", "November", "December", "Tomorrow", "tomorrow", "Tonight",
            "tonight", "Soon", "soon", "Shortly", "shortly", "Next", "next", "Coming", "coming",
            "Following", "following", "Later", "later", "week", "month", "year", "autumn",
            "spring", "summer", "fall", "winter", "end", "Within", "within", "deadline",
            "Before", "before", "After", "after", "round",
        )
    ]
    + [
        f"{early}{year}".encode()
        for early in ("", "early", "mid", "late")
        for year in range(2000, 2100)
    ]
)  # fmt: skip
# Words of TIME_EXPRESSION that name a step rather than its time ("the next round").
_NO_TIME_OF_ITS_OWN = ("next round", "Next round", "round of", "deadline")


def times(text: str) -> set[str]:
    """The times ``text`` names ("next week", "in early 2026"), in lower case and "later
    this week" as "this week", not "the next round" or a "deadline"."""
    if holds_none_of(text, _TIME_WORDS):
        return set()
    return {
        _LATER.sub("", found.group()).lower()
        for found in TIME_EXPRESSION.finditer(text)
        if not found.group().startswith(_NO_TIME_OF_ITS_OWN)
    }


# "later this week" is "this week" ("at the end of this week"), as "Next week" is "next week".
_LATER = re.compile(r"^[Ll]ater (?=this )")


def names_a_time(text: str) -> bool:
    """Whether ``text`` names when a step happens; "deadline" alone names no time ("The
    deadline marks the end of a grace period"), unless a day comes with it."""
    if holds_none_of(text, _TIME_WORDS):
        return False
    time = TIME_EXPRESSION.search(text)
    if time is None:
        return False
    if time.group() != "deadline":
        return True
    return TIME_EXPRESSION.search(text, time.end()) is not None or names_a_date(text)


def first_time(text: str) -> str:
    """The first time ``text`` names, whatever it is (see ``TIME_EXPRESSION``), or ""."""
    found = TIME_EXPRESSION.search(text)
    return found.group() if found else ""
