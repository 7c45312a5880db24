"""The demo's story, step by step, over the real parts: commands, ingest, threads, digest,
delivery.

Nothing leaves the machine: three made-up outlets' feeds and pages come from
:mod:`bot.demo.site` on 127.0.0.1, the database is SQLite in ``data_dir``, and time is a
:class:`~bot.clock.FakeClock` moved from one day of news to the next instead of waited for.
A console chat follows trade talks between Norland and Aldoria over three days of news:
the first ``latest``, a second one that starts with what is new since, the thread's
``timeline``, and a digest that holds only what the chat has not seen.
"""

from __future__ import annotations

import dataclasses
import io
import logging
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TextIO
from zoneinfo import ZoneInfo

import httpx
import sqlalchemy as sa

from bot.app import open_database_for
from bot.clock import FakeClock
from bot.commands.dispatch import Commands
from bot.commands.timeparse import next_local_time
from bot.config import Secrets, Settings
from bot.console.adapter import ConsoleAdapter
from bot.delivery.queue import DeliveryQueue
from bot.delivery.ratelimit import RateLimiter
from bot.delivery.worker import DeliveryWorker
from bot.demo.site import SampleSite, serve_sample_site
from bot.digests.job import DigestJob
from bot.ingest import run_ingest
from bot.store.chats import ChatStore
from bot.store.threads import ThreadStore

log = logging.getLogger(__name__)

# The evenings the bot polls the sample site: the fourth round ends (Wednesday 4 March), the
# deadline moves (Monday 9 March), the fifth round opens (Thursday 12 March).
DAY_ONE = datetime(2026, 3, 4, 21, 30, tzinfo=UTC)
DAY_TWO = datetime(2026, 3, 9, 15, 0, tzinfo=UTC)
DAY_THREE = datetime(2026, 3, 12, 18, 0, tzinfo=UTC)
DEMO_START = DAY_ONE
TOPIC = "trade-talks"
DIGEST_TIME, DIGEST_ZONE = "08:00", "Europe/Berlin"
CHAT_ID = "demo"


def demo_settings(base: Settings, data_dir: Path, feed_urls: tuple[str, ...]) -> Settings:
    """``base`` with only the sample feeds, SQLite in ``data_dir``, loopback fetching allowed
    and no platform tokens: the demo never touches another host."""
    topics = tuple(
        dataclasses.replace(t, feeds=feed_urls if t.name == TOPIC else ()) for t in base.topics
    )
    if not any(t.name == TOPIC for t in topics):
        raise ValueError(f"the demo needs the {TOPIC} topic in the configuration")
    return dataclasses.replace(
        base,
        bot=dataclasses.replace(base.bot, data_dir=str(data_dir)),
        fetch=dataclasses.replace(
            base.fetch, allow_private_networks=True, per_host_interval_seconds=0.0
        ),
        topics=topics,
        secrets=Secrets(allow_private_networks=True),
    )


async def run_demo(out: TextIO, data_dir: Path, base: Settings) -> int:
    """Run the walkthrough, writing what happens to ``out``; the exit status."""
    clock = FakeClock(DEMO_START)
    with serve_sample_site(clock.now) as site:
        settings = demo_settings(base, data_dir, site.feed_urls)
        engine = open_database_for(settings)
        try:
            return await _walkthrough(_Screen(out), settings, engine, site, clock)
        finally:
            engine.dispose()


class _Screen:
    def __init__(self, out: TextIO) -> None:
        self.out = out
        self._step = 0

    def section(self, title: str) -> None:
        self._step += 1
        heading = f"== {self._step}. {title} "
        self.out.write(f"\n{heading.ljust(78, '=')}\n\n")

    def note(self, text: str) -> None:
        self.out.write(text.rstrip("\n") + "\n\n")

    def typed(self, line: str) -> None:
        self.out.write(f"you> {line}\n\n")


async def _walkthrough(
    screen: _Screen, settings: Settings, engine: sa.Engine, site: SampleSite, clock: FakeClock
) -> int:
    console = ConsoleAdapter(
        Commands(engine, settings, clock), io.StringIO(), screen.out, chat_id=CHAT_ID
    )

    async def say(line: str) -> None:
        screen.typed(line)
        await console.handle_line(line)

    async def poll(when: datetime) -> None:
        clock.set(when)
        screen.note(f"Simulated time: {_berlin(when)}. The bot polls the outlets' feeds:")
        async with httpx.AsyncClient(trust_env=False) as client:
            report = await run_ingest(engine, settings, client, clock, only_due=False)
        for feed in report.feeds:
            screen.note(f"{feed.url}: {feed.describe()}")
        screen.note(report.summary())

    screen.section(f"A console chat follows {TOPIC}, with a digest at 08:00 Berlin time")
    await say(f"subscribe {TOPIC}")
    await say(f"digest {DIGEST_TIME} {DIGEST_ZONE}")

    screen.section("Wednesday 4 March: the fourth round of Norland-Aldoria talks ends")
    screen.note("Three made-up outlets, served locally: " + ", ".join(site.outlets))
    await poll(DAY_ONE)
    await say(f"latest {TOPIC}")

    screen.section("Monday 9 March: two more developments; latest starts with what is new")
    await poll(DAY_TWO)
    await say(f"latest {TOPIC}")

    screen.section("The thread, one dated line per development")
    await say(f"timeline {TOPIC}")

    screen.section("Thursday 12 March: the fifth round opens with a new negotiator")
    await poll(DAY_THREE)
    sent = await _deliver_digest(screen, settings, engine, clock, console)
    screen.section("Done")
    screen.note(f"{sent} digest message(s) delivered. Chat for real with: briefbot run --console")
    return 0 if sent else 1


def _berlin(when: datetime) -> str:
    local = when.astimezone(ZoneInfo(DIGEST_ZONE))
    return f"{local:%A %d %B %Y, %H:%M} Berlin ({when:%H:%M} UTC)"


async def _deliver_digest(
    screen: _Screen,
    settings: Settings,
    engine: sa.Engine,
    clock: FakeClock,
    console: ConsoleAdapter,
) -> int:
    """Move the clock to the chat's digest time, run the digest job there, then deliver."""
    chat = ChatStore(engine).chat(console.platform, CHAT_ID)
    if chat is None or chat.digest_time is None or chat.digest_zone is None:
        raise RuntimeError("the demo chat has no digest time")
    due = next_local_time(chat.digest_time, chat.digest_zone, clock.now())
    clock.set(due)
    local = due.astimezone(ZoneInfo(chat.digest_zone))
    screen.section("The next morning's digest holds only what the chat has not seen")
    screen.note(f"Simulated time: {local:%A %d %B %Y, %H:%M} {chat.digest_zone} ({due:%H:%M} UTC).")
    queue = DeliveryQueue(engine, clock, lease_seconds=settings.delivery.lease_seconds)
    job = DigestJob(
        engine, ThreadStore(engine), queue, {console.platform: console.renderer}, settings
    )
    run = job.run_slot(clock.now())
    log.info("demo digest run: %s", run)

    async def sleep(seconds: float) -> None:
        # Waiting for a rate limit moves the simulated clock, not the real one.
        clock.advance(timedelta(seconds=seconds))

    worker = DeliveryWorker(
        queue,
        {console.platform: console.sender},
        RateLimiter(settings.delivery, clock),
        ChatStore(engine),
        clock,
        sleep,
        settings.delivery,
    )
    delivered = 0
    while batch := await worker.run_once():
        delivered += batch
    return delivered
