"""The digest job: one run per time slot sends every digest that fell due in that slot.

For each due chat it reads the briefings of the chat's topics since its last digest, renders
them with the platform's renderer and queues the messages under
``digest:{platform}:{chat_id}:{local date}:{part}``. The queue's unique key is the claim: a
second replica, an overlapping catch-up run or a restart finds part 0 taken and moves on, so
a chat gets one digest per local day. Queuing and ``chats.last_digest_at`` are written in one
transaction, so a crash leaves either both or neither.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta

import sqlalchemy as sa

from bot import metrics
from bot.chat import Reply
from bot.config import Settings
from bot.delivery.queue import DeliveryQueue, Outgoing
from bot.digests.compose import digest_reply, empty_notice
from bot.digests.due import zone_info
from bot.digests.select import DueChat, due_chats
from bot.render import RenderedMessage, Renderer
from bot.store.briefings import BriefingStore
from bot.store.following import mark_digests_handed_out, refresh_delivery_statistics
from briefings.model import Briefing

log = logging.getLogger(__name__)

KIND = "digest"
# Queued messages after which a run refreshes the planner's statistics (PostgreSQL).
_ANALYZE_AFTER = 1000


def digest_key(chat: DueChat, part: int) -> str:
    return f"digest:{chat.platform}:{chat.chat_id}:{chat.local_date.isoformat()}:{part}"


@dataclass(frozen=True, slots=True)
class DigestRun:
    """What one run did: chats due, digests queued (and their messages), empty days,
    digests another run had already queued, chats skipped (no renderer, errors)."""

    after: datetime
    upto: datetime
    due: int = 0
    queued: int = 0
    messages: int = 0
    empty: int = 0
    already: int = 0
    skipped: int = 0


@dataclass(slots=True)
class _Tally:
    """The counters of a :class:`DigestRun` while it runs."""

    queued: int = 0
    messages: int = 0
    empty: int = 0
    already: int = 0
    skipped: int = 0


@dataclass(slots=True)
class _RunCache:
    """Chats with the same topics and last digest share one read and one rendering."""

    briefings: dict[tuple[tuple[str, ...], datetime], list[Briefing]] = field(default_factory=dict)
    rendered: dict[tuple[object, ...], tuple[RenderedMessage, ...]] = field(default_factory=dict)


class DigestJob:
    """Call :meth:`run_slot` on every slot and :meth:`catch_up` once at start; both take
    ``now`` and are safe to call from several threads and replicas at once."""

    def __init__(
        self,
        engine: sa.Engine,
        briefings: BriefingStore,
        queue: DeliveryQueue,
        renderers: Mapping[str, Renderer],
        settings: Settings,
        *,
        chunk_size: int = 500,
    ) -> None:
        self._engine = engine
        self._briefings = briefings
        self._queue = queue
        self._renderers = renderers
        self._settings = settings
        self._chunk_size = chunk_size
        self._grace = timedelta(minutes=settings.bot.digest_grace_minutes)
        self._slot = timedelta(minutes=settings.bot.digest_slot_minutes)
        self._last_slot: datetime | None = None
        self._lock = threading.Lock()

    def run_slot(self, now: datetime) -> DigestRun:
        """Send the digests due since the previous slot (never further back than the grace)."""
        with self._lock:
            after = self._last_slot or now - self._slot
            result = self.run(now, max(after, now - self._grace))
            self._last_slot = now
            metrics.digest_ran(now)
            return result

    def catch_up(self, now: datetime) -> DigestRun:
        """On start: send the digests that fell due while the bot was down, within the grace."""
        with self._lock:
            result = self.run(now, now - self._grace)
            self._last_slot = max(self._last_slot or now, now)
            return result

    def run(self, now: datetime, after: datetime) -> DigestRun:
        """Queue the digests that fell due in ``(after, now]`` and have not been queued yet."""
        due = due_chats(self._engine, after, now, self._settings.bot.default_timezone)
        tally, cache = _Tally(), _RunCache()
        for start in range(0, len(due), self._chunk_size):
            self._run_chunk(due[start : start + self._chunk_size], now, tally, cache)
        if tally.messages >= _ANALYZE_AFTER:
            # A fan-out can multiply the queued rows at once; until autovacuum gets round to
            # it the planner misjudges the claim query. Fresh statistics cost milliseconds.
            refresh_delivery_statistics(self._engine)
        result = DigestRun(after, now, len(due), **asdict(tally))
        if due:
            log.info(
                "digests due in (%s, %s]: %d; queued %d (%d messages), empty %d, "
                "already queued %d, skipped %d",
                after, now, result.due, result.queued, result.messages, result.empty,
                result.already, result.skipped,
            )  # fmt: skip
        return result

    def _run_chunk(
        self, chunk: Sequence[DueChat], now: datetime, tally: _Tally, cache: _RunCache
    ) -> None:
        taken = self._queue.existing_keys([digest_key(chat, 0) for chat in chunk])
        plans: list[tuple[DueChat, tuple[RenderedMessage, ...]]] = []
        for chat in chunk:
            if digest_key(chat, 0) in taken:
                tally.already += 1
                continue
            try:
                messages = self._messages(chat, now, cache)
            except Exception:
                log.exception("building the digest for %s:%s failed", chat.platform, chat.chat_id)
                tally.skipped += 1
                continue
            if messages is not None:
                plans.append((chat, messages))
            else:
                tally.skipped += 1
        self._queue_plans(plans, now, tally)

    def _queue_plans(
        self,
        plans: list[tuple[DueChat, tuple[RenderedMessage, ...]]],
        now: datetime,
        tally: _Tally,
    ) -> None:
        """Claim each digest by queuing its part 0; only the claimed ones get their other
        parts and a new ``last_digest_at``. One transaction for the whole chunk."""

        def outgoing(chat: DueChat, part: int, message: RenderedMessage) -> Outgoing:
            key = digest_key(chat, part)
            return Outgoing(key, chat.platform, chat.chat_id, KIND, message, chat.kind)

        with self._engine.begin() as connection:
            claimed = self._queue.enqueue_many(
                [outgoing(chat, 0, messages[0]) for chat, messages in plans if messages],
                connection,
            )
            ours = [
                (chat, messages)
                for chat, messages in plans
                if not messages or digest_key(chat, 0) in claimed
            ]
            self._queue.enqueue_many(
                [
                    outgoing(chat, part, message)
                    for chat, messages in ours
                    for part, message in enumerate(messages)
                    if part > 0
                ],
                connection,
            )
            if ours:
                mark_digests_handed_out(connection, [chat.chat_pk for chat, _ in ours], now)
        tally.already += len(plans) - len(ours)
        for _, messages in ours:
            if messages:
                tally.queued += 1
                tally.messages += len(messages)
            else:
                tally.empty += 1

    def _messages(
        self, chat: DueChat, now: datetime, cache: _RunCache
    ) -> tuple[RenderedMessage, ...] | None:
        """The chat's rendered digest; () for an empty day that sends nothing; None when the
        platform has no renderer here (the chat is left for a process that has one)."""
        renderer = self._renderers.get(chat.platform)
        if renderer is None:
            log.warning("no renderer for %s: digest for %s skipped", chat.platform, chat.chat_id)
            return None
        since = chat.last_digest_at or chat.due_at - timedelta(days=1)
        labels = tuple(self._label(topic) for topic in chat.topics)
        found_key = (chat.topics, since)
        if found_key not in cache.briefings:
            stored = self._briefings.since(chat.topics, since, now)
            cache.briefings[found_key] = [item.briefing for item in stored]
        found = cache.briefings[found_key]
        reply: Reply
        if found:
            reply = digest_reply(labels, chat.local_date, found)
        elif self._settings.bot.empty_digest == "notice":
            reply = empty_notice(labels, since.astimezone(zone_info(chat.zone)))
        else:
            return ()
        render_key = (chat.platform, labels, chat.local_date, since, chat.zone, bool(found))
        if render_key not in cache.rendered:
            cache.rendered[render_key] = renderer.render(reply)
        return cache.rendered[render_key]

    def _label(self, topic: str) -> str:
        found = self._settings.topic(topic)
        return found.label if found is not None else topic
