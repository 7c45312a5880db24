"""When a digest falls due: a local wall time in an IANA zone, resolved to a UTC instant.

DST rules: a wall time that occurs twice (autumn) is due at its first occurrence; a wall time
that does not occur (the spring gap) is due at the first instant after the gap, when the
clocks jump. So a chat at 08:00 Europe/Berlin gets its digest at 08:00 local on both sides of
a change, and a chat at 02:30 gets it once a day, every day.
"""

from __future__ import annotations

import functools
import logging
import zoneinfo
from datetime import UTC, date, datetime, time, timedelta

log = logging.getLogger(__name__)


@functools.lru_cache(maxsize=1024)
def zone_info(name: str) -> zoneinfo.ZoneInfo:
    """The zone called ``name``; raises ``zoneinfo.ZoneInfoNotFoundError`` (a KeyError)."""
    return zoneinfo.ZoneInfo(name)


def parse_hhmm(text: str) -> time:
    """``"08:05"`` -> ``time(8, 5)``; raises ValueError for anything else."""
    hour, minute = text.split(":")
    return time(int(hour), int(minute))


@functools.lru_cache(maxsize=65536)
def due_instant(day: date, at: time, zone: str) -> datetime:
    """The UTC instant at which the wall clock in ``zone`` reads ``at`` on ``day``."""
    tz = zone_info(zone)
    wall = datetime.combine(day, at)
    first = wall.replace(tzinfo=tz, fold=0).astimezone(UTC)
    if first.astimezone(tz).replace(tzinfo=None) == wall:
        # fold=0 is the earlier of two readings of an ambiguous wall time.
        return first
    return _gap_end(wall, tz)


def _gap_end(wall: datetime, tz: zoneinfo.ZoneInfo) -> datetime:
    """The instant the clocks jump over the nonexistent ``wall`` time.

    fold=1 reads the wall time with the offset after the change and fold=0 with the one
    before, so the jump lies between them; bisect to the second.
    """
    low = int(wall.replace(tzinfo=tz, fold=1).timestamp())
    high = int(wall.replace(tzinfo=tz, fold=0).timestamp())
    low, high = min(low, high), max(low, high)
    while high - low > 1:
        middle = (low + high) // 2
        local = datetime.fromtimestamp(middle, UTC).astimezone(tz).replace(tzinfo=None)
        if local >= wall:
            high = middle
        else:
            low = middle
    return datetime.fromtimestamp(high, UTC)


def latest_due(
    at: time, zone: str, after: datetime, upto: datetime
) -> tuple[datetime, date] | None:
    """The latest due instant of ``at`` in ``zone`` within ``(after, upto]`` and its local
    date, or None when the window holds none."""
    today = upto.astimezone(zone_info(zone)).date()
    # Due instants grow with the date; start one day ahead for zones whose clocks go back
    # over midnight, and walk back until one is not in the future.
    for offset in range(1, -3, -1):
        day = today + timedelta(days=offset)
        due = due_instant(day, at, zone)
        if due <= upto:
            return (due, day) if due > after else None
    return None
