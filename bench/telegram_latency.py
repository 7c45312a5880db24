"""Telegram answers, idle and while a heavy ingest runs: from the moment a user's message
reaches the Bot API to the moment the bot's reply does.

Runs the real Telegram adapter (python-telegram-bot polling, the real commands over a SQLite
database seeded with ``--threads`` threads of ``--developments`` developments on the topic)
in its own process against the Bot API stand-in, with feed
polling as ``briefbot run`` does it (each ingest pass in a worker process of the pool). N
users, each in their own private chat, send ``/latest trade-talks``, wait for the answer, read
it (1.1 s from its last message on, plus an exponential think time, mean ``--think``
seconds) and ask again. Each
command is timed on the Bot API's side of the wire: from the moment the user's message reaches
the stand-in (before any ``getUpdates`` hands it out) until the bot's ``sendMessage`` for that
chat arrives.

Phases: idle (no ingest); then the same users while the bot ingests ``--feeds`` feeds of
``--items`` summary-only on-topic items each, every item an article page of about
``--page-kb`` KB served by a local HTTP server in its own process (fetch, extraction,
briefing, story grouping, storing); the phase lasts as long as that ingest pass. Last, a
flood: one more chat sends ``--flood`` commands at once while the users go on for
``--flood-seconds``; the stand-in enforces Telegram's limits (429 past them), and the bot
answers through its rate limiter as ``briefbot run`` does.

    .venv/bin/python bench/telegram_latency.py [--users 50] [--think 1] [--feeds 10] [--items 30]

``/latest`` answers with what is new in each thread (at most five, most recent first): a
user's first answer holds every thread whole, later ones what came since (during ingest, the
new stories), and each answer marks what it showed as sent to that chat. ``latest_p95_ms`` is
the p95 of the idle phase: the time ``latest`` takes with threads, end to end.

Last line: one JSON object (``latest_p95_ms``, ``idle_p95_ms``, ``ingest_p95_ms``,
``ingest_max_ms``, ``flood_p95_ms``, ``refused``, ...).
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import json
import logging
import multiprocessing
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import httpx
from aiohttp import web

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.clock import SystemClock  # noqa: E402
from bot.commands.dispatch import Commands  # noqa: E402
from bot.config import Settings, TelegramSettings, load_settings  # noqa: E402
from bot.delivery.ratelimit import RateLimiter  # noqa: E402
from bot.scheduling import PooledPoll, feed_poller  # noqa: E402
from bot.store.briefings import BriefingStore  # noqa: E402
from bot.store.chats import ChatStore  # noqa: E402
from bot.store.db import create_engine, migrate, sqlite_url  # noqa: E402
from bot.store.threads import ThreadStore  # noqa: E402
from bot.telegram.adapter import TelegramAdapter  # noqa: E402
from briefings.model import (  # noqa: E402
    Briefing,
    Change,
    Development,
    Fact,
    Quote,
    SourceRef,
    StatedFact,
    Thread,
)
from briefings.stories.topics import Topic  # noqa: E402
from tests.telegram_standin import BotApiStandIn, SentMessage  # noqa: E402

GOAL_P95_MS = 100.0
GOAL_MAX_MS = 1000.0
LATEST_GOAL_P95_MS = 50.0
READING_S = 1.1
TOKEN = "123456:BENCH-token"
PAGE = (ROOT / "tests" / "data" / "asahi-2025-06-07-tariff-talks.html").read_text("utf-8")
START = datetime(2025, 6, 7, 9, 0, tzinfo=UTC)


def seed_threads(engine: Any, now: datetime, threads: int, developments: int) -> None:
    """``threads`` made-up negotiations on trade-talks, each ``developments`` developments a
    day apart up to a few hours ago; each development reported by two outlets, with three
    outcomes, a next step, two quotes, and a deadline and a rate that move."""
    briefings = BriefingStore(engine)
    made: list[Thread] = []
    material: dict[str, tuple[str, ...]] = {}
    for t in range(threads):
        parties = f"Norland-Land{t}"
        chain: list[Development] = []
        for d in range(developments):
            when = now - timedelta(days=developments - 1 - d, hours=2 + t)
            key = f"bench-{t}-{d}"
            url, other = f"https://ht.example/{key}", f"https://nw.example/{key}"
            briefing = Briefing(
                headline=f"{parties} trade talks: round {d + 1} ends, deadline now {d + 1} July",
                url=url,
                outlet="Harbour Times",
                published=when,
                outcomes=(
                    Fact(f"Round {d + 1} of the {parties} talks ended on day {d}.", url),
                    Fact(f"The car tariff stands at {30 - d} % after round {d + 1}.", other),
                    Fact(f"Negotiators met for {3 + d} hours in Kessel, talk {t}.", url),
                ),
                next=(Fact(f"Round {d + 2} is due next week in Lindau, thread {t}.", url),),
                quotes=(
                    Quote(
                        f"We moved {d} steps closer in the {parties} talks",
                        "Ana Pereira",
                        "chief negotiator",
                        url,
                    ),
                    Quote(
                        f"Round {d + 1} was frank and long, thread {t}",
                        "Tomas Halvik",
                        "negotiator",
                        other,
                    ),
                ),
                sources=(
                    SourceRef(url, "Harbour Times", f"Round {d + 1} ends"),
                    SourceRef(other, "Northern Wire", f"{parties}: round {d + 1}"),
                ),
                topics=("trade-talks",),
            )
            briefings.save(key, briefing, when)
            facts = (
                StatedFact("deadline", "deadline", f"{d + 1} July", url),
                StatedFact("rate", "car tariff", f"{30 - d} %", url),
            )
            changes = (
                (
                    Change("deadline", "deadline", f"{d} July", f"{d + 1} July", url),
                    Change("rate", "car tariff", f"{31 - d} %", f"{30 - d} %", url),
                )
                if d
                else ()
            )
            material[key] = ("new deadline", "new rate") if d else ()
            chain.append(Development(key, briefing, (url, other), when, facts, changes))
        made.append(Thread(f"bench-thread-{t}", tuple(chain)))
    ThreadStore(engine).save(made, material, now)


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(pct / 100 * len(ordered)) - 1))
    return ordered[index]


# --- the site the bot ingests (its own process) ----------------------------------------------


def page(base: str, n: int, size: int) -> bytes:
    """Article ``n``: the Asahi fixture as round ``n``, padded with site furniture (menus,
    related links, a data blob) to about ``size`` bytes, as news pages are."""
    url = f"{base}/page/{n}.html"
    html = (
        PAGE.replace("fifth round", f"round {n}")
        .replace("https://asahi.example/ajw/articles/15800000", url)
        .replace("on June 6", f"on day {n}")
    )
    rng = random.Random(n)
    words = "harbour council budget railway museum river bridge market ferry tunnel"
    related: list[str] = []
    blob: list[str] = []
    while sum(map(len, related)) + sum(map(len, blob)) < size - len(html):
        title = " ".join(rng.choice(words.split()) for _ in range(9)).capitalize()
        related.append(f'<li><a href="/ajw/related/{rng.randrange(10**9)}">{title}</a></li>\n')
        blob.append(f'{{"id": {rng.randrange(10**9)}, "headline": "{title}"}},')
    furniture = (
        '<section class="related"><h2>MOST READ</h2><ul>\n'
        + "".join(related)
        + "</ul></section>\n<script>window.__DATA__ = ["
        + "".join(blob)
        + "];</script>\n"
    )
    return html.replace("</main>", "</main>\n" + furniture).encode()


def feed(base: str, feed_n: int, items: int) -> bytes:
    entries = []
    for i in range(items):
        n = feed_n * items + i
        published = format_datetime(START + timedelta(minutes=n))
        entries.append(
            f"<item><title>Round {n} of tariff talks ends without agreement</title>"
            f"<link>{base}/page/{n}.html</link><guid>{base}/page/{n}.html</guid>"
            f"<pubDate>{published}</pubDate>"
            f"<description>{escape(f'Akazawa and Bessent met for round {n}.')}</description>"
            "</item>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Wire {feed_n}</title><link>{base}/</link>{''.join(entries)}</channel></rss>"
    ).encode()


def serve_site(feeds: int, items: int, page_bytes: int, ports: Any) -> None:
    """The feed and page server's process: every page is built before the first request, so
    serving costs no more than sending bytes."""

    async def main() -> None:
        cache: dict[int, bytes] = {}
        base = ""

        async def feed_handler(request: web.Request) -> web.Response:
            n = int(request.match_info["n"])
            return web.Response(body=feed(base, n, items), content_type="application/rss+xml")

        async def page_handler(request: web.Request) -> web.Response:
            body = cache[int(request.match_info["n"])]
            return web.Response(body=body, content_type="text/html", charset="utf-8")

        app = web.Application()
        app.router.add_get("/feed/{n}.rss", feed_handler)
        app.router.add_get("/page/{n}.html", page_handler)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        assert site._server is not None
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[attr-defined]
        base = f"http://127.0.0.1:{port}"
        cache.update((n, page(base, n, page_bytes)) for n in range(feeds * items))
        ports.put(port)
        await asyncio.Event().wait()

    asyncio.run(main())


# --- the bot's process ------------------------------------------------------------------------


def bot_settings(site: str, feeds: int) -> Settings:
    settings = load_settings(environ={})
    fetch = dataclasses.replace(
        settings.fetch,
        allow_private_networks=True,
        per_host_interval_seconds=0.0,
        per_host_concurrency=8,
    )
    topic = Topic(
        "trade-talks",
        "Trade talks",
        include=("tariff", "trade talks", "Akazawa"),
        feeds=tuple(f"{site}/feed/{n}.rss" for n in range(feeds)),
    )
    return dataclasses.replace(settings, fetch=fetch, topics=(topic,))


async def serve(base_url: str, database: str, site: str, feeds: int, in_loop: bool) -> None:
    """The bot's process: the adapter over ``database``; a line ``ingest`` on stdin runs one
    ingest pass the way the scheduler does (``in_loop``: inside the bot's own event loop, for
    comparison); stdin closing stops it."""
    settings = bot_settings(site, feeds)
    clock = SystemClock()
    engine = create_engine(sqlite_url(Path(database)))
    adapter = TelegramAdapter(
        TOKEN,
        Commands(engine, settings, clock),
        TelegramSettings(poll_timeout_seconds=10),
        api_base_url=base_url,
        chats=ChatStore(engine),
        clock=clock,
        limiter=RateLimiter(settings.delivery, clock),
    )
    pooled = PooledPoll(sqlite_url(Path(database)), settings)
    client = httpx.AsyncClient(trust_env=False)
    poll = feed_poller(engine, settings, clock, client) if in_loop else pooled
    await adapter.start()
    print("ready", flush=True)
    loop = asyncio.get_running_loop()
    passes: set[asyncio.Task[None]] = set()

    async def ingest() -> None:
        started = time.perf_counter()
        report: Any = await poll(clock.now())
        print(
            json.dumps(
                {
                    "ingest_s": round(time.perf_counter() - started, 2),
                    "pages": report.pages_fetched,
                    "articles": report.new_articles,
                    "stories": report.stories_created + report.stories_updated,
                }
            ),
            flush=True,
        )

    while line := await loop.run_in_executor(None, sys.stdin.readline):
        if line.strip() == "ingest":
            task = asyncio.create_task(ingest())
            passes.add(task)
            task.add_done_callback(passes.discard)
    await pooled.close()
    await client.aclose()
    await adapter.stop()
    engine.dispose()


# --- the users --------------------------------------------------------------------------------


class Users:
    """The users' side: send a command, wait for the answer in that chat."""

    def __init__(self, standin: BotApiStandIn) -> None:
        self._standin = standin
        self._waiting: dict[int, asyncio.Future[SentMessage]] = {}
        self.last_message: dict[int, float] = {}
        standin.on_sent.append(self._answered)

    def _answered(self, message: SentMessage) -> None:
        self.last_message[message.chat_id] = time.monotonic()
        future = self._waiting.pop(message.chat_id, None)
        if future is not None and not future.done():
            future.set_result(message)

    async def quiet(self, seconds: float) -> None:
        """Wait until no message has arrived for ``seconds``."""
        while True:
            last = max(self.last_message.values(), default=0.0)
            left = last + seconds - time.monotonic()
            if left <= 0:
                return
            await asyncio.sleep(left)

    async def ask(self, chat_id: int, text: str) -> tuple[float, float]:
        """When the message reached the Bot API, and seconds until the reply did."""
        future = asyncio.get_running_loop().create_future()
        self._waiting[chat_id] = future
        arrived = time.monotonic()
        self._standin.send_text(chat_id, text)
        reply = await asyncio.wait_for(future, 60)
        return arrived, reply.at - arrived


async def phase(
    users: Users, chats: list[int], think: float, rng: random.Random, until: asyncio.Event
) -> list[tuple[float, float]]:
    """Every user asks, reads for ``think`` s (exponential), and asks again, until ``until``
    is set; (arrival, latency in ms) per command."""

    async def user(chat_id: int) -> list[tuple[float, float]]:
        samples = []
        while not until.is_set():
            if think and await read(chat_id, READING_S + rng.expovariate(1 / think)):
                break
            arrived, seconds = await users.ask(chat_id, "/latest trade-talks")
            samples.append((arrived, seconds * 1000))
        return samples

    async def read(chat_id: int, seconds: float) -> bool:
        """Read the last answer: ``seconds`` from its first message, and at least
        :data:`READING_S` from its last (nobody reads a message in less than a second, and
        Telegram lets a bot send one chat one message a second). True when ``until`` was set
        meanwhile."""
        deadline = time.monotonic() + seconds
        while True:
            try:
                await asyncio.wait_for(until.wait(), max(0.0, deadline - time.monotonic()))
                return True
            except TimeoutError:
                pass
            last = users.last_message.get(chat_id, 0.0) + READING_S
            if last <= time.monotonic():
                return False
            deadline = last

    per_user = await asyncio.gather(*(user(c) for c in chats))
    return [sample for samples in per_user for sample in samples]


async def run(args: argparse.Namespace) -> dict[str, Any]:
    rng = random.Random(7)
    ports: Any = multiprocessing.get_context("spawn").Queue()
    site_process = multiprocessing.get_context("spawn").Process(
        target=serve_site,
        args=(args.feeds, args.items, args.page_kb * 1024, ports),
        daemon=True,
    )
    site_process.start()
    site = f"http://127.0.0.1:{ports.get(timeout=120)}"
    standin = BotApiStandIn(TOKEN)
    await standin.start()
    users = Users(standin)
    chats = [10_000 + n for n in range(args.users)]
    flooder = 99_999
    for chat_id in (*chats, flooder):
        standin.add_chat(chat_id)
    standin.enforce_rate_limits()
    with tempfile.TemporaryDirectory() as tmp:
        database = Path(tmp) / "bench.sqlite3"
        engine = create_engine(sqlite_url(database))
        migrate(engine)
        seed_threads(engine, SystemClock().now(), args.threads, args.developments)
        engine.dispose()
        bot = await asyncio.create_subprocess_exec(
            sys.executable, __file__, "--serve", standin.base_url, str(database), site,
            str(args.feeds), str(int(args.ingest_in_loop)),
            stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
        )  # fmt: skip
        assert bot.stdin is not None
        assert bot.stdout is not None
        try:
            await bot.stdout.readline()
            # Warm-up: every chat is created in the database once, connections are opened.
            await asyncio.gather(*(users.ask(c, "/latest trade-talks") for c in chats))
            await users.quiet(READING_S + 0.5)  # every first answer read to its end
            idle_over = asyncio.Event()
            asyncio.get_running_loop().call_later(args.idle_seconds, idle_over.set)
            idle = await phase(users, chats, args.think, rng, idle_over)
            ingest_over = asyncio.Event()
            bot.stdin.write(b"ingest\n")
            await bot.stdin.drain()
            started = time.monotonic()

            async def wait_for_ingest() -> dict[str, Any]:
                assert bot.stdout is not None
                line = await bot.stdout.readline()
                ingest_over.set()
                return dict(json.loads(line))

            ingest_task = asyncio.create_task(wait_for_ingest())
            during = await phase(users, chats, args.think, rng, ingest_over)
            ingest = await ingest_task
            ended = time.monotonic()
            flood_over = asyncio.Event()
            asyncio.get_running_loop().call_later(args.flood_seconds, flood_over.set)
            for _ in range(args.flood):
                standin.send_text(flooder, "/latest trade-talks")
            flood = await phase(users, chats, args.think, rng, flood_over)
        finally:
            bot.stdin.close()
            await bot.wait()
            await standin.close()
            site_process.kill()
    idle_ms = [ms for _, ms in idle]
    ingest_ms = [ms for arrived, ms in during if started <= arrived <= ended]
    flood_ms = [ms for _, ms in flood]
    flooded = [m.plain for m in standin.sent_to(flooder)]
    notices = sum("faster than I can answer" in text for text in flooded)
    result: dict[str, Any] = {
        "latest_p95_ms": round(percentile(idle_ms, 95), 2),
        "latest_threads": args.threads,
        "latest_developments_per_thread": args.developments,
        "users": args.users,
        "think_s": args.think,
        "idle_requests": len(idle_ms),
        "idle_p50_ms": round(percentile(idle_ms, 50), 2),
        "idle_p95_ms": round(percentile(idle_ms, 95), 2),
        "idle_max_ms": round(max(idle_ms), 2),
        "ingest_requests": len(ingest_ms),
        "ingest_p50_ms": round(percentile(ingest_ms, 50), 2),
        "ingest_p95_ms": round(percentile(ingest_ms, 95), 2),
        "ingest_max_ms": round(max(ingest_ms), 2),
        "ingest_mean_ms": round(statistics.fmean(ingest_ms), 2),
        "ingest_over_1s": sum(1 for ms in ingest_ms if ms > 1000),
        "flood_commands": args.flood,
        "flood_answers": len(flooded) - notices,
        "flood_notices": notices,
        "flood_requests": len(flood_ms),
        "flood_p95_ms": round(percentile(flood_ms, 95), 2),
        "flood_max_ms": round(max(flood_ms), 2),
        "refused": len(standin.rejected),
        "refused_detail": sorted(
            {
                f"{'flooding chat' if chat == flooder else 'a user'}: {code} {text}"
                for chat, code, text in standin.rejected
            }
        ),
        **ingest,
        "page_kb": args.page_kb,
        "ingest_in_loop": args.ingest_in_loop,
        "goal_p95_ms": GOAL_P95_MS,
        "goal_max_ms": GOAL_MAX_MS,
        "latest_goal_p95_ms": LATEST_GOAL_P95_MS,
    }
    result["goal_met"] = (
        result["ingest_p95_ms"] < GOAL_P95_MS
        and result["ingest_max_ms"] < GOAL_MAX_MS
        and result["flood_p95_ms"] < GOAL_P95_MS
        and result["refused"] == 0
        and result["latest_p95_ms"] < LATEST_GOAL_P95_MS
    )
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument(
        "--think", type=float, default=2.0, help="mean think time beyond the first 1.1 s"
    )
    parser.add_argument("--idle-seconds", type=float, default=10.0)
    parser.add_argument("--threads", type=int, default=8, help="threads seeded on the topic")
    parser.add_argument("--developments", type=int, default=12, help="developments per thread")
    parser.add_argument("--feeds", type=int, default=10)
    parser.add_argument("--items", type=int, default=30, help="article pages per feed")
    parser.add_argument("--page-kb", type=int, default=200)
    parser.add_argument("--flood", type=int, default=500, help="commands the flooding chat sends")
    parser.add_argument("--flood-seconds", type=float, default=10.0)
    parser.add_argument(
        "--ingest-in-loop",
        action="store_true",
        help="run the ingest pass inside the bot's event loop (how it was), for comparison",
    )
    parser.add_argument("--serve", nargs=5, metavar="ARG", help=argparse.SUPPRESS)
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    if args.serve:
        base_url, database, site, feeds, in_loop = args.serve
        asyncio.run(serve(base_url, database, site, int(feeds), in_loop == "1"))
        return
    result = asyncio.run(run(args))
    print(
        f"/latest from {result['users']} users, each reading ~{READING_S + args.think:g} s between "
        "commands; timed from the message reaching the Bot API to the reply reaching it"
    )
    print(
        f"  idle ({args.threads} threads of {args.developments} developments on the topic): "
        f"{result['idle_requests']} commands, p50 {result['idle_p50_ms']} ms, "
        f"p95 {result['idle_p95_ms']} ms, max {result['idle_max_ms']} ms"
    )
    print(
        f"  during ingest ({result['pages']} pages of ~{args.page_kb} KB, "
        f"{result['articles']} articles, {result['stories']} stories in {result['ingest_s']} s): "
        f"{result['ingest_requests']} commands, p50 {result['ingest_p50_ms']} ms, "
        f"p95 {result['ingest_p95_ms']} ms, max {result['ingest_max_ms']} ms, "
        f"{result['ingest_over_1s']} over 1 s"
    )
    print(
        f"  during a flood of {args.flood} commands from one chat: the others' "
        f"{result['flood_requests']} commands p95 {result['flood_p95_ms']} ms, "
        f"max {result['flood_max_ms']} ms; the flooding chat got {result['flood_answers']} "
        f"answers and {result['flood_notices']} notice; {result['refused']} sends refused (429)"
    )
    print(
        f"  goal latest p95 < {LATEST_GOAL_P95_MS:.0f} ms; p95 < {GOAL_P95_MS:.0f} ms during "
        f"ingest and flood, max < {GOAL_MAX_MS:.0f} ms during ingest, 0 refused: "
        f"{'met' if result['goal_met'] else 'NOT met'}"
    )
    print(json.dumps(result))


if __name__ == "__main__":
    main()
