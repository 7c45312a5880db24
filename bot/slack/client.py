"""Slack Web API clients, all pointed at one configurable base URL."""

from __future__ import annotations

import math
from typing import Any

from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.web.async_slack_response import AsyncSlackResponse

from bot.config import DeliverySettings

DEFAULT_BASE_URL = "https://slack.com/api/"
# delivery.send_timeout_seconds when no settings are given.
SEND_TIMEOUT_SECONDS = DeliverySettings().send_timeout_seconds


class WebClient(AsyncWebClient):
    """slack-sdk's client, sending OAuth client credentials in the form body.

    Slack accepts them there as well as in HTTP Basic auth; slack-sdk's Basic auth goes through
    ``aiohttp.BasicAuth``, which aiohttp deprecates.
    """

    async def oauth_v2_access(
        self,
        *,
        client_id: str,
        client_secret: str,
        code: str | None = None,
        redirect_uri: str | None = None,
        grant_type: str | None = None,
        refresh_token: str | None = None,
        **kwargs: Any,
    ) -> AsyncSlackResponse:
        optional = {
            "code": code,
            "redirect_uri": redirect_uri,
            "grant_type": grant_type,
            "refresh_token": refresh_token,
        }
        kwargs.update({k: v for k, v in optional.items() if v is not None})
        kwargs.update(client_id=client_id, client_secret=client_secret)
        return await self.api_call("oauth.v2.access", data=kwargs)


def web_client(
    base_url: str = "", token: str | None = None, send_timeout: float = SEND_TIMEOUT_SECONDS
) -> AsyncWebClient:
    """A client without slack-sdk's own retries: the caller decides (Retry-After, backoff).

    Calls wait ``send_timeout`` seconds (whole seconds, rounded up) for Slack's answer: a
    message whose answer times out may have been posted after all, so the wait outlasts a
    slow answer rather than inviting a second copy.
    """
    return WebClient(
        token=token,
        base_url=base_url or DEFAULT_BASE_URL,
        timeout=math.ceil(send_timeout),
        retry_handlers=[],
    )
