"""Ingest throughput: 1,000 feeds of 50 items each, served from 127.0.0.1.

A local aiohttp server (a separate process, so it does not share the ingest's core) serves
generated RSS feeds with full content (no page fetches) and answers conditional GETs with 304.
The bench polls every feed once (everything new: parse, dedupe, topic match, summarize the
on-topic items, group into stories, store), then again (every feed answers 304).

Usage: .venv/bin/python bench/ingest.py [--feeds N] [--items N] [--on-topic FRACTION]
Prints human-readable figures; the last line is one JSON object.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import random
import resource
import sys
import tempfile
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from xml.sax.saxutils import escape

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.clock import FakeClock  # noqa: E402
from bot.config import Settings, load_settings  # noqa: E402
from bot.ingest import run_ingest  # noqa: E402
from bot.store.db import open_database, sqlite_url  # noqa: E402

START = datetime(2025, 6, 7, 12, 0, tzinfo=UTC)
WORDS = [
    "harbour",
    "council",
    "budget",
    "railway",
    "festival",
    "museum",
    "river",
    "orchard",
    "bridge",
    "library",
    "market",
    "election",
    "ferry",
    "stadium",
    "vineyard",
    "glacier",
    "tunnel",
    "airport",
    "hospital",
    "school",
    "factory",
    "mine",
    "forest",
    "harvest",
    "storm",
    "drought",
    "canal",
    "tower",
    "lighthouse",
    "theatre",
    "garden",
    "bakery",
    "brewery",
]
SYLLABLES = [
    "ka",
    "lo",
    "mi",
    "ra",
    "te",
    "su",
    "no",
    "vi",
    "be",
    "da",
    "go",
    "ri",
    "sha",
    "to",
    "ne",
    "ma",
    "lu",
    "ki",
    "fe",
    "zo",
]


def pseudo_words(count: int, seed: int) -> list[str]:
    """Distinct made-up words: news has far more names and places than a word list."""
    rng = random.Random(seed)
    words: set[str] = set()
    while len(words) < count:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words)


NAMES = [w.title() for w in pseudo_words(500, 1)]
PLACES = [w.title() for w in pseudo_words(500, 2)]
GOODS = pseudo_words(500, 3)


def item_xml(feed: int, item: int, on_topic: bool, when: datetime) -> str:
    rng = random.Random(feed * 1000 + item)
    # Two feeds share each on-topic story, so grouping also merges across outlets.
    story = (feed // 2) * 1000 + item if on_topic else feed * 1000 + item
    srng = random.Random(story)
    name, other = srng.sample(NAMES, 2)
    place, thing = srng.choice(PLACES), srng.choice(GOODS)
    number = srng.randint(10, 9999)
    if on_topic:
        title = f"{name} and {other} hold tariff talks on {thing} levies, round {number}"
        lede = (
            f"{name}, the chief negotiator, met {other} in {place} to discuss "
            f"{number} tariff lines on {thing} exports."
        )
        body = [
            lede,
            f'"We have not found any point of agreement on the {thing} tariff," {name} told '
            f"reporters after the {number}-minute meeting.",
            f"The two sides will meet again on June {srng.randint(10, 28)}, {other} said.",
        ]
    else:
        title = f"{place.title()} {thing} reopens after {number} days"
        lede = f"The {place} {thing} reopened on Monday after {number} days of repairs."
        body = [lede, f"Visitors queued outside the {thing} from early morning."]
    filler = " ".join(rng.choice(WORDS) for _ in range(120))
    body.append(f"Local residents described the {filler}.")
    content = "".join(f"<p>{escape(p)}</p>" for p in body)
    link = f"https://outlet{feed % 50}.example/news/{feed}/{item}"
    return (
        f"<item><title>{escape(title)}</title><link>{link}</link>"
        f"<guid>{link}</guid><pubDate>{format_datetime(when)}</pubDate>"
        f"<description>{escape(lede)}</description>"
        f"<content:encoded><![CDATA[{content}]]></content:encoded></item>"
    )


def feed_xml(feed: int, items: int, on_topic: float) -> bytes:
    rng = random.Random(feed)
    entries = []
    for item in range(items):
        when = START - timedelta(minutes=rng.randint(0, 600))
        entries.append(item_xml(feed, item, rng.random() < on_topic, when))
    return (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        f"<channel><title>Outlet {feed}</title><link>https://outlet{feed}.example/</link>"
        + "".join(entries)
        + "</channel></rss>"
    ).encode()


def serve(feeds: int, items: int, on_topic: float, port_queue: multiprocessing.Queue) -> None:
    from aiohttp import web

    bodies = [feed_xml(n, items, on_topic) for n in range(feeds)]

    async def handler(request: web.Request) -> web.Response:
        n = int(request.match_info["n"])
        etag = f'"f{n}"'
        if request.headers.get("If-None-Match") == etag:
            return web.Response(status=304, headers={"ETag": etag})
        return web.Response(
            body=bodies[n], headers={"ETag": etag, "Content-Type": "application/rss+xml"}
        )

    async def main() -> None:
        app = web.Application()
        app.router.add_get("/feed/{n}.xml", handler)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        port = runner.addresses[0][1]
        port_queue.put((port, sum(len(b) for b in bodies)))
        await asyncio.Event().wait()

    asyncio.run(main())


def bench_settings(base: Settings, urls: list[str]) -> Settings:
    topics = tuple(replace(t, feeds=()) for t in base.topics)
    topics = (replace(topics[0], feeds=tuple(urls)), *topics[1:])
    fetch = replace(
        base.fetch,
        allow_private_networks=True,
        # One local host serves every feed: the per-host politeness of a real deployment
        # (2 at a time, 1 s apart) would measure the sleep, not the pipeline.
        per_host_concurrency=32,
        per_host_interval_seconds=0.0,
        concurrency=32,
    )
    return replace(base, topics=topics, fetch=fetch)


async def poll(settings: Settings, db: str, clock: FakeClock) -> tuple[float, object]:
    engine = open_database(db)
    limits = httpx.Limits(max_connections=64, max_keepalive_connections=64)
    async with httpx.AsyncClient(trust_env=False, limits=limits) as client:
        started = time.perf_counter()
        report = await run_ingest(engine, settings, client, clock)
        elapsed = time.perf_counter() - started
    engine.dispose()
    return elapsed, report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=1000)
    parser.add_argument("--items", type=int, default=50)
    parser.add_argument("--on-topic", type=float, default=0.1)
    args = parser.parse_args()

    port_queue: multiprocessing.Queue = multiprocessing.Queue()
    server = multiprocessing.Process(
        target=serve, args=(args.feeds, args.items, args.on_topic, port_queue), daemon=True
    )
    server.start()
    port, total_bytes = port_queue.get(timeout=120)
    urls = [f"http://127.0.0.1:{port}/feed/{n}.xml" for n in range(args.feeds)]
    settings = bench_settings(load_settings(environ={}), urls)
    clock = FakeClock(START)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            db = sqlite_url(Path(tmp) / "bench.sqlite3")
            first_s, first = asyncio.run(poll(settings, db, clock))
            clock.advance(timedelta(minutes=settings.fetch.poll_interval_minutes + 1))
            second_s, second = asyncio.run(poll(settings, db, clock))
    finally:
        server.terminate()
        server.join()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    articles = first.new_articles  # type: ignore[attr-defined]
    result = {
        "feeds": args.feeds,
        "items_per_feed": args.items,
        "served_mb": round(total_bytes / 1e6, 1),
        "first_poll_s": round(first_s, 2),
        "first_poll_feeds_per_s": round(args.feeds / first_s, 1),
        "first_poll_articles_per_s": round(articles / first_s, 1),
        "articles_stored": articles,
        "on_topic_articles": first.matched_articles,  # type: ignore[attr-defined]
        "stories": first.stories_created,  # type: ignore[attr-defined]
        "second_poll_s": round(second_s, 2),
        "second_poll_feeds_per_s": round(args.feeds / second_s, 1),
        "second_poll_not_modified": second.count("unchanged"),  # type: ignore[attr-defined]
        "peak_rss_mb": round(peak_mb, 1),
    }
    print(f"first poll:  {first.summary()}")  # type: ignore[attr-defined]
    print(f"second poll: {second.summary()}")  # type: ignore[attr-defined]
    print(
        f"first poll {first_s:.1f} s: {result['first_poll_feeds_per_s']} feeds/s, "
        f"{result['first_poll_articles_per_s']} articles/s "
        f"({result['on_topic_articles']} on topic, summarized, in {result['stories']} stories)"
    )
    print(f"second poll (all 304) {second_s:.2f} s: {result['second_poll_feeds_per_s']} feeds/s")
    print(f"peak RSS of the ingest process: {result['peak_rss_mb']} MB")
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
