"""The counters move where the thing happens: a message sent, retried or failed, a command
answered."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import sqlalchemy as sa

from bot import metrics
from bot.clock import FakeClock
from bot.commands.dispatch import Commands
from bot.config import Settings
from bot.delivery.sender import SendResult
from tests.bot.commands.helpers import TOPICS, request
from tests.bot.delivery.fakes import T0, ScriptedSender, message, rig, settings


def _value(counter: object, *labels: str) -> float:
    return float(counter.labels(*labels)._value.get())  # type: ignore[attr-defined]


async def test_messages_sent_retried_and_failed_by_platform(engine: sa.Engine) -> None:
    before = {
        name: _value(counter, "telegram")
        for name, counter in (
            ("sent", metrics.MESSAGES_SENT),
            ("retried", metrics.MESSAGES_RETRIED),
            ("failed", metrics.MESSAGES_FAILED),
        )
    }
    clock = FakeClock(T0)
    script = {
        "1": [SendResult.retry("429", retry_after=0)],
        "2": [SendResult.failed("chat not found")],
    }
    sender = ScriptedSender("telegram", clock, script)
    r = rig(engine, clock, [sender], settings(max_attempts=3))
    for chat in ("1", "2", "3"):
        r.queue.enqueue(f"k{chat}", "telegram", chat, "digest", message(chat))
    await r.worker.run_once()
    await r.worker.run_once()
    assert _value(metrics.MESSAGES_SENT, "telegram") - before["sent"] == 2
    assert _value(metrics.MESSAGES_RETRIED, "telegram") - before["retried"] == 1
    assert _value(metrics.MESSAGES_FAILED, "telegram") - before["failed"] == 1


async def test_command_latency_is_observed_by_command(engine: sa.Engine) -> None:
    def count() -> float:
        samples = metrics.REGISTRY.get_sample_value(
            "briefbot_command_seconds_count", {"command": "topics"}
        )
        return samples or 0.0

    before = count()
    commands = Commands(engine, Settings(topics=TOPICS), FakeClock(T0))
    await commands.handle(request("topics"))
    assert count() - before == 1


def test_digest_lag_counts_from_the_last_digest_run(engine: sa.Engine) -> None:
    metrics.digest_ran(datetime.now(UTC) - timedelta(seconds=120))
    collected = {
        family.name: family.samples[0].value
        for family in metrics.QueueCollector(engine, lambda: T0).collect()
    }
    assert 119 <= collected["briefbot_digest_lag_seconds"] < 180
    assert collected["briefbot_queue_depth"] == 0
