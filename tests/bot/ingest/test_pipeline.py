"""The ingest run end to end: a real HTTP server on 127.0.0.1, the store on SQLite and
PostgreSQL, an injected clock."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import httpx
import pytest
import sqlalchemy as sa
from aiohttp import web

from bot.clock import FakeClock
from bot.ingest import run_ingest
from bot.store.briefings import BriefingStore
from bot.store.schema import articles, stories, threads
from bot.store.sources import SourceStore
from briefings.model import Article, Briefing
from briefings.stories.developments import development_key
from tests.bot.ingest.helpers import (
    DATA,
    RouteToLocal,
    StandInBriefer,
    serve_fixture_pages,
    settings_for,
)
from tests.httpserver import LocalServer, running_server

T0 = datetime(2025, 6, 7, 12, 0, tzinfo=UTC)
FIXTURE = (DATA / "trade-talks.rss").read_bytes()
ASAHI = "https://asahi.example/ajw/articles/15800000"
PACIFIC = "https://pacificwire.example/world/2025/06/07/japan-us-tariff-talks-fifth-round"
FOURTH = "https://pacificwire.example/world/2025/05/30/akazawa-fourth-round"


@pytest.fixture
async def server() -> AsyncIterator[LocalServer]:
    async with running_server() as running:
        yield running


@pytest.fixture
async def client(server: LocalServer) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(transport=RouteToLocal(server)) as client:
        yield client


def rows(engine: sa.Engine, table: sa.Table) -> int:
    with engine.connect() as connection:
        return int(connection.execute(sa.select(sa.func.count()).select_from(table)).scalar_one())


async def test_fixture_feed_gives_two_stories_and_one_merged_briefing(
    engine: sa.Engine, server: LocalServer, client: httpx.AsyncClient
) -> None:
    server.serve("/trade.rss", FIXTURE, headers={"ETag": '"v1"'})
    serve_fixture_pages(server)
    briefer = StandInBriefer()
    settings = settings_for(server.url("/trade.rss"))
    report = await run_ingest(engine, settings, client, FakeClock(T0), briefer=briefer)

    (feed,) = report.feeds
    assert (feed.status, feed.new_entries) == ("new", 4)
    assert (report.new_articles, report.matched_articles) == (4, 3)
    assert (report.stories_created, report.stories_updated) == (2, 0)
    latest = BriefingStore(engine).latest("trade-talks", limit=10)
    by_sources = sorted(latest, key=lambda s: len(s.briefing.sources))
    assert [[s.url for s in b.briefing.sources] for b in by_sources] == [
        [FOURTH],
        [ASAHI, PACIFIC],
    ]
    assert by_sources[1].briefing.topics == ("trade-talks",)
    assert rows(engine, stories) == 2
    # Every development is on a thread.
    assert report.threads_started == rows(engine, threads) > 0
    with engine.connect() as connection:
        unthreaded = connection.execute(
            sa.select(stories.c.id).where(stories.c.thread_id.is_(None))
        )
        assert unthreaded.all() == []
    # Politeness: the off-topic Kyoto page was never fetched; each page at most once.
    assert [s.path for s in server.requests if "kyoto" in s.path] == []
    assert len(server.hits("/asahi.example/ajw/articles/15800000")) == 1
    assert all(s.headers["User-Agent"] == settings.fetch.user_agent for s in server.requests)


async def test_the_real_engine_merges_the_fifth_round(
    engine: sa.Engine, server: LocalServer, client: httpx.AsyncClient
) -> None:
    server.serve("/trade.rss", FIXTURE)
    serve_fixture_pages(server)
    await run_ingest(engine, settings_for(server.url("/trade.rss")), client, FakeClock(T0))
    fifth = next(
        stored
        for stored in BriefingStore(engine).latest("trade-talks", limit=10)
        if len(stored.briefing.sources) > 1
    )
    assert {s.url for s in fifth.briefing.sources} == {ASAHI, PACIFIC}
    texts = [q.text for q in fifth.briefing.quotes]
    shared = [t for t in texts if "we have not found any point of agreement" in t]
    assert len(shared) == 1


async def test_nothing_is_briefed_twice_across_runs_and_restarts(
    engine: sa.Engine, server: LocalServer, client: httpx.AsyncClient
) -> None:
    server.serve("/trade.rss", FIXTURE, headers={"ETag": '"v1"'})
    serve_fixture_pages(server)
    clock = FakeClock(T0)
    settings = settings_for(server.url("/trade.rss"))
    await run_ingest(engine, settings, client, clock, briefer=StandInBriefer())
    before = [(s.id, s.updated_at) for s in BriefingStore(engine).latest("trade-talks", 10)]

    clock.advance(timedelta(minutes=1))
    early = await run_ingest(engine, settings, client, clock, briefer=StandInBriefer())
    assert [f.status for f in early.feeds] == ["skipped"]

    clock.advance(timedelta(hours=1))
    second = await run_ingest(engine, settings, client, clock, briefer=StandInBriefer())
    assert [(f.status, f.reason) for f in second.feeds] == [("unchanged", "not modified")]
    assert server.hits("/trade.rss")[-1].headers["If-None-Match"] == '"v1"'

    # A restart with the publisher's cache reset: the body comes again, nothing is new.
    server.serve("/trade.rss", FIXTURE, headers={"ETag": '"v2"'})
    clock.advance(timedelta(hours=1))
    briefer = StandInBriefer()
    third = await run_ingest(engine, settings, client, clock, briefer=briefer)
    assert [(f.status, f.reason) for f in third.feeds] == [("unchanged", "nothing new")]
    assert briefer.summarized == []
    after = [(s.id, s.updated_at) for s in BriefingStore(engine).latest("trade-talks", 10)]
    assert after == before


async def test_same_article_under_new_guid_title_and_tracking_link_is_one_article(
    engine: sa.Engine, server: LocalServer, client: httpx.AsyncClient
) -> None:
    server.serve("/trade.rss", FIXTURE)
    serve_fixture_pages(server)
    again = FIXTURE.decode().replace("asahi-15800000", "asahi-new-guid")
    again = again.replace(ASAHI, ASAHI + "?utm_source=other&amp;fbclid=1#top")
    again = again.replace("fail to find common ground", "still far apart")
    server.serve("/mirror.rss", again)
    clock = FakeClock(T0)
    settings = settings_for(server.url("/trade.rss"))
    await run_ingest(engine, settings, client, clock, briefer=StandInBriefer())
    count = rows(engine, articles)
    briefer = StandInBriefer()
    report = await run_ingest(
        engine, settings, client, clock, briefer=briefer, extra_feeds=[server.url("/mirror.rss")]
    )
    assert [f.status for f in report.feeds] == ["skipped", "unchanged"]
    assert rows(engine, articles) == count
    assert briefer.summarized == []


async def test_a_second_outlet_arriving_later_updates_the_story(
    engine: sa.Engine, server: LocalServer, client: httpx.AsyncClient
) -> None:
    head, *items = FIXTURE.decode().split("<item>")
    without_pacific = "<item>".join([head, *(i for i in items if "fifth-round" not in i)])
    assert PACIFIC not in without_pacific
    server.serve("/trade.rss", without_pacific)
    serve_fixture_pages(server)
    clock = FakeClock(T0)
    settings = settings_for(server.url("/trade.rss"))
    first = await run_ingest(engine, settings, client, clock, briefer=StandInBriefer())
    assert (first.stories_created, first.stories_updated) == (2, 0)

    server.serve("/trade.rss", FIXTURE)
    clock.advance(timedelta(hours=1))
    second = await run_ingest(engine, settings, client, clock, briefer=StandInBriefer())
    assert (second.feeds[0].new_entries, second.stories_created, second.stories_updated) == (
        1,
        0,
        1,
    )
    newest = BriefingStore(engine).latest("trade-talks")[0]
    assert [s.url for s in newest.briefing.sources] == [ASAHI, PACIFIC]
    with engine.connect() as connection:
        keys = connection.execute(sa.select(stories.c.key)).scalars().all()
    assert development_key(ASAHI) in keys


async def test_failing_feed_backs_off_then_is_broken_then_recovers(
    engine: sa.Engine, server: LocalServer, client: httpx.AsyncClient
) -> None:
    async def down(request: web.Request) -> web.Response:
        return web.Response(status=500)

    server.route("/trade.rss", down)
    clock = FakeClock(T0)
    url = server.url("/trade.rss")
    settings = settings_for(url)
    waits = []
    for _ in range(3):
        report = await run_ingest(engine, settings, client, clock, briefer=StandInBriefer())
        (outcome,) = report.feeds
        assert (outcome.status, outcome.reason) == ("failed", "HTTP 500")
        assert outcome.next_attempt_at is not None
        waits.append(outcome.next_attempt_at - clock.now())
        skipped = await run_ingest(engine, settings, client, clock, briefer=StandInBriefer())
        assert skipped.feeds[0].status == "skipped"
        clock.set(outcome.next_attempt_at)
    assert waits == [timedelta(minutes=5), timedelta(minutes=10), timedelta(minutes=20)]
    assert outcome.broken
    (state,) = SourceStore(engine).feeds()
    assert (state.broken, state.last_error, state.failure_count) == (True, "HTTP 500", 3)

    server.serve("/trade.rss", FIXTURE)
    serve_fixture_pages(server)
    recovered = await run_ingest(engine, settings, client, clock, briefer=StandInBriefer())
    assert recovered.feeds[0].status == "new"
    (state,) = SourceStore(engine).feeds()
    assert (state.broken, state.failure_count, state.last_error) == (False, 0, None)


async def test_retry_after_is_honoured(
    engine: sa.Engine, server: LocalServer, client: httpx.AsyncClient
) -> None:
    async def slow_down(request: web.Request) -> web.Response:
        return web.Response(status=429, headers={"Retry-After": "3600"})

    server.route("/trade.rss", slow_down)
    clock = FakeClock(T0)
    report = await run_ingest(
        engine, settings_for(server.url("/trade.rss")), client, clock, briefer=StandInBriefer()
    )
    assert report.feeds[0].next_attempt_at == T0 + timedelta(hours=1)
    assert report.feeds[0].reason == "HTTP 429"


async def test_timeout_is_a_recorded_failure(
    engine: sa.Engine, server: LocalServer, client: httpx.AsyncClient
) -> None:
    release = asyncio.Event()

    async def hang(request: web.Request) -> web.Response:
        await release.wait()
        return web.Response(body=FIXTURE)

    server.route("/trade.rss", hang)
    settings = settings_for(server.url("/trade.rss"), timeout_seconds=0.2)
    report = await run_ingest(engine, settings, client, FakeClock(T0), briefer=StandInBriefer())
    release.set()
    assert (report.feeds[0].status, report.feeds[0].reason) == ("failed", "timed out")
    (state,) = SourceStore(engine).feeds()
    assert (state.last_status, state.last_error, state.failure_count) == (
        "failed",
        "timed out",
        1,
    )


async def test_private_address_feed_is_refused_without_the_override(
    engine: sa.Engine, server: LocalServer
) -> None:
    server.serve("/trade.rss", FIXTURE)
    settings = settings_for(server.url("/trade.rss"), allow_private_networks=False)
    async with httpx.AsyncClient() as plain:
        report = await run_ingest(engine, settings, plain, FakeClock(T0), briefer=StandInBriefer())
    (outcome,) = report.feeds
    assert outcome.status == "failed"
    assert "loopback address 127.0.0.1" in outcome.reason
    assert server.requests == []
    # Refused for good: broken at once and left until the broken feeds' capped interval,
    # not retried with the backoff a transient failure gets.
    cap = timedelta(minutes=settings.fetch.backoff_max_minutes)
    assert (outcome.broken, outcome.failure_count, outcome.next_attempt_at) == (True, 1, T0 + cap)


async def test_hostile_feeds_never_crash_a_run(
    engine: sa.Engine, server: LocalServer, client: httpx.AsyncClient
) -> None:
    files = sorted((DATA / "feeds").glob("*.[xjhr]*"))
    for path in files:
        server.serve(f"/{path.name}", path.read_bytes(), "application/xml")
    settings = settings_for(*(server.url(f"/{p.name}") for p in files))
    report = await run_ingest(engine, settings, client, FakeClock(T0), briefer=StandInBriefer())
    by_name = {o.url.rsplit("/", 1)[1]: o for o in report.feeds}
    assert by_name["entity-bomb.xml"].status == "failed"
    assert "entity" in by_name["entity-bomb.xml"].reason
    # A valid feed with no items is empty, not failed, and not backed off.
    empty = by_name["zero-entries.xml"]
    assert (empty.status, empty.failure_count) == ("empty", 0)
    assert empty.next_attempt_at == T0 + timedelta(minutes=settings.fetch.poll_interval_minutes)
    assert by_name["garbage.xml"].status == "failed"
    assert by_name["duplicate-guids.xml"].new_entries == 2
    assert by_name["script-tags.xml"].status == "new"
    with engine.connect() as connection:
        titles = set(connection.execute(sa.select(articles.c.title)).scalars())
    assert "Café talks — “no deal”" in titles
    assert not any("alert" in title for title in titles)


async def test_a_page_whose_canonical_is_stored_is_not_briefed_nor_fetched_again(
    engine: sa.Engine, server: LocalServer, client: httpx.AsyncClient
) -> None:
    server.serve("/trade.rss", FIXTURE)
    serve_fixture_pages(server)
    amp = "/asahi.example/ajw/articles/15800000/amp"
    server.serve(
        amp, (DATA / "asahi-2025-06-07-tariff-talks.html").read_bytes(), "text/html; charset=utf-8"
    )
    mirror = FIXTURE.decode().replace(ASAHI, ASAHI + "/amp").replace("asahi-15800000", "amp-1")
    server.serve("/mirror.rss", mirror)
    clock = FakeClock(T0)
    settings = settings_for(server.url("/trade.rss"))
    await run_ingest(engine, settings, client, clock, briefer=StandInBriefer())
    briefer = StandInBriefer()
    mirror_url = server.url("/mirror.rss")
    report = await run_ingest(
        engine, settings, client, clock, briefer=briefer, extra_feeds=[mirror_url]
    )
    assert (report.feeds[1].new_entries, report.matched_articles) == (1, 0)
    assert briefer.summarized == []
    assert len(server.hits(amp)) == 1

    clock.advance(timedelta(hours=1))
    again = await run_ingest(engine, settings, client, clock, extra_feeds=[mirror_url])
    assert [f.reason for f in again.feeds] == ["nothing new", "nothing new"]
    assert len(server.hits(amp)) == 1


class FailingBriefer(StandInBriefer):
    """Cannot summarize the fourth-round article."""

    def summarize(self, article: Article) -> Briefing:
        if "fourth" in article.link:
            raise ValueError("engine bug")
        return super().summarize(article)


async def test_engine_failures_do_not_sink_the_run(
    engine: sa.Engine, server: LocalServer, client: httpx.AsyncClient
) -> None:
    server.serve("/trade.rss", FIXTURE)
    serve_fixture_pages(server)
    settings = settings_for(server.url("/trade.rss"))
    report = await run_ingest(engine, settings, client, FakeClock(T0), briefer=FailingBriefer())
    assert (report.feeds[0].status, report.stories_created) == ("new", 1)
    (fifth,) = BriefingStore(engine).latest("trade-talks", limit=10)
    assert [s.url for s in fifth.briefing.sources] == [ASAHI, PACIFIC]


class FailsOn(StandInBriefer):
    """The stand-in engine, except that briefing ``url`` raises."""

    def __init__(self, url: str) -> None:
        super().__init__()
        self.url = url

    def summarize(self, article: Article) -> Briefing:
        if article.link == self.url:
            self.summarized.append(article.link)
            raise ValueError("no sentence boundary found")
        return super().summarize(article)


async def test_an_article_whose_briefing_fails_is_stored_as_failed_and_not_read_again(
    engine: sa.Engine, server: LocalServer, client: httpx.AsyncClient
) -> None:
    server.serve("/trade.rss", FIXTURE)
    serve_fixture_pages(server)
    briefer = FailsOn(ASAHI)
    settings = settings_for(server.url("/trade.rss"))
    first = await run_ingest(engine, settings, client, FakeClock(T0), briefer=briefer)
    assert (first.new_articles, first.matched_articles, first.failed_briefings) == (4, 2, 1)
    assert "2 on a topic, 1 could not be briefed (stored as failed)" in first.summary()
    with engine.connect() as connection:
        failed = connection.execute(
            sa.select(articles.c.canonical_url, articles.c.briefing_error).where(
                articles.c.briefing_error.is_not(None)
            )
        ).all()
    assert [tuple(row) for row in failed] == [(ASAHI, "ValueError: no sentence boundary found")]
    page_requests = len([r for r in server.requests if "15800000" in r.path])
    later = FakeClock(T0 + timedelta(hours=1))
    second = await run_ingest(engine, settings, client, later, briefer=briefer, only_due=False)
    assert (second.new_articles, second.failed_briefings) == (0, 0)
    assert len([r for r in server.requests if "15800000" in r.path]) == page_requests
    assert briefer.summarized.count(ASAHI) == 1
