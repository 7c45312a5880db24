"""Which bot token speaks for a workspace: one fixed token, or the installation store's."""

from __future__ import annotations

from typing import Protocol

from slack_sdk.oauth.installation_store.async_installation_store import AsyncInstallationStore


class TokenSource(Protocol):
    async def token(self, team_id: str) -> str | None:
        """The bot token for ``team_id``, or None when the app is not installed there."""
        ...


class SingleToken:
    """Single-workspace mode: ``SLACK_BOT_TOKEN`` for every chat."""

    def __init__(self, token: str) -> None:
        self._token = token

    async def token(self, team_id: str) -> str | None:
        return self._token


class InstalledTokens:
    """Multi-workspace mode: the token the OAuth install stored for the workspace."""

    def __init__(self, store: AsyncInstallationStore) -> None:
        self._store = store

    async def token(self, team_id: str) -> str | None:
        bot = await self._store.async_find_bot(enterprise_id=None, team_id=team_id)
        return None if bot is None else bot.bot_token
