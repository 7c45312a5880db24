"""The Slack deployment settings: modes, what each needs, PORT."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.config import ConfigError, load_settings
from bot.slack.config import SlackConfig, slack_config, slack_configured

MANIFEST = Path(__file__).resolve().parents[3] / "bot" / "slack" / "manifest.yml"


def config_for(
    environ: dict[str, str], mode: str = "", tmp_path: Path | None = None
) -> SlackConfig:
    path = None
    if mode and tmp_path is not None:
        path = tmp_path / "my.toml"
        path.write_text(f'[slack]\nmode = "{mode}"\n')
    return slack_config(load_settings(path, environ=environ))


def test_socket_mode_is_the_default() -> None:
    config = config_for({"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_APP_TOKEN": "xapp-1"})
    assert (config.mode, config.multi_workspace, config.port) == ("socket", False, 3000)
    assert config.path == "/slack/events"


def test_http_mode_port_from_the_environment(tmp_path: Path) -> None:
    environ = {"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s", "PORT": "8080"}
    config = config_for(environ, "http", tmp_path)
    assert (config.mode, config.port) == ("http", 8080)


def test_multi_workspace_install(tmp_path: Path) -> None:
    environ = {"SLACK_CLIENT_ID": "1.2", "SLACK_CLIENT_SECRET": "c", "SLACK_SIGNING_SECRET": "s"}
    config = config_for(environ, "http", tmp_path)
    assert config.multi_workspace
    assert "chat:write" in config.scopes
    assert slack_configured(load_settings(environ=environ))


@pytest.mark.parametrize(
    ("environ", "mode", "message"),
    [
        ({"SLACK_BOT_TOKEN": "xoxb-1"}, "", "SLACK_APP_TOKEN"),
        ({"SLACK_BOT_TOKEN": "xoxb-1"}, "http", "SLACK_SIGNING_SECRET"),
        ({"SLACK_SIGNING_SECRET": "s", "SLACK_CLIENT_ID": "1"}, "http", "go together"),
        ({"SLACK_CLIENT_ID": "1", "SLACK_CLIENT_SECRET": "2"}, "", 'needs slack.mode = "http"'),
    ],
)
def test_what_is_missing_is_named(
    environ: dict[str, str], mode: str, message: str, tmp_path: Path
) -> None:
    with pytest.raises(ConfigError, match=re.escape(message)):
        config_for(environ, mode, tmp_path)


def test_bad_mode_and_port_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"slack\.mode"):
        config_for({}, "carrier-pigeon", tmp_path)
    with pytest.raises(ConfigError, match="PORT"):
        load_settings(environ={"PORT": "http"})


def test_manifest_asks_for_the_configured_scopes_and_events() -> None:
    text = MANIFEST.read_text(encoding="utf-8")
    scopes = text.split("bot:\n", 1)[1].split("settings:", 1)[0]
    listed = re.findall(r"^\s+- ([a-z_.:]+)$", scopes, re.MULTILINE)
    assert tuple(listed) == load_settings(environ={}).slack.scopes
    for needed in ("command: /briefing", "app_home_opened", "app_mention", "message.im"):
        assert needed in text
    assert "socket_mode_enabled: true" in text
    assert "interactivity:\n    is_enabled: true" in text
