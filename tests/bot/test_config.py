"""Loading settings: defaults, a user file over them, the environment, and errors that name
the bad setting."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import ConfigError, load_settings


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "briefbot.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_shipped_defaults_load_with_the_trade_talks_topic() -> None:
    settings = load_settings(environ={})
    topic = settings.topic("trade-talks")
    assert topic is not None
    assert "tariff" in topic.include
    assert settings.database_url.startswith("sqlite:///")


def test_user_file_changes_only_the_keys_it_sets(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        '[fetch]\ntimeout_seconds = 5\n[topics.rice]\ntitle = "Rice"\ninclude = ["rice"]\n',
    )
    settings = load_settings(path, environ={})
    assert settings.fetch.timeout_seconds == 5.0
    assert settings.fetch.max_bytes == load_settings(environ={}).fetch.max_bytes
    assert [t.name for t in settings.topics] == ["trade-talks", "rice"]


def test_config_file_from_the_environment(tmp_path: Path) -> None:
    path = _write(tmp_path, '[bot]\nempty_digest = "notice"\n')
    assert load_settings(environ={"BRIEFBOT_CONFIG": str(path)}).bot.empty_digest == "notice"


def test_secrets_come_from_the_environment() -> None:
    settings = load_settings(
        environ={
            "DATABASE_URL": "postgresql://bot@db/briefbot",
            "BRIEFBOT_ALLOW_PRIVATE_NETWORKS": "1",
        }
    )
    assert settings.database_url == "postgresql://bot@db/briefbot"
    assert settings.fetch.allow_private_networks is True


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("[fetch]\ntimeout_secs = 5\n", "fetch.timeout_secs"),
        ('[fetch]\ntimeout_seconds = "soon"\n', "fetch.timeout_seconds"),
        ("[bott]\n", "[bott]"),
        ('[topics.Trade_Talks]\ninclude = ["x"]\n', "topics.Trade_Talks"),
        ("[topics.empty]\ninclude = []\n", "topics.empty.include"),
        ("[topics.x]\ninclude = [1]\n", "topics.x.include"),
        ('[bot]\nempty_digest = "maybe"\n', "bot.empty_digest"),
        ("[fetch\n", "not valid TOML"),
    ],
)
def test_bad_settings_are_named(tmp_path: Path, text: str, named: str) -> None:
    with pytest.raises(ConfigError, match=named.replace("[", r"\[").replace(".", r"\.")):
        load_settings(_write(tmp_path, text), environ={})


@pytest.mark.parametrize(
    ("environ", "named"),
    [
        ({"DATABASE_URL": "mysql://x"}, "DATABASE_URL"),
        ({"BRIEFBOT_ALLOW_PRIVATE_NETWORKS": "yes"}, "BRIEFBOT_ALLOW_PRIVATE_NETWORKS"),
        ({"TELEGRAM_API_BASE_URL": "ftp://x"}, "TELEGRAM_API_BASE_URL"),
    ],
)
def test_bad_environment_is_named(environ: dict[str, str], named: str) -> None:
    with pytest.raises(ConfigError, match=named):
        load_settings(environ=environ)


def test_missing_config_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not found"):
        load_settings(tmp_path / "nope.toml", environ={})
