"""The demo's story, step by step, over the real parts: commands, ingest, digest, delivery.

Nothing leaves the machine: the feed and pages come from :mod:`bot.demo.site` on 127.0.0.1,
the database is SQLite in ``data_dir``, and time is a :class:`~bot.clock.FakeClock` that is
moved to the digest time instead of waited for.
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

# Just after the sample feed was built (its items are from 7 June 2025, 08:46 and 09:12 UTC).
DEMO_START = datetime(2025, 6, 7, 10, 0, tzinfo=UTC)
TOPIC = "trade-talks"
DIGEST_TIME, DIGEST_ZONE = "08:00", "Europe/Berlin"
CHAT_ID = "demo"


def demo_settings(base: Settings, data_dir: Path, feed_url: str) -> Settings:
    """``base`` with only the sample feed, SQLite in ``data_dir``, loopback fetching allowed
    and no platform tokens: the demo never touches another host."""
    topics = tuple(
        dataclasses.replace(t, feeds=(feed_url,) if t.name == TOPIC else ()) for t in base.topics
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
    with serve_sample_site() as site:
        settings = demo_settings(base, data_dir, site.feed_url)
        engine = open_database_for(settings)
        try:
            return await _walkthrough(_Screen(out), settings, engine, site)
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
    screen: _Screen, settings: Settings, engine: sa.Engine, site: SampleSite
) -> int:
    clock = FakeClock(DEMO_START)
    console = ConsoleAdapter(
        Commands(engine, settings, clock), io.StringIO(), screen.out, chat_id=CHAT_ID
    )

    async def say(line: str) -> None:
        screen.typed(line)
        await console.handle_line(line)

    screen.section(f"A console chat follows {TOPIC}")
    screen.note(f"Simulated time: {DEMO_START:%A %d %B %Y, %H:%M} UTC.")
    await say(f"subscribe {TOPIC}")

    screen.section("Ingest: poll the sample feed, fetch the articles, write briefings")
    screen.note(f"Feed (served locally): {site.feed_url}")
    async with httpx.AsyncClient(trust_env=False) as client:
        report = await run_ingest(engine, settings, client, clock)
    for feed in report.feeds:
        screen.note(f"{feed.url}: {feed.describe()}")
    screen.note(report.summary())

    screen.section("The newest briefing, on request")
    await say(f"latest {TOPIC}")

    screen.section("A daily digest at 08:00 Berlin time")
    await say(f"digest {DIGEST_TIME} {DIGEST_ZONE}")

    sent = await _deliver_digest(screen, settings, engine, clock, console)
    screen.section("Done")
    screen.note(f"{sent} digest message(s) delivered. Chat for real with: briefbot run --console")
    return 0 if sent else 1


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
    screen.section("The clock moves on to the digest time; the digest goes out")
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
