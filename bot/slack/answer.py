"""Sending a rendered reply back where the command came from, within the bot's limits.

Slash commands and buttons answer through ``response_url`` (works in any channel, even one the
bot is not in; Slack allows five answers per URL, later messages go through chat.postMessage).
Mentions and DMs answer with chat.postMessage, errors in channels with chat.postEphemeral.
Every message takes its turn in the bot's one rate limiter, like a digest to the same channel,
and a ``429`` is waited out (see :class:`~bot.delivery.replies.LimitedReplies`).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Collection, Sequence

import aiohttp
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.chat import ChatKind, CommandRequest, Reply
from bot.delivery.replies import LimitedReplies
from bot.delivery.sender import Sender, SendResult, SendStatus
from bot.render import RenderedMessage
from bot.slack.sender import NETWORK_ERRORS, api_error, retry_after_header

log = logging.getLogger(__name__)

RESPONSE_URL_USES = 5
JSON_HEADERS = {"Content-Type": "application/json;charset=utf-8"}
# Sends one chat's replies through a given sender within the bot's limits.
Limits = Callable[[Sender], LimitedReplies]


def is_private(request: CommandRequest, reply: Reply, private: Collection[str]) -> bool:
    """Whether the answer goes to the asker alone: errors, and the ``private`` commands."""
    return reply.is_error or request.name in private


class ResponseUrlSender:
    """Answers through a command's ``response_url`` (``ephemeral`` or ``in_channel``).

    Posted as slack-sdk's webhook client posts it (the same JSON), on the app's HTTP session
    (kept-alive connections), with no client object built per answer."""

    platform = "slack"

    def __init__(self, session: aiohttp.ClientSession, url: str, response_type: str) -> None:
        self._session = session
        self._url = url
        self._response_type = response_type

    async def send(self, chat_id: str, message: RenderedMessage) -> SendResult:
        payload = message.payload
        body: dict[str, object] = {"text": payload["text"]}
        if payload.get("blocks") is not None:
            body["blocks"] = payload["blocks"]
        body["response_type"] = self._response_type
        body["replace_original"] = False
        try:
            async with self._session.post(
                self._url, data=json.dumps(body), headers=JSON_HEADERS
            ) as response:
                text = await response.text()
                status, headers = response.status, response.headers
        except NETWORK_ERRORS as exc:
            return SendResult.retry(f"network: {exc.__class__.__name__}")
        if status == 429:
            return SendResult.retry("rate limited", retry_after_header(headers))
        if status != 200:
            return SendResult.failed(f"http {status}: {text}")
        return SendResult.sent()


class PostSender:
    """Answers with chat.postMessage, or chat.postEphemeral to ``user_id`` alone."""

    platform = "slack"

    def __init__(
        self, client: AsyncWebClient, user_id: str, ephemeral: bool, thread_ts: str | None
    ) -> None:
        self._client = client
        self._user_id = user_id
        self._ephemeral = ephemeral
        self._thread_ts = thread_ts

    async def send(self, chat_id: str, message: RenderedMessage) -> SendResult:
        channel = chat_id.partition(":")[2]
        payload = message.payload
        try:
            if self._ephemeral:
                await self._client.chat_postEphemeral(
                    channel=channel,
                    user=self._user_id,
                    text=payload["text"],
                    blocks=payload.get("blocks"),
                    thread_ts=self._thread_ts,
                    link_names=False,
                )
            else:
                await self._client.chat_postMessage(
                    channel=channel,
                    text=payload["text"],
                    blocks=payload.get("blocks"),
                    thread_ts=self._thread_ts,
                    link_names=False,
                    unfurl_links=False,
                    unfurl_media=False,
                )
        except SlackApiError as exc:
            return api_error(chat_id, exc)
        except NETWORK_ERRORS as exc:
            return SendResult.retry(f"network: {exc.__class__.__name__}")
        return SendResult.sent()


async def via_response_url(
    response_url: str,
    client: AsyncWebClient,
    request: CommandRequest,
    messages: Sequence[RenderedMessage],
    private: bool,
    limits: Limits,
) -> bool:
    """Whether Slack accepted every message (the first five through ``response_url``)."""
    # The app's HTTP session (kept-alive connections), not a new one per answer.
    session = client.session
    if session is None or session.closed:
        async with aiohttp.ClientSession(
            timeout=aiohttp.ClientTimeout(total=client.timeout)
        ) as own:
            return await _via_session(own, response_url, client, request, messages, private, limits)
    return await _via_session(session, response_url, client, request, messages, private, limits)


async def _via_session(
    session: aiohttp.ClientSession,
    response_url: str,
    client: AsyncWebClient,
    request: CommandRequest,
    messages: Sequence[RenderedMessage],
    private: bool,
    limits: Limits,
) -> bool:
    sender = ResponseUrlSender(session, response_url, "ephemeral" if private else "in_channel")
    first, rest = messages[:RESPONSE_URL_USES], messages[RESPONSE_URL_USES:]
    if not await _deliver(limits(sender), request, first):
        return False
    return not rest or await via_post(client, request, rest, private, limits)


async def via_post(
    client: AsyncWebClient,
    request: CommandRequest,
    messages: Sequence[RenderedMessage],
    private: bool,
    limits: Limits,
    thread_ts: str | None = None,
) -> bool:
    """Whether Slack accepted every message."""
    ephemeral = private and request.chat_kind is not ChatKind.PRIVATE
    sender = PostSender(client, request.user_id, ephemeral, thread_ts)
    return await _deliver(limits(sender), request, messages)


async def _deliver(
    replies: LimitedReplies, request: CommandRequest, messages: Sequence[RenderedMessage]
) -> bool:
    """Each message in turn; stops at the first one not sent. An answer is not queued for
    later: the user can ask again, and the log says why it did not arrive."""
    for message in messages:
        result = await replies.send(request.chat_id, request.chat_kind.value, message)
        if result.status is not SendStatus.SENT:
            log.warning(
                "slack chat %s: answer to %s not delivered: %s",
                request.chat_id,
                request.name,
                result.reason,
            )
            return False
    return True
