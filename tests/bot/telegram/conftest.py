"""Fixtures: the Bot API stand-in, a migrated SQLite database, a bot driven by real PTB."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa

from bot.clock import FakeClock
from bot.commands.dispatch import Commands
from bot.config import Settings, TelegramSettings, load_settings
from bot.store.briefings import BriefingStore
from bot.store.chats import ChatStore
from bot.store.db import create_engine, migrate, sqlite_url
from bot.telegram.adapter import TelegramAdapter
from tests.bot.telegram.samples import asahi_briefing
from tests.telegram_standin import BotApiStandIn

NOW = datetime(2025, 6, 7, 12, 0, tzinfo=UTC)


@pytest.fixture
async def standin() -> AsyncIterator[BotApiStandIn]:
    server = BotApiStandIn()
    await server.start()
    yield server
    await server.close()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(NOW)


@pytest.fixture
def settings() -> Settings:
    return load_settings(environ={})


@pytest.fixture
def sqlite_engine(tmp_path: Path) -> Iterator[sa.Engine]:
    engine = create_engine(sqlite_url(tmp_path / "briefbot.sqlite3"))
    migrate(engine)
    BriefingStore(engine).save("asahi-fifth-round", asahi_briefing(), NOW)
    yield engine
    engine.dispose()


BotFactory = Callable[..., Awaitable[TelegramAdapter]]


@pytest.fixture
async def start_bot(
    standin: BotApiStandIn, sqlite_engine: sa.Engine, settings: Settings, clock: FakeClock
) -> AsyncIterator[BotFactory]:
    """Starts a bot with the real command handler against the stand-in; stopped at the end.

    Keyword arguments: ``chats`` (default a ChatStore), ``telegram`` (TelegramSettings),
    ``webhook_secret``.
    """
    started: list[TelegramAdapter] = []

    async def start(
        chats: ChatStore | None = None,
        telegram: TelegramSettings | None = None,
        webhook_secret: str = "",
    ) -> TelegramAdapter:
        adapter = TelegramAdapter(
            standin.token,
            Commands(sqlite_engine, settings, clock),
            telegram or TelegramSettings(poll_timeout_seconds=10),
            api_base_url=standin.base_url,
            webhook_secret=webhook_secret,
            chats=chats or ChatStore(sqlite_engine),
            clock=clock,
        )
        await adapter.start()
        started.append(adapter)
        return adapter

    yield start
    for adapter in started:
        await adapter.stop()


@pytest.fixture
async def bot(start_bot: BotFactory) -> TelegramAdapter:
    """A polling bot with the real command handler, started against the stand-in."""
    return await start_bot()
