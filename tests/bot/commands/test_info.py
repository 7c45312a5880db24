"""help, start, topics, settings, and what an unknown command gets."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from bot.chat import ChatKind, CommandRequest, Reply
from bot.clock import FakeClock
from bot.commands.base import Command, CommandContext
from bot.commands.dispatch import Commands
from bot.config import Settings
from bot.store.chats import ChatRecord
from tests.bot.commands.helpers import request, text


async def test_help_lists_every_command(commands: Commands) -> None:
    reply = await commands.handle(request("help"))
    assert reply == Reply.text(
        "Commands:\n"
        "• topics — the topics you can follow\n"
        "• subscribe <topic> — follow a topic\n"
        "• unsubscribe <topic> — stop following a topic\n"
        "• latest [topic] — what is new in each story (of each topic this chat follows)\n"
        "• timeline <topic> — the developments of a story, one dated line each, newest first\n"
        "• timeline <topic> all — every story of the last 30 days\n"
        "• digest <HH:MM> [zone] — a daily digest at that local time, "
        "e.g. digest 08:00 Europe/Berlin\n"
        "• digest off — no daily digest\n"
        "• alerts on|off — an alert at once for material news, at most a few a day\n"
        "• quiet <HH:MM-HH:MM> — no alerts in these local hours, e.g. quiet 22:00-07:00\n"
        "• quiet off — alerts at any time\n"
        "• settings — what this chat gets and when\n"
        "• help — this list\n"
        "In groups and channels only admins can change topics, the digest and alerts."
    )


async def test_start_welcomes(commands: Commands) -> None:
    reply = await commands.handle(request("start"))
    assert "Welcome to briefbot" in text(reply)
    assert "subscribe trade-talks" in text(reply)
    assert "help" in text(reply)


async def test_topics_marks_followed(commands: Commands) -> None:
    await commands.handle(request("subscribe energy"))
    reply = await commands.handle(request("topics"))
    assert reply == Reply.text(
        "Topics:\n"
        "• trade-talks — Trade talks: Tariff negotiations.\n"
        "• energy — Energy (following)\n"
        "Try: subscribe trade-talks"
    )


async def test_settings_of_a_new_chat(commands: Commands) -> None:
    reply = await commands.handle(request("settings"))
    assert reply == Reply.text(
        "This chat:\n"
        "• Topics: none yet. Try: subscribe trade-talks\n"
        "• Daily digest: off. Try: digest 08:00 Europe/Berlin\n"
        "• Alerts: off. Try: alerts on"
    )


async def test_settings_of_a_group(commands: Commands) -> None:
    for line in ("subscribe trade-talks", "digest 08:00 Europe/Berlin"):
        await commands.handle(request(line, kind=ChatKind.GROUP, admin=True))
    reply = await commands.handle(request("settings", kind=ChatKind.GROUP))
    assert reply == Reply.text(
        "This chat:\n"
        "• Topics: Trade talks (trade-talks)\n"
        "• Daily digest: 08:00 Europe/Berlin\n"
        "• Alerts: off. Try: alerts on\n"
        "• Who can change this: admins only"
    )


async def test_unknown_command(commands: Commands) -> None:
    reply = await commands.handle(request("subscirbe trade-talks"))
    assert reply == Reply.error(
        "Unknown command 'subscirbe'. Commands: topics, subscribe, unsubscribe, latest, "
        "timeline, digest, alerts, quiet, settings, help. Details: help"
    )


async def test_command_names_are_case_insensitive(commands: Commands) -> None:
    assert await commands.handle(request("HELP")) == await commands.handle(request("help"))


async def test_a_failing_command_still_gets_an_answer(
    sqlite_engine: sa.Engine, settings: Settings, clock: FakeClock, caplog: pytest.LogCaptureFixture
) -> None:
    def boom(ctx: CommandContext, request: CommandRequest, chat: ChatRecord) -> Reply:
        raise RuntimeError("database on fire")

    commands = Commands(sqlite_engine, settings, clock, commands=(Command("boom", (), boom),))
    reply = await commands.handle(request("boom"))
    assert reply == Reply.error("Sorry, that failed on our side. Please try again in a minute.")
    assert "command 'boom' failed in chat console:c1" in caplog.text


async def test_long_input_is_cut_short_in_replies(commands: Commands) -> None:
    reply = await commands.handle(request("x" * 500))
    assert text(reply).startswith("Unknown command '" + "x" * 39 + "…'. Commands:")


@pytest.mark.parametrize(
    "hidden",
    ["\u202e", "\u2066", "\u200b", "\u200d", "\ufeff", "\x1b", "\x07", "\x00", "\u061c"],
)
async def test_replies_never_echo_invisible_characters(commands: Commands, hidden: str) -> None:
    # Bidirectional overrides and isolates, zero-width characters, the BOM, control codes.
    reply = await commands.handle(request(f"eval{hidden}il"))
    assert text(reply).startswith("Unknown command 'evalil'. Commands:")
    reply = await commands.handle(request(f"digest 25:00{hidden}x"))
    assert hidden not in text(reply)
    assert "'25:00x' is not a time" in text(reply)
