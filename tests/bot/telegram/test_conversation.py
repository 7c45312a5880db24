"""End to end: updates from the stand-in, through real PTB polling, to the reply it records."""

from __future__ import annotations

import sqlalchemy as sa

from bot.store.chats import ChatStore
from bot.telegram.adapter import TelegramAdapter
from tests.telegram_standin import BotApiStandIn, parse_html

USER = 1001


async def test_subscribe_then_latest_gets_the_briefing(
    bot: TelegramAdapter, standin: BotApiStandIn
) -> None:
    standin.add_chat(USER)
    standin.send_text(USER, "/subscribe trade-talks")
    await standin.wait_for(lambda: len(standin.sent_to(USER)) == 1)
    assert standin.sent_to(USER)[0].plain.startswith("Subscribed to Trade talks")
    standin.send_text(USER, "/latest")
    await standin.wait_for(lambda: len(standin.sent_to(USER)) == 2)
    briefing = standin.sent_to(USER)[1]
    assert briefing.parse_mode == "HTML"
    assert briefing.plain.startswith("Japan-US tariff talks: fifth round ends without agreement")
    assert "“But we have not found any point of agreement”" in briefing.plain
    assert parse_html(briefing.text).links == ("https://www.asahi.example/ajw/articles/15812345",)


async def test_start_publishes_the_command_menu(
    bot: TelegramAdapter, standin: BotApiStandIn
) -> None:
    assert [c["command"] for c in standin.commands] == [
        "topics", "subscribe", "unsubscribe", "latest", "timeline", "digest", "alerts", "quiet",
        "settings", "help", "start",
    ]  # fmt: skip
    standin.add_chat(USER)
    standin.send_text(USER, "/start")
    await standin.wait_for(lambda: bool(standin.sent_to(USER)))
    assert standin.sent_to(USER)[0].plain.startswith("Welcome to briefbot")


async def test_subscribe_without_topic_offers_buttons_and_a_tap_subscribes(
    bot: TelegramAdapter, standin: BotApiStandIn, sqlite_engine: sa.Engine
) -> None:
    standin.add_chat(USER)
    standin.send_text(USER, "/subscribe")
    await standin.wait_for(lambda: bool(standin.sent_to(USER)))
    keyboard = standin.sent_to(USER)[0]
    assert keyboard.reply_markup == {
        "inline_keyboard": [[{"text": "Trade talks", "callback_data": "subscribe trade-talks"}]]
    }
    standin.tap(keyboard, "subscribe trade-talks", USER)
    await standin.wait_for(lambda: bool(standin.edits) and bool(standin.callback_answers))
    assert standin.edits[0].message_id == keyboard.message_id
    assert standin.edits[0].plain.startswith("Subscribed to Trade talks")
    assert ChatStore(sqlite_engine).subscriptions("telegram", str(USER)) == ("trade-talks",)


async def test_plain_words_work_as_commands_in_private_chats(
    bot: TelegramAdapter, standin: BotApiStandIn
) -> None:
    standin.add_chat(USER)
    standin.send_text(USER, "topics")
    await standin.wait_for(lambda: bool(standin.sent_to(USER)))
    assert "trade-talks" in standin.sent_to(USER)[0].plain
