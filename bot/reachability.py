"""Waiting at start for a chat platform's API to answer, one log line per failed try.

A platform that cannot be reached at start (network down, DNS not ready, a proxy still
starting) is retried with a growing delay instead of failing with a traceback. Any HTTP
answer from the API's base URL counts as reachable: the token is not needed (nor sent) for
this check, so it cannot leak into the log.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass

import httpx

from bot.config import Settings

log = logging.getLogger(__name__)

Sleep = Callable[[float], Awaitable[None]]

DEFAULT_API = {"telegram": "https://api.telegram.org/", "slack": "https://slack.com/api/"}
TITLES = {"telegram": "Telegram", "slack": "Slack"}


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

    async def __call__(self, platform: str) -> None:
        url = api_url(self.settings, platform)
        if url is None:
            return
        timeout = httpx.Timeout(self.timeout_seconds)
        async with httpx.AsyncClient(timeout=timeout, trust_env=False) as client:
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
