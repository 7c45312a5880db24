"""SlackSender against the stand-in: Slack's answers become SendResults."""

from __future__ import annotations

import socket

from bot.config import DeliverySettings
from bot.delivery.sender import SendResult, SendStatus
from bot.render import RenderedMessage
from bot.slack.client import web_client
from bot.slack.sender import SlackSender
from bot.slack.tokens import SingleToken, TokenSource
from tests.bot.slack.standin import SlackStandin

MESSAGE = RenderedMessage(
    {"text": "hi", "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": "hi"}}]}
)


class TwoWorkspaces:
    async def token(self, team_id: str) -> str | None:
        return {"T1": "xoxb-t1", "T2": "xoxb-t2"}.get(team_id)


def sender(standin: SlackStandin, tokens: TokenSource | None = None) -> SlackSender:
    return SlackSender(tokens or SingleToken("xoxb-t1"), standin.base_url)


async def test_sent_with_link_names_off(standin: SlackStandin) -> None:
    result = await sender(standin).send("T1:C1", MESSAGE)
    assert result == SendResult.sent("1.000100")
    [call] = standin.called("chat.postMessage")
    assert call.params["channel"] == "C1"
    assert call.params["blocks"] == MESSAGE.payload["blocks"]
    assert call.params["link_names"] is False
    assert call.params["unfurl_links"] is False


async def test_rate_limit_is_a_retry_after_slacks_delay(standin: SlackStandin) -> None:
    standin.limit_once("chat.postMessage", retry_after=7)
    result = await sender(standin).send("T1:C1", MESSAGE)
    assert result == SendResult.retry("rate limited", 7.0)
    assert standin.called("chat.postMessage") == []  # slack-sdk did not retry on its own


async def test_archived_channel_is_gone(standin: SlackStandin) -> None:
    standin.archived.add("C9")
    assert await sender(standin).send("T1:C9", MESSAGE) == SendResult.gone("is_archived")


async def test_rejected_blocks_fail_with_the_reason(standin: SlackStandin) -> None:
    blocks = [{"type": "divider"}] * 51
    result = await sender(standin).send("T1:C1", RenderedMessage({"text": "x", "blocks": blocks}))
    assert result == SendResult.failed("invalid_blocks")
    long = RenderedMessage({"text": "x" * 40001})
    assert await sender(standin).send("T1:C1", long) == SendResult.failed("msg_too_long")


async def test_token_per_workspace(standin: SlackStandin) -> None:
    standin.add_team("T2", "xoxb-t2")
    out = sender(standin, TwoWorkspaces())
    assert (await out.send("T2:C5", MESSAGE)).status is SendStatus.SENT
    assert (await out.send("T3:C5", MESSAGE)) == SendResult.gone("workspace T3 not installed")
    assert [c.team_id for c in standin.called("chat.postMessage")] == ["T2"]


async def test_unknown_token_fails_with_the_reason(standin: SlackStandin) -> None:
    result = await SlackSender(SingleToken("xoxb-revoked"), standin.base_url).send("T1:C1", MESSAGE)
    assert result == SendResult.failed("invalid_auth")


async def test_network_error_is_a_retry() -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    out = SlackSender(SingleToken("xoxb-t1"), f"http://127.0.0.1:{port}/api/")
    result = await out.send("T1:C1", MESSAGE)
    assert result.status is SendStatus.RETRY
    assert result.reason.startswith("network")


async def test_malformed_chat_id_fails() -> None:
    result = await SlackSender(SingleToken("x")).send("C1", MESSAGE)
    assert result.status is SendStatus.FAILED


def test_web_api_calls_wait_the_send_timeout() -> None:
    # A message whose answer is slow must not be taken for lost and sent again.
    assert web_client("", "xoxb-t1").timeout == DeliverySettings().send_timeout_seconds == 60
    assert web_client("", "xoxb-t1", send_timeout=20.5).timeout == 21
