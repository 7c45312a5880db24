"""`briefbot demo` end to end, in-process, with every connection held to 127.0.0.1."""

from __future__ import annotations

import io
import ipaddress
import os
import socket
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from bot.config import load_settings
from bot.demo.walkthrough import run_demo
from bot.digests.compose import digest_title
from bot.store.briefings import BriefingStore
from bot.store.db import create_engine, sqlite_url


@pytest.fixture
def loopback_only(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Fail any connection to an address other than loopback; record the ones made."""
    made: list[Any] = []
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex

    def check(address: Any) -> None:
        if isinstance(address, tuple) and not ipaddress.ip_address(address[0]).is_loopback:
            raise AssertionError(f"the demo connected to {address}")
        made.append(address)

    def connect(self: socket.socket, address: Any) -> None:
        check(address)
        real_connect(self, address)

    def connect_ex(self: socket.socket, address: Any) -> int:
        check(address)
        return real_connect_ex(self, address)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    return made


async def test_demo_shows_briefing_quote_and_digest(
    tmp_path: Path, loopback_only: list[Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    for var in ("DATABASE_URL", "TELEGRAM_BOT_TOKEN", "SLACK_BOT_TOKEN", "BRIEFBOT_CONFIG"):
        monkeypatch.delenv(var, raising=False)
    out = io.StringIO()
    status = await run_demo(out, tmp_path, load_settings(environ={}))
    text = out.getvalue()
    assert status == 0, text
    assert loopback_only, "the demo fetched nothing over HTTP"

    engine = create_engine(sqlite_url(tmp_path / "briefbot.sqlite3"))
    try:
        stored = BriefingStore(engine).latest("trade-talks")
    finally:
        engine.dispose()
    assert len(stored) == 1
    headline = stored[0].briefing.headline

    latest = text.split("you> latest trade-talks", 1)[1]
    digest = text.split("goes out ==", 1)[1]
    assert headline in latest
    assert "Ryosei Akazawa" in latest
    assert digest_title(["Trade talks"], date(2025, 6, 8)) in digest
    assert headline in digest
    assert "Ryosei Akazawa" in digest
    assert "Daily digest at 08:00 Europe/Berlin" in text
    assert "digest message(s) delivered" in text


def test_demo_command_runs_and_keeps_existing_data(tmp_path: Path) -> None:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DATABASE_URL", "TELEGRAM_BOT_TOKEN", "SLACK_BOT_TOKEN", "BRIEFBOT_CONFIG")
    }
    command = [sys.executable, "-m", "bot", "demo", "--data-dir", str(tmp_path / "demo")]
    first = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)
    assert first.returncode == 0, first.stderr
    assert "== 1. A console chat follows trade-talks" in first.stdout
    again = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)
    assert again.returncode == 2
    assert "remove it or pick another --data-dir" in again.stderr
