"""The alert rules as pure functions: quiet hours across midnight, the local day in each zone
(daylight saving included), and why an alert is held back."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.alerts.rules import Held, held_back, in_quiet_hours, local_day_start

NIGHT = ("22:00", "07:00")


@pytest.mark.parametrize(
    ("utc", "quiet"),
    [
        ("2025-06-07T19:59", False),  # 21:59 in Berlin (UTC+2)
        ("2025-06-07T20:00", True),  # 22:00 Berlin: the start is quiet
        ("2025-06-07T21:59", True),  # 23:59 Berlin
        ("2025-06-07T23:30", True),  # 01:30 Berlin, after midnight
        ("2025-06-08T04:59", True),  # 06:59 Berlin
        ("2025-06-08T05:00", False),  # 07:00 Berlin: the end is not
    ],
)
def test_quiet_hours_span_midnight_in_the_chats_zone(utc: str, quiet: bool) -> None:
    instant = datetime.fromisoformat(utc).replace(tzinfo=UTC)
    assert in_quiet_hours(instant, NIGHT, "Europe/Berlin") is quiet


def test_quiet_hours_within_a_day_and_none() -> None:
    noon = datetime(2025, 6, 7, 12, 30, tzinfo=UTC)
    assert in_quiet_hours(noon, ("12:00", "14:00"), "UTC")
    assert not in_quiet_hours(noon, ("13:00", "14:00"), "UTC")
    assert not in_quiet_hours(noon, None, "UTC")


def test_the_local_day_starts_at_local_midnight() -> None:
    now = datetime(2025, 6, 7, 23, 30, tzinfo=UTC)
    # Tokyo (UTC+9) is already on 8 June; New York (UTC-4) still on 7 June.
    assert local_day_start(now, "Asia/Tokyo") == datetime(2025, 6, 7, 15, 0, tzinfo=UTC)
    assert local_day_start(now, "America/New_York") == datetime(2025, 6, 7, 4, 0, tzinfo=UTC)
    assert local_day_start(now, "UTC") == datetime(2025, 6, 7, 0, 0, tzinfo=UTC)


def test_a_day_with_a_clock_change_starts_at_its_own_midnight() -> None:
    # Berlin springs forward on 30 March 2025 at 02:00: that day has 23 hours.
    evening = datetime(2025, 3, 30, 20, 0, tzinfo=UTC)
    assert local_day_start(evening, "Europe/Berlin") == datetime(2025, 3, 29, 23, 0, tzinfo=UTC)
    # Santiago's clocks skip midnight (7 Sep 2025, 00:00 -> 01:00): the day begins at the jump.
    morning = datetime(2025, 9, 7, 12, 0, tzinfo=UTC)
    assert local_day_start(morning, "America/Santiago") == datetime(2025, 9, 7, 4, 0, tzinfo=UTC)


NOW = datetime(2025, 6, 7, 10, 0, tzinfo=UTC)


def _held(**overrides: object) -> Held | None:
    values: dict[str, object] = {
        "now": NOW,
        "published": NOW - timedelta(hours=1),
        "arrived": NOW - timedelta(minutes=10),
        "zone": "UTC",
        "quiet": None,
        "sent_today": 0,
        "per_day": 3,
    }
    values.update(overrides)
    return held_back(**values)  # type: ignore[arg-type]


def test_a_fresh_development_goes_out() -> None:
    assert _held() is None
    assert _held(sent_today=2) is None


def test_why_an_alert_is_held_back() -> None:
    assert _held(published=NOW - timedelta(hours=25)) == Held.OLD
    assert _held(quiet=("09:00", "11:00")) == Held.QUIET  # quiet now
    assert _held(quiet=("09:00", "09:55"), arrived=NOW - timedelta(minutes=30)) == Held.QUIET
    assert _held(arrived=NOW - timedelta(hours=11)) == Held.EARLIER_DAY  # arrived yesterday
    assert _held(sent_today=3) == Held.BUDGET
    assert _held(sent_today=0, per_day=0) == Held.BUDGET
