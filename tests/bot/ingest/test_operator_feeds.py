"""Feeds an operator added or removed decide what an ingest run polls; each poll is counted
by outcome and each run's duration observed."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime

import httpx
import pytest
import sqlalchemy as sa

from bot import metrics
from bot.clock import FakeClock
from bot.ingest import run_ingest
from bot.store.operator import add_feed, remove_feed
from tests.bot.ingest.helpers import StandInBriefer, settings_for
from tests.httpserver import LocalServer, running_server

T0 = datetime(2025, 6, 7, 12, 0, tzinfo=UTC)


@pytest.fixture
async def server() -> AsyncIterator[LocalServer]:
    async with running_server() as local:
        yield local


@pytest.fixture
async def client() -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient() as http:
        yield http


def _polls(outcome: str) -> float:
    return (
        metrics.REGISTRY.get_sample_value("briefbot_feed_polls_total", {"outcome": outcome}) or 0.0
    )


async def test_added_feeds_are_polled_and_removed_ones_are_not(
    engine: sa.Engine, server: LocalServer, client: httpx.AsyncClient
) -> None:
    for path in ("/configured.rss", "/removed.rss", "/added.rss"):
        server.serve(path, b"<rss version='2.0'><channel><title>t</title></channel></rss>")
    settings = settings_for(server.url("/configured.rss"), server.url("/removed.rss"))
    add_feed(engine, server.url("/added.rss"), "Added", T0)
    remove_feed(engine, server.url("/removed.rss"), T0, configured=True)
    runs = metrics.REGISTRY.get_sample_value("briefbot_ingest_seconds_count") or 0.0
    empty = _polls("empty")  # a valid feed without items is empty, not failed
    report = await run_ingest(engine, settings, client, FakeClock(T0), briefer=StandInBriefer())
    assert [feed.url for feed in report.feeds] == [
        server.url("/configured.rss"),
        server.url("/added.rss"),
    ]
    assert server.hits("/removed.rss") == []
    assert _polls("empty") - empty == 2
    assert metrics.REGISTRY.get_sample_value("briefbot_ingest_seconds_count") == runs + 1
