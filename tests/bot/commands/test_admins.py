"""In groups and channels only admins change topics, the digest and alerts (unless configured
off)."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

import pytest
import sqlalchemy as sa

from bot.chat import ChatKind, Reply
from bot.clock import FakeClock
from bot.commands.dispatch import Commands
from bot.config import Settings
from bot.store.chats import ChatStore
from tests.bot.commands.helpers import request, text

GROUP_REFUSAL = Reply.error(
    "Only admins of this group can change its topics, digest and alerts. "
    "Ask an admin, or see what it gets with: settings"
)


@pytest.mark.parametrize(
    "line",
    [
        "subscribe trade-talks",
        "subscribe",
        "unsubscribe trade-talks",
        "digest 08:00",
        "digest off",
        "alerts on",
        "alerts off",
        "alerts",
        "quiet 22:00-07:00",
        "quiet off",
    ],
)
async def test_non_admin_in_group_is_refused(commands: Commands, line: str) -> None:
    assert await commands.handle(request(line, kind=ChatKind.GROUP)) == GROUP_REFUSAL


async def test_non_admin_in_channel_is_refused(commands: Commands) -> None:
    reply = await commands.handle(request("subscribe energy", kind=ChatKind.CHANNEL))
    assert text(reply).startswith("Only admins of this channel")


async def test_refusal_changes_nothing(commands: Commands, sqlite_engine: sa.Engine) -> None:
    await commands.handle(request("subscribe energy", kind=ChatKind.GROUP, admin=True))
    await commands.handle(request("unsubscribe energy", kind=ChatKind.GROUP))
    assert ChatStore(sqlite_engine).subscriptions("console", "c1") == ("energy",)


@pytest.mark.parametrize("line", ["latest energy", "settings", "topics", "help"])
async def test_anyone_may_read(commands: Commands, line: str) -> None:
    reply = await commands.handle(request(line, kind=ChatKind.GROUP))
    assert reply != GROUP_REFUSAL


async def test_private_chat_needs_no_admin(commands: Commands) -> None:
    reply = await commands.handle(request("subscribe energy", admin=False))
    assert not reply.is_error


async def test_anyone_when_configured(sqlite_engine: sa.Engine, settings: Settings) -> None:
    open_settings = dataclasses.replace(
        settings, bot=dataclasses.replace(settings.bot, group_admins_only=False)
    )
    commands = Commands(sqlite_engine, open_settings, FakeClock(datetime(2025, 1, 1, tzinfo=UTC)))
    reply = await commands.handle(request("subscribe energy", kind=ChatKind.GROUP))
    assert text(reply).startswith("Subscribed to Energy")
    reply = await commands.handle(request("help"))
    assert "only admins" not in text(reply)
