"""Workspace installations and OAuth states in the project's own database.

slack-sdk's stores are the interface Bolt's OAuth flow and authorization call; these
implementations keep the rows in our tables (``bot/store/schema.py``, created by our
migrations) and run the blocking SQL in a worker thread. The app installs with bot scopes
only, so one row per workspace holds everything.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from slack_sdk.oauth.installation_store.async_installation_store import AsyncInstallationStore
from slack_sdk.oauth.installation_store.models.bot import Bot
from slack_sdk.oauth.installation_store.models.installation import Installation
from slack_sdk.oauth.state_store.async_state_store import AsyncOAuthStateStore

from bot.clock import Clock
from bot.store.slack import (
    add_oauth_state,
    consume_oauth_state,
    delete_slack_installation,
    save_slack_installation,
    slack_installation,
)

log = logging.getLogger(__name__)


def _workspace(enterprise_id: str | None, team_id: str | None, org_wide: bool | None) -> str:
    key = enterprise_id if org_wide or not team_id else team_id
    return key or ""


def _stamp(value: float | int | None) -> datetime | None:
    return None if value is None else datetime.fromtimestamp(value, UTC)


class DbInstallationStore(AsyncInstallationStore):
    """Bot installations, one row per workspace (or per org for an org-wide install)."""

    def __init__(self, engine: sa.Engine) -> None:
        self._engine = engine

    @property
    def logger(self) -> logging.Logger:
        return log

    async def async_save(self, installation: Installation) -> None:
        bot = installation.to_bot()
        await self._save(bot, installer=installation.user_id)

    async def async_save_bot(self, bot: Bot) -> None:
        await self._save(bot, installer=None)

    async def _save(self, bot: Bot, installer: str | None) -> None:
        workspace = _workspace(bot.enterprise_id, bot.team_id, bot.is_enterprise_install)
        values: dict[str, Any] = {
            "enterprise_id": bot.enterprise_id,
            "team_id": bot.team_id,
            "team_name": bot.team_name,
            "app_id": bot.app_id,
            "bot_token": bot.bot_token,
            "bot_id": bot.bot_id,
            "bot_user_id": bot.bot_user_id,
            "bot_scopes": ",".join(bot.bot_scopes or ()),
            "bot_refresh_token": bot.bot_refresh_token,
            "bot_token_expires_at": _stamp(bot.bot_token_expires_at),
            "is_enterprise_install": bool(bot.is_enterprise_install),
            "installed_at": _stamp(bot.installed_at),
        }
        if installer:
            values["installer_user_id"] = installer
        await asyncio.to_thread(save_slack_installation, self._engine, workspace, values)
        log.info("slack workspace %s installed (team %s)", workspace, bot.team_name)

    async def async_find_bot(
        self,
        *,
        enterprise_id: str | None,
        team_id: str | None,
        is_enterprise_install: bool | None = False,
    ) -> Bot | None:
        workspace = _workspace(enterprise_id, team_id, is_enterprise_install)
        row = await asyncio.to_thread(slack_installation, self._engine, workspace)
        return None if row is None else _bot(row)

    async def async_find_installation(
        self,
        *,
        enterprise_id: str | None,
        team_id: str | None,
        user_id: str | None = None,
        is_enterprise_install: bool | None = False,
    ) -> Installation | None:
        workspace = _workspace(enterprise_id, team_id, is_enterprise_install)
        row = await asyncio.to_thread(slack_installation, self._engine, workspace)
        if row is None:
            return None
        bot = _bot(row)
        return Installation(
            user_id=row["installer_user_id"] or "",
            **{k: v for k, v in bot.to_dict().items() if k != "installed_at"},
            installed_at=bot.installed_at,
        )

    async def async_delete_bot(self, *, enterprise_id: str | None, team_id: str | None) -> None:
        await self._delete(_workspace(enterprise_id, team_id, False))

    async def async_delete_installation(
        self,
        *,
        enterprise_id: str | None,
        team_id: str | None,
        user_id: str | None = None,
    ) -> None:
        if user_id is None:  # a user's own token being revoked leaves the bot installed
            await self._delete(_workspace(enterprise_id, team_id, False))

    async def _delete(self, workspace: str) -> None:
        await asyncio.to_thread(delete_slack_installation, self._engine, workspace)
        log.info("slack workspace %s uninstalled", workspace)


def _bot(row: Mapping[str, Any]) -> Bot:
    expires = row["bot_token_expires_at"]
    return Bot(
        app_id=row["app_id"],
        enterprise_id=row["enterprise_id"],
        team_id=row["team_id"],
        team_name=row["team_name"],
        bot_token=row["bot_token"],
        bot_id=row["bot_id"] or "",
        bot_user_id=row["bot_user_id"] or "",
        bot_scopes=row["bot_scopes"],
        bot_refresh_token=row["bot_refresh_token"],
        bot_token_expires_at=int(expires.timestamp()) if expires else None,
        is_enterprise_install=row["is_enterprise_install"],
        installed_at=row["installed_at"].timestamp(),
    )


class DbOAuthStateStore(AsyncOAuthStateStore):
    """OAuth ``state`` values: issued by the install page, valid once, for a few minutes."""

    def __init__(self, engine: sa.Engine, clock: Clock, expiration_seconds: int = 600) -> None:
        self._engine = engine
        self._clock = clock
        self._ttl = timedelta(seconds=expiration_seconds)

    @property
    def logger(self) -> logging.Logger:
        return log

    async def async_issue(self, *args: Any, **kwargs: Any) -> str:
        state = secrets.token_urlsafe(24)
        expires = self._clock.now() + self._ttl
        await asyncio.to_thread(add_oauth_state, self._engine, state, expires)
        return state

    async def async_consume(self, state: str) -> bool:
        now = self._clock.now()
        return await asyncio.to_thread(consume_oauth_state, self._engine, state, now)
