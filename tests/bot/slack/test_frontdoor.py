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
from bot.slack.lines import ChannelLines, Turn
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


async def serve(door: FrontDoor) -> web.AppRunner:
    web_app = web.Application()
    web_app.router.add_post("/slack/events", door.handle)
    runner = web.AppRunner(web_app, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    return runner


def command_form(channel: str) -> str:
    return form(
        command="/briefing",
        text="latest",
        team_id="T1",
        channel_id=channel,
        response_url="http://x/r",
    )


async def post_commands(runner: web.AppRunner, channels: list[str]) -> list[int]:
    async with aiohttp.ClientSession() as session:
        http = SlackHttp(session, f"http://127.0.0.1:{runner.addresses[0][1]}/slack/events", SECRET)
        statuses = []
        for channel in channels:
            body = command_form(channel)
            statuses.append(
                (await http.post(body, FORM, signed_headers(SECRET, body, FORM))).status
            )
    return statuses


async def test_a_full_answer_queue_refuses_with_503_and_frees_the_place() -> None:
    traffic = Traffic()
    refusing = AnswerQueue(traffic)  # never started: refuses every job
    app = AsyncApp(signing_secret=SECRET, token="xoxb-t1")
    lines = ChannelLines(max_backlog=1)
    runner = await serve(FrontDoor(app, VERIFIER, refusing, traffic, lines))
    try:
        statuses = await post_commands(runner, ["C1", "C1"])
    finally:
        await runner.cleanup()
    assert statuses == [503, 503]
    assert traffic.inflight == 0
    # Neither refused command holds a place in the channel's line.
    assert lines.admit("T1:C1").turn is Turn.WORK


class RecordingQueue(AnswerQueue):
    def __init__(self, traffic: Traffic) -> None:
        super().__init__(traffic)
        self.offered: list[str] = []

    def offer(self, job: object, label: str) -> bool:  # type: ignore[override]
        self.offered.append(label)
        return True


async def test_a_flood_is_counted_on_arrival_and_the_skipped_commands_stop_at_the_door() -> None:
    traffic = Traffic()
    queue = RecordingQueue(traffic)
    app = AsyncApp(signing_secret=SECRET, token="xoxb-t1")
    lines = ChannelLines(max_backlog=2)
    runner = await serve(FrontDoor(app, VERIFIER, queue, traffic, lines))
    try:
        statuses = await post_commands(runner, ["CFLOOD"] * 6 + ["COTHER"])
    finally:
        await runner.cleanup()
    # Every command is acknowledged. Before Bolt has seen any of them, the flooding channel's
    # first two are handed over to be answered, the third to tell it, the rest are dropped.
    assert statuses == [200] * 7
    assert queue.offered == ["command"] * 4
    assert lines.admit("T1:CFLOOD").turn is Turn.SKIP
    assert lines.admit("T1:COTHER").turn is Turn.WORK


async def test_a_place_bolt_routes_nowhere_is_given_back() -> None:
    traffic = Traffic()
    answers = AnswerQueue(traffic)
    answers.start()
    app = AsyncApp(signing_secret=SECRET, token="xoxb-t1")  # no listener for /briefing
    lines = ChannelLines(max_backlog=1)
    runner = await serve(FrontDoor(app, VERIFIER, answers, traffic, lines))
    try:
        assert await post_commands(runner, ["C1"]) == [200]
        await answers.stop()  # runs the queued dispatch to its end
    finally:
        await runner.cleanup()
    assert lines.admit("T1:C1").turn is Turn.WORK


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
