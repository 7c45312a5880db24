"""At the console, what ``latest`` shows counts as sent once the whole reply is written."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.clock import FakeClock
from bot.commands.dispatch import Commands
from bot.config import Settings
from bot.console.adapter import ConsoleAdapter
from bot.store.db import open_database, sqlite_url
from briefings.stories.topics import Topic
from tests.bot.shown import NOTHING_NEW, save_thread, sent_in

NOW = datetime(2025, 6, 7, 12, 0, tzinfo=UTC)


async def test_latest_is_recorded_once_written_and_not_when_writing_fails(
    tmp_path: Path,
) -> None:
    engine = open_database(sqlite_url(tmp_path / "console.sqlite3"))
    thread = save_thread(engine, NOW)
    settings = Settings(topics=(Topic("trade-talks", "Trade talks", include=("tariff",)),))
    commands = Commands(engine, settings, FakeClock(NOW))
    gone = io.StringIO()
    gone.close()
    with pytest.raises(ValueError, match="closed file"):
        await ConsoleAdapter(commands, io.StringIO(""), gone).handle_line("latest trade-talks")
    assert sent_in(engine, "console", "console", thread) == frozenset()

    out = io.StringIO()
    adapter = ConsoleAdapter(commands, io.StringIO(""), out)
    await adapter.handle_line("latest trade-talks")
    assert out.getvalue().startswith("Round 1 of the tariff talks ends")
    assert len(sent_in(engine, "console", "console", thread)) == 3
    await adapter.handle_line("latest trade-talks")
    assert NOTHING_NEW in out.getvalue()
    engine.dispose()
