"""Loading settings: defaults, a user file over them, the environment, and errors that name
the bad setting."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from bot.config import SECTIONS, ConfigError, SlackSettings, load_settings
from bot.settings_schema import SCHEMAS
from bot.slack.config import slack_config


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


def test_a_digest_shows_eight_threads_unless_configured(tmp_path: Path) -> None:
    assert load_settings(environ={}).bot.digest_max_threads == 8
    path = _write(tmp_path, "[bot]\ndigest_max_threads = 5\n")
    assert load_settings(path, environ={}).bot.digest_max_threads == 5


def test_config_file_from_the_environment(tmp_path: Path) -> None:
    path = _write(tmp_path, '[bot]\nempty_digest = "notice"\n')
    assert load_settings(environ={"BRIEFBOT_CONFIG": str(path)}).bot.empty_digest == "notice"
    assert load_settings(environ={}).bot.alerts_per_day == 3
    path = _write(tmp_path, "[bot]\nalerts_per_day = 5\n")
    assert load_settings(path, environ={}).bot.alerts_per_day == 5


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


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            '[bot]\ndefault_timezone = "Mars/Olympus"\n',
            "bot.default_timezone must be an IANA time zone",
        ),
        ('[bot]\ndefault_digest_time = "25:99"\n', "bot.default_digest_time must be a time"),
        ("[fetch]\ntimeout_seconds = -1\n", "fetch.timeout_seconds must be greater than 0"),
        ("[fetch]\nmax_bytes = 0\n", "fetch.max_bytes must be greater than or equal to 1"),
        ("[fetch]\nmax_bytes = true\n", "fetch.max_bytes must be a valid integer"),
        ("[delivery]\nlimit_fraction = 1.5\n", "delivery.limit_fraction"),
        ("[bot]\ndigest_slot_minutes = 0\n", "bot.digest_slot_minutes"),
        ("[bot]\ndigest_max_threads = 0\n", "bot.digest_max_threads"),
        ("[bot]\nalerts_per_day = -1\n", "bot.alerts_per_day must be greater than or equal to 0"),
        ("[server]\nport = 70000\n", "server.port"),
        ('[logging]\nlevel = "LOUD"\n', "logging.level must be one of"),
        ('[logging]\nformat = "xml"\n', "logging.format"),
        ('[slack]\nbot_token = "xoxb-1"\n', "unknown setting slack.bot_token"),
    ],
)
def test_values_out_of_range_are_refused_with_their_key(
    tmp_path: Path, text: str, message: str
) -> None:
    with pytest.raises(ConfigError, match=re.escape(message)):
        load_settings(_write(tmp_path, text), environ={})


def test_server_and_logging_sections(tmp_path: Path) -> None:
    path = _write(tmp_path, '[server]\nport = 9100\n[logging]\nlevel = "debug"\nformat = "json"\n')
    settings = load_settings(path, environ={})
    assert (settings.server.listen, settings.server.port) == ("127.0.0.1", 9100)
    assert (settings.logging.level, settings.logging.format) == ("DEBUG", "json")


def test_data_dir_is_resolved_against_the_config_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "etc"
    folder.mkdir()
    path = folder / "briefbot.toml"
    path.write_text('[bot]\ndata_dir = "state"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    settings = load_settings(path, environ={})
    assert settings.bot.data_dir == str(folder / "state")
    assert settings.database_url == f"sqlite:///{folder / 'state' / 'briefbot.sqlite3'}"


def test_data_dir_without_a_config_file_is_resolved_once_at_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert load_settings(environ={}).bot.data_dir == str(tmp_path / "data")


def test_no_settings_object_shows_a_secret() -> None:
    environ = {
        "TELEGRAM_BOT_TOKEN": "123456:TOKEN-T",
        "TELEGRAM_WEBHOOK_SECRET": "HOOK-SECRET",
        "SLACK_BOT_TOKEN": "xoxb-TOKEN-S",
        "SLACK_APP_TOKEN": "xapp-TOKEN-A",
        "SLACK_SIGNING_SECRET": "SIGNING-SECRET",
        "DATABASE_URL": "postgresql://bot:DB-PASSWORD@db/briefbot",
    }
    settings = load_settings(environ=environ)
    shown = repr(settings) + repr(slack_config(settings)) + str(settings.secrets)
    for secret in ("TOKEN-T", "HOOK-SECRET", "TOKEN-S", "TOKEN-A", "SIGNING-SECRET", "DB-PASS"):
        assert secret not in shown
    assert "telegram_bot_token=***" in shown
    assert set(settings.secrets.sensitive_values()) == {
        "123456:TOKEN-T",
        "HOOK-SECRET",
        "xoxb-TOKEN-S",
        "xapp-TOKEN-A",
        "SIGNING-SECRET",
        "DB-PASSWORD",
    }


def test_every_setting_has_a_checked_type_and_no_more() -> None:
    assert set(SCHEMAS) == set(SECTIONS)
    for name, cls in SECTIONS.items():
        fields = {f.name for f in dataclasses.fields(cls)}
        if cls is SlackSettings:
            fields -= SlackSettings.FROM_ENVIRONMENT
        assert set(SCHEMAS[name].model_fields) == fields, name
