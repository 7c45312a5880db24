"""Replies within the bot's limits, over the real wire: a flooding chat is throttled and told
once, other chats are answered, a retry_after is waited out, nothing is refused.

The stand-in enforces Telegram's limits on the test's fake clock, and the bot's waits move
that clock (no test waits for real time to pass). A wait moves it only when no send is on the
wire, as real time would not jump while a request travels.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import timedelta

import pytest
import sqlalchemy as sa

from bot.clock import FakeClock
from bot.commands.dispatch import Commands
from bot.config import Settings, TelegramSettings
from bot.delivery.ratelimit import RateLimiter
from bot.delivery.sender import Sender, SendResult
from bot.render import RenderedMessage
from bot.store.chats import ChatStore
from bot.telegram.adapter import TelegramAdapter
from bot.telegram.ordering import MAX_CHAT_BACKLOG
from tests.telegram_standin import BotApiStandIn

FLOODER = 4242
OTHERS = [5000 + n for n in range(10)]
FLOOD = 50
NOTICE = "faster than I can answer"


class SendsLand:
    """The bot's sleep: waits for the sends on the wire to land, then moves the fake clock."""

    def __init__(self, clock: FakeClock) -> None:
        self._clock = clock
        self._on_the_wire = 0
        self._landed = asyncio.Event()
        self._landed.set()

    def watch(self, sender: Sender) -> None:
        send = sender.send

        async def watched(chat_id: str, message: RenderedMessage) -> SendResult:
            self._on_the_wire += 1
            self._landed.clear()
            try:
                return await send(chat_id, message)
            finally:
                self._on_the_wire -= 1
                if not self._on_the_wire:
                    self._landed.set()

        sender.send = watched  # type: ignore[method-assign]

    async def __call__(self, seconds: float) -> None:
        target = self._clock.now() + timedelta(seconds=seconds)
        await asyncio.sleep(0)
        while self._on_the_wire:
            await self._landed.wait()
            await asyncio.sleep(0)
        # No await from the test above to here: nothing goes on the wire in between.
        if target > self._clock.now():
            self._clock.set(target)


@pytest.fixture
async def limited_bot(
    standin: BotApiStandIn, sqlite_engine: sa.Engine, settings: Settings, clock: FakeClock
) -> AsyncIterator[TelegramAdapter]:
    standin.enforce_rate_limits(clock=lambda: clock.now().timestamp())
    sleep = SendsLand(clock)
    adapter = TelegramAdapter(
        standin.token,
        Commands(sqlite_engine, settings, clock),
        TelegramSettings(poll_timeout_seconds=10),
        api_base_url=standin.base_url,
        chats=ChatStore(sqlite_engine),
        clock=clock,
        limiter=RateLimiter(settings.delivery, clock),
        sleep=sleep,
    )
    sleep.watch(adapter.sender)
    await adapter.start()
    yield adapter
    await adapter.stop()


def texts(standin: BotApiStandIn, chat_id: int) -> list[str]:
    return [message.plain for message in standin.sent_to(chat_id)]


async def test_a_flooding_chat_is_throttled_and_told_once(
    limited_bot: TelegramAdapter, standin: BotApiStandIn
) -> None:
    for chat_id in (FLOODER, *OTHERS):
        standin.add_chat(chat_id)
    for _ in range(FLOOD):
        standin.send_text(FLOODER, "/topics")
    for chat_id in OTHERS:
        standin.send_text(chat_id, "/topics")

    def settled() -> bool:
        answers = texts(standin, FLOODER)
        return all(standin.sent_to(c) for c in OTHERS) and (
            sum(NOTICE in t for t in answers) == 1 and len(answers) >= MAX_CHAT_BACKLOG + 1
        )

    await standin.wait_for(settled)
    answers = texts(standin, FLOODER)
    assert sum(NOTICE in text for text in answers) == 1
    assert MAX_CHAT_BACKLOG <= len(answers) - 1 < FLOOD
    assert all(len(standin.sent_to(c)) == 1 for c in OTHERS)
    assert standin.rejected == []  # not one reply refused with 429

    # Once the flood is over the chat is answered again (and told again if it floods again).
    before = len(answers)
    standin.send_text(FLOODER, "/help")
    await standin.wait_for(lambda: len(texts(standin, FLOODER)) == before + 1)
    assert NOTICE not in texts(standin, FLOODER)[-1]


async def test_a_reply_waits_out_retry_after(
    limited_bot: TelegramAdapter, standin: BotApiStandIn, clock: FakeClock
) -> None:
    standin.add_chat(FLOODER)
    started = clock.now()
    standin.storm(2, retry_after=7)
    standin.send_text(FLOODER, "/help")
    await standin.wait_for(lambda: bool(standin.sent_to(FLOODER)))
    assert [code for _, code, _ in standin.rejected] == [429, 429]
    assert (clock.now() - started).total_seconds() >= 14  # both waits kept
    assert texts(standin, FLOODER)[0].startswith("Commands:")
