"""Small pieces of the adapter: command lines, admin answers and their lifetime, transport."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest
from telegram import Bot, Chat, User
from telegram.error import Conflict, TimedOut

from bot.clock import FakeClock
from bot.telegram.admins import AdminCache
from bot.telegram.handlers import split_command
from bot.telegram.transport import AiohttpRequest
from tests.telegram_standin import BotApiStandIn


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("/latest", ("latest", ())),
        ("/Latest@briefbot_test_bot trade-talks", ("latest", ("trade-talks",))),
        ("digest 08:00  Europe/Berlin", ("digest", ("08:00", "Europe/Berlin"))),
        ("   ", ("", ())),
    ],
)
def test_split_command(text: str, expected: tuple[str, tuple[str, ...]]) -> None:
    assert split_command(text) == expected


async def test_admin_answers_expire(standin: BotApiStandIn, clock: FakeClock) -> None:
    group = standin.add_chat(-100, "supergroup", admins=(7,))
    bot = Bot(standin.token, base_url=f"{standin.base_url}/bot")
    async with bot:
        cache = AdminCache(bot, clock, timedelta(seconds=60))
        chat = Chat(group.id, Chat.SUPERGROUP)
        admin, member = User(7, "A", False), User(8, "M", False)
        assert await cache.is_admin(chat, admin, None)
        assert not await cache.is_admin(chat, member, None)
        group.admins.discard(7)  # demoted
        assert await cache.is_admin(chat, admin, None)  # still cached
        clock.advance(timedelta(seconds=61))
        assert not await cache.is_admin(chat, admin, None)
        assert await cache.is_admin(Chat(5, Chat.PRIVATE), member, None)
    assert [m for m, _ in standin.calls].count("getChatMember") == 3


async def test_transport_turns_a_slow_answer_into_timed_out(standin: BotApiStandIn) -> None:
    request = AiohttpRequest(read_timeout=0.05)
    await request.initialize()
    try:
        # A long poll with nothing queued answers after 5 s, far beyond the read timeout.
        url = f"{standin.base_url}/bot{standin.token}/getUpdates?timeout=5"
        with pytest.raises(TimedOut):
            await request.do_request(url, "POST")
    finally:
        await request.shutdown()


async def test_the_standin_ends_an_overlapping_poll_with_409_like_telegram(
    standin: BotApiStandIn,
) -> None:
    async with (
        Bot(standin.token, base_url=f"{standin.base_url}/bot") as first,
        Bot(standin.token, base_url=f"{standin.base_url}/bot") as second,
    ):
        waiting = asyncio.create_task(first.get_updates(timeout=5, read_timeout=10))
        await standin.wait_for(lambda: standin.long_polls == 1)
        assert await second.get_updates(timeout=0) == ()
        with pytest.raises(Conflict, match="terminated by other getUpdates request"):
            await waiting
    assert standin.conflicts == 1
