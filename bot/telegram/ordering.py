"""Updates run concurrently across chats but in order within one chat, and a flooding chat is
throttled.

A user who types ``/subscribe trade-talks`` then ``/latest`` must see them answered in that
order, while 200 other chats are served at the same time. A chat that sends commands faster
than they can be answered (its replies go at most once a second) gets at most
``max_chat_backlog`` of them waiting; further ones are skipped, and the chat is told once per
flood, so one chat never holds the places of the others.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor

log = logging.getLogger(__name__)

# Commands of one chat waiting to be answered before further ones are skipped.
MAX_CHAT_BACKLOG = 5

FloodNotice = Callable[[Update], Awaitable[None]]


class PerChatUpdateProcessor(BaseUpdateProcessor):
    """At most ``max_concurrent_updates`` at once; one at a time per chat; at most
    ``max_chat_backlog`` waiting per chat. ``on_flood`` is told the first update skipped in
    a flood (set by the adapter once its handlers exist)."""

    def __init__(self, max_concurrent_updates: int, max_chat_backlog: int = MAX_CHAT_BACKLOG):
        super().__init__(max_concurrent_updates)
        self.on_flood: FloodNotice | None = None
        self._max_backlog = max_chat_backlog
        self._locks: dict[int, asyncio.Lock] = {}
        self._waiting: dict[int, int] = {}
        self._flooding: set[int] = set()
        self._idle = asyncio.Condition()

    async def until_idle(self, chat_id: int) -> None:
        """Return once the chat has no update waiting or running (its answers all sent)."""
        async with self._idle:
            await self._idle.wait_for(lambda: chat_id not in self._waiting)

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        chat = update.effective_chat if isinstance(update, Update) else None
        if chat is None:
            await coroutine
            return
        key = chat.id
        if self._waiting.get(key, 0) >= self._max_backlog:
            await self._skip(key, update, coroutine)
            return
        await self._in_turn(key, coroutine)

    async def _in_turn(self, key: int, work: Awaitable[Any]) -> None:
        """Run ``work`` once the chat's earlier work is done."""
        lock = self._locks.setdefault(key, asyncio.Lock())
        self._waiting[key] = self._waiting.get(key, 0) + 1
        try:
            async with lock:
                await work
        finally:
            # Forget idle chats so the table does not grow with every chat ever seen; a flood
            # is over once the chat's backlog is.
            self._waiting[key] -= 1
            if not self._waiting[key]:
                del self._waiting[key]
                del self._locks[key]
                self._flooding.discard(key)
                async with self._idle:
                    self._idle.notify_all()

    async def _skip(self, key: int, update: object, coroutine: Awaitable[Any]) -> None:
        if inspect.iscoroutine(coroutine):
            coroutine.close()  # never run: no "never awaited" warning
        if key in self._flooding:
            return
        self._flooding.add(key)
        log.info("telegram chat %s: too many commands waiting, skipping until it slows", key)
        if self.on_flood is not None and isinstance(update, Update):
            # In the chat's turn, after the answers waiting: one message at a time per chat.
            await self._in_turn(key, self._notify(key, self.on_flood, update))

    @staticmethod
    async def _notify(key: int, on_flood: FloodNotice, update: Update) -> None:
        try:
            await on_flood(update)
        except Exception:
            log.exception("telegram chat %s: the flood notice failed", key)

    async def initialize(self) -> None:
        """Nothing to allocate."""

    async def shutdown(self) -> None:
        """Nothing to free."""
