"""The process the crash test kills: catch up on due digests, then deliver until the queue is
empty. Run as ``python -m tests.bot.delivery.crash_child DB_URL SINK GENERATION``.

A restarted process stands for one that comes up after its predecessor's leases ran out: its
clock runs ``GENERATION`` lease lengths ahead, so nothing waits for a lease to expire.

Its sender appends ``chat_id`` lines to SINK (the "platform": an O_APPEND write survives
SIGKILL) and prints ``S`` per message and ``ENQUEUE``/``DONE`` at phase changes on stdout, so
the test can kill it at a point of its choosing without sleeping.
"""

from __future__ import annotations

import asyncio
import dataclasses
import os
import sys
from datetime import datetime, timedelta

from bot.clock import SystemClock
from bot.config import load_settings
from bot.delivery.queue import DeliveryQueue
from bot.delivery.ratelimit import RateLimiter
from bot.delivery.sender import SendResult
from bot.delivery.worker import DeliveryWorker
from bot.digests import DigestJob
from bot.render import RenderedMessage
from bot.store.chats import ChatStore
from bot.store.db import create_engine
from bot.store.threads import ThreadStore
from tests.bot.delivery.fakes import TextRenderer

LEASE_SECONDS = 1.0
CONCURRENCY = 4  # at most this many messages are sent but not yet recorded at a kill


class AheadClock:
    """The system clock, shifted ``ahead`` into the future."""

    def __init__(self, ahead: timedelta) -> None:
        self._system = SystemClock()
        self._ahead = ahead

    def now(self) -> datetime:
        return self._system.now() + self._ahead


class AppendingSender:
    platform = "console"

    def __init__(self, sink: str) -> None:
        self._fd = os.open(sink, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        self._count = 0

    async def send(self, chat_id: str, message: RenderedMessage) -> SendResult:
        # The worker records a send in a thread, holding its send slot meanwhile: at most
        # CONCURRENCY messages are "sent but not recorded" when the process dies.
        os.write(self._fd, f"{chat_id}\n".encode())
        self._count += 1
        sys.stdout.write("S\n")
        sys.stdout.flush()
        return SendResult.sent(str(self._count))


async def main(url: str, sink: str, generation: int) -> None:
    settings = load_settings(environ={})
    delivery = dataclasses.replace(
        settings.delivery,
        lease_seconds=LEASE_SECONDS,
        batch_size=50,
        poll_seconds=0.05,
        concurrency=CONCURRENCY,
    )
    engine = create_engine(url)
    # Twice the lease per generation: past every lease any predecessor can have taken.
    clock = AheadClock(timedelta(seconds=2 * LEASE_SECONDS * generation))
    queue = DeliveryQueue(engine, clock, lease_seconds=LEASE_SECONDS)
    job = DigestJob(engine, ThreadStore(engine), queue, {"console": TextRenderer()}, settings)
    print("ENQUEUE", flush=True)
    job.catch_up(clock.now())
    print("DELIVER", flush=True)
    worker = DeliveryWorker(
        queue,
        {"console": AppendingSender(sink)},
        RateLimiter(delivery, clock),
        ChatStore(engine),
        clock,
        asyncio.sleep,
        delivery,
    )
    while await worker.run_once() or queue.pending():
        pass
    print("DONE", flush=True)
    engine.dispose()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2], int(sys.argv[3])))
