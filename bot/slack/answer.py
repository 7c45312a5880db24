"""Sending a rendered reply back where the command came from.

Slash commands and buttons answer through ``response_url`` (works in any channel, even one the
bot is not in; Slack allows five answers per URL, later messages go through chat.postMessage).
Mentions and DMs answer with chat.postMessage, errors in channels with chat.postEphemeral.
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Sequence

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.webhook.async_client import AsyncWebhookClient

from bot.chat import ChatKind, CommandRequest, Reply
from bot.render import RenderedMessage

log = logging.getLogger(__name__)

RESPONSE_URL_USES = 5
# Answers only the person who asked needs to see; briefings and changes go to the channel.


def is_private(request: CommandRequest, reply: Reply, private: Collection[str]) -> bool:
    """Whether the answer goes to the asker alone: errors, and the ``private`` commands."""
    return reply.is_error or request.name in private


async def via_response_url(
    response_url: str,
    client: AsyncWebClient,
    request: CommandRequest,
    messages: Sequence[RenderedMessage],
    private: bool,
) -> None:
    # The app's HTTP session (kept-alive connections), not a new one per answer.
    webhook = AsyncWebhookClient(url=response_url, session=client.session, retry_handlers=[])
    response_type = "ephemeral" if private else "in_channel"
    for index, message in enumerate(messages):
        if index == RESPONSE_URL_USES:
            await via_post(client, request, messages[index:], private)
            return
        payload = message.payload
        response = await webhook.send(
            text=payload["text"],
            blocks=payload.get("blocks"),
            response_type=response_type,
            replace_original=False,
        )
        if response.status_code != 200:
            log.warning(
                "slack chat %s: response_url refused the answer to %s: %s %s",
                request.chat_id,
                request.name,
                response.status_code,
                response.body,
            )


async def via_post(
    client: AsyncWebClient,
    request: CommandRequest,
    messages: Sequence[RenderedMessage],
    private: bool,
    thread_ts: str | None = None,
) -> None:
    channel = request.chat_id.partition(":")[2]
    ephemeral = private and request.chat_kind is not ChatKind.PRIVATE
    try:
        for message in messages:
            payload = message.payload
            if ephemeral:
                await client.chat_postEphemeral(
                    channel=channel,
                    user=request.user_id,
                    text=payload["text"],
                    blocks=payload.get("blocks"),
                    thread_ts=thread_ts,
                    link_names=False,
                )
            else:
                await client.chat_postMessage(
                    channel=channel,
                    text=payload["text"],
                    blocks=payload.get("blocks"),
                    thread_ts=thread_ts,
                    link_names=False,
                    unfurl_links=False,
                    unfurl_media=False,
                )
    except SlackApiError as exc:
        # An answer is not queued for retries: the user can ask again; the log says why.
        log.warning(
            "slack chat %s: answer to %s not delivered: %s",
            request.chat_id,
            request.name,
            exc.response.get("error"),
        )
