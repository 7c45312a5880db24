"""Two workers on one queue, each in its own thread and event loop with its own database
connection: every message is sent exactly once."""

from __future__ import annotations

import asyncio
import collections
import threading

import sqlalchemy as sa

from bot.clock import FakeClock
from bot.delivery.queue import SENT, DeliveryQueue
from bot.delivery.ratelimit import RateLimiter
from bot.delivery.worker import DeliveryWorker
from bot.store.chats import ChatStore
from bot.store.db import create_engine
from tests.bot.delivery.fakes import T0, FakeSleep, ScriptedSender, message, settings

CHATS = 60
PER_CHAT = 4


def _work(url: str, name: str, sender: ScriptedSender, start: threading.Barrier) -> int:
    """One worker process's life: claim and send until the queue has nothing left."""
    engine = create_engine(url)
    clock = sender.clock
    delivery = settings(batch_size=16, concurrency=8)
    queue = DeliveryQueue(engine, clock, worker_id=name, lease_seconds=delivery.lease_seconds)

    async def drain() -> int:
        worker = DeliveryWorker(
            queue,
            {"console": sender},
            RateLimiter(delivery, clock),
            ChatStore(engine),
            clock,
            FakeSleep(clock),  # type: ignore[arg-type]
            delivery,
        )
        handled = 0
        while n := await worker.run_once():
            handled += n
        return handled

    try:
        start.wait()
        return asyncio.run(drain())
    finally:
        engine.dispose()


def test_two_workers_send_each_message_exactly_once(db_url: str, engine: sa.Engine) -> None:
    clock = FakeClock(T0)  # read-only here: nothing is due later, no lease runs out
    queue = DeliveryQueue(engine, clock)
    keys = [f"k:{chat}:{part}" for chat in range(CHATS) for part in range(PER_CHAT)]
    for key in keys:
        _, chat, _part = key.split(":")
        queue.enqueue(key, "console", chat, "digest", message(key))
    sender = ScriptedSender("console", clock)
    start = threading.Barrier(2)
    handled: dict[str, int] = {}

    def run(name: str) -> None:
        handled[name] = _work(db_url, name, sender, start)

    threads = [threading.Thread(target=run, args=(name,)) for name in ("w1", "w2")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    sends = collections.Counter(call.text for call in sender.calls)
    assert sorted(sends) == sorted(keys)
    assert set(sends.values()) == {1}
    assert handled["w1"] + handled["w2"] == len(keys)
    assert handled["w1"] > 0
    assert handled["w2"] > 0  # both really took part
    assert queue.counts() == {SENT: len(keys)}
    # Within a chat the parts still went in order.
    for chat in range(CHATS):
        parts = [c.text for c in sender.calls if c.chat_id == str(chat)]
        assert parts == [f"k:{chat}:{part}" for part in range(PER_CHAT)]
