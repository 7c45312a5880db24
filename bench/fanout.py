"""Digest fan-out: one digest to 10,000 chats through a local fake platform that enforces
Telegram's limits, scaled up for a short run, with what is new filtered per chat.

The fake platform (a separate aiohttp process on 127.0.0.1, so it does not share the bot's
core) answers 429 to any message over a limit: ``--rate`` messages per second overall
(sliding 1 s window), 1 per second per chat, 20 per minute per group (negative chat ids).
The bot side is the real thing: 100,000 chats with one subscription each in SQLite (or
``--database-url``), the digest job queuing the 10,000 that fall due, and the delivery worker
sending them on the real clock with the limits configured to the same ceiling. The topic has
a thread of two developments since the last digest; every other due chat was already sent
the first one (by ``latest``), so the job reads what each chat was sent, leaves that out,
and marks what it queues as sent, in the transaction that queues it.

Reports: throughput as a ratio to the enforced ceiling (goal >= 0.95), messages rejected for
exceeding a limit (goal 0) and dropped (goal 0), CPU seconds per 1,000 messages (bot process),
and peak memory of the bot process with 100,000 subscriptions stored (goal < 200 MB), which
includes selecting every chat as due once.

Usage: .venv/bin/python bench/fanout.py [--chats N] [--stored N] [--rate R] [--database-url URL]
Prints human-readable figures; the last line is one JSON object.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import dataclasses
import gc
import json
import resource
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import aiohttp  # noqa: E402
import sqlalchemy as sa  # noqa: E402
from aiohttp import web  # noqa: E402

from bot.chat import Reply, ThreadDigestPart  # noqa: E402
from bot.clock import SystemClock  # noqa: E402
from bot.config import Settings, load_settings  # noqa: E402
from bot.delivery.queue import DeliveryQueue  # noqa: E402
from bot.delivery.ratelimit import RateLimiter  # noqa: E402
from bot.delivery.sender import SendResult  # noqa: E402
from bot.delivery.worker import DeliveryWorker, WorkerService  # noqa: E402
from bot.digests import DigestJob, due_chats  # noqa: E402
from bot.heap import freeze_startup_heap  # noqa: E402
from bot.render import RenderedMessage  # noqa: E402
from bot.store.briefings import BriefingStore  # noqa: E402
from bot.store.chats import ChatStore  # noqa: E402
from bot.store.db import create_engine, open_database, sqlite_url  # noqa: E402
from bot.store.schema import (  # noqa: E402
    chats,
    deliveries,
    sent_developments,
    stories,
    subscriptions,
)
from bot.store.sent import Via, mark_sent_to_chats  # noqa: E402
from bot.store.threads import ThreadStore  # noqa: E402
from briefings.model import Briefing, Development, Fact, Quote, Thread  # noqa: E402

GROUP_SHARE = 10  # every 10th chat is a group


# --- the fake platform (its own process) ---------------------------------------------------


class Limits:
    """Telegram's limits as the platform counts them: sliding windows over arrival times."""

    def __init__(self, rate: float) -> None:
        self.rate = rate
        self.overall: collections.deque[float] = collections.deque()
        self.last_per_chat: dict[str, float] = {}
        self.groups: dict[str, collections.deque[float]] = collections.defaultdict(
            collections.deque
        )
        self.accepted: collections.Counter[str] = collections.Counter()
        self.rejected = 0
        self.first = 0.0
        self.last = 0.0

    def offer(self, chat_id: str, now: float) -> bool:
        while self.overall and self.overall[0] <= now - 1.0:
            self.overall.popleft()
        group = self.groups[chat_id] if chat_id.startswith("-") else None
        if group is not None:
            while group and group[0] <= now - 60.0:
                group.popleft()
        over = (
            len(self.overall) >= self.rate
            or now - self.last_per_chat.get(chat_id, -1e9) < 1.0
            or (group is not None and len(group) >= 20)
        )
        if over:
            self.rejected += 1
            return False
        self.overall.append(now)
        self.last_per_chat[chat_id] = now
        if group is not None:
            group.append(now)
        self.accepted[chat_id] += 1
        self.first = self.first or now
        self.last = now
        return True


def serve_platform(rate: float) -> None:
    limits = Limits(rate)

    async def send_message(request: web.Request) -> web.Response:
        body = await request.json()
        chat_id = str(body["chat_id"])
        if not limits.offer(chat_id, time.monotonic()):
            return web.json_response(
                {"ok": False, "error_code": 429, "parameters": {"retry_after": 1}}, status=429
            )
        return web.json_response(
            {"ok": True, "result": {"message_id": sum(limits.accepted.values())}}
        )

    async def warm_up(request: web.Request) -> web.Response:
        # Same work as a message, not counted: a real platform is warm when the run starts.
        body = await request.json()
        return web.json_response({"ok": True, "result": {"chat": str(body["chat_id"])}})

    async def stats(request: web.Request) -> web.Response:
        return web.json_response(
            {
                "accepted": sum(limits.accepted.values()),
                "chats": len(limits.accepted),
                "duplicates": sum(n - 1 for n in limits.accepted.values()),
                "rejected": limits.rejected,
                "span_s": limits.last - limits.first,
            }
        )

    async def main() -> None:
        app = web.Application()
        app.router.add_post("/bot{token}/sendMessage", send_message)
        app.router.add_get("/stats", stats)
        app.router.add_post("/warmup", warm_up)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        gc.freeze()  # the stand-in for a platform should not stall on its own collector
        print(port, flush=True)
        await asyncio.Event().wait()

    asyncio.run(main())


# --- the bot side ----------------------------------------------------------------------------


class HttpSender:
    """A minimal Telegram-style sender over aiohttp (the bench's stand-in for the adapter)."""

    platform = "telegram"

    def __init__(self, session: aiohttp.ClientSession, base: str) -> None:
        self._session = session
        self._url = f"{base}/botTOKEN/sendMessage"

    async def send(self, chat_id: str, message: RenderedMessage) -> SendResult:
        try:
            async with self._session.post(
                self._url, json={"chat_id": chat_id, **message.payload}
            ) as response:
                body = await response.json()
        except aiohttp.ClientError as exc:
            return SendResult.retry(f"network: {exc}")
        if body.get("ok"):
            return SendResult.sent(str(body["result"]["message_id"]))
        retry_after = body.get("parameters", {}).get("retry_after")
        return SendResult.retry(f"HTTP {response.status}", retry_after)


class DigestRenderer:
    platform = "telegram"

    def render(self, reply: Reply) -> tuple[RenderedMessage, ...]:
        lines: list[str] = []
        for part in reply.parts:
            if isinstance(part, ThreadDigestPart):
                lines.append(part.title)
                lines.extend(
                    f"• {t.headline} ({t.new_count} new): {' '.join(t.outcomes)}"
                    for t in part.threads
                )
        return (RenderedMessage({"parse_mode": "HTML", "text": "\n".join(lines)}),)


def populate(url: str, stored: int, due_chats_count: int, due_at: str, now_iso: str) -> None:
    """Chats and subscriptions, written by a separate process so the bot's memory figure
    is the bot's alone. The first ``due_chats_count`` chats are due at ``due_at``."""
    now = datetime.fromisoformat(now_iso)
    engine = create_engine(url)
    other_times = [
        f"{h:02d}:{m:02d}" for h in range(24) for m in (0, 30) if f"{h:02d}:{m:02d}" != due_at
    ]
    step = 5000
    with engine.begin() as connection:
        for start in range(0, stored, step):
            rows = []
            for i in range(start, min(start + step, stored)):
                group = i % GROUP_SHARE == 0
                rows.append(
                    {
                        "id": i + 1,
                        "platform": "telegram",
                        "chat_id": f"-{100000 + i}" if group else str(100000 + i),
                        "kind": "group" if group else "private",
                        "state": "active",
                        "digest_time": due_at
                        if i < due_chats_count
                        else other_times[i % len(other_times)],
                        "digest_zone": "UTC",
                        "created_at": now,
                        "updated_at": now,
                    }
                )
            connection.execute(chats.insert(), rows)
            connection.execute(
                subscriptions.insert(),
                [
                    {
                        "chat_pk": row["id"],
                        "topic": "trade-talks",
                        "active": True,
                        "created_at": now,
                        "updated_at": now,
                    }
                    for row in rows
                ],
            )
    fifth = Briefing(
        headline="Japan-US tariff talks: fifth round ends without agreement",
        url="https://news.example/asahi/fifth-round",
        outcomes=(Fact("Japan and the U.S. failed to find common ground in the fifth round."),),
        quotes=(Quote("But we have not found any point of agreement.", "Ryosei Akazawa"),),
        topics=("trade-talks",),
    )
    sixth = Briefing(
        headline="Japan-US tariff talks: sixth round set for next week",
        url="https://news.example/asahi/sixth-round",
        outcomes=(Fact("Akazawa will return to Washington for a sixth round next week."),),
        topics=("trade-talks",),
    )
    briefings = BriefingStore(engine)
    earlier, later = now - timedelta(hours=3), now - timedelta(hours=2)
    briefings.save("fifth-round", fifth, earlier)
    briefings.save("sixth-round", sixth, later)
    developments = (
        Development("fifth-round", fifth, ("fifth",), earlier),
        Development("sixth-round", sixth, ("sixth",), later),
    )
    ids = ThreadStore(engine).save([Thread("japan-us", developments)], {}, later)
    with engine.begin() as connection:
        story_id = connection.execute(
            sa.select(stories.c.id).where(stories.c.key == "fifth-round")
        ).scalar_one()
        mark_sent_to_chats(
            connection,
            {pk: [(story_id, ids["japan-us"])] for pk in range(1, due_chats_count + 1, 2)},
            Via.LATEST,
            earlier,
        )
    engine.dispose()


def per_chat_filtering(engine: sa.Engine, due: int) -> dict[str, Any]:
    """How the queued digests differ per chat: two new developments for the chats that had
    not been sent the fifth round, one for the others; every development shown marked sent
    once."""
    with engine.connect() as connection:
        texts = connection.execute(sa.select(deliveries.c.payload)).scalars().all()
        marked = connection.execute(
            sa.select(sa.func.count())
            .select_from(sent_developments)
            .where(sent_developments.c.via == Via.DIGEST.value)
        ).scalar_one()
    with_fifth = sum(1 for payload in texts if "(2 new)" in payload["text"])
    expected = {"with_fifth": due // 2, "without_fifth": due - due // 2, "marked": due + due // 2}
    found = {"with_fifth": with_fifth, "without_fifth": len(texts) - with_fifth, "marked": marked}
    return {**found, "ok": found == expected}


def bench_settings(rate: float) -> Settings:
    base = load_settings(environ={})
    delivery = dataclasses.replace(
        base.delivery,
        telegram_per_second=rate,
        concurrency=64,
    )
    return dataclasses.replace(base, delivery=delivery)


async def deliver(
    engine: sa.Engine, settings: Settings, base: str, expected: int
) -> dict[str, Any]:
    clock = SystemClock()
    queue = DeliveryQueue(engine, clock, lease_seconds=settings.delivery.lease_seconds)
    connector = aiohttp.TCPConnector(limit=settings.delivery.concurrency * 2)
    async with aiohttp.ClientSession(connector=connector) as session:
        service = WorkerService(
            DeliveryWorker(
                queue,
                {"telegram": HttpSender(session, base)},
                RateLimiter(settings.delivery, clock),
                ChatStore(engine),
                clock,
                asyncio.sleep,
                settings.delivery,
            )
        )
        for i in range(200):
            async with session.post(f"{base}/warmup", json={"chat_id": i, "text": "x"}) as r:
                await r.read()
        cpu0, wall0 = _cpu(), time.perf_counter()
        await service.start()
        freeze_startup_heap()  # as briefbot run does once everything has started
        while queue.pending():  # noqa: ASYNC110 - polling the database, not an in-process flag
            await asyncio.sleep(0.5)
        await service.stop()
        cpu, wall = _cpu() - cpu0, time.perf_counter() - wall0
        async with session.get(f"{base}/stats") as response:
            stats = await response.json()
    counts = queue.counts()
    return {"cpu_s": cpu, "wall_s": wall, "stats": stats, "counts": counts, "expected": expected}


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chats", type=int, default=10_000, help="chats due (messages sent)")
    parser.add_argument("--stored", type=int, default=100_000, help="subscriptions stored")
    parser.add_argument("--rate", type=float, default=300.0, help="enforced messages/s overall")
    parser.add_argument("--database-url", default="", help="default: a temporary SQLite file")
    parser.add_argument("--serve", type=float, help=argparse.SUPPRESS)
    parser.add_argument("--populate", nargs=5, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve_platform(args.serve)
        return
    if args.populate:
        url, stored, due, at, now = args.populate
        populate(url, int(stored), int(due), at, now)
        return

    with tempfile.TemporaryDirectory() as tmp:
        url = args.database_url or sqlite_url(Path(tmp) / "fanout.sqlite3")
        engine = open_database(url)
        now = datetime.now(UTC).replace(second=0, microsecond=0)
        due_at = now.strftime("%H:%M")
        t0 = time.perf_counter()
        subprocess.run(
            [
                sys.executable,
                __file__,
                "--populate",
                url,
                str(args.stored),
                str(args.chats),
                due_at,
                now.isoformat(),
            ],
            check=True,
        )
        print(f"stored {args.stored:,} chats/subscriptions in {time.perf_counter() - t0:.1f} s")

        settings = bench_settings(args.rate)
        platform = subprocess.Popen(
            [sys.executable, __file__, "--serve", str(args.rate)], stdout=subprocess.PIPE, text=True
        )
        try:
            assert platform.stdout is not None
            base = f"http://127.0.0.1:{platform.stdout.readline().strip()}"
            clock = SystemClock()
            job = DigestJob(
                engine,
                ThreadStore(engine),
                DeliveryQueue(engine, clock),
                {"telegram": DigestRenderer()},
                settings,
            )
            t0 = time.perf_counter()
            run = job.run(clock.now(), now - timedelta(seconds=1))
            enqueue_s = time.perf_counter() - t0
            queued = f"{run.due:,} due, {run.messages:,} messages queued"
            print(f"digest job: {queued} in {enqueue_s:.1f} s")
            filtering = per_chat_filtering(engine, run.due)
            print(
                f"per chat: {filtering['with_fifth']:,} digests carry the development their chat "
                f"had not been sent, {filtering['without_fifth']:,} leave it out; "
                f"{filtering['marked']:,} developments marked sent with the digests"
            )
            result = asyncio.run(deliver(engine, settings, base, run.messages))
        finally:
            platform.kill()
            platform.wait()

        t0 = time.perf_counter()
        everyone = due_chats(engine, now - timedelta(days=1), now + timedelta(minutes=1))
        select_s = time.perf_counter() - t0
        print(f"selecting all {len(everyone):,} other chats as due took {select_s:.1f} s")
        del everyone
        engine.dispose()

    stats = result["stats"]
    sent = stats["accepted"]
    rate = (sent - 1) / stats["span_s"] if stats["span_s"] > 0 else 0.0
    ceiling_ratio = rate / args.rate
    dropped = result["expected"] - stats["chats"] + result["counts"].get("failed", 0)
    cpu_per_1000 = result["cpu_s"] / (sent / 1000) if sent else 0.0
    peak = _peak_rss_mb()
    print(f"delivered {sent:,} messages to {stats['chats']:,} chats in {result['wall_s']:.1f} s")
    print(
        f"throughput {rate:.1f} msg/s = {ceiling_ratio:.3f} of the enforced {args.rate:.0f} msg/s"
    )
    print(f"rejected by the platform for exceeding a limit: {stats['rejected']}")
    print(f"dropped: {dropped}, duplicates: {stats['duplicates']}, queue: {result['counts']}")
    print(f"CPU (bot process): {cpu_per_1000:.3f} s per 1,000 messages")
    print(f"peak RSS (bot process) with {args.stored:,} subscriptions stored: {peak:.1f} MB")
    print(
        json.dumps(
            {
                "ceiling_ratio": round(ceiling_ratio, 4),
                "rejected": stats["rejected"],
                "dropped": dropped,
                "duplicates": stats["duplicates"],
                "messages": sent,
                "msg_per_s": round(rate, 1),
                "enforced_msg_per_s": args.rate,
                "cpu_s_per_1000": round(cpu_per_1000, 3),
                "enqueue_s": round(enqueue_s, 2),
                "per_chat_filtering_ok": filtering["ok"],
                "peak_rss_mb_100k_subs": round(peak, 1),
                "stored_subscriptions": args.stored,
            }
        )
    )


if __name__ == "__main__":
    main()
