"""Commands run concurrently across channels but in order within one, and a flooding channel
is throttled.

A channel's replies go at most about once a second (Slack's limit), so its commands wait in
the channel's own line, each in a task of its own: the workers that hand commands over are
free at once, and a slow channel never holds the place of another. A channel with
``max_backlog`` commands waiting has further ones skipped, and is told once per flood.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

log = logging.getLogger(__name__)

# Commands of one channel waiting to be answered before further ones are skipped.
MAX_CHAT_BACKLOG = 5

Work = Callable[[], Awaitable[None]]


class ChannelLines:
    """One line of work per chat id; see the module docstring."""

    def __init__(self, max_backlog: int = MAX_CHAT_BACKLOG) -> None:
        self._max_backlog = max_backlog
        self._locks: dict[str, asyncio.Lock] = {}
        self._waiting: dict[str, int] = {}
        self._flooding: set[str] = set()
        self._tasks: set[asyncio.Task[None]] = set()
        self._idle = asyncio.Condition()

    def offer(self, chat_id: str, work: Work, notice: Work) -> bool:
        """Run ``work`` in the chat's turn; False when the chat floods and it is skipped
        (the first skipped command of a flood runs ``notice`` instead, in the chat's turn)."""
        if self._waiting.get(chat_id, 0) < self._max_backlog:
            self._start(chat_id, work)
            return True
        if chat_id not in self._flooding:
            self._flooding.add(chat_id)
            log.info("slack chat %s: too many commands waiting, skipping until it slows", chat_id)
            self._start(chat_id, notice)
        return False

    async def until_idle(self, chat_id: str) -> None:
        """Return once the chat has no command waiting or running (its answers all sent)."""
        async with self._idle:
            await self._idle.wait_for(lambda: chat_id not in self._waiting)

    def skipping(self, chat_id: str) -> bool:
        """True while the chat floods and has been told: its next command would be skipped
        without a word, so it need not be handed over at all."""
        return chat_id in self._flooding and self._waiting.get(chat_id, 0) >= self._max_backlog

    async def stop(self, grace: float = 5.0) -> None:
        """Let the lines finish for up to ``grace`` seconds, then cancel what is left."""
        tasks = set(self._tasks)
        if not tasks:
            return
        _, pending = await asyncio.wait(tasks, timeout=grace)
        if pending:
            log.warning("slack: %s answers dropped at shutdown", len(pending))
        for task in pending:
            task.cancel()
        await asyncio.gather(*pending, return_exceptions=True)

    def _start(self, chat_id: str, work: Work) -> None:
        self._waiting[chat_id] = self._waiting.get(chat_id, 0) + 1
        task = asyncio.create_task(self._in_turn(chat_id, work), name=f"slack-line-{chat_id}")
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _in_turn(self, chat_id: str, work: Work) -> None:
        lock = self._locks.setdefault(chat_id, asyncio.Lock())
        try:
            async with lock:
                await work()
        except Exception:
            log.exception("slack chat %s: answer failed", chat_id)
        finally:
            # Forget idle chats so the table does not grow with every chat ever seen; a flood
            # is over once the chat's backlog is.
            self._waiting[chat_id] -= 1
            if not self._waiting[chat_id]:
                del self._waiting[chat_id]
                del self._locks[chat_id]
                self._flooding.discard(chat_id)
                async with self._idle:
                    self._idle.notify_all()
