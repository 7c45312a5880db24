"""Due instants across DST changes: 08:00 local on both sides, gaps and repeated hours."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.digests.due import due_instant, latest_due


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)  # type: ignore[misc]


@pytest.mark.parametrize(
    ("day", "at", "zone", "expected"),
    [
        # Europe/Berlin, spring forward on 29 Mar 2026 (02:00 CET -> 03:00 CEST).
        (date(2026, 3, 28), time(8), "Europe/Berlin", utc(2026, 3, 28, 7)),
        (date(2026, 3, 29), time(8), "Europe/Berlin", utc(2026, 3, 29, 6)),
        # 02:30 does not exist that night: due when the clocks jump (03:00 CEST).
        (date(2026, 3, 29), time(2, 30), "Europe/Berlin", utc(2026, 3, 29, 1)),
        # Fall back on 25 Oct 2026 (03:00 CEST -> 02:00 CET).
        (date(2026, 10, 24), time(8), "Europe/Berlin", utc(2026, 10, 24, 6)),
        (date(2026, 10, 25), time(8), "Europe/Berlin", utc(2026, 10, 25, 7)),
        # 02:30 happens twice: the first one (CEST).
        (date(2026, 10, 25), time(2, 30), "Europe/Berlin", utc(2026, 10, 25, 0, 30)),
        # America/New_York: 8 Mar 2026 (02:00 EST -> 03:00 EDT), 1 Nov 2026 (02:00 -> 01:00).
        (date(2026, 3, 7), time(8), "America/New_York", utc(2026, 3, 7, 13)),
        (date(2026, 3, 8), time(8), "America/New_York", utc(2026, 3, 8, 12)),
        (date(2026, 3, 8), time(2, 30), "America/New_York", utc(2026, 3, 8, 7)),
        (date(2026, 11, 1), time(1, 30), "America/New_York", utc(2026, 11, 1, 5, 30)),
        (date(2026, 11, 1), time(8), "America/New_York", utc(2026, 11, 1, 13)),
        # A half-hour gap (Lord Howe: 02:00 -> 02:30).
        (date(2026, 10, 4), time(2, 15), "Australia/Lord_Howe", utc(2026, 10, 3, 15, 30)),
    ],
)
def test_due_instant(day: date, at: time, zone: str, expected: datetime) -> None:
    assert due_instant(day, at, zone) == expected


def _slots(start: datetime, hours: int, step_minutes: int) -> list[tuple[datetime, datetime]]:
    step = timedelta(minutes=step_minutes)
    return [(start + i * step, start + (i + 1) * step) for i in range(hours * 60 // step_minutes)]


@pytest.mark.parametrize(
    ("zone", "start"),
    [
        ("Europe/Berlin", utc(2026, 3, 27)),
        ("Europe/Berlin", utc(2026, 10, 23)),
        ("America/New_York", utc(2026, 3, 6)),
        ("America/New_York", utc(2026, 10, 30)),
    ],
)
@pytest.mark.parametrize("at", [time(8), time(2, 30), time(1, 30), time(0, 0), time(23, 59)])
def test_consecutive_slots_find_each_local_day_once(zone: str, start: datetime, at: time) -> None:
    found = [
        due
        for after, upto in _slots(start, 5 * 24, 5)
        if (due := latest_due(at, zone, after, upto))
    ]
    end = start + timedelta(days=5)
    first = start.date() - timedelta(days=1)
    expected = [
        (due, day)
        for day in (first + timedelta(days=i) for i in range(8))
        if start < (due := due_instant(day, at, zone)) <= end
    ]
    assert found == expected
    assert len(expected) >= 4


def test_window_without_a_due_time() -> None:
    assert latest_due(time(8), "UTC", utc(2026, 1, 1, 8), utc(2026, 1, 2, 7, 59)) is None


def test_a_wide_window_gives_the_latest() -> None:
    found = latest_due(time(8), "UTC", utc(2026, 1, 1), utc(2026, 1, 3, 9))
    assert found == (utc(2026, 1, 3, 8), date(2026, 1, 3))


@settings(max_examples=200, deadline=None)
@given(
    day=st.dates(min_value=date(2020, 1, 1), max_value=date(2035, 12, 31)),
    minute=st.integers(0, 24 * 60 - 1),
    zone=st.sampled_from(
        ["Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Asia/Tokyo", "UTC"]
    ),
)
def test_due_instant_reads_the_wall_time_or_the_gap_end(day: date, minute: int, zone: str) -> None:
    at = time(minute // 60, minute % 60)
    due = due_instant(day, at, zone)
    local = due.astimezone(ZoneInfo(zone))
    wall = datetime.combine(day, at)
    assert local.date() == day
    if local.replace(tzinfo=None) != wall:
        # Only in a gap: just before the due instant the clock read earlier than ``at``.
        before = (due - timedelta(seconds=1)).astimezone(local.tzinfo).replace(tzinfo=None)
        assert before < wall < local.replace(tzinfo=None)
    # Never later than one day after the previous day's due instant plus a DST hour.
    assert due - due_instant(day - timedelta(days=1), at, zone) <= timedelta(hours=25)
