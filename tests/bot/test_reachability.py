"""Waiting for a platform's API at start: one line per failed try, growing delays, no
traceback, and the token never sent."""

from __future__ import annotations

import logging

import httpx
import pytest

from bot.config import ConfigError, load_settings
from bot.reachability import Backoff, PlatformReach, api_url, wait_until_reachable


def _flaky(failures: int, seen: list[str]) -> httpx.MockTransport:
    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        if len(seen) <= failures:
            raise httpx.ConnectError("connection refused", request=request)
        return httpx.Response(404)  # any HTTP answer means the API is there

    return httpx.MockTransport(handle)


async def test_retries_with_growing_delays_until_the_api_answers(
    caplog: pytest.LogCaptureFixture,
) -> None:
    seen: list[str] = []
    delays: list[float] = []

    async def sleep(seconds: float) -> None:
        delays.append(seconds)

    caplog.set_level(logging.WARNING, logger="bot.reachability")
    async with httpx.AsyncClient(transport=_flaky(5, seen)) as client:
        failures = await wait_until_reachable(
            "telegram", "http://api.test/", client, sleep, Backoff(first=1, factor=2, most=8)
        )
    assert failures == 5
    assert delays == [1, 2, 4, 8, 8]
    lines = [r.getMessage() for r in caplog.records]
    assert len(lines) == 6
    assert lines[0] == (
        "Telegram unreachable at http://api.test/ (ConnectError: connection refused); "
        "retrying in 1 s (try 1)"
    )
    assert lines[-1] == "Telegram is reachable at http://api.test/ again; starting"
    assert not any(r.exc_info for r in caplog.records)


async def test_a_reachable_api_is_one_request_and_no_line(caplog: pytest.LogCaptureFixture) -> None:
    seen: list[str] = []

    async def sleep(seconds: float) -> None:
        raise AssertionError("no wait expected")

    async with httpx.AsyncClient(transport=_flaky(0, seen)) as client:
        failures = await wait_until_reachable(
            "slack", "http://s.test/api/", client, sleep, Backoff()
        )
    assert failures == 0
    assert seen == ["http://s.test/api/"]
    assert not caplog.records


def test_the_check_uses_the_base_url_without_the_token() -> None:
    settings = load_settings(
        environ={"TELEGRAM_BOT_TOKEN": "123:SECRET", "SLACK_BOT_TOKEN": "xoxb-SECRET"}
    )
    assert api_url(settings, "telegram") == "https://api.telegram.org/"
    assert api_url(settings, "slack") == "https://slack.com/api/"
    assert api_url(settings, "console") is None


class InvalidToken(Exception):
    """Named as python-telegram-bot names a refused token."""


class FlakyAdapter:
    platform = "telegram"

    def __init__(self, failures: list[BaseException]) -> None:
        self.failures = failures
        self.starts = self.stops = 0

    async def start(self) -> None:
        self.starts += 1
        if self.failures:
            raise self.failures.pop(0)

    async def stop(self) -> None:
        self.stops += 1


def _reach(delays: list[float]) -> PlatformReach:
    async def sleep(seconds: float) -> None:
        delays.append(seconds)

    answering = httpx.MockTransport(lambda request: httpx.Response(200))
    return PlatformReach(load_settings(environ={}), sleep, Backoff(), transport=answering)


async def test_a_network_failure_while_starting_is_retried(
    caplog: pytest.LogCaptureFixture,
) -> None:
    delays: list[float] = []
    adapter = FlakyAdapter([ConnectionResetError("reset by peer"), TimeoutError("slow")])
    await _reach(delays).start(adapter)  # type: ignore[arg-type]
    assert (adapter.starts, adapter.stops, delays) == (3, 2, [1.0, 2.0])
    assert "Telegram did not start (ConnectionResetError: reset by peer); retrying in 1 s" in (
        caplog.text
    )


async def test_a_rejected_token_names_the_variable() -> None:
    adapter = FlakyAdapter([InvalidToken("The token `123:SECRET` was rejected")])
    with pytest.raises(ConfigError) as refused:
        await _reach([]).start(adapter)  # type: ignore[arg-type]
    assert str(refused.value) == "TELEGRAM_BOT_TOKEN was rejected by Telegram"
    assert adapter.stops == 1


async def test_any_other_failure_is_raised_as_it_is() -> None:
    adapter = FlakyAdapter([ValueError("a bug")])
    with pytest.raises(ValueError, match="a bug"):
        await _reach([]).start(adapter)  # type: ignore[arg-type]
