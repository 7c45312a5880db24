"""The work that follows an acknowledgement, kept off the acknowledgement's way.

In HTTP mode the front door (:mod:`bot.slack.frontdoor`) answers Slack at once and leaves the
rest here: a bounded queue drained by a few workers. Few workers means few command threads
competing with the event loop for the GIL; the bound means a flood is refused (Slack retries
events) instead of growing without limit. While requests are arriving, workers hold back for a
moment (at most ``max_defer`` per job) so a burst is acknowledged before its answers are worked on.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

log = logging.getLogger(__name__)

Job = Callable[[], Awaitable[object]]


class Traffic:
    """Counts requests being acknowledged and remembers when the last one arrived."""

    def __init__(self, quiet: float = 0.005) -> None:
        self.quiet = quiet
        self.inflight = 0
        self._last = float("-inf")

    def arrived(self) -> None:
        self.inflight += 1
        self._last = asyncio.get_running_loop().time()

    def left(self) -> None:
        self.inflight -= 1

    def quiet_in(self) -> float:
        """Seconds until no request has arrived for ``quiet`` seconds (0: quiet now); while a
        request is being acknowledged, ``quiet`` (look again then)."""
        if self.inflight > 0:
            return self.quiet
        return max(0.0, self._last + self.quiet - asyncio.get_running_loop().time())


@dataclass(frozen=True, slots=True)
class _Queued:
    job: Job
    label: str
    queued_at: float


class AnswerQueue:
    """Runs queued jobs on ``workers`` tasks; :meth:`offer` never waits."""

    def __init__(
        self,
        traffic: Traffic,
        workers: int = 4,
        limit: int = 2000,
        max_defer: float = 0.25,
    ) -> None:
        self._traffic = traffic
        self._workers = workers
        self._limit = limit
        self._max_defer = max_defer
        self._jobs: asyncio.Queue[_Queued] | None = None
        self._tasks: list[asyncio.Task[None]] = []

    def start(self) -> None:
        # Built here, not in __init__: the queue and tasks belong to the running loop.
        jobs: asyncio.Queue[_Queued] = asyncio.Queue(self._limit)
        self._jobs = jobs
        self._tasks = [
            asyncio.create_task(self._work(jobs), name=f"slack-answers-{n}")
            for n in range(self._workers)
        ]

    def offer(self, job: Job, label: str) -> bool:
        """Queue ``job``; False (and nothing queued) when the queue is full or stopped."""
        if self._jobs is None:
            return False
        try:
            self._jobs.put_nowait(_Queued(job, label, asyncio.get_running_loop().time()))
        except asyncio.QueueFull:
            log.warning("slack %s: answer queue full (%s jobs), refused", label, self._limit)
            return False
        return True

    async def stop(self, grace: float = 5.0) -> None:
        """Let queued jobs finish for up to ``grace`` seconds, then cancel the rest."""
        jobs, self._jobs = self._jobs, None
        if jobs is not None and self._tasks:
            try:
                await asyncio.wait_for(jobs.join(), grace)
            except TimeoutError:
                log.warning("slack: %s queued answers dropped at shutdown", jobs.qsize())
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        self._tasks = []

    async def _work(self, jobs: asyncio.Queue[_Queued]) -> None:
        while True:
            queued = await jobs.get()
            try:
                await self._hold_back(queued.queued_at)
                await queued.job()
            except Exception:
                log.exception("slack %s: answer failed", queued.label)
            finally:
                jobs.task_done()

    async def _hold_back(self, queued_at: float) -> None:
        # Sleeping in small steps is fine here: it only happens while a burst is arriving.
        loop = asyncio.get_running_loop()
        while True:
            wait = self._traffic.quiet_in()
            left = queued_at + self._max_defer - loop.time()
            if wait <= 0 or left <= 0:
                return
            await asyncio.sleep(min(wait, left))
