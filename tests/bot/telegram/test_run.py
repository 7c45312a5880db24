"""`briefbot run` with TELEGRAM_BOT_TOKEN and TELEGRAM_API_BASE_URL, as a real process, against
the stand-in: nothing in the adapter depends on the stand-in beyond the Bot API itself."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from pathlib import Path

from tests.telegram_standin import BotApiStandIn

USER = 3001
DEADLINE = 60.0  # seconds; only reached when something hangs


async def test_briefbot_run_serves_telegram(standin: BotApiStandIn, tmp_path: Path) -> None:
    config = tmp_path / "briefbot.toml"
    # No feeds: the run must not reach beyond this machine.
    config.write_text(
        f'[bot]\ndata_dir = "{tmp_path / "data"}"\n\n[topics.trade-talks]\nfeeds = []\n',
        encoding="utf-8",
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DATABASE_"))}
    env.update(
        BRIEFBOT_CONFIG=str(config),
        TELEGRAM_BOT_TOKEN=standin.token,
        TELEGRAM_API_BASE_URL=standin.base_url,
    )
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "run", env=env, cwd=tmp_path,
        stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    try:
        standin.add_chat(USER)
        await standin.wait_for(lambda: bool(standin.commands), DEADLINE)
        standin.send_text(USER, "/subscribe trade-talks")
        await standin.wait_for(lambda: bool(standin.sent_to(USER)), DEADLINE)
        process.send_signal(signal.SIGTERM)
        _, stderr = await asyncio.wait_for(process.communicate(), DEADLINE)
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
    assert process.returncode == 0, stderr.decode()
    assert standin.sent_to(USER)[0].plain.startswith("Subscribed to Trade talks")
    assert "Traceback" not in stderr.decode()
    assert standin.token not in stderr.decode()


async def test_a_rejected_token_is_one_line_exit_2_and_never_logged(
    standin: BotApiStandIn, tmp_path: Path
) -> None:
    config = tmp_path / "briefbot.toml"
    config.write_text(
        f'[bot]\ndata_dir = "{tmp_path / "data"}"\n[topics.trade-talks]\nfeeds = []\n'
        "[server]\nport = 0\n",
        encoding="utf-8",
    )
    wrong = "999999:WRONG-token-value"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DATABASE_"))}
    env.update(
        BRIEFBOT_CONFIG=str(config),
        TELEGRAM_BOT_TOKEN=wrong,
        TELEGRAM_API_BASE_URL=standin.base_url,
    )
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "run", "--log-level", "DEBUG", env=env, cwd=tmp_path,
        stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    try:
        _, stderr = await asyncio.wait_for(process.communicate(), DEADLINE)
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
    log = stderr.decode()
    assert process.returncode == 2, log
    assert "briefbot: configuration error: TELEGRAM_BOT_TOKEN was rejected by Telegram\n" in log
    assert "WRONG-token-value" not in log
    assert "Traceback" not in log
    assert "Unclosed client session" not in log
