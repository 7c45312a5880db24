"""``alerts on|off``, ``quiet <HH:MM-HH:MM>`` / ``quiet off`` and what ``settings`` says of
them."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from bot.chat import ChatKind, Reply
from bot.commands.dispatch import Commands
from bot.store.chats import ChatStore
from tests.bot.commands.helpers import request, text


async def _say(commands: Commands, *lines: str) -> str:
    return "\n".join([text(await commands.handle(request(line))) for line in lines])


async def test_alerts_are_off_until_turned_on(commands: Commands, sqlite_engine: sa.Engine) -> None:
    assert await _say(commands, "alerts") == "Alerts: off. Change with: alerts on|off"
    reply = await _say(commands, "subscribe trade-talks", "alerts on")
    assert reply.splitlines()[-3:] == [
        "Alerts on: at most 3 a day, at once when the news is material (an agreement reached "
        "or collapsed, a new tariff rate, amount or deadline, talks started or called off, a "
        "story many outlets take up).",
        "What is held back comes with the next digest.",
        "No alerts at night? Try: quiet 22:00-07:00",
    ]
    chat = ChatStore(sqlite_engine).chat("console", "c1")
    assert chat is not None
    assert chat.alerts
    assert await _say(commands, "alerts") == "Alerts: on, 0 of 3 today. Change with: alerts on|off"
    assert await _say(commands, "ALERTS Off") == (
        "Alerts off. Material news comes with the daily digest."
    )
    chat = ChatStore(sqlite_engine).chat("console", "c1")
    assert chat is not None
    assert not chat.alerts


async def test_alerts_without_topics_say_how_to_get_them(commands: Commands) -> None:
    reply = await _say(commands, "alerts on")
    assert reply.endswith("Follow a topic to get them: subscribe trade-talks")


@pytest.mark.parametrize("line", ["alerts maybe", "alerts on off", "alerts 3"])
async def test_alerts_takes_on_or_off(commands: Commands, line: str) -> None:
    reply = await commands.handle(request(line))
    assert reply.is_error
    assert text(reply).endswith(": say alerts on, or: alerts off")


async def test_quiet_hours_in_the_chats_zone(commands: Commands, sqlite_engine: sa.Engine) -> None:
    await _say(commands, "digest 08:00 Europe/Berlin", "alerts on")
    assert await _say(commands, "quiet 22:00-7:00") == (
        "Quiet hours 22:00-07:00 Europe/Berlin: no alerts then; what is held back comes with "
        "the next digest."
    )
    chat = ChatStore(sqlite_engine).chat("console", "c1")
    assert chat is not None
    assert chat.quiet_hours == ("22:00", "07:00")
    assert "• Quiet hours: 22:00-07:00 Europe/Berlin" in await _say(commands, "settings")
    assert await _say(commands, "quiet off") == (
        "No quiet hours: alerts may come at any time. Set some with: quiet 22:00-07:00"
    )
    chat = ChatStore(sqlite_engine).chat("console", "c1")
    assert chat is not None
    assert chat.quiet_hours is None


async def test_quiet_hours_of_a_chat_without_zone_or_alerts(commands: Commands) -> None:
    assert await _say(commands, "quiet 23:30 - 06:00") == (
        "Quiet hours 23:30-06:00 UTC: no alerts then; what is held back comes with the next "
        "digest.\n"
        "Another zone? Set it with the digest: digest 08:00 Europe/Berlin\n"
        "Alerts are off; turn them on with: alerts on"
    )


@pytest.mark.parametrize(
    ("line", "shown"),
    [
        ("quiet 22-07", "'22-07'"),
        ("quiet 22:00", "'22:00'"),
        ("quiet 25:00-07:00", "'25:00-07:00'"),
        ("quiet 07:00-07:00", "'07:00-07:00'"),
        ("quiet tonight", "'tonight'"),
    ],
)
async def test_bad_quiet_hours_get_an_example(commands: Commands, line: str, shown: str) -> None:
    reply = await commands.handle(request(line))
    assert reply == Reply.error(
        f"{shown} is not a range of hours: use 24-hour HH:MM-HH:MM, start and end different. "
        "Try: quiet 22:00-07:00, or: quiet off"
    )


async def test_quiet_needs_hours(commands: Commands) -> None:
    reply = await commands.handle(request("quiet"))
    assert reply == Reply.error("Missing hours. Try: quiet 22:00-07:00, or: quiet off")


async def test_settings_shows_alerts_and_quiet_hours(commands: Commands) -> None:
    await _say(commands, "subscribe trade-talks", "alerts on")
    assert (await _say(commands, "settings")).splitlines()[-2:] == [
        "• Alerts: on, 0 of 3 today",
        "• Quiet hours: none. Try: quiet 22:00-07:00",
    ]
    await _say(commands, "quiet 22:00-07:00", "alerts off")
    assert (await _say(commands, "settings")).splitlines()[-2:] == [
        "• Alerts: off. Try: alerts on",
        "• Quiet hours: 22:00-07:00 UTC",
    ]


async def test_group_admins_set_alerts_and_anyone_reads_them(
    commands: Commands, sqlite_engine: sa.Engine
) -> None:
    member = await commands.handle(request("alerts on", kind=ChatKind.GROUP))
    assert text(member).startswith("Only admins of this group can change its topics, digest")
    admin = await commands.handle(request("alerts on", kind=ChatKind.GROUP, admin=True))
    assert text(admin).startswith("Alerts on")
    await commands.handle(request("quiet 22:00-07:00", kind=ChatKind.GROUP))  # refused
    chat = ChatStore(sqlite_engine).chat("console", "c1")
    assert chat is not None
    assert (chat.alerts, chat.quiet_hours) == (True, None)
    settings = text(await commands.handle(request("settings", kind=ChatKind.GROUP)))
    assert "• Alerts: on, 0 of 3 today" in settings
