from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.ingest.backoff import after_failure, after_success
from briefings.sources.policy import FetchPolicy

T0 = datetime(2025, 6, 7, 10, 0, tzinfo=UTC)
POLICY = FetchPolicy(backoff_base_minutes=5, backoff_max_minutes=60, broken_after=4)


def test_exponential_and_capped() -> None:
    waits = []
    failures = 0
    for _ in range(6):
        plan = after_failure(POLICY, failures, T0)
        waits.append((plan.next_attempt_at - T0, plan.broken))
        failures = plan.failure_count
    assert waits == [
        (timedelta(minutes=5), False),
        (timedelta(minutes=10), False),
        (timedelta(minutes=20), False),
        (timedelta(minutes=40), True),
        (timedelta(minutes=60), True),
        (timedelta(minutes=60), True),
    ]


def test_huge_failure_counts_do_not_overflow() -> None:
    assert after_failure(POLICY, 10_000, T0).next_attempt_at == T0 + timedelta(minutes=60)


def test_retry_after_wins_when_longer() -> None:
    assert after_failure(POLICY, 0, T0, 7200).next_attempt_at == T0 + timedelta(hours=2)
    assert after_failure(POLICY, 0, T0, 10).next_attempt_at == T0 + timedelta(minutes=5)


def test_success_waits_the_poll_interval() -> None:
    assert after_success(POLICY, T0) == T0 + timedelta(minutes=15)
