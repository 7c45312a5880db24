"""When a feed is polled next: the interval after success, exponential backoff after failure."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from briefings.sources.policy import FetchPolicy


@dataclass(frozen=True, slots=True)
class FailurePlan:
    failure_count: int
    broken: bool
    next_attempt_at: datetime


def after_success(policy: FetchPolicy, now: datetime) -> datetime:
    return now + timedelta(minutes=policy.poll_interval_minutes)


def after_failure(
    policy: FetchPolicy, previous_failures: int, now: datetime, retry_after: float | None = None
) -> FailurePlan:
    """base * 2^(n-1) minutes, at most the max; never sooner than the server's Retry-After.

    A feed is marked broken after ``broken_after`` failures in a row; it is still retried,
    at the capped interval, so it recovers on its own when the publisher fixes it.
    """
    failures = previous_failures + 1
    exponent = min(failures - 1, 30)  # 2**30 minutes is far past any sane cap
    minutes = min(policy.backoff_base_minutes * 2**exponent, policy.backoff_max_minutes)
    delay = timedelta(minutes=minutes)
    if retry_after is not None:
        delay = max(delay, timedelta(seconds=retry_after))
    return FailurePlan(failures, failures >= policy.broken_after, now + delay)


def after_refusal(policy: FetchPolicy, previous_failures: int, now: datetime) -> FailurePlan:
    """An unsafe URL is refused for good: broken at once, not retried with backoff.

    It is looked at again only at the broken feeds' capped interval, in case the name's
    addresses (or the operator's settings) change.
    """
    return FailurePlan(
        previous_failures + 1, True, now + timedelta(minutes=policy.backoff_max_minutes)
    )
