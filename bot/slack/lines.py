"""Commands run concurrently across channels but in order within one, and a flooding channel
is throttled.

A channel's replies go at most about once a second (Slack's limit), so its commands wait in
the channel's own line, each in a task of its own: the workers that hand commands over are
free at once, and a slow channel never holds the place of another. A channel with
``max_backlog`` commands waiting has further ones skipped, and is told once per flood.

A command can take its place when it arrives (:meth:`ChannelLines.admit`) and fill it later
(:meth:`ChannelLines.fill`): HTTP mode's front door admits each slash command before Bolt sees
it, so a flood is counted from its first request and the commands to skip are dropped there.
"""

from __future__ import annotations

import asyncio
import enum
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

log = logging.getLogger(__name__)

# Commands of one channel waiting to be answered before further ones are skipped.
MAX_CHAT_BACKLOG = 5

Work = Callable[[], Awaitable[None]]


class Turn(enum.Enum):
    WORK = "work"  # a place in the line: the command is answered
    NOTICE = "notice"  # the first command past the backlog: the channel is told it floods
    SKIP = "skip"  # the channel floods and has been told: dropped without a word


@dataclass(slots=True)
class Place:
    """A command's place in its channel's line, from :meth:`ChannelLines.admit` until it is
    filled or given back (exactly one of the two)."""

    chat_id: str
    turn: Turn
    settled: bool = False


class ChannelLines:
    """One line of work per chat id; see the module docstring."""

    def __init__(self, max_backlog: int = MAX_CHAT_BACKLOG) -> None:
        self._max_backlog = max_backlog
        self._locks: dict[str, asyncio.Lock] = {}
        self._waiting: dict[str, int] = {}
        self._flooding: set[str] = set()
        self._tasks: set[asyncio.Task[None]] = set()
        self._idled = asyncio.Event()  # set (and replaced) each time a chat falls idle

    def offer(self, chat_id: str, work: Work, notice: Work) -> bool:
        """Run ``work`` in the chat's turn; False when the chat floods and it is skipped
        (the first skipped command of a flood runs ``notice`` instead, in the chat's turn)."""
        place = self.admit(chat_id)
        self.fill(place, work, notice)
        return place.turn is Turn.WORK

    def admit(self, chat_id: str) -> Place:
        """Count a command of the chat as waiting from now on; its place must then be filled
        (:meth:`fill`) or given back (:meth:`give_back`). A skipped command takes none."""
        waiting = self._waiting.get(chat_id, 0)
        if waiting < self._max_backlog:
            turn = Turn.WORK
        elif chat_id not in self._flooding:
            self._flooding.add(chat_id)
            log.info("slack chat %s: too many commands waiting, skipping until it slows", chat_id)
            turn = Turn.NOTICE
        else:
            return Place(chat_id, Turn.SKIP, settled=True)
        self._waiting[chat_id] = waiting + 1
        return Place(chat_id, turn)

    def fill(self, place: Place, work: Work, notice: Work) -> None:
        """Run ``work`` (or ``notice``, as admitted) in the place's turn."""
        if place.settled:
            return
        place.settled = True
        job = work if place.turn is Turn.WORK else notice
        task = asyncio.create_task(
            self._in_turn(place.chat_id, job), name=f"slack-line-{place.chat_id}"
        )
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def give_back(self, place: Place) -> None:
        """The command never came to be run (refused, or not routed): its place is free."""
        if not place.settled:
            place.settled = True
            self._leave(place.chat_id)

    async def until_idle(self, chat_id: str) -> None:
        """Return once the chat has no command waiting or running (its answers all sent)."""
        while chat_id in self._waiting:
            await self._idled.wait()

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

    async def _in_turn(self, chat_id: str, work: Work) -> None:
        lock = self._locks.setdefault(chat_id, asyncio.Lock())
        try:
            async with lock:
                await work()
        except Exception:
            log.exception("slack chat %s: answer failed", chat_id)
        finally:
            self._leave(chat_id)

    def _leave(self, chat_id: str) -> None:
        # Forget idle chats so the tables do not grow with every chat ever seen; a flood is
        # over once the chat's backlog is.
        self._waiting[chat_id] -= 1
        if not self._waiting[chat_id]:
            del self._waiting[chat_id]
            self._locks.pop(chat_id, None)
            self._flooding.discard(chat_id)
            idled, self._idled = self._idled, asyncio.Event()
            idled.set()
