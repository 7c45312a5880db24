"""Answers through a command's ``response_url``: the JSON Slack gets, and its refusals."""

from __future__ import annotations

import functools
from collections.abc import AsyncIterator

import aiohttp
import pytest
from slack_sdk.web.async_client import AsyncWebClient

from bot.chat import ChatKind, CommandRequest
from bot.clock import FakeClock
from bot.delivery.replies import LimitedReplies
from bot.delivery.sender import SendStatus
from bot.render import RenderedMessage
from bot.slack import answer
from bot.slack.answer import ResponseUrlSender
from tests.bot.slack.samples import NOW
from tests.bot.slack.standin import SlackStandin

MESSAGE = RenderedMessage(
    {
        "text": "Trade talks",
        "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": "*Trade talks*"}}],
    }
)
REQUEST = CommandRequest(
    platform="slack",
    chat_id="T1:C1",
    chat_kind=ChatKind.CHANNEL,
    user_id="U1",
    user_is_admin=False,
    name="latest",
    args=("trade-talks",),
)


@pytest.fixture
async def standin() -> AsyncIterator[SlackStandin]:
    standin = await SlackStandin().start()
    yield standin
    await standin.close()


async def test_the_answer_is_the_json_slack_expects(standin: SlackStandin) -> None:
    async with aiohttp.ClientSession() as session:
        sender = ResponseUrlSender(session, standin.response_url("a"), "ephemeral")
        result = await sender.send("T1:C1", MESSAGE)
        no_blocks = ResponseUrlSender(session, standin.response_url("b"), "in_channel")
        await no_blocks.send("T1:C1", RenderedMessage({"text": "Done."}))
    assert result.status is SendStatus.SENT
    assert standin.responses["a"] == [
        {
            "text": "Trade talks",
            "blocks": MESSAGE.payload["blocks"],
            "response_type": "ephemeral",
            "replace_original": False,
        }
    ]
    assert standin.responses["b"] == [
        {"text": "Done.", "response_type": "in_channel", "replace_original": False}
    ]


async def test_refusals_are_told_apart(standin: SlackStandin) -> None:
    standin.response_errors["broken"] = 500
    standin.limit_once("response_url", retry_after=7)
    async with aiohttp.ClientSession() as session:
        limited = await ResponseUrlSender(session, standin.response_url("x"), "ephemeral").send(
            "T1:C1", MESSAGE
        )
        broken = await ResponseUrlSender(session, standin.response_url("broken"), "ephemeral").send(
            "T1:C1", MESSAGE
        )
        gone = await ResponseUrlSender(session, "http://127.0.0.1:9/response/x", "ephemeral").send(
            "T1:C1", MESSAGE
        )
    assert limited.status is SendStatus.RETRY
    assert limited.retry_after == 7
    assert broken.status is SendStatus.FAILED
    assert gone.status is SendStatus.RETRY


async def test_a_client_with_no_session_answers_on_a_session_of_its_own(
    standin: SlackStandin,
) -> None:
    client = AsyncWebClient(token="xoxb-test", base_url=standin.base_url)
    assert client.session is None
    limits = functools.partial(LimitedReplies, limiter=None, clock=FakeClock(NOW))
    delivered = await answer.via_response_url(
        standin.response_url("own"), client, REQUEST, [MESSAGE], False, limits
    )
    assert delivered
    assert standin.responses["own"][0]["response_type"] == "in_channel"
