"""Per-host politeness: at most N requests in flight per host, starts spaced by an interval.

Time is read through an injected monotonic clock and waited through an injected sleep, so
tests can check the spacing without waiting for it.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

Sleep = Callable[[float], Awaitable[None]]


class HostLimiter:
    """Hands out request slots per host."""

    def __init__(
        self,
        concurrency: int,
        interval_seconds: float,
        *,
        monotonic: Callable[[], float] = time.monotonic,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        if concurrency < 1:
            raise ValueError("per-host concurrency must be at least 1")
        self._concurrency = concurrency
        self._interval = max(0.0, interval_seconds)
        self._monotonic = monotonic
        self._sleep = sleep
        self._semaphores: dict[str, asyncio.Semaphore] = {}
        self._next_start: dict[str, float] = {}

    @asynccontextmanager
    async def slot(self, host: str) -> AsyncIterator[None]:
        """Wait for a free slot on ``host`` and for its next start time, then hold the slot."""
        semaphore = self._semaphores.setdefault(host, asyncio.Semaphore(self._concurrency))
        async with semaphore:
            delay = self._reserve(host)
            if delay > 0:
                await self._sleep(delay)
            yield

    def _reserve(self, host: str) -> float:
        # Reserve the start time before waiting, so concurrent waiters queue up behind it.
        now = self._monotonic()
        start = max(now, self._next_start.get(host, now))
        self._next_start[host] = start + self._interval
        return start - now
