"""Configuration: shipped TOML defaults, a user file layered over them, secrets from the env.

Validated once at start against the typed schema in :mod:`bot.settings_schema`;
:class:`ConfigError` names the bad key or variable. No settings object shows a secret in its
repr: tokens, signing secrets and the database password print as ``***``.
"""

from __future__ import annotations

import dataclasses
import os
import re
import sys
import tomllib
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.settings_schema import SchemaError, check_section
from briefings.errors import ConfigError
from briefings.sources.policy import FetchPolicy
from briefings.stories.topics import TOPIC_NAME, Topic

# In a checkout (and an editable install) the defaults sit in the repository's config/; a wheel
# installs the same file under <prefix>/share/briefbot/config/.
DEFAULTS_CANDIDATES = (
    Path(__file__).resolve().parents[1] / "config" / "defaults.toml",
    Path(sys.prefix) / "share" / "briefbot" / "config" / "defaults.toml",
)
DEFAULTS_FILE = next((p for p in DEFAULTS_CANDIDATES if p.is_file()), DEFAULTS_CANDIDATES[0])
CONFIG_ENV = "BRIEFBOT_CONFIG"


@dataclass(frozen=True, slots=True)
class BotSettings:
    data_dir: str = "data"
    group_admins_only: bool = True
    empty_digest: str = "skip"
    digest_grace_minutes: int = 180
    digest_slot_minutes: int = 1
    digest_max_threads: int = 8
    default_digest_time: str = "08:00"
    default_timezone: str = "UTC"
    leader_lease_seconds: float = 20.0
    alerts_per_day: int = 3


@dataclass(frozen=True, slots=True)
class DeliverySettings:
    telegram_per_second: float = 30.0
    telegram_per_chat_per_second: float = 1.0
    telegram_per_group_per_minute: float = 20.0
    slack_per_channel_per_second: float = 1.0
    max_attempts: int = 8
    retry_base_seconds: float = 2.0
    retry_max_seconds: float = 600.0
    limit_fraction: float = 0.97
    concurrency: int = 32
    batch_size: int = 200
    lease_seconds: float = 120.0
    poll_seconds: float = 1.0
    send_timeout_seconds: float = 60.0


@dataclass(frozen=True, slots=True)
class TelegramSettings:
    mode: str = "polling"
    listen: str = "127.0.0.1"
    port: int = 8443
    path: str = "/telegram/webhook"
    public_url: str = ""
    poll_timeout_seconds: int = 30
    admin_cache_seconds: float = 60.0


@dataclass(frozen=True, slots=True)
class SlackSettings:
    """The ``[slack]`` section; :func:`bot.slack.config.slack_config` fills in the credentials
    from :class:`Secrets` (they are never read from a config file)."""

    mode: str = "socket"
    host: str = "0.0.0.0"
    port: int = 3000
    path: str = "/slack/events"
    install_path: str = "/slack/install"
    redirect_path: str = "/slack/oauth_redirect"
    redirect_uri: str = ""
    scopes: tuple[str, ...] = (
        "commands",
        "chat:write",
        "chat:write.public",
        "app_mentions:read",
        "im:history",
        "im:read",
        "im:write",
        "users:read",
        "channels:read",
        "groups:read",
    )
    bot_token: str = field(default="", repr=False)
    app_token: str = field(default="", repr=False)
    signing_secret: str = field(default="", repr=False)
    client_id: str = ""
    client_secret: str = field(default="", repr=False)
    base_url: str = ""

    @property
    def multi_workspace(self) -> bool:
        return bool(self.client_id and self.client_secret)

    # The credentials come from the environment; a config file may not set them.
    FROM_ENVIRONMENT: typing.ClassVar[frozenset[str]] = frozenset(
        ("bot_token", "app_token", "signing_secret", "client_id", "client_secret", "base_url")
    )


@dataclass(frozen=True, slots=True)
class ServerSettings:
    """The ``[server]`` section: where /healthz, /readyz and /metrics are served."""

    listen: str = "127.0.0.1"
    port: int = 8080


@dataclass(frozen=True, slots=True)
class LoggingSettings:
    """The ``[logging]`` section; ``--log-level`` and ``--log-format`` override it."""

    level: str = "WARNING"
    format: str = "text"


@dataclass(frozen=True, slots=True, repr=False)
class Secrets:
    """Deployment settings from the environment; empty means "not configured"."""

    database_url: str = ""
    telegram_bot_token: str = ""
    telegram_api_base_url: str = ""
    telegram_webhook_secret: str = ""
    slack_bot_token: str = ""
    slack_app_token: str = ""
    slack_signing_secret: str = ""
    slack_api_base_url: str = ""
    slack_client_id: str = ""
    slack_client_secret: str = ""
    port: str = ""
    allow_private_networks: bool = False

    ENV: typing.ClassVar[Mapping[str, str]] = {
        "database_url": "DATABASE_URL",
        "telegram_bot_token": "TELEGRAM_BOT_TOKEN",
        "telegram_api_base_url": "TELEGRAM_API_BASE_URL",
        "telegram_webhook_secret": "TELEGRAM_WEBHOOK_SECRET",
        "slack_bot_token": "SLACK_BOT_TOKEN",
        "slack_app_token": "SLACK_APP_TOKEN",
        "slack_signing_secret": "SLACK_SIGNING_SECRET",
        "slack_api_base_url": "SLACK_API_BASE_URL",
        "slack_client_id": "SLACK_CLIENT_ID",
        "slack_client_secret": "SLACK_CLIENT_SECRET",
        "port": "PORT",
        "allow_private_networks": "BRIEFBOT_ALLOW_PRIVATE_NETWORKS",
    }
    # Shown by name only, never by value.
    HIDDEN: typing.ClassVar[frozenset[str]] = frozenset(
        (
            "telegram_bot_token",
            "telegram_webhook_secret",
            "slack_bot_token",
            "slack_app_token",
            "slack_signing_secret",
            "slack_client_secret",
        )
    )

    def __repr__(self) -> str:
        shown = []
        for attr in self.ENV:
            value = getattr(self, attr)
            if value:
                text = "***" if attr in self.HIDDEN else repr(value)
                if attr == "database_url":
                    text = repr(hide_password(value))
                shown.append(f"{attr}={text}")
        return f"Secrets({', '.join(shown)})"

    def sensitive_values(self) -> tuple[str, ...]:
        """Every secret value set, for scrubbing from logs (the database password too)."""
        values = [getattr(self, attr) for attr in sorted(self.HIDDEN)]
        values.append(database_password(self.database_url))
        return tuple(value for value in values if value)


def database_password(url: str) -> str:
    """The password in a database URL, or ""."""
    match = DATABASE_PASSWORD.search(url)
    return match.group(1) if match else ""


def hide_password(url: str) -> str:
    password = database_password(url)
    return url.replace(f":{password}@", ":***@", 1) if password else url


DATABASE_PASSWORD = re.compile(r"^[a-z0-9+]+://[^:/@]*:([^@]*)@")


@dataclass(frozen=True, slots=True)
class Settings:
    bot: BotSettings = field(default_factory=BotSettings)
    fetch: FetchPolicy = field(default_factory=FetchPolicy)
    delivery: DeliverySettings = field(default_factory=DeliverySettings)
    slack: SlackSettings = field(default_factory=SlackSettings)
    telegram: TelegramSettings = field(default_factory=TelegramSettings)
    topics: tuple[Topic, ...] = ()
    secrets: Secrets = field(default_factory=Secrets)
    server: ServerSettings = field(default_factory=ServerSettings)
    logging: LoggingSettings = field(default_factory=LoggingSettings)

    def topic(self, name: str) -> Topic | None:
        return next((t for t in self.topics if t.name == name), None)

    @property
    def database_url(self) -> str:
        if self.secrets.database_url:
            return self.secrets.database_url
        return f"sqlite:///{Path(self.bot.data_dir).resolve() / 'briefbot.sqlite3'}"


SECTIONS: Mapping[str, type] = {
    "bot": BotSettings,
    "fetch": FetchPolicy,
    "delivery": DeliverySettings,
    "slack": SlackSettings,
    "telegram": TelegramSettings,
    "server": ServerSettings,
    "logging": LoggingSettings,
}


def load_settings(
    path: str | Path | None = None, environ: Mapping[str, str] | None = None
) -> Settings:
    """Defaults, then the user file (``path`` or ``$BRIEFBOT_CONFIG``), then the environment.

    A relative ``bot.data_dir`` is resolved against the user file's folder (against the
    working directory when there is no user file)."""
    env = os.environ if environ is None else environ
    tree = _read_toml(DEFAULTS_FILE)
    user_path = path or env.get(CONFIG_ENV)
    base = Path.cwd()
    if user_path:
        tree = _merge(tree, _read_toml(Path(user_path)))
        base = Path(user_path).resolve().parent
    return settings_from_tree(tree, env, base)


def settings_from_tree(
    tree: Mapping[str, Any], environ: Mapping[str, str], base: Path | None = None
) -> Settings:
    """Check ``tree`` and the environment and build the settings; ``base`` is the folder a
    relative ``bot.data_dir`` is resolved against (default: the working directory)."""
    unknown = set(tree) - set(SECTIONS) - {"topics"}
    if unknown:
        raise ConfigError(f"unknown config section [{sorted(unknown)[0]}]")
    sections = {name: _section(name, cls, tree.get(name, {})) for name, cls in SECTIONS.items()}
    secrets = _secrets(environ)
    fetch: FetchPolicy = sections["fetch"]
    if secrets.allow_private_networks:
        fetch = dataclasses.replace(fetch, allow_private_networks=True)
    bot: BotSettings = sections["bot"]
    data_dir = (base or Path.cwd()) / Path(bot.data_dir).expanduser()
    settings = Settings(
        bot=dataclasses.replace(bot, data_dir=str(data_dir.resolve())),
        fetch=fetch,
        delivery=sections["delivery"],
        slack=sections["slack"],
        telegram=sections["telegram"],
        topics=_topics(tree.get("topics", {})),
        secrets=secrets,
        server=sections["server"],
        logging=sections["logging"],
    )
    _check(settings)
    return settings


def _section(name: str, cls: type, table: Any) -> Any:
    if not isinstance(table, Mapping):
        raise ConfigError(f"[{name}] must be a table")
    try:
        return cls(**check_section(name, table))
    except SchemaError as exc:
        raise ConfigError(str(exc)) from None


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise ConfigError(f"config file not found: {path}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"config file {path} is not valid TOML: {exc}") from None


def _merge(base: Mapping[str, Any], over: Mapping[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in over.items():
        if isinstance(value, Mapping) and isinstance(merged.get(key), Mapping):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def _build(cls: type, table: Any, where: str) -> Any:
    if not isinstance(table, Mapping):
        raise ConfigError(f"[{where}] must be a table")
    hints = typing.get_type_hints(cls)
    names = {f.name for f in dataclasses.fields(cls)}
    values: dict[str, Any] = {}
    for key, raw in table.items():
        if key not in names:
            raise ConfigError(f"unknown setting {where}.{key}")
        values[key] = _coerce(raw, hints[key], f"{where}.{key}")
    return cls(**values)


def _coerce(raw: Any, hint: Any, where: str) -> Any:
    origin = typing.get_origin(hint)
    if origin is tuple:
        if not isinstance(raw, list) or not all(isinstance(item, str) for item in raw):
            raise ConfigError(f"{where} must be a list of strings")
        return tuple(raw)
    if origin in (typing.Union, types.UnionType):
        hint = next(arg for arg in typing.get_args(hint) if arg is not type(None))
    if hint is float and isinstance(raw, int | float) and not isinstance(raw, bool):
        return float(raw)
    if hint is int and isinstance(raw, int) and not isinstance(raw, bool):
        return raw
    if hint in (str, bool) and isinstance(raw, hint):
        return raw
    raise ConfigError(f"{where} must be {getattr(hint, '__name__', hint)}, not {raw!r}")


def _topics(table: Any) -> tuple[Topic, ...]:
    if not isinstance(table, Mapping):
        raise ConfigError("[topics] must be a table of topics")
    topics = []
    for name, body in table.items():
        if not TOPIC_NAME.match(name):
            raise ConfigError(
                f"topic name topics.{name} must be lowercase letters, digits and dashes"
            )
        topic = _build(Topic, {**body, "name": name}, f"topics.{name}")
        if not topic.include:
            raise ConfigError(f"topics.{name}.include must name at least one term")
        topics.append(topic)
    return tuple(topics)


def _secrets(environ: Mapping[str, str]) -> Secrets:
    values: dict[str, Any] = {}
    for attr, var in Secrets.ENV.items():
        raw = environ.get(var, "").strip()
        if attr == "allow_private_networks":
            if raw not in ("", "0", "1", "true", "false"):
                raise ConfigError(f"{var} must be 1 or 0, not {raw!r}")
            values[attr] = raw in ("1", "true")
        else:
            values[attr] = raw
    return Secrets(**values)


def _check(settings: Settings) -> None:
    """Checks across sections and of the environment (each section checked its own keys)."""
    delivery = settings.delivery
    if delivery.lease_seconds < 2 * delivery.send_timeout_seconds:
        raise ConfigError(
            "delivery.lease_seconds must be at least twice delivery.send_timeout_seconds "
            "(a send must end well before its lease does)"
        )
    for var in ("TELEGRAM_API_BASE_URL", "SLACK_API_BASE_URL"):
        attr = var.lower()
        url = getattr(settings.secrets, attr)
        if url and not url.startswith(("http://", "https://")):
            raise ConfigError(f"{var} must be an http(s) URL, not {url!r}")
    if settings.telegram.mode == "webhook" and not settings.telegram.public_url:
        raise ConfigError('telegram.public_url is required when telegram.mode is "webhook"')
    port = settings.secrets.port
    if port and not (port.isdigit() and 0 < int(port) < 65536):
        raise ConfigError(f"PORT must be a TCP port number, not {port!r}")
    url = settings.secrets.database_url
    if url and not url.startswith(("sqlite", "postgres")):
        raise ConfigError(
            f"DATABASE_URL must be a sqlite:// or postgresql:// URL, not {hide_password(url)!r}"
        )
