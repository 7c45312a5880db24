"""Ingest of the multi-day fixture: developments merged across outlets and runs, threads,
their Changed lines and material reasons stored for the chat side and for alerts."""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator
from datetime import UTC, datetime

import httpx
import pytest
import sqlalchemy as sa

from bot.clock import FakeClock
from bot.config import Settings
from bot.ingest import IngestReport, run_ingest
from bot.store.schema import stories, threads
from tests.bot.ingest.helpers import POLICY
from tests.bot.stories.fixture_feeds import feed_path, feed_xml, outlets
from tests.bot.stories.world import TOPIC
from tests.httpserver import LocalServer, running_server


def utc(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 3, day, hour, minute, tzinfo=UTC)


@pytest.fixture
async def feeds() -> AsyncIterator[LocalServer]:
    async with running_server() as server:
        yield server


async def ingest(engine: sa.Engine, feeds: LocalServer, at: datetime) -> IngestReport:
    for outlet in outlets():
        feeds.serve(feed_path(outlet), feed_xml(outlet, at))
    topic = dataclasses.replace(TOPIC, feeds=tuple(feeds.url(feed_path(o)) for o in outlets()))
    settings = Settings(fetch=POLICY, topics=(topic,))
    async with httpx.AsyncClient() as client:
        return await run_ingest(engine, settings, client, FakeClock(at), only_due=False)


def stored(engine: sa.Engine) -> dict[str, dict[str, object]]:
    """Each story by headline: its thread's key, changes, material and outlets in the
    first hour."""
    query = sa.select(
        stories.c.headline,
        threads.c.key,
        stories.c.changes,
        stories.c.material,
        stories.c.first_hour_outlets,
    ).join(threads, threads.c.id == stories.c.thread_id, isouter=True)
    with engine.connect() as connection:
        return {
            row.headline: {
                "thread": row.key,
                "changes": row.changes,
                "material": row.material,
                "first_hour": row.first_hour_outlets,
            }
            for row in connection.execute(query)
        }


async def test_three_weeks_become_two_threads_with_what_changed(
    engine: sa.Engine, feeds: LocalServer
) -> None:
    # The round's end, reported at 18:40, 19:10 and 20:05: a poll at 19:00 sees the first.
    await ingest(engine, feeds, utc(4, 19))
    later = await ingest(engine, feeds, utc(4, 21))
    assert (later.stories_created, later.stories_updated) == (0, 1)  # one development
    for day in range(5, 20):
        await ingest(engine, feeds, utc(day, 21))

    found = stored(engine)
    by_thread: dict[object, list[str]] = {}
    for headline, row in found.items():
        by_thread.setdefault(row["thread"], []).append(headline)
    assert sorted(len(headlines) for headlines in by_thread.values()) == [3, 7]
    assert None not in by_thread  # every development is on a thread

    deadline = found["Norland and Aldoria push back trade deal deadline to 1 May"]
    assert deadline["changes"] == [
        {
            "kind": "deadline",
            "subject": "deadline",
            "before": "1 April",
            "after": "1 May",
            "source_url": "https://ht.example/ht-2026-03-09-deadline-moved",
        }
    ]
    assert deadline["material"] == ["new deadline"]
    deal = found["Norland and Aldoria reach agreement in principle, car tariff to fall to 15 %"]
    assert "agreement reached" in deal["material"]
    assert "new rate" in deal["material"]
    fisheries = found["Norland and Vestmark reach deal on North Shelf fishing quotas"]
    assert fisheries["material"] == ["agreement reached"]
    brandt = found["Prime Minister Ilse Brandt: Aldoria will not rush the Norland deal"]
    assert (brandt["changes"], brandt["material"]) == ([], [])


async def test_a_development_left_without_a_thread_is_threaded_by_the_next_run(
    engine: sa.Engine, feeds: LocalServer
) -> None:
    await ingest(engine, feeds, utc(4, 21))
    with engine.begin() as connection:
        connection.execute(stories.update().values(thread_id=None))  # a run stopped early
        connection.execute(threads.delete())
    report = await ingest(engine, feeds, utc(5, 21))
    assert report.threads_started == 2
    assert all(row["thread"] for row in stored(engine).values())
