"""Slack payload pieces -> command requests; who counts as a channel admin."""

from __future__ import annotations

from datetime import timedelta

from bot.chat import ChatKind
from bot.clock import FakeClock
from bot.slack.admins import AdminCheck, Standing
from bot.slack.client import web_client
from bot.slack.requests import Origin, command_request, strip_mentions
from tests.bot.slack.samples import NOW
from tests.bot.slack.standin import SlackStandin


def test_mentions_are_stripped_from_the_front_only() -> None:
    assert strip_mentions("<@UBOT> latest trade-talks") == "latest trade-talks"
    assert strip_mentions(" <@UBOT|briefbot>  <@UBOT> help") == "help"
    assert strip_mentions("latest <@U2>") == "latest <@U2>"


def test_command_request_from_a_channel() -> None:
    origin = Origin("T1", "C1", "U1", "general")
    request = command_request(origin, "Subscribe  trade-talks", is_admin=True)
    assert (request.platform, request.chat_id, request.chat_kind) == (
        "slack",
        "T1:C1",
        ChatKind.CHANNEL,
    )
    assert (request.name, request.args, request.chat_title) == (
        "subscribe",
        ("trade-talks",),
        "general",
    )
    assert command_request(origin, "  ", is_admin=False).name == "help"
    assert Origin("T1", "D1", "U1").kind is ChatKind.PRIVATE


async def test_admins_owners_and_creators(standin: SlackStandin) -> None:
    standin.workspace("T1").admins.add("UADMIN")
    standin.workspace("T1").channel_creators["C1"] = "UCREATOR"
    clock = FakeClock(NOW)
    check = AdminCheck(clock)
    client = web_client(standin.base_url, "xoxb-t1")
    assert await check.standing(client, Origin("T1", "C1", "UADMIN")) == Standing(True, "")
    creator = await check.standing(client, Origin("T1", "C1", "UCREATOR"))
    assert creator == Standing(True, "channel-c1")
    member = await check.standing(client, Origin("T1", "C1", "UMEMBER", "general"))
    assert member == Standing(False, "general")
    assert (await check.standing(client, Origin("T1", "D1", "UMEMBER"))).is_admin
    calls = len(standin.calls)
    await check.standing(client, Origin("T1", "C1", "UMEMBER", "general"))
    assert len(standin.calls) == calls  # cached
    clock.advance(timedelta(minutes=2))
    await check.standing(client, Origin("T1", "C1", "UMEMBER", "general"))
    assert len(standin.calls) == calls + 2
