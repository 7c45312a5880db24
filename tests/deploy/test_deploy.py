"""deploy/: the systemd unit passes ``systemd-analyze verify``; the container recipe copies
files that exist and checks the health endpoint the settings serve; the example settings
load; the LICENSE matches pyproject."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from bot.config import load_settings

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
UNIT = DEPLOY / "briefbot.service"


def _briefbot_script() -> str:
    found = shutil.which("briefbot", path=str(Path(sys.executable).parent))
    if found is None:
        pytest.skip("the briefbot script is not installed next to this Python")
    return found


@pytest.mark.skipif(
    shutil.which("systemd-analyze") is None, reason="systemd-analyze is not installed here"
)
def test_the_systemd_unit_verifies(tmp_path: Path) -> None:
    # verify checks that ExecStart's program exists: point it at this install's script.
    unit = tmp_path / "briefbot.service"
    text = UNIT.read_text(encoding="utf-8")
    unit.write_text(text.replace("/opt/briefbot/bin/briefbot", _briefbot_script()))
    result = subprocess.run(
        ["systemd-analyze", "verify", str(unit)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    ours = [line for line in result.stderr.splitlines() if "briefbot.service" in line]
    assert (result.returncode, ours) == (0, []), result.stderr


def test_the_unit_runs_the_bot_with_the_shipped_settings() -> None:
    text = UNIT.read_text(encoding="utf-8")
    assert "ExecStart=/opt/briefbot/bin/briefbot --config /etc/briefbot/briefbot.toml run" in text
    assert "EnvironmentFile=/etc/briefbot/briefbot.env" in text
    assert "RestartPreventExitStatus=2" in text  # a configuration error is not retried
    assert "StateDirectory=briefbot" in text


@pytest.mark.parametrize("name", ["briefbot.toml", "briefbot-container.toml"])
def test_the_shipped_settings_load(name: str) -> None:
    settings = load_settings(DEPLOY / name, environ={})
    assert settings.bot.data_dir == "/var/lib/briefbot"
    assert settings.server.port == 8080


def test_the_dockerfile_copies_files_that_exist_and_checks_health() -> None:
    text = (DEPLOY / "Dockerfile").read_text(encoding="utf-8")
    copied = [
        source
        for line in text.splitlines()
        if line.startswith("COPY ") and "--from=" not in line
        for source in line.split()[1:-1]
    ]
    assert copied
    for source in copied:
        assert (ROOT / source).exists(), source
    port = load_settings(DEPLOY / "briefbot-container.toml", environ={}).server.port
    assert f"http://127.0.0.1:{port}/healthz" in text
    assert 'ENTRYPOINT ["briefbot"]' in text
    assert 'CMD ["run"]' in text


def test_the_compose_file_runs_the_bot_on_postgresql() -> None:
    text = (DEPLOY / "compose.yaml").read_text(encoding="utf-8")
    assert re.search(r"^  db:\n    image: postgres:\d+", text, re.MULTILINE)
    assert "DATABASE_URL: postgresql://briefbot:${POSTGRES_PASSWORD}@db:5432/briefbot" in text
    assert "condition: service_healthy" in text
    assert "dockerfile: deploy/Dockerfile" in text
    assert '"127.0.0.1:8080:8080"' in text
    assert (DEPLOY / "briefbot.env.example").is_file()


def test_the_license_is_mit_as_pyproject_says() -> None:
    license_text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"] == "MIT"
    assert license_text.startswith("MIT License\n\nCopyright (c) 2026 The briefbot authors\n")
