"""The typed schema of every config section, with the range of each setting.

Each section of the TOML tree is validated by one pydantic model here; :mod:`bot.config` then
builds its frozen dataclasses from the checked values. A value of the wrong type, out of its
range or naming a time or zone that does not exist is refused at start with the key's name.
"""

from __future__ import annotations

import re
import zoneinfo
from collections.abc import Mapping
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictFloat,
    StrictInt,
    StrictStr,
    ValidationError,
)

HH_MM = re.compile(r"([01]\d|2[0-3]):[0-5]\d")
UNKNOWN = "unknown setting"
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")


class SchemaError(ValueError):
    """A section failed validation; ``key`` is the dotted name of the first bad setting."""

    def __init__(self, key: str, reason: str) -> None:
        super().__init__(f"unknown setting {key}" if reason == UNKNOWN else f"{key} {reason}")
        self.key = key
        self.reason = reason


def _clock_time(value: str) -> str:
    if not HH_MM.fullmatch(value):
        raise ValueError(f"must be a time of day as HH:MM (00:00 to 23:59), not {value!r}")
    return value


def _time_zone(value: str) -> str:
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise ValueError(
            f"must be an IANA time zone such as Europe/Berlin or UTC, not {value!r}"
        ) from None
    return value


def _url_path(value: str) -> str:
    if not value.startswith("/"):
        raise ValueError(f'must start with "/", not {value!r}')
    return value


def _http_url_or_empty(value: str) -> str:
    if value and not value.startswith(("http://", "https://")):
        raise ValueError(f"must be an http(s) URL, not {value!r}")
    return value


def _log_level(value: str) -> str:
    if value.upper() not in LOG_LEVELS:
        raise ValueError(f"must be one of {', '.join(LOG_LEVELS)}, not {value!r}")
    return value.upper()


NonEmpty = Annotated[StrictStr, Field(min_length=1)]
ClockTime = Annotated[StrictStr, AfterValidator(_clock_time)]
TimeZone = Annotated[StrictStr, AfterValidator(_time_zone)]
UrlPath = Annotated[StrictStr, AfterValidator(_url_path)]
HttpUrl = Annotated[StrictStr, AfterValidator(_http_url_or_empty)]
Port = Annotated[StrictInt, Field(ge=1, le=65535)]
AtLeastOne = Annotated[StrictInt, Field(ge=1)]
Positive = Annotated[StrictFloat, Field(gt=0)]
NotNegative = Annotated[StrictFloat, Field(ge=0)]


class Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class BotSection(Section):
    data_dir: NonEmpty = "data"
    group_admins_only: StrictBool = True
    empty_digest: Literal["skip", "notice"] = "skip"
    digest_grace_minutes: Annotated[StrictInt, Field(ge=0, le=7 * 24 * 60)] = 180
    digest_slot_minutes: Annotated[StrictInt, Field(ge=1, le=60)] = 1
    digest_max_threads: Annotated[StrictInt, Field(ge=1, le=50)] = 8
    default_digest_time: ClockTime = "08:00"
    default_timezone: TimeZone = "UTC"
    leader_lease_seconds: Annotated[StrictFloat, Field(ge=1, le=600)] = 20.0
    alerts_per_day: Annotated[StrictInt, Field(ge=0, le=100)] = 3


class FetchSection(Section):
    user_agent: NonEmpty = "briefbot/0.1"
    timeout_seconds: Annotated[StrictFloat, Field(gt=0, le=600)] = 20.0
    max_bytes: AtLeastOne = 5_000_000
    max_redirects: Annotated[StrictInt, Field(ge=0, le=30)] = 5
    concurrency: AtLeastOne = 16
    per_host_concurrency: AtLeastOne = 2
    per_host_interval_seconds: NotNegative = 1.0
    poll_interval_minutes: AtLeastOne = 15
    backoff_base_minutes: AtLeastOne = 5
    backoff_max_minutes: AtLeastOne = 1440
    broken_after: AtLeastOne = 8
    allow_private_networks: StrictBool = False


class DeliverySection(Section):
    telegram_per_second: Positive = 30.0
    telegram_per_chat_per_second: Positive = 1.0
    telegram_per_group_per_minute: Positive = 20.0
    slack_per_channel_per_second: Positive = 1.0
    max_attempts: AtLeastOne = 8
    retry_base_seconds: Positive = 2.0
    retry_max_seconds: Positive = 600.0
    limit_fraction: Annotated[StrictFloat, Field(gt=0, le=1)] = 0.97
    concurrency: AtLeastOne = 32
    batch_size: AtLeastOne = 200
    lease_seconds: Positive = 120.0
    poll_seconds: Positive = 1.0
    send_timeout_seconds: Positive = 60.0


class SlackSection(Section):
    mode: Literal["socket", "http"] = "socket"
    host: NonEmpty = "0.0.0.0"
    port: Port = 3000
    path: UrlPath = "/slack/events"
    install_path: UrlPath = "/slack/install"
    redirect_path: UrlPath = "/slack/oauth_redirect"
    redirect_uri: HttpUrl = ""
    scopes: tuple[StrictStr, ...] = ()


class TelegramSection(Section):
    mode: Literal["polling", "webhook"] = "polling"
    listen: NonEmpty = "127.0.0.1"
    port: Port = 8443
    path: UrlPath = "/telegram/webhook"
    public_url: HttpUrl = ""
    poll_timeout_seconds: Annotated[StrictInt, Field(ge=0, le=600)] = 30
    admin_cache_seconds: NotNegative = 60.0


class ServerSection(Section):
    listen: NonEmpty = "127.0.0.1"
    # 0 picks a free port (tests); the port in use is logged.
    port: Annotated[StrictInt, Field(ge=0, le=65535)] = 8080


class LoggingSection(Section):
    level: Annotated[StrictStr, AfterValidator(_log_level)] = "WARNING"
    format: Literal["text", "json"] = "text"


SCHEMAS: Mapping[str, type[Section]] = {
    "bot": BotSection,
    "fetch": FetchSection,
    "delivery": DeliverySection,
    "slack": SlackSection,
    "telegram": TelegramSection,
    "server": ServerSection,
    "logging": LoggingSection,
}


def check_section(name: str, table: Mapping[str, Any]) -> dict[str, Any]:
    """The checked values of section ``name``; :class:`SchemaError` names the first bad key."""
    try:
        model = SCHEMAS[name].model_validate(dict(table))
    except ValidationError as exc:
        first = exc.errors()[0]
        key = ".".join([name, *(str(part) for part in first["loc"][:1])])
        if first["type"] == "extra_forbidden":
            raise SchemaError(key, UNKNOWN) from None
        raise SchemaError(key, _reason(first)) from None
    return {field: getattr(model, field) for field in table}


def _reason(error: Any) -> str:
    message = str(error["msg"]).removeprefix("Value error, ")
    if error["type"] == "value_error":
        return message
    return f"{message.replace('Input should be', 'must be', 1)}, not {error['input']!r}"
