"""Socket Mode: the app connects to the stand-in's websocket, acks envelopes, answers."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
import sqlalchemy as sa

from bot.clock import FakeClock
from bot.commands.dispatch import Commands
from bot.slack.adapter import SlackAdapter, build_slack_adapter
from tests.bot.slack.conftest import slack_settings
from tests.bot.slack.samples import NOW
from tests.bot.slack.slackhttp import event_body, slash_payload
from tests.bot.slack.standin import SlackStandin


@pytest.fixture
async def socket_app(standin: SlackStandin, slack_engine: sa.Engine) -> AsyncIterator[SlackAdapter]:
    settings = slack_settings(
        standin,
        mode="socket",
        slack_bot_token="xoxb-t1",
        slack_app_token="xapp-test",
        slack_signing_secret="",
    )
    clock = FakeClock(NOW)
    commands = Commands(slack_engine, settings, clock)
    adapter = build_slack_adapter(settings, slack_engine, commands, clock)
    await adapter.start()
    await standin.wait_for(lambda: standin.socket_connected)
    yield adapter
    await adapter.stop()


async def test_slash_command_round_trip(socket_app: SlackAdapter, standin: SlackStandin) -> None:
    assert socket_app.port is None  # no HTTP server in Socket Mode
    url = standin.response_url("sock")
    envelope = await standin.send_envelope("slash_commands", slash_payload("latest", url))
    await standin.wait_for(lambda: envelope in standin.acks and bool(standin.responses["sock"]))
    assert standin.acks[envelope] == {"envelope_id": envelope}
    [answer] = standin.responses["sock"]
    assert answer["response_type"] == "ephemeral"  # the channel follows nothing yet
    assert "follows no topics yet" in answer["text"]
    assert [c.method for c in standin.calls][:1] == ["auth.test"]


async def test_event_retry_over_the_socket_is_handled_once(
    socket_app: SlackAdapter, standin: SlackStandin
) -> None:
    event = {"type": "app_mention", "user": "U1", "text": "<@UBOT> latest trade-talks"}
    body = event_body({**event, "channel": "C1"}, event_id="EvSOCK")
    first = await standin.send_envelope("events_api", body)
    again = await standin.send_envelope("events_api", body, retry=1)
    await standin.wait_for(lambda: {first, again} <= set(standin.acks))
    await standin.wait_for(lambda: bool(standin.called("chat.postMessage")))
    other = await standin.send_envelope("events_api", event_body({**event, "channel": "C2"}))
    await standin.wait_for(lambda: other in standin.acks)
    await standin.wait_for(lambda: len(standin.called("chat.postMessage")) == 2)
    assert [c.params["channel"] for c in standin.called("chat.postMessage")] == ["C1", "C2"]
