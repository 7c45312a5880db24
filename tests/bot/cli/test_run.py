"""`briefbot run --console` as a real process: it answers commands and stops on SIGTERM."""

from __future__ import annotations

import os
import queue
import signal
import socket
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from pathlib import Path
from typing import IO

import pytest

from bot.cli import main

DEADLINE = 60.0  # seconds; only reached when something hangs

PLATFORM_VARS = (
    "TELEGRAM_BOT_TOKEN",
    "SLACK_BOT_TOKEN",
    "SLACK_APP_TOKEN",
    "SLACK_SIGNING_SECRET",
    "DATABASE_URL",
    "BRIEFBOT_CONFIG",
)


def _config(tmp_path: Path) -> Path:
    # No feeds: the run must not reach beyond this machine.
    path = tmp_path / "briefbot.toml"
    path.write_text(
        f'[bot]\ndata_dir = "{tmp_path / "data"}"\n\n[topics.trade-talks]\nfeeds = []\n'
        "[server]\nport = 0\n",  # any free port for /healthz, /readyz and /metrics
        encoding="utf-8",
    )
    return path


def _env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in PLATFORM_VARS}
    env["BRIEFBOT_CONFIG"] = str(_config(tmp_path))
    return env


def _lines(stream: IO[str]) -> queue.Queue[str]:
    lines: queue.Queue[str] = queue.Queue()

    def pump() -> None:
        for line in stream:
            lines.put(line)
        lines.put("")  # end of output

    threading.Thread(target=pump, daemon=True).start()
    return lines


def _read_until(lines: queue.Queue[str], wanted: str) -> list[str]:
    seen: list[str] = []
    while True:
        line = lines.get(timeout=DEADLINE)
        if not line and not wanted:
            return seen
        if not line:
            pytest.fail(f"output ended before {wanted!r}: {seen}")
        seen.append(line)
        if wanted and wanted in line:
            return seen


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_run_answers_then_stops_cleanly_on_signal(tmp_path: Path, signum: int) -> None:
    with subprocess.Popen(
        [sys.executable, "-m", "bot", "run", "--console"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_env(tmp_path),
        cwd=tmp_path,
    ) as process:
        assert process.stdin is not None
        assert process.stdout is not None
        assert process.stderr is not None
        try:
            lines = _lines(process.stdout)
            process.stdin.write("subscribe trade-talks\n")
            process.stdin.flush()
            _read_until(lines, "Subscribed to Trade talks")
            process.send_signal(signum)
            returncode = process.wait(timeout=DEADLINE)
            stderr = process.stderr.read()
            _read_until(lines, "")  # the output ends with the process
        finally:
            if process.poll() is None:
                process.kill()
    assert returncode == 0, stderr
    assert "briefbot stopped" in stderr
    assert "Traceback" not in stderr


@pytest.fixture
def clean_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for var in PLATFORM_VARS:
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("BRIEFBOT_CONFIG", str(_config(tmp_path)))


@pytest.mark.usefixtures("clean_env")
def test_run_without_a_platform_names_the_settings(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["run"]) == 2
    stderr = capsys.readouterr().err
    assert "TELEGRAM_BOT_TOKEN" in stderr
    assert "--console" in stderr


@pytest.mark.usefixtures("clean_env")
def test_run_with_incomplete_slack_settings(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-test")
    assert main(["run"]) == 2
    assert "SLACK_APP_TOKEN" in capsys.readouterr().err


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_unreachable_telegram_is_one_line_per_try_and_the_token_never_shows(
    tmp_path: Path,
) -> None:
    token = "123456:SECRET-TOKEN-VALUE"
    env = _env(tmp_path)
    env["TELEGRAM_BOT_TOKEN"] = token
    env["TELEGRAM_API_BASE_URL"] = f"http://127.0.0.1:{_closed_port()}"
    with subprocess.Popen(
        [sys.executable, "-m", "bot", "run", "--log-level", "DEBUG"],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=tmp_path,
    ) as process:
        assert process.stderr is not None
        assert process.stdout is not None
        try:
            lines = _lines(process.stderr)
            seen = _read_until(lines, "health and metrics on http://")
            health = seen[-1].rsplit(" on ", 1)[1].strip()
            seen += _read_until(lines, "Telegram unreachable at")
            with urllib.request.urlopen(f"{health}healthz") as alive:
                assert alive.status == 200
            with pytest.raises(urllib.error.HTTPError) as not_ready:
                urllib.request.urlopen(f"{health}readyz")
            assert not_ready.value.code == 503
            with not_ready.value as answer:
                assert '"telegram": "not connected"' in answer.read().decode()
            process.send_signal(signal.SIGTERM)
            returncode = process.wait(timeout=DEADLINE)
            seen += _read_until(lines, "")
        finally:
            if process.poll() is None:
                process.kill()
    log = "".join(seen)
    assert returncode == 0, log
    assert "retrying in 1 s (try 1)" in log
    assert "Traceback" not in log
    assert "SECRET-TOKEN-VALUE" not in log
    assert "bot***" in log  # the library's own DEBUG line, with the token scrubbed
    assert "briefbot stopped" in log


def test_end_of_console_input_stops_without_a_traceback(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bot", "run", "--console"],
        input="topics\n",
        capture_output=True,
        text=True,
        env=_env(tmp_path),
        cwd=tmp_path,
        timeout=DEADLINE,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "trade-talks" in result.stdout
    assert "Traceback" not in result.stderr
    assert "CancelledError" not in result.stderr
    assert result.stderr.rstrip().endswith("briefbot stopped")
