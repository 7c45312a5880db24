"""The process pool: its size, and an ingest pass run in a worker process against a real
HTTP server on 127.0.0.1, storing into the same database as the bot."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime

import pytest
import sqlalchemy as sa

from bot.scheduling import PooledPoll
from bot.store.briefings import BriefingStore
from bot.store.db import create_engine
from bot.workpool import database_url, pool_size, process_pool
from tests.bot.ingest.helpers import settings_for
from tests.httpserver import LocalServer, running_server

ITEM = """<item><title>Akazawa and Bessent end round {n} of tariff talks</title>
<link>{base}/story/{n}</link><guid>{base}/story/{n}</guid>
<pubDate>Sat, 07 Jun 2025 10:00:00 GMT</pubDate>
<content:encoded><![CDATA[<p>Japan and the United States failed to agree on tariffs in round {n}
of their trade talks on Friday, officials said.</p><p>"We have not found any point of
agreement," Akazawa told reporters in Washington after meeting Bessent.</p>]]></content:encoded>
</item>"""
NOW = datetime(2025, 6, 7, 12, 0, tzinfo=UTC)
FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Wire</title><link>{base}/</link>{items}</channel></rss>"""


@pytest.fixture
async def server() -> AsyncIterator[LocalServer]:
    async with running_server() as running:
        yield running


@pytest.mark.parametrize(("cores", "workers"), [(1, 1), (2, 1), (4, 3), (16, 15)])
def test_the_pool_keeps_one_core_for_the_chat_side(cores: int, workers: int) -> None:
    assert pool_size(cores) == workers


def test_an_in_memory_database_cannot_be_shared_with_a_worker() -> None:
    memory = create_engine("sqlite://")
    assert database_url(memory) is None
    assert database_url(create_engine("sqlite:////tmp/bot.sqlite3")) == "sqlite:////tmp/bot.sqlite3"


async def test_an_ingest_pass_runs_in_a_worker_process(
    engine: sa.Engine, server: LocalServer
) -> None:
    base = server.url("")
    server.serve("/feed.rss", FEED.format(base=base, items=ITEM.format(base=base, n=5)))
    url = database_url(engine)
    assert url is not None
    poll = PooledPoll(url, settings_for(server.url("/feed.rss")), lambda: process_pool(1))
    try:
        report = await poll(NOW)
        await poll.close()
        # A replica that leads again polls again, in a new pool.
        again = await poll(NOW)
    finally:
        await poll.close()
    assert getattr(again, "new_articles", None) == 0
    assert getattr(report, "new_articles", None) == 1
    (latest,) = BriefingStore(engine).latest("trade-talks", limit=5)
    assert "round 5" in latest.briefing.headline
    assert [seen.path for seen in server.requests] == ["/feed.rss"]
