"""The composition root: what gets built from which settings, and a clean start and stop."""

from __future__ import annotations

import asyncio
import dataclasses
import io
import os
from pathlib import Path

import aiohttp
import pytest

from bot.app import answers_anywhere, build_app, check_runnable
from bot.config import ConfigError, Secrets, ServerSettings, Settings, load_settings
from bot.health import HealthServer


def _settings(tmp_path: Path, **secrets: str) -> Settings:
    settings = load_settings(environ={})
    return dataclasses.replace(
        settings,
        bot=dataclasses.replace(settings.bot, data_dir=str(tmp_path / "data")),
        topics=tuple(dataclasses.replace(t, feeds=()) for t in settings.topics),
        secrets=Secrets(**secrets),  # type: ignore[arg-type]
        server=ServerSettings(port=0),  # any free port for the health endpoints
    )


def test_nothing_to_run_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="TELEGRAM_BOT_TOKEN or SLACK_BOT_TOKEN"):
        check_runnable(_settings(tmp_path), console=False)
    with pytest.raises(ConfigError, match="SLACK_APP_TOKEN"):  # socket mode by default
        check_runnable(_settings(tmp_path, slack_bot_token="xoxb-1"), console=True)
    check_runnable(_settings(tmp_path), console=True)


async def test_console_app_runs_until_end_of_input(tmp_path: Path) -> None:
    out = io.StringIO()
    app = build_app(_settings(tmp_path), console=True, stdin=io.StringIO("topics\n"), stdout=out)
    assert [a.platform for a in app.adapters] == ["console"]
    assert (tmp_path / "data" / "briefbot.sqlite3").exists()
    await asyncio.wait_for(app.run(asyncio.Event()), timeout=30)
    assert "trade-talks — Trade talks" in out.getvalue()


async def test_app_stops_when_told(tmp_path: Path) -> None:
    # A console nobody types into: the read end of a pipe that stays open while the app runs.
    read_fd, write_fd = os.pipe()
    with os.fdopen(read_fd, "r") as stdin, os.fdopen(write_fd, "w") as keep_open:
        app = build_app(_settings(tmp_path), console=True, stdin=stdin, stdout=io.StringIO())
        stop = asyncio.Event()
        running = asyncio.create_task(app.run(stop))
        await asyncio.sleep(0)
        stop.set()
        await asyncio.wait_for(running, timeout=30)
        assert running.done()
        keep_open.close()  # lets the reader thread see the end of input and finish


def test_telegram_adapter_when_token_is_set(tmp_path: Path) -> None:
    settings = _settings(
        tmp_path, telegram_bot_token="123:abc", telegram_api_base_url="http://127.0.0.1:9"
    )
    app = build_app(settings)
    assert [a.platform for a in app.adapters] == ["telegram"]
    app.wiring.engine.dispose()


async def test_readyz_while_running_and_the_monitor_stopped_last(tmp_path: Path) -> None:
    read_fd, write_fd = os.pipe()
    with os.fdopen(read_fd, "r") as stdin, os.fdopen(write_fd, "w") as keep_open:
        app = build_app(_settings(tmp_path), console=True, stdin=stdin, stdout=io.StringIO())
        assert app.platform_states() == {"console": False}
        await app.start()
        monitor = app.monitor
        assert isinstance(monitor, HealthServer)
        url = f"http://127.0.0.1:{monitor.port}/readyz"
        async with aiohttp.ClientSession() as session, session.get(url) as response:
            assert (response.status, await response.json()) == (
                200,
                {"ready": True, "database": "ok", "platforms": {"console": "connected"}},
            )
        assert app.platform_states() == {"console": True}
        await app.stop()
        assert app.platform_states() == {"console": False}
        keep_open.close()


class _Adapter:
    def __init__(self, polls: bool) -> None:
        self.polls = polls

    async def start(self) -> None: ...

    async def stop(self) -> None: ...


def test_replicas_share_the_limits_only_where_each_answers_commands() -> None:
    # Telegram polling: the leader alone answers and sends, at the full limits.
    assert not answers_anywhere([_Adapter(polls=True)])  # type: ignore[list-item]
    # Telegram webhook mode or Slack: any replica answers what reaches it.
    assert answers_anywhere([_Adapter(polls=True), _Adapter(polls=False)])  # type: ignore[list-item]
