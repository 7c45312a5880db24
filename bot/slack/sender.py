"""Sends rendered messages with ``chat.postMessage`` and translates Slack's answers.

``429`` (or ``ratelimited``) becomes a retry after Slack's ``Retry-After``; a channel or
workspace that is gone for good (archived, bot removed, token revoked) becomes ``gone``;
rejected content becomes ``failed`` with Slack's reason; network trouble is a plain retry.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping

import aiohttp
from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.web.async_client import AsyncWebClient

from bot.delivery.sender import SendResult
from bot.render import RenderedMessage
from bot.slack.client import SEND_TIMEOUT_SECONDS, web_client
from bot.slack.tokens import TokenSource

log = logging.getLogger(__name__)

GONE_ERRORS = frozenset(
    {
        "channel_not_found",
        "not_in_channel",
        "is_archived",
        "account_inactive",
        "token_revoked",
    }
)
RETRY_ERRORS = frozenset(
    {"ratelimited", "fatal_error", "internal_error", "service_unavailable", "request_timeout"}
)
DEFAULT_RETRY_AFTER = 1.0
# Raised when no answer came (or came broken): the message may or may not have been posted.
NETWORK_ERRORS = (TimeoutError, SlackClientError, aiohttp.ClientError, OSError)


def split_chat_id(chat_id: str) -> tuple[str, str]:
    """``"T123:C456"`` -> ``("T123", "C456")``; ValueError if it is not of that form."""
    team, sep, channel = chat_id.partition(":")
    if not sep or not team or not channel:
        raise ValueError(f"not a Slack chat id: {chat_id!r}")
    return team, channel


class SlackSender:
    """Implements :class:`bot.delivery.sender.Sender` for Slack."""

    platform = "slack"

    def __init__(
        self, tokens: TokenSource, base_url: str = "", send_timeout: float = SEND_TIMEOUT_SECONDS
    ) -> None:
        self._tokens = tokens
        self._base_url = base_url
        self._send_timeout = send_timeout
        self._clients: dict[str, AsyncWebClient] = {}
        self._session: aiohttp.ClientSession | None = None

    def use_session(self, session: aiohttp.ClientSession | None) -> None:
        """Send over ``session`` (kept-alive connections) instead of one session per call."""
        self._session = session
        for client in self._clients.values():
            client.session = session

    def _client(self, token: str) -> AsyncWebClient:
        client = self._clients.get(token)
        if client is None:
            client = self._clients[token] = web_client(self._base_url, token, self._send_timeout)
            client.session = self._session
        return client

    async def send(self, chat_id: str, message: RenderedMessage) -> SendResult:
        try:
            team, channel = split_chat_id(chat_id)
        except ValueError as exc:
            return SendResult.failed(str(exc))
        token = await self._tokens.token(team)
        if token is None:
            log.warning("slack chat %s: workspace %s is not installed", chat_id, team)
            return SendResult.gone(f"workspace {team} not installed")
        payload = dict(message.payload)
        try:
            response = await self._client(token).chat_postMessage(
                channel=channel,
                text=payload.get("text", ""),
                blocks=payload.get("blocks"),
                link_names=False,
                unfurl_links=False,
                unfurl_media=False,
            )
        except SlackApiError as exc:
            return api_error(chat_id, exc)
        except NETWORK_ERRORS as exc:
            log.info("slack chat %s: network error %r, will retry", chat_id, exc)
            return SendResult.retry(f"network: {exc.__class__.__name__}")
        return SendResult.sent(str(response.get("ts") or ""))


def api_error(chat_id: str, exc: SlackApiError) -> SendResult:
    """Slack's refusal as a send result (429 -> retry after its Retry-After)."""
    status = exc.response.status_code
    error = str(exc.response.get("error") or f"http {status}")
    if status == 429 or error == "ratelimited":
        retry_after = retry_after_header(exc.response.headers)
        log.info("slack chat %s: rate limited, retry after %ss", chat_id, retry_after)
        return SendResult.retry("rate limited", retry_after)
    if error in GONE_ERRORS:
        log.warning("slack chat %s is gone: %s", chat_id, error)
        return SendResult.gone(error)
    if status >= 500 or error in RETRY_ERRORS:
        log.info("slack chat %s: transient error %s", chat_id, error)
        return SendResult.retry(error)
    log.warning("slack chat %s: message rejected: %s", chat_id, error)
    return SendResult.failed(error)


def retry_after_header(headers: Mapping[str, str | list[str]]) -> float:
    """Seconds in a ``Retry-After`` header (any case); one second when there is none."""
    for name, value in headers.items():
        if name.lower() == "retry-after":
            raw = value[0] if isinstance(value, list) else value
            try:
                return max(float(raw), 0.0)
            except ValueError:
                break
    return DEFAULT_RETRY_AFTER
