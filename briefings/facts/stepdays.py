"""The days a next step names: a weekday other than the report's own, a date after the
report's (still to come) or only dates before it (a past event told as if to come)."""

from __future__ import annotations

import re
from datetime import date

from briefings.facts.onestep import DAY, WEEKDAY
from briefings.reading.dates import MONTHS

_YEAR_AFTER = re.compile(r",? ((?:19|20)\d\d)\b")


def weekday_to_come(text: str, today: date | None) -> bool:
    """Whether ``text`` names a weekday other than the report's own."""
    weekday = WEEKDAY.search(text)
    if weekday is None:
        return False
    return today is None or weekday.group() != today.strftime("%A")


def mentions_past_date(text: str, today: date | None) -> bool:
    """Whether ``text`` names a day before ``today`` and none after it."""
    if today is None:
        return False
    days = []
    for match in DAY.finditer(text):
        if (day := _day_of(match, today)) is not None:
            days.append(day)
    return bool(days) and max(days) < today


def mentions_future_date(text: str, today: date | None) -> bool:
    if today is None:
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
