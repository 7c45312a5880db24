"""Replies to commands, within the same limits as the delivery worker.

A reply is sent at once, not queued, but it takes its turn in the bot's one
:class:`~bot.delivery.ratelimit.RateLimiter` (per chat, per group, per platform), so replies
and digests together keep to the platform's limits. When the platform still says "retry
after N s", the reply waits that long and goes again instead of being dropped.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime, timedelta

from bot.clock import Clock
from bot.delivery.ratelimit import RateLimiter
from bot.delivery.sender import Sender, SendResult, SendStatus
from bot.delivery.worker import Sleep
from bot.render import RenderedMessage

log = logging.getLogger(__name__)

# A reply whose chat must wait longer than this is given up (the user has moved on).
MAX_WAIT_SECONDS = 120.0
MAX_RETRIES = 5
# Said once to a chat whose commands come faster than its replies may go (every platform).
FLOOD_NOTICE = (
    "You are sending commands faster than I can answer, so I am skipping some. "
    "Wait a moment, then try again."
)


class LimitedReplies:
    """Sends one chat's reply messages through ``limiter`` (no limiter: at once)."""

    def __init__(
        self,
        sender: Sender,
        limiter: RateLimiter | None,
        clock: Clock,
        sleep: Sleep = asyncio.sleep,
        *,
        max_wait_seconds: float = MAX_WAIT_SECONDS,
    ) -> None:
        self._sender = sender
        self._limiter = limiter
        self._clock = clock
        self._sleep = sleep
        self._max_wait = max_wait_seconds

    @property
    def platform(self) -> str:
        return self._sender.platform

    async def send(self, chat_id: str, chat_kind: str, message: RenderedMessage) -> SendResult:
        """Send ``message`` when the limits allow, waiting out the platform's retry_after."""
        result = SendResult.retry("not sent")
        for _ in range(MAX_RETRIES + 1):
            await self.wait_turn(chat_id, chat_kind)
            try:
                result = await self._sender.send(chat_id, message)
            finally:
                self.done(chat_id, chat_kind)
            wait = result.retry_after
            if result.status is not SendStatus.RETRY or wait is None or wait > self._max_wait:
                return result
            log.info(
                "%s chat %s: reply waits %.1f s (%s)", self.platform, chat_id, wait, result.reason
            )
            until = self._clock.now() + timedelta(seconds=max(0.0, wait))
            if self._limiter is not None:
                self._limiter.defer(self.platform, chat_id, until)
            else:
                await self._wait_until(until)
        return result

    def done(self, chat_id: str, chat_kind: str) -> None:
        """A message let go by :meth:`wait_turn` has been answered (or failed)."""
        if self._limiter is not None:
            self._limiter.sent(self.platform, chat_id, chat_kind)

    async def wait_turn(self, chat_id: str, chat_kind: str) -> None:
        """Wait until the limits let one more message go to the chat, and count it; call
        :meth:`done` once it is answered."""
        limiter = self._limiter
        if limiter is None:
            return
        platform = self.platform
        await self._wait_until(limiter.ready_at(platform, chat_id, chat_kind))
        await self._wait_until(limiter.reserve(platform, chat_id, chat_kind, overall=False))
        while (later := limiter.admit(platform, chat_id, chat_kind)) is not None:
            await self._wait_until(later)

    async def _wait_until(self, at: datetime) -> None:
        delay = (at - self._clock.now()).total_seconds()
        if delay > 0:
            await self._sleep(delay)
