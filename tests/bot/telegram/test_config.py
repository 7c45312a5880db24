"""The [telegram] config section and TELEGRAM_* variables."""

from __future__ import annotations

import pytest

from bot.config import ConfigError, Settings, TelegramSettings, settings_from_tree


def _settings(telegram: dict[str, object], **env: str) -> Settings:
    return settings_from_tree({"telegram": telegram}, env)


def test_defaults_poll() -> None:
    settings = _settings({}, TELEGRAM_WEBHOOK_SECRET="s3cret")
    assert settings.telegram == TelegramSettings()
    assert settings.telegram.mode == "polling"
    assert settings.secrets.telegram_webhook_secret == "s3cret"


def test_webhook_settings() -> None:
    telegram = _settings(
        {"mode": "webhook", "public_url": "https://bot.example", "port": 8080, "listen": "0.0.0.0"}
    ).telegram
    assert (telegram.mode, telegram.public_url, telegram.port) == (
        "webhook",
        "https://bot.example",
        8080,
    )


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"mode": "push"}, "telegram.mode"),
        ({"mode": "webhook"}, "telegram.public_url is required"),
        ({"public_url": "ftp://x"}, "telegram.public_url must be an http"),
        ({"path": "hook"}, "telegram.path"),
        ({"port": 0}, "telegram.port"),
        ({"secret": "x"}, "unknown setting telegram.secret"),
    ],
)
def test_bad_settings_are_named(table: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        _settings(table)
