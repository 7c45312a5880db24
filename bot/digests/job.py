"""The digest job: one run per time slot sends every digest that fell due in that slot.

For each due chat it reads the developments of the chat's topics updated since its last
digest, leaves out those the chat was already sent (by ``latest``, an earlier digest or an
alert), composes one short block per thread (``bot.stories.digest``), renders it with the
platform's renderer and queues the messages under
``digest:{platform}:{chat_id}:{local date}:{part}``. The queue's unique key is the claim: a
second replica, an overlapping catch-up run or a restart finds part 0 taken and moves on, so
a chat gets one digest per local day. Queuing, ``chats.last_digest_at`` and what the digest
shows (marked sent to the chat) are written in one transaction, so a crash leaves all or
none: nothing is lost and nothing repeated.

Chats with the same topics, last digest and unsent developments share one composition and
one rendering, so a fan-out to many chats costs a few reads per chunk of chats.
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
from bot.digests.compose import digest_title, empty_notice
from bot.digests.due import zone_info
from bot.digests.select import DueChat, due_chats
from bot.render import RenderedMessage, Renderer
from bot.store.developments import StoredDevelopment
from bot.store.following import mark_digests_handed_out, refresh_delivery_statistics
from bot.store.sent import Sent, Via, mark_sent_to_chats, sent_among
from bot.store.threads import ThreadStore
from bot.stories.digest import digest_plan

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
    """What chats of one run share: the developments of a (topics, last digest) pair, the
    threads' histories, and renderings of the same digest."""

    developments: dict[tuple[tuple[str, ...], datetime], list[StoredDevelopment]] = field(
        default_factory=dict
    )
    history: dict[int, list[StoredDevelopment]] = field(default_factory=dict)
    rendered: dict[tuple[object, ...], tuple[tuple[RenderedMessage, ...], tuple[Sent, ...]]] = (
        field(default_factory=dict)
    )


@dataclass(frozen=True, slots=True)
class _Plan:
    """A due chat's rendered digest and the developments it shows (marked sent with it)."""

    chat: DueChat
    messages: tuple[RenderedMessage, ...]
    shown: tuple[Sent, ...] = ()


class DigestJob:
    """Call :meth:`run_slot` on every slot and :meth:`catch_up` once at start; both take
    ``now`` and are safe to call from several threads and replicas at once."""

    def __init__(
        self,
        engine: sa.Engine,
        threads: ThreadStore,
        queue: DeliveryQueue,
        renderers: Mapping[str, Renderer],
        settings: Settings,
        *,
        chunk_size: int = 500,
    ) -> None:
        self._engine = engine
        self._threads = threads
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
        due = [chat for chat in chunk if digest_key(chat, 0) not in taken]
        tally.already += len(chunk) - len(due)
        for chat in due:
            found_key = (chat.topics, self._since(chat))
            if found_key not in cache.developments:
                found = self._threads.updated(chat.topics, found_key[1], now)
                cache.developments[found_key] = found
                self._history(found, cache)
        sent = self._sent(due, cache)
        plans: list[_Plan] = []
        for chat in due:
            try:
                plan = self._plan(chat, sent.get(chat.chat_pk, frozenset()), cache)
            except Exception:
                log.exception("building the digest for %s:%s failed", chat.platform, chat.chat_id)
                tally.skipped += 1
                continue
            if plan is not None:
                plans.append(plan)
            else:
                tally.skipped += 1
        self._queue_plans(plans, now, tally)

    def _sent(self, due: Sequence[DueChat], cache: _RunCache) -> dict[int, frozenset[int]]:
        """What each chat was sent among the developments its digest could hold: one read
        for the chunk."""
        new = [d for chat in due for d in cache.developments[(chat.topics, self._since(chat))]]
        story_ids = {d.story_id for d in new} | self._thread_ids(new, cache)
        if not story_ids:
            return {}
        with self._engine.connect() as connection:
            return sent_among(connection, [chat.chat_pk for chat in due], story_ids)

    def _since(self, chat: DueChat) -> datetime:
        return chat.last_digest_at or chat.due_at - timedelta(days=1)

    def _queue_plans(self, plans: list[_Plan], now: datetime, tally: _Tally) -> None:
        """Claim each digest by queuing its part 0; only the claimed ones get their other
        parts, a new ``last_digest_at`` and their developments marked sent. One transaction
        for the whole chunk."""

        def outgoing(chat: DueChat, part: int, message: RenderedMessage) -> Outgoing:
            key = digest_key(chat, part)
            return Outgoing(key, chat.platform, chat.chat_id, KIND, message, chat.kind)

        with self._engine.begin() as connection:
            claimed = self._queue.enqueue_many(
                [outgoing(p.chat, 0, p.messages[0]) for p in plans if p.messages],
                connection,
            )
            ours = [p for p in plans if not p.messages or digest_key(p.chat, 0) in claimed]
            self._queue.enqueue_many(
                [
                    outgoing(p.chat, part, message)
                    for p in ours
                    for part, message in enumerate(p.messages)
                    if part > 0
                ],
                connection,
            )
            if ours:
                mark_digests_handed_out(connection, [p.chat.chat_pk for p in ours], now)
                mark_sent_to_chats(
                    connection, {p.chat.chat_pk: p.shown for p in ours if p.shown}, Via.DIGEST, now
                )
        tally.already += len(plans) - len(ours)
        for plan in ours:
            if plan.messages:
                tally.queued += 1
                tally.messages += len(plan.messages)
            else:
                tally.empty += 1

    def _plan(self, chat: DueChat, sent: frozenset[int], cache: _RunCache) -> _Plan | None:
        """The chat's rendered digest (no messages: an empty day that sends nothing); None
        when the platform has no renderer here (the chat is left for a process that has
        one)."""
        renderer = self._renderers.get(chat.platform)
        if renderer is None:
            log.warning("no renderer for %s: digest for %s skipped", chat.platform, chat.chat_id)
            return None
        since = self._since(chat)
        labels = tuple(self._label(topic) for topic in chat.topics)
        new = [d for d in cache.developments[(chat.topics, since)] if d.story_id not in sent]
        if new:
            ids = frozenset(d.story_id for d in new)
            render_key: tuple[object, ...] = (
                chat.platform,
                labels,
                chat.local_date,
                chat.zone,
                ids,
                sent & self._thread_ids(new, cache),
            )
            if render_key not in cache.rendered:
                plan = digest_plan(
                    digest_title(labels, chat.local_date),
                    new,
                    self._history(new, cache),
                    sent,
                    zone_info(chat.zone),
                    self._settings.bot.digest_max_threads,
                    chat.topics,
                )
                reply = Reply(parts=(plan.part,)) if plan.part is not None else None
                messages = renderer.render(reply) if reply is not None else ()
                cache.rendered[render_key] = (messages, plan.shown)
            messages, shown = cache.rendered[render_key]
            return _Plan(chat, messages, shown)
        if self._settings.bot.empty_digest != "notice":
            return _Plan(chat, ())
        render_key = (chat.platform, labels, since, chat.zone)
        if render_key not in cache.rendered:
            notice = empty_notice(labels, since.astimezone(zone_info(chat.zone)))
            cache.rendered[render_key] = (renderer.render(notice), ())
        return _Plan(chat, cache.rendered[render_key][0])

    def _history(
        self, new: Sequence[StoredDevelopment], cache: _RunCache
    ) -> dict[int, list[StoredDevelopment]]:
        """Each thread of ``new`` with all its developments, oldest first (read once a run)."""
        ids = {d.thread_id for d in new if d.thread_id is not None}
        missing = [i for i in ids if i not in cache.history]
        if missing:
            for thread_id, found in self._threads.developments(missing).items():
                cache.history[thread_id] = list(reversed(found))
        return {i: cache.history[i] for i in ids}

    def _thread_ids(self, new: Sequence[StoredDevelopment], cache: _RunCache) -> frozenset[int]:
        """The story ids of every development of the threads of ``new``: what the chat was
        sent among them changes the digest (which bullets are fresh)."""
        history = self._history(new, cache)
        return frozenset(d.story_id for found in history.values() for d in found)

    def _label(self, topic: str) -> str:
        found = self._settings.topic(topic)
        return found.label if found is not None else topic
