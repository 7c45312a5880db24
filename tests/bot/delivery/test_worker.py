"""The worker: every send outcome recorded, limits kept, order kept within a chat."""

from __future__ import annotations

import asyncio
import itertools
import logging
from datetime import timedelta

import pytest
import sqlalchemy as sa

from bot.chat import ChatKind
from bot.clock import FakeClock
from bot.delivery.queue import FAILED, GONE, QUEUED, SENT
from bot.delivery.sender import SendResult
from tests.bot.delivery.fakes import T0, ScriptedSender, message, rig, settings


def queue_messages(r, platform: str, chat: str, n: int, kind: str = "private") -> list[str]:  # type: ignore[no-untyped-def]
    keys = [f"{platform}:{chat}:{i}" for i in range(n)]
    for i, key in enumerate(keys):
        r.queue.enqueue(key, platform, chat, "digest", message(f"{chat} part {i}"), chat_kind=kind)
    return keys


def status(r, key: str) -> tuple[str, int, str | None]:  # type: ignore[no-untyped-def]
    record = r.queue.get(key)
    assert record is not None
    return record.status, record.attempts, record.last_error


async def test_sends_everything_in_order_per_chat(engine: sa.Engine) -> None:
    clock = FakeClock(T0)
    sender = ScriptedSender("console", clock)
    r = rig(engine, clock, [sender])
    keys = [k for chat in ("a", "b", "c") for k in queue_messages(r, "console", chat, 3)]
    assert await r.worker.run_once() == 9
    for chat in ("a", "b", "c"):
        assert [c.text for c in sender.calls if c.chat_id == chat] == [
            f"{chat} part {i}" for i in range(3)
        ]
    assert {status(r, k)[0] for k in keys} == {SENT}
    record = r.queue.get(keys[0])
    assert record is not None
    assert record.message_id
    assert record.sent_at == T0


async def test_retry_after_is_honoured_and_keeps_the_chats_order(engine: sa.Engine) -> None:
    clock = FakeClock(T0)
    sender = ScriptedSender("telegram", clock, {"1": [SendResult.retry("429", retry_after=30)]})
    r = rig(engine, clock, [sender])
    first, second = queue_messages(r, "telegram", "1", 2)
    await r.worker.run_once()
    assert [c.text for c in sender.calls] == ["1 part 0"]
    assert status(r, first) == (QUEUED, 0, "429")  # a wait, not a failed attempt
    assert status(r, second)[0] == QUEUED
    clock.advance(timedelta(seconds=29))
    assert await r.worker.run_once() == 0
    clock.advance(timedelta(seconds=1))
    await r.worker.run_once()
    assert [c.text for c in sender.calls] == ["1 part 0", "1 part 0", "1 part 1"]
    assert sender.calls[1].at >= T0 + timedelta(seconds=30)
    assert sender.calls[2].at - sender.calls[1].at >= timedelta(seconds=1)
    assert {status(r, first)[0], status(r, second)[0]} == {SENT}


async def test_transient_errors_back_off_then_fail_with_the_reason(engine: sa.Engine) -> None:
    clock = FakeClock(T0)
    timeouts = [SendResult.retry("network timeout") for _ in range(5)]
    sender = ScriptedSender("console", clock, {"c": timeouts})
    r = rig(engine, clock, [sender], settings(max_attempts=3, retry_base_seconds=2))
    (key,) = queue_messages(r, "console", "c", 1)
    await r.worker.run_once()
    record = r.queue.get(key)
    assert record is not None
    assert record.next_attempt_at == T0 + timedelta(seconds=2)
    clock.advance(timedelta(seconds=2))
    await r.worker.run_once()
    record = r.queue.get(key)
    assert record is not None
    assert record.next_attempt_at == clock.now() + timedelta(seconds=4)
    clock.advance(timedelta(seconds=4))
    await r.worker.run_once()
    assert status(r, key) == (FAILED, 2, "gave up after 3 attempts: network timeout")
    assert len(sender.calls) == 3


async def test_a_blocked_chat_stops_receiving(
    engine: sa.Engine, caplog: pytest.LogCaptureFixture
) -> None:
    clock = FakeClock(T0)
    sender = ScriptedSender(
        "telegram", clock, {"7": [SendResult.gone("bot was blocked by the user")]}
    )
    r = rig(engine, clock, [sender])
    r.chats.ensure_chat("telegram", "7", ChatKind.PRIVATE, "", T0)
    keys = queue_messages(r, "telegram", "7", 3)
    other = queue_messages(r, "telegram", "8", 1)
    with caplog.at_level(logging.WARNING, logger="bot.delivery.worker"):
        await r.worker.run_once()
    assert [c.chat_id for c in sender.calls].count("7") == 1
    assert [status(r, k)[:1] for k in keys] == [(GONE,)] * 3
    assert status(r, other[0])[0] == SENT
    chat = r.chats.chat("telegram", "7")
    assert chat is not None
    assert chat.state == "blocked"
    assert any(
        rec.levelno == logging.WARNING and "telegram:7" in rec.getMessage()
        for rec in caplog.records
    )
    # Nothing more goes there: a later message for the chat is marked gone too.
    r.queue.enqueue("late", "telegram", "7", "digest", message("late"))
    clock.advance(timedelta(seconds=5))
    sender.script["7"] = [SendResult.gone("bot was blocked by the user")]
    await r.worker.run_once()
    assert status(r, "late")[0] == GONE


async def test_a_migrated_chat_is_followed(engine: sa.Engine) -> None:
    clock = FakeClock(T0)
    sender = ScriptedSender("telegram", clock, {"-5": [SendResult.moved("-1005")]})
    r = rig(engine, clock, [sender])
    r.chats.ensure_chat("telegram", "-5", ChatKind.GROUP, "Desk", T0)
    r.chats.subscribe("telegram", "-5", "trade-talks", T0)
    keys = queue_messages(r, "telegram", "-5", 2, kind="group")
    await r.worker.run_once()
    assert [(c.chat_id, c.text) for c in sender.calls] == [
        ("-5", "-5 part 0"),
        ("-1005", "-5 part 0"),
        ("-1005", "-5 part 1"),
    ]
    assert {status(r, k)[0] for k in keys} == {SENT}
    assert {r.queue.get(k).chat_id for k in keys} == {"-1005"}  # type: ignore[union-attr]
    old, new = r.chats.chat("telegram", "-5"), r.chats.chat("telegram", "-1005")
    assert old is not None
    assert old.state == "migrated"
    assert old.migrated_to == "-1005"
    assert new is not None
    assert new.topics == ("trade-talks",)


async def test_a_rejected_message_fails_and_the_next_one_goes(engine: sa.Engine) -> None:
    clock = FakeClock(T0)
    sender = ScriptedSender("console", clock, {"c": [SendResult.failed("message is too long")]})
    r = rig(engine, clock, [sender])
    first, second = queue_messages(r, "console", "c", 2)
    await r.worker.run_once()
    assert status(r, first) == (FAILED, 0, "message is too long")
    assert status(r, second)[0] == SENT


async def test_a_sender_that_raises_loses_nothing(engine: sa.Engine) -> None:
    clock = FakeClock(T0)

    class Broken(ScriptedSender):
        async def send(self, chat_id, message):  # type: ignore[no-untyped-def]
            raise ConnectionResetError("peer reset")

    r = rig(engine, clock, [Broken("console", clock)])
    (key,) = queue_messages(r, "console", "c", 1)
    await r.worker.run_once()
    assert status(r, key) == (QUEUED, 1, "ConnectionResetError: peer reset")


async def test_no_sender_for_the_platform_fails_with_the_reason(engine: sa.Engine) -> None:
    clock = FakeClock(T0)
    r = rig(engine, clock, [ScriptedSender("console", clock)])
    (key,) = queue_messages(r, "slack", "T:C", 1)
    await r.worker.run_once()
    assert status(r, key) == (FAILED, 0, "no sender for platform slack")


async def test_limits_are_kept_by_waiting_on_the_injected_sleep(engine: sa.Engine) -> None:
    clock = FakeClock(T0)
    sender = ScriptedSender("telegram", clock)
    r = rig(engine, clock, [sender], settings(limit_fraction=1.0))
    queue_messages(r, "telegram", "-9", 3, kind="group")
    queue_messages(r, "telegram", "4", 3)
    await r.worker.run_once()
    group = [c.at for c in sender.calls if c.chat_id == "-9"]
    private = [c.at for c in sender.calls if c.chat_id == "4"]
    assert [(b - a).total_seconds() for a, b in itertools.pairwise(group)] == [3.0, 3.0]
    assert all((b - a).total_seconds() >= 1.0 for a, b in itertools.pairwise(private))
    assert r.sleep.delays  # waited through the injected sleep, never on the real clock


async def test_different_chats_concurrently_one_at_a_time_within_a_chat(engine: sa.Engine) -> None:
    clock = FakeClock(T0)
    in_flight: dict[str, int] = {}
    peak = {"all": 0}

    class Slow(ScriptedSender):
        async def send(self, chat_id, message):  # type: ignore[no-untyped-def]
            in_flight[chat_id] = in_flight.get(chat_id, 0) + 1
            assert in_flight[chat_id] == 1
            peak["all"] = max(peak["all"], sum(in_flight.values()))
            for _ in range(3):
                await asyncio.sleep(0)
            in_flight[chat_id] -= 1
            return await super().send(chat_id, message)

    sender = Slow("console", clock)
    r = rig(engine, clock, [sender], settings(concurrency=4))
    for chat in range(10):
        queue_messages(r, "console", str(chat), 2)
    assert await r.worker.run_once() == 20
    assert peak["all"] == 4
    assert len(sender.calls) == 20


async def test_a_lease_about_to_run_out_is_given_back_not_sent(engine: sa.Engine) -> None:
    clock = FakeClock(T0)
    sender = ScriptedSender("telegram", clock)
    r = rig(engine, clock, [sender], settings(lease_seconds=3.5, limit_fraction=1.0))
    keys = queue_messages(r, "telegram", "-3", 3, kind="group")  # 3 s apart
    await r.worker.run_once()
    assert [c.text for c in sender.calls] == ["-3 part 0"]
    assert [status(r, k)[0] for k in keys] == [SENT, QUEUED, QUEUED]
    clock.advance(timedelta(seconds=3))
    await r.worker.run_once()
    await r.worker.run_once()
    clock.advance(timedelta(seconds=3))
    await r.worker.run_once()
    assert [c.text for c in sender.calls] == [f"-3 part {i}" for i in range(3)]


async def test_run_forever_sends_until_stopped(engine: sa.Engine) -> None:
    clock = FakeClock(T0)
    done = asyncio.Event()

    class Counting(ScriptedSender):
        async def send(self, chat_id, message):  # type: ignore[no-untyped-def]
            result = await super().send(chat_id, message)
            if len(self.calls) == 30:
                done.set()
            return result

    sender = Counting("console", clock)
    r = rig(engine, clock, [sender], settings(batch_size=8, poll_seconds=0.01))
    keys = [k for chat in range(10) for k in queue_messages(r, "console", f"c{chat}", 3)]
    stop = asyncio.Event()
    task = asyncio.create_task(r.worker.run_forever(stop))
    await done.wait()
    stop.set()
    await task
    assert {status(r, k)[0] for k in keys} == {SENT}
    assert len(sender.calls) == 30
