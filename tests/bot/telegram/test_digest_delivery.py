"""End to end: the digest job queues, the delivery worker sends through TelegramSender, the
stand-in answers like Telegram (blocked chat, migrated group, a 429 storm)."""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import timedelta

import sqlalchemy as sa

from bot.chat import ChatKind
from bot.clock import FakeClock
from bot.config import Settings
from bot.delivery.queue import DeliveryQueue
from bot.delivery.ratelimit import RateLimiter
from bot.delivery.worker import DeliveryWorker
from bot.digests.job import DigestJob
from bot.render import RenderedMessage
from bot.store.chats import ChatStore
from bot.store.threads import ThreadStore
from bot.telegram.adapter import TelegramAdapter
from tests.telegram_standin import BotApiStandIn

PRIVATE = [5000 + n for n in range(30)]
GROUPS = [-100500 - n for n in range(11)]
CHANNELS = [-100600 - n for n in range(8)]
OLD_GROUP, NEW_GROUP = -7001, -1007001  # a basic group that became a supergroup
BLOCKED = PRIVATE[7]


def _fifty_chats(standin: BotApiStandIn, store: ChatStore, clock: FakeClock) -> None:
    kinds = [
        *((c, "private", ChatKind.PRIVATE) for c in PRIVATE),
        *((c, "supergroup", ChatKind.GROUP) for c in GROUPS),
        (OLD_GROUP, "group", ChatKind.GROUP),
        *((c, "channel", ChatKind.CHANNEL) for c in CHANNELS),
    ]
    assert len(kinds) == 50
    for chat_id, telegram_type, kind in kinds:
        standin.add_chat(chat_id, telegram_type, f"Chat {chat_id}")
        store.ensure_chat("telegram", str(chat_id), kind, f"Chat {chat_id}", clock.now())
        store.subscribe("telegram", str(chat_id), "trade-talks", clock.now())
        store.set_digest("telegram", str(chat_id), "12:30", "UTC", clock.now())
    standin.block(BLOCKED)
    standin.upgrade_group(OLD_GROUP, NEW_GROUP)


async def _deliver_everything(
    engine: sa.Engine, settings: Settings, clock: FakeClock, adapter: TelegramAdapter
) -> DeliveryQueue:
    async def sleep(seconds: float) -> None:
        clock.advance(timedelta(seconds=seconds))
        await asyncio.sleep(0)

    queue = DeliveryQueue(engine, clock)
    job = DigestJob(engine, ThreadStore(engine), queue, {"telegram": adapter.renderer}, settings)
    clock.set(clock.now().replace(hour=12, minute=30))
    run = job.run(clock.now(), clock.now() - timedelta(minutes=1))
    assert (run.due, run.queued) == (50, 50)
    worker = DeliveryWorker(
        queue,
        {"telegram": adapter.sender},
        RateLimiter(settings.delivery, clock),
        ChatStore(engine),
        clock,
        sleep,
        settings.delivery,
    )
    await _drain(queue, worker, clock)
    return queue


async def _drain(queue: DeliveryQueue, worker: DeliveryWorker, clock: FakeClock) -> None:
    """Run the worker until the queue is empty, moving the clock to each retry time."""
    for _ in range(100):
        if not queue.pending():
            return
        await worker.run_once()
        due = queue.next_due()
        if due is not None and due > clock.now():
            clock.set(due)
    raise AssertionError(f"queue not drained: {queue.counts()}")


async def test_a_digest_reaches_fifty_chats_of_every_kind(
    bot: TelegramAdapter,
    standin: BotApiStandIn,
    sqlite_engine: sa.Engine,
    settings: Settings,
    clock: FakeClock,
) -> None:
    store = ChatStore(sqlite_engine)
    _fifty_chats(standin, store, clock)
    queue = await _deliver_everything(sqlite_engine, settings, clock, bot)

    received = Counter(message.chat_id for message in standin.sent)
    expected = {*PRIVATE, *GROUPS, *CHANNELS, NEW_GROUP} - {BLOCKED}
    assert received == dict.fromkeys(expected, 1)  # everyone once, nobody twice
    assert queue.counts() == {"sent": 49, "gone": 1}
    digest = standin.sent[0]
    assert digest.disable_preview is True
    assert "Trade talks" in digest.plain.splitlines()[0]
    assert "Japan-US tariff talks: fifth round ends without agreement" in digest.plain
    blocked = store.chat("telegram", str(BLOCKED))
    assert blocked is not None
    assert blocked.state == "blocked"
    assert store.subscriptions("telegram", str(NEW_GROUP)) == ("trade-talks",)


async def test_a_429_storm_delays_but_loses_nothing(
    bot: TelegramAdapter,
    standin: BotApiStandIn,
    sqlite_engine: sa.Engine,
    settings: Settings,
    clock: FakeClock,
) -> None:
    _fifty_chats(standin, ChatStore(sqlite_engine), clock)
    standin.storm(25, retry_after=5)
    start = clock.now().replace(hour=12, minute=30)
    queue = await _deliver_everything(sqlite_engine, settings, clock, bot)

    assert [code for _, code, _ in standin.rejected].count(429) == 25
    received = Counter(message.chat_id for message in standin.sent)
    expected = {*PRIVATE, *GROUPS, *CHANNELS, NEW_GROUP} - {BLOCKED}
    assert received == dict.fromkeys(expected, 1)
    assert queue.counts() == {"sent": 49, "gone": 1}
    assert clock.now() >= start + timedelta(seconds=5)  # the storm was waited out


async def test_enforced_limits_delay_but_keep_every_chats_order(
    bot: TelegramAdapter,
    standin: BotApiStandIn,
    sqlite_engine: sa.Engine,
    settings: Settings,
    clock: FakeClock,
) -> None:
    standin.enforce_rate_limits(clock=lambda: clock.now().timestamp())
    queue = DeliveryQueue(sqlite_engine, clock)
    chats = [*PRIVATE, *GROUPS]
    for chat_id in chats:
        kind = "private" if chat_id > 0 else "group"
        standin.add_chat(chat_id, "private" if chat_id > 0 else "supergroup")
        for n in range(3):
            message = RenderedMessage({"parse_mode": "HTML", "text": f"part {n}"})
            queue.enqueue(f"t:{chat_id}:{n}", "telegram", str(chat_id), "test", message,
                          chat_kind=kind)  # fmt: skip

    async def sleep(seconds: float) -> None:
        clock.advance(timedelta(seconds=seconds))
        await asyncio.sleep(0)

    worker = DeliveryWorker(
        queue, {"telegram": bot.sender}, RateLimiter(settings.delivery, clock),
        ChatStore(sqlite_engine), clock, sleep, settings.delivery,
    )  # fmt: skip
    start = clock.now()
    await _drain(queue, worker, clock)

    assert {code for _, code, _ in standin.rejected} <= {429}
    assert queue.counts() == {"sent": 3 * len(chats)}
    for chat_id in chats:
        assert [m.plain for m in standin.sent_to(chat_id)] == ["part 0", "part 1", "part 2"]
    # 123 messages at under 30 per second take at least four seconds.
    assert clock.now() - start >= timedelta(seconds=4)


async def test_the_stand_in_enforces_the_limits(
    bot: TelegramAdapter, standin: BotApiStandIn, clock: FakeClock
) -> None:
    standin.enforce_rate_limits(clock=lambda: clock.now().timestamp())
    standin.add_chat(PRIVATE[0])
    message = RenderedMessage({"parse_mode": "HTML", "text": "hi"})
    first = await bot.sender.send(str(PRIVATE[0]), message)
    second = await bot.sender.send(str(PRIVATE[0]), message)
    assert first.status == "sent"
    assert (second.status, second.retry_after) == ("retry", 1.0)
