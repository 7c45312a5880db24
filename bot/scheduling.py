"""The scheduler: feed polling (each pass followed by the alert job), the digest slot job and
the catch-up at start, on one APScheduler 3.x ``AsyncIOScheduler``.

Jobs are thin: each reads the clock and calls a plain function that takes ``now``
(:meth:`DigestJob.run_slot`, :meth:`DigestJob.catch_up`, :meth:`AlertJob.run`, a
:data:`Poll`), so tests call those directly with a fixed clock and never wait for the
scheduler. Digest jobs are plain
functions, which the scheduler runs in its thread pool: a big fan-out never blocks the loop.
Feed polling runs each ingest pass in a worker process (:mod:`bot.workpool`), so reading
pages never holds up an answer either.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable, Mapping
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from datetime import UTC, datetime

import httpx
import sqlalchemy as sa
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.date import DateTrigger
from apscheduler.triggers.interval import IntervalTrigger

from bot.alerts.job import AlertJob
from bot.clock import Clock
from bot.config import Settings
from bot.delivery.queue import DeliveryQueue
from bot.delivery.ratelimit import RateLimiter
from bot.delivery.sender import Sender
from bot.delivery.worker import ChatStates, DeliveryWorker, Sleep, WorkerService
from bot.digests.job import DigestJob
from bot.ingest import run_ingest
from bot.render import Renderer
from bot.store.threads import ThreadStore
from bot.workpool import database_url, ingest_pass, process_pool, stop_pool

log = logging.getLogger(__name__)

Poll = Callable[[datetime], Awaitable[object]]

POLL_JOB = "poll-feeds"
DIGEST_JOB = "digest-slot"
CATCH_UP_JOB = "digest-catch-up"
ALERT_JOB = "alerts"


def feed_poller(
    engine: sa.Engine, settings: Settings, clock: Clock, client: httpx.AsyncClient
) -> Poll:
    """A :data:`Poll` that runs one ingest pass over the configured feeds."""

    async def poll(now: datetime) -> object:
        report = await run_ingest(engine, settings, client, clock)
        log.info("feed poll at %s done", now)
        return report

    return poll


class PooledPoll:
    """A :data:`Poll` that runs each ingest pass in a worker process of a pool made by
    ``new_pool`` (see :mod:`bot.workpool`) over the database at ``url``: the event loop only
    waits for its report. :meth:`close` stops the pool, ending a pass under way; the next
    poll (a replica leading again) makes a new one."""

    def __init__(
        self,
        url: str,
        settings: Settings,
        new_pool: Callable[[], ProcessPoolExecutor] = process_pool,
    ) -> None:
        self._new_pool = new_pool
        self._pool: ProcessPoolExecutor | None = None
        self._url = url
        self._settings = settings
        self._idle = asyncio.Event()
        self._idle.set()
        self._closing = False

    async def __call__(self, now: datetime) -> object:
        loop = asyncio.get_running_loop()
        if self._pool is None:
            self._pool = self._new_pool()
            self._closing = False
        self._idle.clear()
        try:
            report = await loop.run_in_executor(self._pool, ingest_pass, self._url, self._settings)
        except (asyncio.CancelledError, BrokenProcessPool):
            task = asyncio.current_task()
            if task is not None and task.cancelling():
                raise  # this job itself is being cancelled
            # The pool was stopped (the bot is stopping) or its worker died mid-pass; the
            # pass stored what it finished, and the next one polls the rest again.
            if self._closing:
                log.info("feed poll at %s stopped with the bot", now)
            else:
                log.warning("feed poll at %s ended early: its worker process died", now)
            return None
        finally:
            self._idle.set()
        log.info("feed poll at %s done", now)
        return report

    async def close(self) -> None:
        pool, self._pool = self._pool, None
        if pool is None:
            return
        self._closing = True
        await asyncio.to_thread(stop_pool, pool)
        # A pass under way ends with the pool; let its job see that and return.
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._idle.wait(), timeout=5.0)
        await asyncio.sleep(0)


async def poll_feeds(poll: Poll, clock: Clock, alerts: AlertJob | None = None) -> None:
    """One ingest pass, then (unless the pass was stopped) the alert job for what it
    brought."""
    try:
        report = await poll(clock.now())
    except Exception:
        # One failed pass must not unschedule polling; the next interval tries again.
        log.exception("feed poll failed")
        report = None
    if alerts is not None and report is not None:
        await asyncio.to_thread(alert_check, alerts, clock)


def alert_check(alerts: AlertJob, clock: Clock) -> None:
    try:
        alerts.run(clock.now())
    except Exception:
        # The next run finds what this one left: nothing is marked sent that was not queued.
        log.exception("alert job failed")


def digest_slot(digests: DigestJob, clock: Clock) -> None:
    digests.run_slot(clock.now())


def digest_catch_up(digests: DigestJob, clock: Clock) -> None:
    digests.catch_up(clock.now())


def build_scheduler(
    settings: Settings,
    clock: Clock,
    digests: DigestJob,
    poll: Poll | None = None,
    *,
    catch_up: bool = True,
    alerts: AlertJob | None = None,
) -> AsyncIOScheduler:
    """The scheduler with its jobs registered (not started).

    - ``poll-feeds``: every ``fetch.poll_interval_minutes``, the first at start, each pass
      followed by the ``alerts`` job;
    - ``alerts``: without ``poll`` (another process ingests), the alert job alone at the
      same interval;
    - ``digest-slot``: every ``bot.digest_slot_minutes`` on the minute (UTC);
    - ``digest-catch-up``: once at start, for digests that fell due while down.

    Overdue runs are coalesced into one and never dropped: each run covers the time since
    the last one.
    """
    scheduler = AsyncIOScheduler(
        timezone=UTC,
        job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": None},
    )
    start = clock.now()
    if poll is not None:
        scheduler.add_job(
            poll_feeds,
            IntervalTrigger(minutes=settings.fetch.poll_interval_minutes, timezone=UTC),
            args=(poll, clock, alerts),
            id=POLL_JOB,
            next_run_time=start,
        )
    elif alerts is not None:
        scheduler.add_job(
            alert_check,
            IntervalTrigger(minutes=settings.fetch.poll_interval_minutes, timezone=UTC),
            args=(alerts, clock),
            id=ALERT_JOB,
            next_run_time=start,
        )
    scheduler.add_job(
        digest_slot,
        CronTrigger(minute=f"*/{settings.bot.digest_slot_minutes}", second=0, timezone=UTC),
        args=(digests, clock),
        id=DIGEST_JOB,
    )
    if catch_up:
        scheduler.add_job(
            digest_catch_up,
            DateTrigger(run_date=start, timezone=UTC),
            args=(digests, clock),
            id=CATCH_UP_JOB,
        )
    return scheduler


class SchedulerService:
    """Starts the scheduler inside the running loop and shuts it down."""

    def __init__(
        self,
        scheduler: AsyncIOScheduler,
        client: httpx.AsyncClient | None = None,
        pooled: PooledPoll | None = None,
    ):
        self.scheduler = scheduler
        self._client = client
        self._pooled = pooled

    async def start(self) -> None:
        self.scheduler.start()

    async def stop(self) -> None:
        if self._pooled is not None:
            # First, so that a pass under way ends as a value; the scheduler's shutdown
            # would cancel its job mid-await.
            await self._pooled.close()
        if self.scheduler.running:
            self.scheduler.shutdown(wait=False)
            # AsyncIOScheduler shuts down on its loop's next turn.
            await asyncio.sleep(0)
        if self._client is not None:
            await self._client.aclose()


def build_background(
    engine: sa.Engine,
    settings: Settings,
    clock: Clock,
    renderers: Mapping[str, Renderer],
    senders: Mapping[str, Sender],
    chats: ChatStates,
    *,
    sleep: Sleep | None = None,
    poll_feeds_too: bool = True,
    limiter: RateLimiter | None = None,
) -> tuple[SchedulerService, WorkerService]:
    """The scheduler (feed polling, alerts, digests) and the delivery worker, wired over
    ``engine``."""
    queue = DeliveryQueue(engine, clock, lease_seconds=settings.delivery.lease_seconds)
    digests = DigestJob(engine, ThreadStore(engine), queue, renderers, settings)
    alerts = AlertJob(engine, queue, renderers, settings)
    client = pooled = None
    poll: Poll | None = None
    url = database_url(engine)
    if poll_feeds_too and url is not None:
        poll = pooled = PooledPoll(url, settings)
    elif poll_feeds_too:
        # An in-memory database lives in this process only: ingest here, on the loop.
        # Same client settings as `briefbot ingest`: the fetcher sets headers, timeouts and
        # redirects per request; proxies from the environment are not followed.
        client = httpx.AsyncClient(trust_env=False)
        poll = feed_poller(engine, settings, clock, client)
    scheduler = build_scheduler(settings, clock, digests, poll, alerts=alerts)
    worker = DeliveryWorker(
        queue,
        senders,
        limiter or RateLimiter(settings.delivery, clock),
        chats,
        clock,
        sleep or asyncio.sleep,
        settings.delivery,
    )
    return SchedulerService(scheduler, client, pooled), WorkerService(worker)
