"""Prometheus metrics, served at ``/metrics`` by :mod:`bot.health`.

The counters and histograms below are updated where the thing happens (one call each in the
delivery worker, the ingest run, the command dispatcher and the digest job). Queue depth and
the age of the oldest due message are read from the database at scrape time, so every replica
reports the shared queue as it is.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from datetime import datetime

import sqlalchemy as sa
from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector

from bot.store.status import queue_stats

log = logging.getLogger(__name__)

# One registry for the bot's own metrics (not the process-wide default one, so tests and
# several apps in one process do not collide).
REGISTRY = CollectorRegistry(auto_describe=True)

MESSAGES_SENT = Counter(
    "briefbot_messages_sent",
    "Messages the platform accepted.",
    ["platform"],
    registry=REGISTRY,
)
MESSAGES_FAILED = Counter(
    "briefbot_messages_failed",
    "Messages recorded as failed (rejected, or out of attempts).",
    ["platform"],
    registry=REGISTRY,
)
MESSAGES_RETRIED = Counter(
    "briefbot_messages_retried",
    "Messages put back to be sent again (retry-after or a transient error).",
    ["platform"],
    registry=REGISTRY,
)
FEED_POLLS = Counter(
    "briefbot_feed_polls",
    "Feed polls by outcome: new, unchanged, failed, skipped (not due).",
    ["outcome"],
    registry=REGISTRY,
)
COMMAND_SECONDS = Histogram(
    "briefbot_command_seconds",
    "Time to answer a chat command, by command.",
    ["command"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0),
    registry=REGISTRY,
)
INGEST_SECONDS = Histogram(
    "briefbot_ingest_seconds",
    "Duration of one ingest run over the feeds.",
    buckets=(1, 5, 15, 30, 60, 120, 300, 600, 1800),
    registry=REGISTRY,
)
DIGEST_SLOT = Gauge(
    "briefbot_digest_last_run_timestamp_seconds",
    "When the digest job last ran (Unix time).",
    registry=REGISTRY,
)


def digest_ran(now: datetime) -> None:
    """Record a digest job run at ``now``."""
    DIGEST_SLOT.set(now.timestamp())


class QueueCollector(Collector):
    """Queue depth and the age of the oldest due message, from the database at scrape time;
    digest lag from the last digest run."""

    def __init__(self, engine: sa.Engine, now: Callable[[], datetime]) -> None:
        self._engine = engine
        self._now = now

    def collect(self) -> Iterator[GaugeMetricFamily]:
        try:
            stats = queue_stats(self._engine, self._now(), by_status=False)
        except sa.exc.SQLAlchemyError:
            log.warning("metrics: the queue could not be read", exc_info=True)
        else:
            yield GaugeMetricFamily(
                "briefbot_queue_depth", "Messages queued, due or not.", value=stats.queued
            )
            yield GaugeMetricFamily(
                "briefbot_queue_oldest_due_age_seconds",
                "How long the oldest due message has been waiting (0 when none is due).",
                value=stats.oldest_due_age_seconds,
            )
        last = DIGEST_SLOT._value.get()
        yield GaugeMetricFamily(
            "briefbot_digest_lag_seconds",
            "Seconds since the digest job last ran (0 before its first run).",
            value=max(0.0, time.time() - last) if last else 0.0,
        )
