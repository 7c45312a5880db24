"""Scheduler wiring: which jobs, when they fire (computed from a fixed instant), and that each
job calls its plain function with ``now``. Nothing waits for the scheduler to fire."""

from __future__ import annotations

import dataclasses
import logging
from datetime import UTC, datetime, timedelta

import httpx
import pytest
import sqlalchemy as sa

from bot.clock import FakeClock
from bot.config import Settings
from bot.delivery.worker import WorkerService
from bot.scheduling import (
    ALERT_JOB,
    CATCH_UP_JOB,
    DIGEST_JOB,
    POLL_JOB,
    SchedulerService,
    build_background,
    build_scheduler,
    digest_catch_up,
    digest_slot,
    feed_poller,
    poll_feeds,
)
from bot.store.chats import ChatStore
from tests.bot.delivery.fakes import TextRenderer

NOW = datetime(2026, 11, 25, 8, 0, 30, tzinfo=UTC)


class RecordingDigests:
    def __init__(self) -> None:
        self.calls: list[tuple[str, datetime]] = []

    def run_slot(self, now: datetime) -> None:
        self.calls.append(("slot", now))

    def catch_up(self, now: datetime) -> None:
        self.calls.append(("catch-up", now))


def with_slot(minutes: int) -> Settings:
    base = Settings()
    return dataclasses.replace(base, bot=dataclasses.replace(base.bot, digest_slot_minutes=minutes))


async def no_poll(now: datetime) -> None:
    return None


def fire_times(scheduler, job_id: str, count: int) -> list[str]:  # type: ignore[no-untyped-def]
    trigger = scheduler.get_job(job_id).trigger
    times, previous, now = [], None, NOW
    for _ in range(count):
        previous = trigger.get_next_fire_time(previous, now)
        times.append(previous.strftime("%H:%M:%S"))
        now = previous
    return times


def test_jobs_registered() -> None:
    scheduler = build_scheduler(Settings(), FakeClock(NOW), RecordingDigests(), no_poll)  # type: ignore[arg-type]
    assert {job.id for job in scheduler.get_jobs()} == {POLL_JOB, DIGEST_JOB, CATCH_UP_JOB}
    assert (
        build_scheduler(Settings(), FakeClock(NOW), RecordingDigests(), catch_up=False).get_job(  # type: ignore[arg-type]
            CATCH_UP_JOB
        )
        is None
    )


@pytest.mark.parametrize(
    ("minutes", "expected"),
    [(1, ["08:01:00", "08:02:00", "08:03:00"]), (5, ["08:05:00", "08:10:00", "08:15:00"])],
)
def test_one_digest_job_per_slot(minutes: int, expected: list[str]) -> None:
    scheduler = build_scheduler(with_slot(minutes), FakeClock(NOW), RecordingDigests())  # type: ignore[arg-type]
    assert fire_times(scheduler, DIGEST_JOB, 3) == expected


def test_feeds_are_polled_at_start_then_on_the_interval() -> None:
    scheduler = build_scheduler(Settings(), FakeClock(NOW), RecordingDigests(), no_poll)  # type: ignore[arg-type]
    job = scheduler.get_job(POLL_JOB)
    assert job.next_run_time == NOW
    assert job.trigger.interval == timedelta(minutes=Settings().fetch.poll_interval_minutes)
    assert scheduler.get_job(CATCH_UP_JOB).trigger.get_next_fire_time(None, NOW) == NOW


def test_jobs_call_their_functions_with_now() -> None:
    clock = FakeClock(NOW)
    digests = RecordingDigests()
    digest_catch_up(digests, clock)  # type: ignore[arg-type]
    clock.advance(timedelta(seconds=30))
    digest_slot(digests, clock)  # type: ignore[arg-type]
    assert digests.calls == [("catch-up", NOW), ("slot", NOW + timedelta(seconds=30))]


async def test_a_failed_poll_is_logged_and_polling_goes_on(
    caplog: pytest.LogCaptureFixture,
) -> None:
    seen: list[datetime] = []

    async def poll(now: datetime) -> None:
        seen.append(now)
        raise RuntimeError("feed server down")

    with caplog.at_level(logging.ERROR, logger="bot.scheduling"):
        await poll_feeds(poll, FakeClock(NOW))
    assert seen == [NOW]
    assert "feed poll failed" in caplog.text


class RecordingAlerts:
    def __init__(self) -> None:
        self.runs: list[datetime] = []

    def run(self, now: datetime) -> None:
        self.runs.append(now)


async def test_each_ingest_pass_is_followed_by_the_alert_job() -> None:
    clock = FakeClock(NOW)
    alerts = RecordingAlerts()

    async def poll(now: datetime) -> str:
        clock.advance(timedelta(seconds=40))  # the pass takes its time
        return "report"

    await poll_feeds(poll, clock, alerts)  # type: ignore[arg-type]
    assert alerts.runs == [NOW + timedelta(seconds=40)]
    # A pass stopped with the bot (no report) is not followed by it.
    await poll_feeds(no_poll, clock, alerts)  # type: ignore[arg-type]
    assert len(alerts.runs) == 1


def test_the_alert_job_runs_alone_when_another_process_ingests() -> None:
    alerts = RecordingAlerts()
    scheduler = build_scheduler(Settings(), FakeClock(NOW), RecordingDigests(), alerts=alerts)  # type: ignore[arg-type]
    job = scheduler.get_job(ALERT_JOB)
    assert job.next_run_time == NOW
    assert job.trigger.interval == timedelta(minutes=Settings().fetch.poll_interval_minutes)
    digests = RecordingDigests()
    with_poll = build_scheduler(Settings(), FakeClock(NOW), digests, no_poll, alerts=alerts)  # type: ignore[arg-type]
    assert with_poll.get_job(ALERT_JOB) is None  # it follows each poll instead


async def test_the_poller_runs_an_ingest_pass(engine: sa.Engine) -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise AssertionError("no feeds are configured, nothing is fetched")

    async with httpx.AsyncClient(transport=httpx.MockTransport(refuse)) as client:
        poll = feed_poller(engine, Settings(), FakeClock(NOW), client)
        report = await poll(NOW)
    assert report is not None


async def test_background_services_start_and_stop(engine: sa.Engine) -> None:
    clock = FakeClock(NOW)
    scheduler, worker = build_background(
        engine,
        Settings(),
        clock,
        {"console": TextRenderer()},
        {},
        ChatStore(engine),
        poll_feeds_too=False,
    )
    # Another process ingests: the alert job runs on the poll interval by itself.
    jobs = {job.id for job in scheduler.scheduler.get_jobs()}
    assert jobs == {DIGEST_JOB, CATCH_UP_JOB, ALERT_JOB}
    assert isinstance(worker, WorkerService)
    await worker.start()
    await worker.stop()
    quiet = SchedulerService(build_scheduler(Settings(), clock, RecordingDigests(), catch_up=False))  # type: ignore[arg-type]
    await quiet.start()
    assert quiet.scheduler.running
    await quiet.stop()
    assert not quiet.scheduler.running
