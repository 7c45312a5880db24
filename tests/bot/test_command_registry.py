"""One command registry for every platform: a command added to it is published in Telegram's
menu and answered in a Telegram group, through Slack's slash command and in the console."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import aiohttp
import pytest
import sqlalchemy as sa

from bot.chat import CommandRequest, Reply
from bot.clock import FakeClock
from bot.commands.base import Command, CommandContext
from bot.commands.dispatch import Commands
from bot.commands.registry import COMMANDS
from bot.config import TelegramSettings, load_settings
from bot.console.adapter import ConsoleAdapter
from bot.slack.adapter import build_slack_adapter
from bot.store.chats import ChatRecord
from bot.store.db import create_engine, migrate, sqlite_url
from bot.telegram.adapter import TelegramAdapter
from tests.bot.slack.conftest import SECRET, slack_settings
from tests.bot.slack.samples import NOW
from tests.bot.slack.slackhttp import SlackHttp
from tests.bot.slack.standin import SlackStandin
from tests.telegram_standin import BotApiStandIn

GROUP = -100300


def ping(ctx: CommandContext, request: CommandRequest, chat: ChatRecord) -> Reply:
    return Reply.text(f"pong from {request.platform}")


PING = Command(
    name="ping", usage=(("ping", "check that the bot answers"),), run=ping, menu="Is it there?"
)


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[sa.Engine]:
    engine = create_engine(sqlite_url(tmp_path / "registry.sqlite3"))
    migrate(engine)
    yield engine
    engine.dispose()


async def test_a_new_command_reaches_telegram_slack_and_the_console(engine: sa.Engine) -> None:
    settings = load_settings(environ={})
    clock = FakeClock(NOW)
    commands = Commands(engine, settings, clock, (*COMMANDS, PING))

    telegram = BotApiStandIn()
    await telegram.start()
    adapter = TelegramAdapter(
        telegram.token,
        commands,
        TelegramSettings(poll_timeout_seconds=10),
        api_base_url=telegram.base_url,
        clock=clock,
    )
    await adapter.start()
    try:
        assert ("ping", "Is it there?") in [
            (c["command"], c["description"]) for c in telegram.commands
        ]
        telegram.add_chat(GROUP, "supergroup", "Trade desk")
        telegram.send_text(GROUP, "/ping", user_id=12)
        await telegram.wait_for(lambda: bool(telegram.sent_to(GROUP)))
        assert telegram.sent_to(GROUP)[0].plain == "pong from telegram"
    finally:
        await adapter.stop()
        await telegram.close()

    slack = await SlackStandin().start()
    slack.add_team("T1", "xoxb-t1")
    slack_adapter = build_slack_adapter(
        slack_settings(slack, slack_bot_token="xoxb-t1"), engine, commands, clock
    )
    await slack_adapter.start()
    try:
        async with aiohttp.ClientSession() as session:
            http = SlackHttp(session, f"http://127.0.0.1:{slack_adapter.port}/slack/events", SECRET)
            answer = await http.slash("ping", slack.response_url("ping"))
        assert answer.status == 200
        await slack.wait_for(lambda: bool(slack.responses["ping"]))
        assert slack.responses["ping"][0]["text"] == "pong from slack"
    finally:
        await slack_adapter.stop()
        await slack.close()

    out = io.StringIO()
    await ConsoleAdapter(commands, io.StringIO(""), out).handle_line("ping")
    assert "pong from console" in out.getvalue()
    await ConsoleAdapter(commands, io.StringIO(""), out).handle_line("help")
    assert "ping — check that the bot answers" in out.getvalue()
