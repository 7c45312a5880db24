"""The limiter's schedules: spacing per platform, chat and group; deferral; no sleeping."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.clock import FakeClock
from bot.delivery.ratelimit import RateLimiter
from tests.bot.delivery.fakes import T0, settings


def offsets(instants: list, start=T0) -> list[float]:  # type: ignore[no-untyped-def]
    return [round((at - start).total_seconds(), 4) for at in instants]


def test_telegram_overall_spacing() -> None:
    limiter = RateLimiter(settings(telegram_per_second=10, limit_fraction=1.0), FakeClock(T0))
    slots = [limiter.reserve("telegram", str(chat), "private") for chat in range(5)]
    assert offsets(slots) == [0.0, 0.1, 0.2, 0.3, 0.4]


def test_telegram_one_per_second_per_chat() -> None:
    limiter = RateLimiter(settings(limit_fraction=1.0), FakeClock(T0))
    slots = [limiter.reserve("telegram", "42", "private") for _ in range(3)]
    assert offsets(slots) == [0.0, 1.0, 2.0]


def test_a_waiting_chat_does_not_hold_up_the_others() -> None:
    clock = FakeClock(T0)
    limiter = RateLimiter(settings(limit_fraction=1.0), clock)
    limiter.reserve("telegram", "42", "private")
    # Chat 42 must wait a second; chat 7 only for the overall spacing (1/30 s).
    assert limiter.ready_at("telegram", "42", "private") == T0 + timedelta(seconds=1)
    assert offsets([limiter.reserve("telegram", "7", "private")]) == [round(1 / 30, 4)]


def test_telegram_twenty_per_minute_per_group() -> None:
    limiter = RateLimiter(settings(limit_fraction=1.0), FakeClock(T0))
    slots = [limiter.reserve("telegram", "-100", "group") for _ in range(21)]
    assert offsets(slots)[:3] == [0.0, 3.0, 6.0]
    # Any 60 s window holds at most 20 of them.
    assert offsets(slots)[20] == 60.0


def test_slack_one_per_second_per_channel_and_no_overall_limit() -> None:
    limiter = RateLimiter(settings(limit_fraction=1.0), FakeClock(T0))
    assert offsets([limiter.reserve("slack", "T:C1", "channel") for _ in range(2)]) == [0.0, 1.0]
    assert (
        offsets([limiter.reserve("slack", f"T:C{i}", "channel") for i in range(2, 50)])
        == [0.0] * 48
    )


def test_console_is_unlimited() -> None:
    limiter = RateLimiter(settings(), FakeClock(T0))
    assert {limiter.reserve("console", "me", "private") for _ in range(100)} == {T0}


def test_limit_fraction_leaves_headroom() -> None:
    limiter = RateLimiter(
        settings(telegram_per_chat_per_second=1.0, limit_fraction=0.5), FakeClock(T0)
    )
    assert offsets([limiter.reserve("telegram", "1", "private") for _ in range(2)]) == [0.0, 2.0]


def test_ready_at_books_nothing_and_ignores_the_overall_line() -> None:
    limiter = RateLimiter(settings(telegram_per_second=1, limit_fraction=1.0), FakeClock(T0))
    limiter.reserve("telegram", "1", "private")
    assert limiter.ready_at("telegram", "2", "private") == T0
    assert limiter.ready_at("telegram", "1", "private") == T0 + timedelta(seconds=1)
    assert limiter.ready_at("telegram", "1", "private") == T0 + timedelta(seconds=1)


@pytest.mark.parametrize("platform", ["telegram", "slack", "console"])
def test_defer_holds_the_chat_until_the_platform_says(platform: str) -> None:
    clock = FakeClock(T0)
    limiter = RateLimiter(settings(), clock)
    limiter.defer(platform, "9", T0 + timedelta(seconds=17))
    assert limiter.ready_at(platform, "9", "private") == T0 + timedelta(seconds=17)
    assert limiter.reserve(platform, "8", "private") <= T0 + timedelta(seconds=1)
    clock.advance(timedelta(seconds=17))
    assert limiter.reserve(platform, "9", "private") == T0 + timedelta(seconds=17)


def test_the_schedule_starts_from_now_after_idling() -> None:
    clock = FakeClock(T0)
    limiter = RateLimiter(settings(), clock)
    limiter.reserve("telegram", "1", "private")
    clock.advance(timedelta(minutes=5))
    assert limiter.reserve("telegram", "1", "private") == clock.now()


def test_a_sliding_window_never_sees_more_than_the_limit() -> None:
    limiter = RateLimiter(settings(telegram_per_second=30), FakeClock(T0))
    slots = sorted(
        limiter.reserve("telegram", str(i % 400), "group" if i % 7 == 0 else "private")
        for i in range(3000)
    )
    seconds = [(at - T0).total_seconds() for at in slots]
    start = 0
    for end, t in enumerate(seconds):
        while seconds[start] <= t - 1.0:
            start += 1
        assert end - start + 1 <= 30


def test_a_message_counts_in_the_window_until_a_second_after_its_answer() -> None:
    # Telegram counts arrivals, which come between admitting a message and its answer.
    clock = FakeClock(T0)
    limiter = RateLimiter(settings(), clock)
    for chat in range(29):  # 30/s at 0.97
        assert limiter.admit("telegram", str(chat), "private") is None
    # All 29 are still being sent: look again soon.
    assert limiter.admit("telegram", "29", "private") == T0 + timedelta(seconds=0.02)
    clock.advance(timedelta(seconds=0.3))
    for chat in range(29):
        limiter.sent("telegram", str(chat), "private")
    clock.advance(timedelta(seconds=0.5))
    assert limiter.admit("telegram", "29", "private") == T0 + timedelta(seconds=1.3)
    clock.advance(timedelta(seconds=0.5))
    assert limiter.admit("telegram", "29", "private") is None


def test_each_of_three_replicas_keeps_to_a_third_of_every_limit() -> None:
    clock = FakeClock(T0)
    limiters = [RateLimiter(settings(limit_fraction=1.0), clock) for _ in range(3)]
    for limiter in limiters:
        limiter.share_with(3)
    # Each replica answers the same chat: together one message a second.
    slots = [limiter.reserve("telegram", "42", "private") for limiter in limiters]
    assert offsets(slots) == [0.0, 0.0, 0.0]
    assert offsets([limiters[0].reserve("telegram", "42", "private")]) == [3.0]
    # The bot-wide window: 30 a second together, 10 each.
    admitted = 0
    for n in range(30):
        if limiters[0].admit("telegram", str(n), "private") is None:
            admitted += 1
    assert admitted == 10
    # A group: 20 a minute together, one every 9 s from each.
    alone = RateLimiter(settings(limit_fraction=1.0), clock)
    alone.share_with(3)
    group = [alone.reserve("telegram", "-100", "group") for _ in range(3)]
    assert offsets(group) == [0.0, 9.0, 18.0]
    # Slack: one a second per channel together.
    assert offsets([limiters[2].reserve("slack", "T:C", "channel") for _ in range(2)]) == [0.0, 3.0]


def test_back_to_full_limits_when_alone_again() -> None:
    limiter = RateLimiter(settings(limit_fraction=1.0), FakeClock(T0))
    limiter.share_with(2)
    limiter.share_with(1)
    limiter.share_with(0)  # never below one
    assert offsets([limiter.reserve("telegram", "1", "private") for _ in range(2)]) == [0.0, 1.0]
