"""Who may change a channel's topics: workspace admins and owners, and the channel's creator.

In a DM the user is the admin of their own chat. Answers are cached for a minute, so a burst
of commands in one channel costs two Web API calls, not two per command.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.clock import Clock
from bot.slack.requests import Origin

log = logging.getLogger(__name__)

TTL = timedelta(seconds=60)


@dataclass(frozen=True, slots=True)
class Standing:
    is_admin: bool
    channel_title: str = ""


class AdminCheck:
    def __init__(self, clock: Clock, ttl: timedelta = TTL) -> None:
        self._clock = clock
        self._ttl = ttl
        self._cache: dict[tuple[str, str, str], tuple[datetime, Standing]] = {}

    async def standing(self, client: AsyncWebClient, origin: Origin) -> Standing:
        if origin.is_dm:
            return Standing(is_admin=True, channel_title=origin.channel_name)
        key = (origin.team_id, origin.channel_id, origin.user_id)
        now = self._clock.now()
        cached = self._cache.get(key)
        if cached and now - cached[0] < self._ttl:
            return cached[1]
        standing = await self._ask(client, origin)
        if len(self._cache) > 10_000:  # bounded: drop everything rather than track ages
            self._cache.clear()
        self._cache[key] = (now, standing)
        return standing

    async def _ask(self, client: AsyncWebClient, origin: Origin) -> Standing:
        title = origin.channel_name
        try:
            user = (await client.users_info(user=origin.user_id)).get("user") or {}
            if user.get("is_admin") or user.get("is_owner"):
                return Standing(True, title)
            channel = (await client.conversations_info(channel=origin.channel_id)).get(
                "channel"
            ) or {}
        except SlackApiError as exc:
            log.warning(
                "slack chat %s: cannot tell whether %s is an admin: %s",
                origin.chat_id,
                origin.user_id,
                exc.response.get("error"),
            )
            return Standing(False, title)
        return Standing(channel.get("creator") == origin.user_id, title or channel.get("name", ""))
