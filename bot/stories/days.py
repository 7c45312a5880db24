"""Days as a chat reads them: in the chat's own zone, spelled out without the locale."""

from __future__ import annotations

import functools
from datetime import date, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

# Spelled out rather than strftime("%a"): the process locale must not change the text.
_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def day_label(day: date) -> str:
    """``Tue 25 Nov``."""
    return f"{_DAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]}"


def local_day(when: datetime, zone: ZoneInfo) -> str:
    """The day of the instant ``when`` in ``zone``: ``Tue 25 Nov``."""
    return day_label(when.astimezone(zone).date())


@functools.lru_cache(maxsize=1024)
def zone_of(name: str) -> ZoneInfo:
    """The zone called ``name`` (validated when it was set); UTC for one that is unknown."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")
