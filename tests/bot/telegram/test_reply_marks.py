"""What ``latest`` shows counts as sent to the chat only once Telegram has accepted the whole
reply: a reply Telegram refuses (the chat blocked the bot, a server error, a wait too long)
leaves it new, and the next ``latest`` shows it again."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import pytest
import sqlalchemy as sa

from bot.config import Settings, load_settings
from bot.store.briefings import BriefingStore
from bot.telegram.adapter import TelegramAdapter
from bot.telegram.ordering import PerChatUpdateProcessor
from briefings.model import Briefing
from briefings.stories.topics import Topic
from tests.bot.shown import NOTHING_NEW, save_thread, sent_in
from tests.bot.telegram.conftest import NOW
from tests.telegram_standin import BotApiStandIn
from tests.telegram_standin.model import SentMessage

USER = 1001
NEWEST = "Round 1 of the tariff talks ends"


@pytest.fixture
def settings() -> Settings:
    """The shipped settings, and a second topic whose newest story has no thread."""
    base = load_settings(environ={})
    return dataclasses.replace(base, topics=(*base.topics, Topic("wheat", "Wheat")))


async def ask(bot: TelegramAdapter, standin: BotApiStandIn, line: str) -> list[str]:
    """Send ``line`` from the user; once the bot is done with it, the texts it got through."""
    sent, rejected = len(standin.sent_to(USER)), len(standin.rejected)
    standin.send_text(USER, line)
    await standin.wait_for(
        lambda: len(standin.sent_to(USER)) > sent or len(standin.rejected) > rejected
    )
    processor = bot.application.update_processor
    assert isinstance(processor, PerChatUpdateProcessor)
    await processor.until_idle(USER)
    return [m.plain for m in standin.sent_to(USER)[sent:]]


def refuse(standin: BotApiStandIn, how: str) -> None:
    if how == "blocked":
        standin.block(USER)
    elif how == "server error":
        standin.fail(USER, 500, "Internal Server Error")
    else:  # asked to wait far longer than a reply may: given up
        standin.fail(USER, 429, "Too Many Requests: retry after 3600", retry_after=3600)


@pytest.mark.parametrize("how", ["blocked", "server error", "wait too long"])
async def test_a_refused_reply_leaves_what_it_showed_new(
    bot: TelegramAdapter, standin: BotApiStandIn, sqlite_engine: sa.Engine, how: str
) -> None:
    thread = save_thread(sqlite_engine, NOW)
    standin.add_chat(USER)
    refuse(standin, how)
    assert await ask(bot, standin, "/latest trade-talks") == []
    assert [chat for chat, _, _ in standin.rejected] == [USER]
    assert sent_in(sqlite_engine, "telegram", str(USER), thread) == frozenset()
    standin.heal(USER)
    [shown] = await ask(bot, standin, "/latest trade-talks")
    assert shown.startswith(NEWEST)
    assert NOTHING_NEW not in shown
    assert len(sent_in(sqlite_engine, "telegram", str(USER), thread)) == 3


async def test_an_accepted_reply_is_recorded_and_not_shown_as_new_again(
    bot: TelegramAdapter, standin: BotApiStandIn, sqlite_engine: sa.Engine
) -> None:
    thread = save_thread(sqlite_engine, NOW)
    standin.add_chat(USER)
    [shown] = await ask(bot, standin, "/latest trade-talks")
    assert shown.startswith(NEWEST)
    assert len(sent_in(sqlite_engine, "telegram", str(USER), thread)) == 3
    [again] = await ask(bot, standin, "/latest trade-talks")
    assert NOTHING_NEW in again


async def test_a_reply_in_two_messages_is_recorded_only_when_both_arrive(
    bot: TelegramAdapter, standin: BotApiStandIn, sqlite_engine: sa.Engine
) -> None:
    thread = save_thread(sqlite_engine, NOW)
    BriefingStore(sqlite_engine).save(
        "wheat", Briefing("Wheat export ban", "https://news.example/wheat", topics=("wheat",)), NOW
    )
    standin.add_chat(USER)
    await ask(bot, standin, "/subscribe trade-talks")
    await ask(bot, standin, "/subscribe wheat")
    # The chat blocks the bot right after the first message of the reply got through.
    standin.on_sent.append(block_after_first(standin))
    [first] = await ask(bot, standin, "/latest")
    assert first.startswith(NEWEST)
    assert [chat for chat, _, _ in standin.rejected] == [USER]
    assert sent_in(sqlite_engine, "telegram", str(USER), thread) == frozenset()
    standin.on_sent.clear()
    standin.heal(USER)
    first, second = await ask(bot, standin, "/latest")
    assert first.startswith(NEWEST)
    assert NOTHING_NEW not in first
    assert second.startswith("Wheat export ban")
    assert len(sent_in(sqlite_engine, "telegram", str(USER), thread)) == 3


def block_after_first(standin: BotApiStandIn) -> Callable[[SentMessage], None]:
    def listener(message: SentMessage) -> None:
        if message.chat_id == USER:
            standin.block(USER)

    return listener
