"""When a chat gets an alert: pure rules over instants, zones and counts.

A material development not yet sent to a chat that has alerts on goes out as an alert unless
it is *held back*:

- it is old: published more than :data:`MAX_AGE` ago (old news that arrives late is no alert);
- the chat is in its quiet hours now, or was when the development arrived;
- it arrived before the chat's local day began (yesterday's news comes with the digest);
- the chat had its ``bot.alerts_per_day`` alerts already in its local day.

A held-back development is not marked sent, so the chat's next digest shows it; and it stays
held back, since the rules above only get stricter as time passes within a day (the quiet
hours at its arrival do not move, the day's count only grows, and a new day finds it arrived
the day before).
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from enum import StrEnum

from bot.digests.due import due_instant, parse_hhmm, zone_info

# A development published longer ago than this is never an alert.
MAX_AGE = timedelta(days=1)
_MIDNIGHT = time(0, 0)


class Held(StrEnum):
    """Why an alert was held back."""

    OLD = "old"
    QUIET = "quiet hours"
    EARLIER_DAY = "earlier day"
    BUDGET = "budget"


def local_day_start(now: datetime, zone: str) -> datetime:
    """The UTC instant at which the local day of ``now`` in ``zone`` began (its midnight, or
    the first instant after it where the clocks skip midnight)."""
    return due_instant(now.astimezone(zone_info(zone)).date(), _MIDNIGHT, zone)


def in_quiet_hours(instant: datetime, hours: tuple[str, str] | None, zone: str) -> bool:
    """Whether the local wall time of ``instant`` in ``zone`` lies in ``hours`` (start
    included, end excluded); hours whose end comes before their start span midnight."""
    if hours is None:
        return False
    start, end = parse_hhmm(hours[0]), parse_hhmm(hours[1])
    local = instant.astimezone(zone_info(zone)).time().replace(tzinfo=None)
    if start <= end:
        return start <= local < end
    return local >= start or local < end


def held_back(
    *,
    now: datetime,
    published: datetime,
    arrived: datetime,
    zone: str,
    quiet: tuple[str, str] | None,
    sent_today: int,
    per_day: int,
) -> Held | None:
    """Why a development is held back from a chat now (None: it goes out as an alert).

    ``arrived`` is when the bot first stored it; ``sent_today`` the alerts the chat got in
    its local day so far; ``per_day`` its budget (``bot.alerts_per_day``).
    """
    if published < now - MAX_AGE:
        return Held.OLD
    if in_quiet_hours(now, quiet, zone) or in_quiet_hours(arrived, quiet, zone):
        return Held.QUIET
    if arrived < local_day_start(now, zone):
        return Held.EARLIER_DAY
    if sent_today >= per_day:
        return Held.BUDGET
    return None
