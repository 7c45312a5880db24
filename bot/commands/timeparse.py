"""Digest times and quiet hours (``HH:MM``, 24-hour) and IANA time zones, checked and
normalised."""

from __future__ import annotations

import functools
import re
import zoneinfo
from datetime import datetime, timedelta

from bot.digests.due import due_instant, parse_hhmm, zone_info

_TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")
# "22:00-07:00", also with an en dash or "to", spaces around it allowed.
_RANGE = re.compile(r"^(\S+?)\s*(?:-|–|—|\bto\b)\s*(\S+)$", re.IGNORECASE)


def parse_digest_time(text: str) -> str | None:
    """``"8:05"`` -> ``"08:05"``; None for anything else (``"25:00"``, ``"8am"``)."""
    match = _TIME.match(text.strip())
    if match is None:
        return None
    return f"{int(match.group(1)):02d}:{match.group(2)}"


def parse_quiet_hours(text: str) -> tuple[str, str] | None:
    """``"22:00-7:00"`` -> ``("22:00", "07:00")``; None for anything else, and for a range
    that starts where it ends. The end may come before the start: the hours span midnight."""
    match = _RANGE.match(text.strip())
    if match is None:
        return None
    start, end = parse_digest_time(match.group(1)), parse_digest_time(match.group(2))
    if start is None or end is None or start == end:
        return None
    return (start, end)


@functools.cache
def _zones_by_folded_name() -> dict[str, str]:
    return {name.casefold(): name for name in zoneinfo.available_timezones()}


def resolve_zone(text: str) -> str | None:
    """The canonical IANA name for ``text`` (case-insensitive: ``europe/berlin`` works), or
    None when there is no such zone."""
    return _zones_by_folded_name().get(text.strip().casefold())


def next_local_time(at: str, zone: str, now: datetime) -> datetime:
    """The next instant (UTC, after ``now``) at which a digest set to ``at`` in ``zone`` falls
    due, by the digest scheduler's own DST rules (:func:`bot.digests.due.due_instant`)."""
    wall = parse_hhmm(at)
    today = now.astimezone(zone_info(zone)).date()
    for offset in range(3):
        due = due_instant(today + timedelta(days=offset), wall, zone)
        if due > now:
            return due
    raise AssertionError("unreachable: a wall time recurs within two days")
