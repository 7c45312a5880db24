"""HTTP mode's front door: verified requests acknowledged at once, the answer after."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator
from urllib.parse import urlencode

import aiohttp
import pytest
import sqlalchemy as sa
from aiohttp import web
from slack_bolt.async_app import AsyncApp
from slack_sdk.signature import SignatureVerifier

from bot.chat import CommandRequest, Reply
from bot.clock import FakeClock
from bot.commands.registry import COMMANDS
from bot.slack.adapter import build_slack_adapter
from bot.slack.backlog import AnswerQueue, Traffic
from bot.slack.frontdoor import FrontDoor, ack_only, command_chat_id, form_field
from tests.bot.slack.conftest import SECRET, slack_settings
from tests.bot.slack.samples import NOW
from tests.bot.slack.slackhttp import FORM, SlackHttp, event_body, signed_headers
from tests.bot.slack.standin import SlackStandin

JSON = "application/json"
VERIFIER = SignatureVerifier(SECRET)


def form(**fields: str) -> str:
    return urlencode(fields)


@pytest.mark.parametrize(
    ("body", "content_type", "expected"),
    [
        (form(command="/briefing", text="latest"), FORM, "command"),
        (json.dumps(event_body({"type": "app_mention"})), JSON, "event"),
        (form(payload=json.dumps({"type": "block_actions"})), FORM, "block_actions"),
        # Bolt writes these responses: the challenge, the SSL check, a modal's answer.
        (json.dumps({"type": "url_verification", "challenge": "c"}), JSON, None),
        (form(ssl_check="1", token="x"), FORM, None),
        (form(payload=json.dumps({"type": "view_submission"})), FORM, None),
        (form(payload="not json"), FORM, None),
        ("[1, 2]", JSON, None),
        ("{", JSON, None),
        (form(command="/briefing"), "text/plain", None),
    ],
)
def test_what_an_empty_200_acknowledges(body: str, content_type: str, expected: str | None) -> None:
    assert ack_only(body, content_type) == expected


class Gate:
    """A command handler that answers only when the test opens it."""

    commands = COMMANDS

    def __init__(self) -> None:
        self.open = asyncio.Event()
        self.asked = asyncio.Event()
        self.requests: list[CommandRequest] = []

    async def handle(self, request: CommandRequest) -> Reply:
        self.requests.append(request)
        self.asked.set()
        await self.open.wait()
        return Reply.text(f"answer to {request.name}")


@pytest.fixture
async def gated(
    standin: SlackStandin, slack_engine: sa.Engine
) -> AsyncIterator[tuple[SlackHttp, Gate]]:
    settings = slack_settings(standin, slack_bot_token="xoxb-t1")
    gate = Gate()
    clock = FakeClock(NOW)
    adapter = build_slack_adapter(settings, slack_engine, gate, clock)
    await adapter.start()
    async with aiohttp.ClientSession() as session:
        yield SlackHttp(session, f"http://127.0.0.1:{adapter.port}/slack/events", SECRET), gate
        gate.open.set()
    await adapter.stop()


async def test_slash_command_is_acknowledged_before_it_is_answered(
    gated: tuple[SlackHttp, Gate], standin: SlackStandin
) -> None:
    http, gate = gated
    url = standin.response_url("held")
    answer = await http.slash("topics", url)
    assert (answer.status, answer.text) == (200, "")
    await asyncio.wait_for(gate.asked.wait(), 5)
    assert standin.responses["held"] == []  # the answer is still being worked on
    gate.open.set()
    await standin.wait_for(lambda: bool(standin.responses["held"]))
    assert standin.responses["held"][0]["text"] == "answer to topics"


def headers_for(how: str, body: str) -> dict[str, str]:
    if how == "forged":
        return signed_headers("not-the-secret", body, FORM)
    if how == "stale":
        return signed_headers(SECRET, body, FORM, timestamp=int(time.time()) - 6 * 60)
    if how == "bad-timestamp":
        return signed_headers(SECRET, body, FORM) | {"X-Slack-Request-Timestamp": "soon"}
    return {"Content-Type": FORM}  # unsigned


@pytest.mark.parametrize("how", ["forged", "stale", "bad-timestamp", "unsigned"])
async def test_unverified_commands_are_refused_and_never_run(
    gated: tuple[SlackHttp, Gate], standin: SlackStandin, how: str
) -> None:
    http, gate = gated
    body = form(command="/briefing", text="latest", team_id="T1", response_url="http://x/r")
    answer = await http.post(body, FORM, headers_for(how, body))
    assert answer.status == 401
    gate.open.set()
    # A verified request afterwards is the first and only one the handler sees.
    await http.slash("help", standin.response_url("after"))
    await standin.wait_for(lambda: bool(standin.responses["after"]))
    assert [r.name for r in gate.requests] == ["help"]


async def test_a_full_answer_queue_refuses_with_503() -> None:
    traffic = Traffic()
    refusing = AnswerQueue(traffic)  # never started: refuses every job
    app = AsyncApp(signing_secret=SECRET, token="xoxb-t1")
    web_app = web.Application()
    web_app.router.add_post("/slack/events", FrontDoor(app, VERIFIER, refusing, traffic).handle)
    runner = web.AppRunner(web_app, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    try:
        async with aiohttp.ClientSession() as session:
            url = f"http://127.0.0.1:{runner.addresses[0][1]}/slack/events"
            answer = await SlackHttp(session, url, SECRET).slash("latest", "http://x/r")
    finally:
        await runner.cleanup()
    assert answer.status == 503
    assert traffic.inflight == 0


async def test_a_flooding_channel_already_told_is_dropped_before_bolt() -> None:
    traffic = Traffic()
    offered: list[str] = []

    class RecordingQueue(AnswerQueue):
        def offer(self, job: object, label: str) -> bool:  # type: ignore[override]
            offered.append(label)
            return True

    app = AsyncApp(signing_secret=SECRET, token="xoxb-t1")
    flooding = {"T1:CFLOOD"}
    door = FrontDoor(app, VERIFIER, RecordingQueue(traffic), traffic, flooding.__contains__)
    web_app = web.Application()
    web_app.router.add_post("/slack/events", door.handle)
    runner = web.AppRunner(web_app, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    try:
        async with aiohttp.ClientSession() as session:
            url = f"http://127.0.0.1:{runner.addresses[0][1]}/slack/events"
            http = SlackHttp(session, url, SECRET)
            statuses = []
            for channel in ("CFLOOD", "COTHER"):
                body = form(
                    command="/briefing",
                    text="latest",
                    team_id="T1",
                    channel_id=channel,
                    response_url="http://x/r",
                )
                answer = await http.post(body, FORM, signed_headers(SECRET, body, FORM))
                statuses.append(answer.status)
    finally:
        await runner.cleanup()
    # Both are acknowledged; only the other channel's command is handed over.
    assert statuses == [200, 200]
    assert offered == ["command"]


def test_command_chat_id_reads_team_and_channel() -> None:
    body = form(command="/briefing", team_id="T9", channel_id="C42")
    assert command_chat_id(body) == "T9:C42"


@pytest.mark.parametrize(
    ("body", "name", "expected"),
    [
        (form(channel_id="C1", team_id="T1"), "team_id", "T1"),
        (form(xteam_id="X", team_id="T2"), "team_id", "T2"),
        (form(text="a b&c=d", team_id="T3"), "text", "a b&c=d"),
        (form(text="team_id=T0", team_id="T4"), "team_id", "T4"),
        (form(text="x"), "team_id", ""),
        ("team_id=T5", "team_id", "T5"),
    ],
)
def test_form_field_reads_one_field_as_parse_qs_would(body: str, name: str, expected: str) -> None:
    assert form_field(body, name) == expected
