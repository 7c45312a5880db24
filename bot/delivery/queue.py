"""The durable delivery queue: the ``deliveries`` table.

A row is one rendered message for one chat, under an idempotency key that is unique in the
table: inserting the key *is* the claim on that message, so no replica and no restart can
queue (and hence send) it twice. Workers lease due rows (``claimed_by``/``claimed_until``);
a lease that runs out (a crashed worker) makes the row claimable again.

Statuses: ``queued`` (waiting or leased), ``sent``, ``failed`` (given up, with the reason),
``gone`` (the chat is gone; not sent).
"""

from __future__ import annotations

import logging
import os
import socket
import uuid
from datetime import datetime, timedelta

import sqlalchemy as sa

from bot.clock import Clock

# The values live in bot.delivery.model; importing them from here works too.
from bot.delivery.model import (
    FAILED,
    GONE,
    QUEUED,
    SENT,
    Delivery,
    DeliveryRecord,
    Outgoing,
)
from bot.render import RenderedMessage
from bot.store import deliveries as sql

__all__ = [
    "FAILED",
    "GONE",
    "QUEUED",
    "SENT",
    "Delivery",
    "DeliveryQueue",
    "DeliveryRecord",
    "Outgoing",
    "default_worker_id",
]

log = logging.getLogger(__name__)


def default_worker_id() -> str:
    """Unique per live process: a lease names the process that holds it."""
    return f"{socket.gethostname()[:32]}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


class DeliveryQueue:
    """Queue operations; every method is one short transaction, safe across processes."""

    def __init__(
        self,
        engine: sa.Engine,
        clock: Clock,
        *,
        worker_id: str | None = None,
        lease_seconds: float = 120.0,
    ) -> None:
        self._engine = engine
        self._clock = clock
        self.worker_id = worker_id or default_worker_id()
        self._lease = timedelta(seconds=lease_seconds)

    # --- producing -----------------------------------------------------------------------

    def enqueue(
        self,
        key: str,
        platform: str,
        chat_id: str,
        kind: str,
        message: RenderedMessage,
        *,
        chat_kind: str = "private",
        not_before: datetime | None = None,
        connection: sa.Connection | None = None,
    ) -> bool:
        """Queue ``message`` under ``key``; False (and nothing queued) if the key exists.

        Pass ``connection`` to make the insert part of the caller's transaction.
        """
        now = self._clock.now()
        row = sql.queued_row(
            key, platform, chat_id, chat_kind, kind, message.payload, not_before or now, now
        )
        if connection is None:
            with self._engine.begin() as own:
                return sql.insert_message(own, row)
        return sql.insert_message(connection, row)

    def enqueue_many(self, items: list[Outgoing], connection: sa.Connection) -> set[str]:
        """Queue ``items`` within the caller's transaction; returns the keys that were new
        (an existing key is left alone)."""
        if not items:
            return set()
        now = self._clock.now()
        rows = [
            sql.queued_row(
                item.key,
                item.platform,
                item.chat_id,
                item.chat_kind,
                item.kind,
                item.message.payload,
                now,
                now,
            )
            for item in items
        ]
        return sql.insert_messages(connection, rows)

    def existing_keys(self, keys: list[str]) -> set[str]:
        """Which of ``keys`` are already in the queue (in any status)."""
        if not keys:
            return set()
        with self._engine.connect() as connection:
            return sql.existing_keys(connection, keys)

    # --- consuming -----------------------------------------------------------------------

    def claim(self, limit: int) -> list[Delivery]:
        """Lease up to ``limit`` due rows to this worker, oldest due first
        (see :func:`bot.store.deliveries.claim_due_messages`)."""
        now = self._clock.now()
        until = now + self._lease
        with self._engine.begin() as connection:
            rows = sql.claim_due_messages(connection, now, until, limit, self.worker_id)
        return [
            Delivery(
                id=row.id,
                key=row.idempotency_key,
                platform=row.platform,
                chat_id=row.chat_id,
                chat_kind=row.chat_kind,
                kind=row.kind,
                message=RenderedMessage(row.payload),
                attempts=row.attempts,
                claimed_until=until,
            )
            for row in rows
        ]

    def mark_sent(self, delivery_id: int, message_id: str = "") -> bool:
        """Record a successful send; False if the row was no longer queued."""
        with self._engine.begin() as connection:
            changed = sql.mark_sent(
                connection, delivery_id, message_id[:128] or None, self._clock.now()
            )
        if not changed:
            log.warning("delivery %s was no longer queued when marked sent", delivery_id)
        return changed

    def mark_failed(self, delivery_id: int, reason: str) -> bool:
        """Give up on the row for good, keeping the reason."""
        return self._finish(delivery_id, FAILED, reason)

    def mark_gone(self, delivery_id: int, reason: str) -> bool:
        return self._finish(delivery_id, GONE, reason)

    def reschedule(
        self, delivery_id: int, at: datetime, reason: str, *, count_attempt: bool = True
    ) -> None:
        """Release the row to be tried again at ``at``, counting a failed attempt or not."""
        with self._engine.begin() as connection:
            sql.reschedule_message(connection, delivery_id, at, reason, count_attempt)

    def release(self, delivery_ids: list[int], at: datetime | None = None) -> None:
        """Give back leased rows untried (worker stopping, lease about to run out)."""
        if not delivery_ids:
            return
        with self._engine.begin() as connection:
            sql.release_messages(connection, delivery_ids, at)

    def mark_chat_gone(self, platform: str, chat_id: str, reason: str) -> int:
        """Every queued row for the chat becomes ``gone``; returns how many."""
        with self._engine.begin() as connection:
            return sql.close_chat_messages(connection, platform, chat_id, GONE, reason)

    def move_chat(self, platform: str, old_id: str, new_id: str) -> int:
        """Queued rows for ``old_id`` go to ``new_id`` instead; returns how many."""
        with self._engine.begin() as connection:
            return sql.move_chat_messages(connection, platform, old_id, new_id)

    # --- inspection ----------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        """Rows per status."""
        with self._engine.connect() as connection:
            return sql.count_by_status(connection)

    def pending(self) -> int:
        return self.counts().get(QUEUED, 0)

    def next_due(self) -> datetime | None:
        """When a queued row may next be claimed: its due time, or when its lease runs out."""
        with self._engine.connect() as connection:
            return sql.next_claimable_at(connection, self._clock.now())

    def get(self, key: str) -> DeliveryRecord | None:
        with self._engine.connect() as connection:
            row = sql.message_by_key(connection, key)
        if row is None:
            return None
        return DeliveryRecord(
            key=row.idempotency_key,
            platform=row.platform,
            chat_id=row.chat_id,
            status=row.status,
            attempts=row.attempts,
            next_attempt_at=row.next_attempt_at,
            message_id=row.message_id,
            last_error=row.last_error,
            sent_at=row.sent_at,
        )

    def _finish(self, delivery_id: int, status: str, reason: str) -> bool:
        with self._engine.begin() as connection:
            changed = sql.finish_message(connection, delivery_id, status, reason)
        if not changed:
            log.warning("delivery %s was no longer queued when marked %s", delivery_id, status)
        return changed
