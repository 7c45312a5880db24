"""/healthz, /readyz and /metrics over real HTTP on 127.0.0.1."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import aiohttp
import pytest
import sqlalchemy as sa

from bot import metrics
from bot.clock import FakeClock
from bot.delivery.queue import DeliveryQueue
from bot.health import HealthServer
from bot.render import RenderedMessage
from bot.store.db import create_engine

NOW = datetime(2026, 6, 7, 8, 0, tzinfo=UTC)


class Platforms:
    def __init__(self) -> None:
        self.states = {"telegram": False, "slack": True}

    def __call__(self) -> dict[str, bool]:
        return self.states


@pytest.fixture
async def served(engine: sa.Engine) -> AsyncIterator[tuple[str, Platforms, FakeClock]]:
    platforms, clock = Platforms(), FakeClock(NOW)
    server = HealthServer(engine, platforms, clock.now, "127.0.0.1", 0)
    await server.start()
    yield f"http://127.0.0.1:{server.port}", platforms, clock
    await server.stop()


async def _get(url: str) -> tuple[int, str]:
    async with aiohttp.ClientSession() as session, session.get(url) as response:
        return response.status, await response.text()


async def test_healthz_while_the_process_runs(
    served: tuple[str, Platforms, FakeClock],
) -> None:
    base, _, _ = served
    assert await _get(f"{base}/healthz") == (200, "ok\n")


async def test_readyz_names_the_platform_not_connected(
    served: tuple[str, Platforms, FakeClock],
) -> None:
    base, platforms, _ = served
    status, body = await _get(f"{base}/readyz")
    assert status == 503
    assert '"telegram": "not connected"' in body
    assert '"database": "ok"' in body
    platforms.states["telegram"] = True
    status, body = await _get(f"{base}/readyz")
    assert (status, '"ready": true' in body) == (200, True)


async def test_readyz_when_the_database_is_gone(tmp_path: object) -> None:
    engine = create_engine("sqlite:////nonexistent/folder/briefbot.sqlite3")
    server = HealthServer(engine, dict, lambda: NOW, "127.0.0.1", 0)
    await server.start()
    try:
        status, body = await _get(f"http://127.0.0.1:{server.port}/readyz")
        metrics_status, _ = await _get(f"http://127.0.0.1:{server.port}/metrics")
    finally:
        await server.stop()
        engine.dispose()
    assert status == 503
    assert '"database": "unreachable"' in body
    assert metrics_status == 200


async def test_metrics_in_the_prometheus_format(
    engine: sa.Engine, served: tuple[str, Platforms, FakeClock]
) -> None:
    base, _, clock = served
    queue = DeliveryQueue(engine, clock)
    message = RenderedMessage({"text": "hello"})
    queue.enqueue("k1", "telegram", "1", "reply", message, not_before=NOW - timedelta(seconds=90))
    queue.enqueue("k2", "telegram", "2", "reply", message)
    queue.enqueue("k3", "slack", "C1", "reply", message, not_before=NOW + timedelta(hours=1))
    metrics.MESSAGES_SENT.labels("telegram").inc()
    metrics.FEED_POLLS.labels("failed").inc()
    status, text = await _get(f"{base}/metrics")
    assert status == 200
    lines = text.splitlines()
    assert "briefbot_queue_depth 3.0" in lines
    assert "briefbot_queue_oldest_due_age_seconds 90.0" in lines
    for name in (
        'briefbot_messages_sent_total{platform="telegram"}',
        'briefbot_feed_polls_total{outcome="failed"}',
        "# TYPE briefbot_messages_failed_total counter",
        "# TYPE briefbot_messages_retried_total counter",
        "# TYPE briefbot_command_seconds histogram",
        "# TYPE briefbot_ingest_seconds histogram",
        "briefbot_digest_lag_seconds",
    ):
        assert any(line.startswith(name) for line in lines), name


async def test_a_port_in_use_is_an_error_line_not_a_crash(
    engine: sa.Engine, served: tuple[str, Platforms, FakeClock], caplog: pytest.LogCaptureFixture
) -> None:
    base, platforms, clock = served
    port = int(base.rsplit(":", 1)[1])
    second = HealthServer(engine, platforms, clock.now, "127.0.0.1", port)
    await second.start()
    await second.stop()
    assert "cannot serve /healthz, /readyz and /metrics on 127.0.0.1:" in caplog.text
