"""The delivery worker: leases due messages from the queue and sends them, within limits.

Different chats are sent to concurrently (up to ``delivery.concurrency`` at once), one chat's
messages strictly one after another, in queue order. Every outcome is recorded:

- SENT: the row is ``sent`` with the platform's message id;
- RETRY: tried again later; the platform's ``retry_after`` is honoured as given (and does not
  count as a failed attempt), other transient errors back off exponentially and, after
  ``max_attempts``, the row is ``failed`` with the reason;
- GONE: the chat is marked blocked, its queued rows ``gone``, and a WARNING names it;
- MOVED: the chat follows its new id, and the message (with the chat's other queued rows)
  goes there;
- FAILED: the row is ``failed`` with the reason.

Database calls run in threads, off the event loop. When an outcome cannot be recorded (the
database is down), the worker stops sending: the messages it holds wait for their leases to
run out, and a message that went out but could not be marked sent is remembered and marked
before anything new is claimed, so an outage repeats nothing this worker sent.
"""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import ParamSpec, Protocol, TypeVar

from bot import metrics
from bot.clock import Clock
from bot.config import DeliverySettings
from bot.delivery.queue import Delivery, DeliveryQueue
from bot.delivery.ratelimit import RateLimiter
from bot.delivery.sender import Sender, SendResult, SendStatus

log = logging.getLogger(__name__)

Sleep = Callable[[float], Awaitable[None]]
T = TypeVar("T")
ChatKey = tuple[str, str]
P = ParamSpec("P")
# A chat can move more than once (group -> supergroup) but not in circles.
_MAX_MOVES = 3


class ChatStates(Protocol):
    """The part of the chat store the worker changes (``bot.store.chats.ChatStore``)."""

    def mark_blocked(self, platform: str, chat_id: str, reason: str, now: datetime) -> object: ...

    def migrate_chat(self, platform: str, old_id: str, new_id: str, now: datetime) -> object: ...


@dataclass(slots=True)
class _Lane:
    """One chat's leased messages, drained in order by a single task."""

    items: deque[Delivery] = field(default_factory=deque)
    task: asyncio.Task[None] | None = None


class DeliveryWorker:
    def __init__(
        self,
        queue: DeliveryQueue,
        senders: Mapping[str, Sender],
        limiter: RateLimiter,
        chats: ChatStates,
        clock: Clock,
        sleep: Sleep,
        settings: DeliverySettings,
    ) -> None:
        self._queue = queue
        self._senders = senders
        self._limiter = limiter
        self._chats = chats
        self._clock = clock
        self._sleep = sleep
        self._settings = settings
        self._lanes: dict[ChatKey, _Lane] = {}
        self._slots = asyncio.Semaphore(settings.concurrency)
        self._stopping = False
        self._in_flight = 0
        self._low_water = max(1, settings.batch_size // 2)
        self._room = asyncio.Event()
        self._earliest_retry: datetime | None = None
        # Sent but not yet marked sent (the database was down): delivery id -> message id.
        self._unrecorded: dict[int, str] = {}
        self._recording = True
        # Start no send later than this before a lease runs out: a send may take up to
        # send_timeout_seconds, and no other worker may take the row over meanwhile.
        send_window = min(settings.send_timeout_seconds, settings.lease_seconds / 2)
        margin = send_window + min(10.0, settings.lease_seconds / 4)
        self._lease_margin = timedelta(seconds=margin)

    @property
    def in_flight(self) -> int:
        """Leased messages not yet sent or given back."""
        return self._in_flight

    @property
    def recording(self) -> bool:
        """False while outcomes cannot be recorded (and nothing is sent)."""
        return self._recording

    async def run_once(self) -> int:
        """Lease one batch, send all of it, record every outcome; returns the batch size."""
        batch = await self._claim(self._settings.batch_size)
        self._dispatch(batch)
        await self._drain()
        return len(batch)

    async def run_forever(self, stop: asyncio.Event) -> None:
        """Keep the pipeline full until ``stop`` is set; then finish the messages being sent,
        give the rest of the leases back, and return.

        More rows are claimed whenever fewer than half a batch is in flight; once a claim
        comes back short (the queue ran dry) the next one waits for ``poll_seconds``.
        """
        loop = asyncio.get_running_loop()
        next_claim = loop.time()
        stop_wait = asyncio.ensure_future(stop.wait())
        try:
            while not stop.is_set():
                if loop.time() >= next_claim and self._in_flight < self._low_water:
                    wanted = self._settings.batch_size - self._in_flight
                    batch = await self._claim(wanted)
                    self._dispatch(batch)
                    if len(batch) < wanted:
                        next_claim = loop.time() + self._settings.poll_seconds
                # A row this worker put back comes due sooner than the next poll: be there.
                if self._earliest_retry is not None:
                    due_in = (self._earliest_retry - self._clock.now()).total_seconds()
                    next_claim = min(next_claim, loop.time() + max(0.0, due_in))
                    self._earliest_retry = None
                self._room.clear()
                timeout = max(0.0, next_claim - loop.time())
                if self._in_flight >= self._low_water or timeout == 0.0:
                    timeout = self._settings.poll_seconds
                room_wait = asyncio.ensure_future(self._room.wait())
                await asyncio.wait(
                    {stop_wait, room_wait}, timeout=timeout, return_when=asyncio.FIRST_COMPLETED
                )
                room_wait.cancel()
        finally:
            self._stopping = True
            stop_wait.cancel()
            await self._drain()
            self._stopping = False

    async def _claim(self, limit: int) -> list[Delivery]:
        """Record what is still unrecorded, then lease up to ``limit`` rows; none while the
        database cannot be reached."""
        try:
            await self._record_unrecorded()
            batch = await self._db(self._queue.claim, limit)
        except Exception:
            log.exception("claiming deliveries failed; trying again at the next poll")
            return []
        if not self._recording:
            log.warning("delivery outcomes can be recorded again: sending resumes")
            self._recording = True
        return batch

    async def _record_unrecorded(self) -> None:
        for delivery_id, message_id in list(self._unrecorded.items()):
            await self._db(self._queue.mark_sent, delivery_id, message_id)
            del self._unrecorded[delivery_id]

    def _dispatch(self, batch: list[Delivery]) -> None:
        self._in_flight += len(batch)
        for delivery in batch:
            key = (delivery.platform, delivery.chat_id)
            lane = self._lanes.get(key)
            if lane is None:
                lane = self._lanes[key] = _Lane()
                lane.items.append(delivery)
                lane.task = asyncio.ensure_future(self._run_lane(key, lane))
            else:
                lane.items.append(delivery)

    async def _drain(self) -> None:
        tasks = [lane.task for lane in self._lanes.values() if lane.task is not None]
        if tasks:
            await asyncio.gather(*tasks)

    async def _run_lane(self, key: ChatKey, lane: _Lane) -> None:
        try:
            while lane.items and not self._stopping and self._recording:
                delivery = lane.items.popleft()
                try:
                    await self._deliver(delivery, lane)
                except Exception:
                    log.exception("delivery %s to %s:%s broke", delivery.key, *key)
                    retry = SendResult.retry("internal error")
                    await self._safely(self._retry, delivery, retry, lane)
                finally:
                    self._done(1)
        finally:
            # Removed with no await since the loop's test: _dispatch never appends to a
            # lane that is ending.
            del self._lanes[key]
        if lane.items and self._recording:
            await self._safely(self._release_lane, lane, None)
        else:
            # Nothing can be recorded: the leases run out and the rows are claimed again.
            self._done(len(lane.items))
            lane.items.clear()

    async def _deliver(self, delivery: Delivery, lane: _Lane) -> None:
        sender = self._senders.get(delivery.platform)
        if sender is None:
            reason = f"no sender for platform {delivery.platform}"
            await self._db(self._queue.mark_failed, delivery.id, reason)
            log.error("no sender for %s: delivery %s failed", delivery.platform, delivery.key)
            return
        for _ in range(_MAX_MOVES + 1):
            result = await self._send(sender, delivery, lane)
            if result is None:
                return
            if result.status is not SendStatus.MOVED:
                await self._record(delivery, result, lane)
                return
            delivery = await self._follow_move(delivery, result.new_chat_id)
            # The chat's other leased messages follow it too (the queue rows already have).
            lane.items = deque(replace(d, chat_id=delivery.chat_id) for d in lane.items)
        reason = f"chat kept moving (last: {delivery.chat_id})"
        await self._db(self._queue.mark_failed, delivery.id, reason)

    async def _send(self, sender: Sender, delivery: Delivery, lane: _Lane) -> SendResult | None:
        """Wait for the limits, then send; None when the lease would run out first (the rest
        of the lane is given back to be claimed again)."""
        platform, chat_id, chat_kind = delivery.platform, delivery.chat_id, delivery.chat_kind
        deadline = delivery.claimed_until - self._lease_margin
        ready = self._limiter.ready_at(platform, chat_id, chat_kind)
        if ready > deadline:
            await self._give_back(delivery, lane, ready)
            return None
        await self._wait_until(ready)
        async with self._slots:
            at = self._limiter.reserve(platform, chat_id, chat_kind)
            if at > deadline:
                await self._give_back(delivery, lane, at)
                return None
            await self._wait_until(at)
            if not self._recording:
                return None  # its outcome could not be recorded: its lease runs out
            while (later := self._limiter.admit(platform, chat_id, chat_kind)) is not None:
                await self._wait_until(later)
            try:
                result = await sender.send(chat_id, delivery.message)
            except Exception as exc:  # a sender must not raise; never lose the message
                log.exception("sender for %s raised sending to %s", platform, chat_id)
                return SendResult.retry(f"{type(exc).__name__}: {exc}")
            finally:
                self._limiter.sent(platform, chat_id, chat_kind)
            if result.status is SendStatus.SENT:
                # Recorded before the slot is freed: at most ``concurrency`` messages are
                # ever sent but not yet recorded (what a crash can repeat).
                await self._mark_sent(delivery, result)
            return result

    async def _give_back(self, delivery: Delivery, lane: _Lane, at: datetime) -> None:
        """The lease would run out before the limits let the message go: release it and the
        rest of the chat's lane, to be claimed again at ``at``."""
        await self._release([delivery.id], at)
        await self._release_lane(lane, at)

    async def _record(self, delivery: Delivery, result: SendResult, lane: _Lane) -> None:
        where = f"{delivery.platform}:{delivery.chat_id}"
        if result.status is SendStatus.SENT:
            metrics.MESSAGES_SENT.labels(delivery.platform).inc()  # recorded by _send
        elif result.status is SendStatus.RETRY:
            await self._retry(delivery, result, lane)
        elif result.status is SendStatus.GONE:
            await self._gone(delivery, result.reason or "chat gone")
            self._done(len(lane.items))  # marked gone in the queue with the rest of the chat
            lane.items.clear()
        else:
            await self._db(self._queue.mark_failed, delivery.id, result.reason or "rejected")
            metrics.MESSAGES_FAILED.labels(delivery.platform).inc()
            log.error("delivery %s to %s failed: %s", delivery.key, where, result.reason)

    async def _mark_sent(self, delivery: Delivery, result: SendResult) -> None:
        where = f"{delivery.platform}:{delivery.chat_id}"
        try:
            await self._db(self._queue.mark_sent, delivery.id, result.message_id)
        except Exception:
            self._unrecorded[delivery.id] = result.message_id
            self._stop_sending(f"delivery {delivery.key} was sent to {where}")
            return
        log.debug("delivery %s sent to %s", delivery.key, where)

    def _stop_sending(self, what: str) -> None:
        if self._recording:
            log.exception(
                "%s but cannot be recorded: sending stops until the database answers", what
            )
        self._recording = False

    async def _retry(self, delivery: Delivery, result: SendResult, lane: _Lane) -> None:
        where = f"{delivery.platform}:{delivery.chat_id}"
        reason = result.reason or "transient error"
        now = self._clock.now()
        if result.retry_after is not None:
            # The platform said exactly when: a wait, not a failure.
            at = now + timedelta(seconds=max(0.0, result.retry_after))
            self._limiter.defer(delivery.platform, delivery.chat_id, at)
            await self._db(self._queue.reschedule, delivery.id, at, reason, count_attempt=False)
            self._note_retry(at)
        else:
            attempts = delivery.attempts + 1
            if attempts >= self._settings.max_attempts:
                failure = f"gave up after {attempts} attempts: {reason}"
                await self._db(self._queue.mark_failed, delivery.id, failure)
                metrics.MESSAGES_FAILED.labels(delivery.platform).inc()
                log.error("delivery %s to %s failed: %s", delivery.key, where, failure)
                await self._release_lane(lane, None)
                return
            delay = min(
                self._settings.retry_base_seconds * 2 ** (attempts - 1),
                self._settings.retry_max_seconds,
            )
            at = now + timedelta(seconds=delay)
            await self._db(self._queue.reschedule, delivery.id, at, reason)
            self._note_retry(at)
        metrics.MESSAGES_RETRIED.labels(delivery.platform).inc()
        log.info("delivery %s to %s retries at %s: %s", delivery.key, where, at, reason)
        # Later messages of the chat wait for this one, to keep the chat's order.
        await self._release_lane(lane, at)

    async def _gone(self, delivery: Delivery, reason: str) -> None:
        platform, chat_id = delivery.platform, delivery.chat_id
        await self._db(self._chats.mark_blocked, platform, chat_id, reason, self._clock.now())
        dropped = await self._db(self._queue.mark_chat_gone, platform, chat_id, reason)
        log.warning(
            "chat %s:%s is gone (%s): marked blocked, %d queued deliveries marked gone",
            platform,
            chat_id,
            reason,
            dropped,
        )

    async def _follow_move(self, delivery: Delivery, new_chat_id: str) -> Delivery:
        platform, old_id = delivery.platform, delivery.chat_id
        now = self._clock.now()
        await self._db(self._chats.migrate_chat, platform, old_id, new_chat_id, now)
        moved = await self._db(self._queue.move_chat, platform, old_id, new_chat_id)
        log.info(
            "chat %s:%s moved to %s: resending, %d queued deliveries follow",
            platform,
            old_id,
            new_chat_id,
            moved,
        )
        return replace(delivery, chat_id=new_chat_id)

    async def _release_lane(self, lane: _Lane, at: datetime | None) -> None:
        """Give the lane's remaining leases back (to be sent at ``at``, or when due)."""
        ids = [d.id for d in lane.items]
        self._done(len(ids))
        lane.items.clear()
        await self._release(ids, at)

    def _done(self, count: int) -> None:
        self._in_flight -= count
        if self._in_flight < self._low_water:
            self._room.set()

    async def _release(self, ids: list[int], at: datetime | None = None) -> None:
        if ids:
            await self._db(self._queue.release, ids, at)
        self._note_retry(at)

    def _note_retry(self, at: datetime | None) -> None:
        if at is not None and (self._earliest_retry is None or at < self._earliest_retry):
            self._earliest_retry = at
            self._room.set()

    async def _safely(self, action: Callable[..., Awaitable[object]], *args: object) -> None:
        # Recording an outcome can fail (database down); the lease then runs out and the
        # row is tried again. Nothing more is sent until recording works again.
        try:
            await action(*args)
        except Exception:
            self._stop_sending("a delivery outcome was reached")

    async def _db(self, call: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        """A blocking database call, in a thread: the event loop keeps answering chats."""
        return await asyncio.to_thread(call, *args, **kwargs)

    async def _wait_until(self, at: datetime) -> None:
        delay = (at - self._clock.now()).total_seconds()
        if delay > 0:
            await self._sleep(delay)


class WorkerService:
    """Runs :meth:`DeliveryWorker.run_forever` as a background task between start and stop."""

    def __init__(self, worker: DeliveryWorker) -> None:
        self.worker = worker
        self._stop = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        self._stop.clear()
        self._task = asyncio.create_task(self.worker.run_forever(self._stop))

    async def stop(self) -> None:
        self._stop.set()
        if self._task is not None:
            await self._task
            self._task = None
