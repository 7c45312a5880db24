"""Starting a chat platform's adapter: wait until its API answers, one log line per failed
try, and tell a rejected token apart from a network failure.

A platform that cannot be reached at start (network down, DNS not ready, a proxy still
starting) is retried with a growing delay instead of failing with a traceback. Any HTTP
answer from the API's base URL counts as reachable: the token is not needed (nor sent) for
this check, so it cannot leak into the log. A token the platform rejects is a
:class:`~bot.config.ConfigError` naming the variable (exit status 2), not a retry.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass
from typing import Any

import httpx

from bot.adapter import Adapter
from bot.config import ConfigError, Settings

log = logging.getLogger(__name__)

Sleep = Callable[[float], Awaitable[None]]

DEFAULT_API = {"telegram": "https://api.telegram.org/", "slack": "https://slack.com/api/"}
TITLES = {"telegram": "Telegram", "slack": "Slack"}
TOKEN_VARIABLES = {"telegram": "TELEGRAM_BOT_TOKEN", "slack": "SLACK_BOT_TOKEN"}
# Errors by which the platform SDKs say the token was refused (PTB's InvalidToken; Slack's
# error codes).
REJECTED_TOKEN_ERRORS = frozenset(("InvalidToken",))
SLACK_AUTH_ERRORS = frozenset(("invalid_auth", "not_authed", "account_inactive", "token_revoked"))
# Errors meaning "could not talk to the platform": worth another try.
NETWORK_ERRORS = frozenset(("NetworkError", "TimedOut", "ClientConnectionError", "ClientOSError"))


@dataclass(frozen=True, slots=True)
class Backoff:
    """Delays between tries: ``first``, times ``factor`` each time, at most ``most`` seconds."""

    first: float = 1.0
    factor: float = 2.0
    most: float = 60.0

    def delays(self) -> Iterator[float]:
        delay = self.first
        while True:
            yield delay
            delay = min(self.most, delay * self.factor)


def api_url(settings: Settings, platform: str) -> str | None:
    """The base URL of ``platform``'s API, or None for a platform without one (console)."""
    configured = {
        "telegram": settings.secrets.telegram_api_base_url,
        "slack": settings.secrets.slack_api_base_url,
    }
    if platform not in DEFAULT_API:
        return None
    return configured[platform] or DEFAULT_API[platform]


async def unreachable_reason(client: httpx.AsyncClient, url: str) -> str | None:
    """None when ``url`` answers over HTTP (any status); else why it could not be reached."""
    try:
        await client.get(url)
    except httpx.TransportError as exc:
        return _describe(exc)
    return None


def _describe(exc: httpx.TransportError) -> str:
    cause = exc.__cause__ or exc.__context__
    text = str(exc) or str(cause or "") or type(exc).__name__
    return f"{type(exc).__name__}: {text}"


@dataclass(frozen=True, slots=True)
class PlatformReach:
    """Waits until each platform's API answers before its adapter starts."""

    settings: Settings
    sleep: Sleep = asyncio.sleep
    backoff: Backoff = Backoff()
    timeout_seconds: float = 10.0
    transport: httpx.AsyncBaseTransport | None = None  # tests: httpx.MockTransport

    async def start(self, adapter: Adapter) -> None:
        """Start ``adapter`` once its API answers; a network failure while starting is
        retried like an unreachable API, a rejected token raises ConfigError."""
        title = TITLES.get(adapter.platform, adapter.platform)
        for tries, delay in enumerate(self.backoff.delays(), start=1):
            await self(adapter.platform)
            try:
                await adapter.start()
                return
            except Exception as exc:
                await _stop_quietly(adapter)
                if _token_rejected(adapter.platform, exc):
                    variable = TOKEN_VARIABLES.get(adapter.platform, "the token")
                    raise ConfigError(f"{variable} was rejected by {title}") from None
                if not _network_error(exc):
                    raise
                log.warning(
                    "%s did not start (%s: %s); retrying in %g s (try %d)",
                    title,
                    type(exc).__name__,
                    exc,
                    delay,
                    tries,
                )
            await self.sleep(delay)

    async def __call__(self, platform: str) -> None:
        url = api_url(self.settings, platform)
        if url is None:
            return
        timeout = httpx.Timeout(self.timeout_seconds)
        async with httpx.AsyncClient(
            timeout=timeout, trust_env=False, transport=self.transport
        ) as client:
            await wait_until_reachable(platform, url, client, self.sleep, self.backoff)


async def wait_until_reachable(
    platform: str, url: str, client: httpx.AsyncClient, sleep: Sleep, backoff: Backoff
) -> int:
    """Try ``url`` until it answers; the number of failed tries. Each failure is one WARNING
    line naming the platform and the next delay; there is no traceback."""
    title = TITLES.get(platform, platform)
    for failures, delay in enumerate(backoff.delays()):
        reason = await unreachable_reason(client, url)
        if reason is None:
            if failures:
                log.warning("%s is reachable at %s again; starting", title, url)
            return failures
        log.warning(
            "%s unreachable at %s (%s); retrying in %g s (try %d)",
            title,
            url,
            reason,
            delay,
            failures + 1,
        )
        await sleep(delay)
    raise AssertionError("unreachable: the backoff never ends")


def _chain(exc: BaseException) -> list[BaseException]:
    found: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in found:
        found.append(current)
        current = current.__cause__ or current.__context__
    return found


def _class_names(exc: BaseException) -> set[str]:
    return {cls.__name__ for error in _chain(exc) for cls in type(error).__mro__}


def _token_rejected(platform: str, exc: BaseException) -> bool:
    if _class_names(exc) & REJECTED_TOKEN_ERRORS:
        return True
    for error in _chain(exc):
        response: Any = getattr(error, "response", None)
        code = response.get("error") if hasattr(response, "get") else None
        if platform == "slack" and code in SLACK_AUTH_ERRORS:
            return True
    return False


def _network_error(exc: BaseException) -> bool:
    chain = _chain(exc)
    if any(isinstance(e, OSError | TimeoutError | httpx.TransportError) for e in chain):
        return True
    return bool(_class_names(exc) & NETWORK_ERRORS)


async def _stop_quietly(adapter: Adapter) -> None:
    """Undo a half-done start; its own failure to stop is only logged."""
    try:
        await adapter.stop()
    except Exception as exc:
        log.debug("stopping %s after a failed start: %s", adapter.platform, exc)
