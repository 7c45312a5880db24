from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.commands.timeparse import next_local_time, parse_digest_time, resolve_zone


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("08:00", "08:00"),
        ("8:05", "08:05"),
        ("23:59", "23:59"),
        ("00:00", "00:00"),
        ("25:00", None),
        ("24:00", None),
        ("8am", None),
        ("08:60", None),
        ("0800", None),
        ("", None),
    ],
)
def test_parse_digest_time(raw: str, expected: str | None) -> None:
    assert parse_digest_time(raw) == expected


def test_resolve_zone() -> None:
    assert resolve_zone("Europe/Berlin") == "Europe/Berlin"
    assert resolve_zone("europe/berlin") == "Europe/Berlin"
    assert resolve_zone("UTC") == "UTC"
    assert resolve_zone("Mars/Olympus") is None
    assert resolve_zone("+09:00") is None


def test_next_local_time_across_dst() -> None:
    # Berlin is UTC+1 in winter, UTC+2 from 30 March 2025 on.
    before = datetime(2025, 3, 29, 12, 0, tzinfo=UTC)
    assert next_local_time("08:00", "Europe/Berlin", before) == datetime(
        2025, 3, 30, 6, 0, tzinfo=UTC
    )
    same_day = datetime(2025, 3, 29, 6, 0, tzinfo=UTC)
    assert next_local_time("08:00", "Europe/Berlin", same_day) == datetime(
        2025, 3, 29, 7, 0, tzinfo=UTC
    )


def test_next_local_time_in_the_spring_gap() -> None:
    # 02:30 does not exist in Berlin on 30 March 2025: due when the clocks jump (01:00 UTC).
    now = datetime(2025, 3, 29, 12, 0, tzinfo=UTC)
    assert next_local_time("02:30", "Europe/Berlin", now) == datetime(2025, 3, 30, 1, 0, tzinfo=UTC)
