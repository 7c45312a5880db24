"""A command handler over a fresh SQLite database, two topics and a fixed clock."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from bot.clock import FakeClock
from bot.commands.dispatch import Commands
from bot.config import BotSettings, Settings
from bot.store.db import open_database, sqlite_url
from tests.bot.commands.helpers import T0, TOPICS


@pytest.fixture
def sqlite_engine(tmp_path: Path) -> Iterator[sa.Engine]:
    engine = open_database(sqlite_url(tmp_path / "commands.sqlite3"))
    yield engine
    engine.dispose()


@pytest.fixture
def settings() -> Settings:
    return Settings(bot=BotSettings(default_timezone="UTC"), topics=TOPICS)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(T0)


@pytest.fixture
def commands(sqlite_engine: sa.Engine, settings: Settings, clock: FakeClock) -> Commands:
    return Commands(sqlite_engine, settings, clock)
