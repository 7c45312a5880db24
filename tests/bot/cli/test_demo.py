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
import sqlalchemy as sa

from bot.config import load_settings
from bot.demo.walkthrough import run_demo
from bot.digests.compose import digest_title
from bot.store.db import create_engine, sqlite_url
from bot.store.schema import threads


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


async def test_demo_shows_the_thread_over_days(
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
        with engine.connect() as connection:
            (threads_stored,) = connection.execute(sa.select(sa.func.count(threads.c.id))).one()
    finally:
        engine.dispose()
    assert threads_stored == 1  # five developments of one negotiation; the storm is off topic

    first, second = text.split("you> latest trade-talks")[1:3]
    # The first latest: the round's end from three outlets, the opening round earlier.
    assert first.lstrip().startswith("Fourth round of Norland-Aldoria talks ends without agreement")
    assert "Aldoria Public Radio" in first
    assert "• Mon 2 Mar — Norland and Aldoria open fourth round of trade talks in Kessel" in first
    # The second starts with what is new since, and what changed.
    assert second.lstrip().startswith(
        "New since you last looked (2 developments):\n"
        "Norland and Aldoria push back trade deal deadline to 1 May\n"
        "Changed: deadline 1 April → 1 May\n"
    )
    assert "Aldoria will not rush the Norland deal (new)" in second
    timeline = text.split("you> timeline trade-talks", 1)[1]
    assert "Timeline of Trade talks (trade-talks) — 4 developments" in timeline
    # The digest holds only the development the chat had not seen, with what changed.
    digest = text.split("has not seen ==", 1)[1]
    assert digest_title(["Trade talks"], date(2026, 3, 13)) in digest
    assert "Fifth round of Norland-Aldoria talks opens in Lindau" in digest
    assert "Changed: Norland lead negotiator Ana Pereira → Marek Osei" in digest
    assert "push back trade deal deadline" not in digest
    assert "Daily digest at 08:00 Europe/Berlin" in text
    assert "1 digest message(s) delivered" in text


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
