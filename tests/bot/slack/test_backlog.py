"""The answer queue: bounded, a few workers, holding back while requests are being acked."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest

from bot.slack.backlog import AnswerQueue, Traffic


@pytest.fixture
async def traffic() -> Traffic:
    return Traffic(quiet=0.001)


@pytest.fixture
async def queue(traffic: Traffic) -> AsyncIterator[AnswerQueue]:
    answers = AnswerQueue(traffic, workers=2, limit=3)
    answers.start()
    yield answers
    await answers.stop()


async def test_jobs_run_and_failures_do_not_stop_the_workers(
    queue: AnswerQueue, caplog: pytest.LogCaptureFixture
) -> None:
    done = asyncio.Event()

    async def fails() -> None:
        raise RuntimeError("boom")

    async def works() -> None:
        done.set()

    assert queue.offer(fails, "command")
    assert queue.offer(works, "command")
    await asyncio.wait_for(done.wait(), 5)
    assert "slack command: answer failed" in caplog.text


async def test_a_full_queue_refuses_without_waiting(queue: AnswerQueue) -> None:
    release = asyncio.Event()
    started = 0

    async def blocked() -> None:
        nonlocal started
        started += 1
        await release.wait()

    assert [queue.offer(blocked, "event") for _ in range(4)] == [True, True, True, False]
    # The two workers take one job each, which makes room for two more, not three.
    await _until(lambda: started == 2)
    assert [queue.offer(blocked, "event") for _ in range(3)] == [True, True, False]
    release.set()
    await _until(lambda: started == 5)


async def test_workers_hold_back_while_a_request_is_being_acknowledged(
    queue: AnswerQueue, traffic: Traffic
) -> None:
    ran = asyncio.Event()

    async def job() -> None:
        ran.set()

    traffic.arrived()  # a request is between arrival and its acknowledgement
    assert queue.offer(job, "command")
    for _ in range(20):
        await asyncio.sleep(0)
    assert not ran.is_set()
    traffic.left()
    await asyncio.wait_for(ran.wait(), 5)


async def test_holding_back_is_bounded(traffic: Traffic) -> None:
    answers = AnswerQueue(traffic, workers=1, max_defer=0.0)
    answers.start()
    ran = asyncio.Event()

    async def job() -> None:
        ran.set()

    traffic.arrived()  # busy for good: the job runs anyway once it waited max_defer
    answers.offer(job, "command")
    await asyncio.wait_for(ran.wait(), 5)
    await answers.stop()


async def test_stop_lets_queued_jobs_finish_and_then_refuses(traffic: Traffic) -> None:
    answers = AnswerQueue(traffic, workers=1)
    answers.start()
    finished: list[int] = []

    async def job(number: int) -> None:
        finished.append(number)

    for number in range(3):
        answers.offer(lambda number=number: job(number), "command")  # type: ignore[misc]
    await answers.stop()
    assert finished == [0, 1, 2]
    assert not answers.offer(lambda: job(9), "command")


async def _until(predicate: object) -> None:
    assert callable(predicate)
    for _ in range(1000):
        if predicate():
            return
        await asyncio.sleep(0)
    raise AssertionError("condition not reached")
