"""A database outage mid fan-out: the worker stops sending what it cannot record, remembers
what went out unrecorded, and repeats nothing once the database is back."""

from __future__ import annotations

import collections
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
import sqlalchemy as sa

from bot.clock import FakeClock
from bot.delivery.queue import DeliveryQueue
from tests.bot.delivery.fakes import T0, ScriptedSender, message, rig, settings

CHATS = 40
CONCURRENCY = 4
FAIL_AT_SEND = 10


class Outage:
    """Turns every call of the queue's methods into the driver's error while ``down``."""

    def __init__(self, queue: DeliveryQueue) -> None:
        self.down = False
        self.marks = 0
        for name in ("claim", "mark_sent", "mark_failed", "reschedule", "release"):
            setattr(queue, name, self._guard(name, getattr(queue, name)))

    def _guard(self, name: str, call: Callable[..., Any]) -> Callable[..., Any]:
        def guarded(*args: Any, **kwargs: Any) -> Any:
            if name == "mark_sent":
                self.marks += 1
                if self.marks == FAIL_AT_SEND:
                    self.down = True
            if self.down:
                raise sa.exc.OperationalError("UPDATE deliveries", {}, Exception("server gone"))
            return call(*args, **kwargs)

        return guarded


async def test_an_outage_stops_sending_and_repeats_nothing(
    engine: sa.Engine, caplog: pytest.LogCaptureFixture
) -> None:
    clock = FakeClock(T0)
    sender = ScriptedSender("console", clock)
    delivery = settings(concurrency=CONCURRENCY, batch_size=100, lease_seconds=60.0)
    r = rig(engine, clock, [sender], delivery)
    for n in range(CHATS):
        r.queue.enqueue(f"k{n}", "console", f"chat-{n}", "digest", message(f"digest {n}"))
    outage = Outage(r.queue)

    await r.worker.run_once()
    sent_during_outage = len(sender.calls)
    assert FAIL_AT_SEND <= sent_during_outage <= FAIL_AT_SEND + CONCURRENCY
    assert not r.worker.recording
    assert "cannot be recorded: sending stops" in caplog.text

    # Still down: nothing is claimed and nothing more is sent.
    assert await r.worker.run_once() == 0
    assert len(sender.calls) == sent_during_outage

    outage.down = False
    clock.advance(timedelta(seconds=61))  # the leases the worker held have run out
    while await r.worker.run_once():
        pass
    assert r.worker.recording
    received = collections.Counter(call.chat_id for call in sender.calls)
    assert received == {f"chat-{n}": 1 for n in range(CHATS)}
    assert r.queue.counts() == {"sent": CHATS}
