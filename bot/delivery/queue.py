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
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from bot.clock import Clock
from bot.delivery.claim import CLAIM_LOCK, claim_statement

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
from bot.store.schema import deliveries

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

_ROWS_PER_INSERT = 500


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
        if connection is None:
            with self._engine.begin() as own:
                return self._insert(
                    own, key, platform, chat_id, chat_kind, kind, message, not_before
                )
        return self._insert(
            connection, key, platform, chat_id, chat_kind, kind, message, not_before
        )

    def _insert(
        self,
        connection: sa.Connection,
        key: str,
        platform: str,
        chat_id: str,
        chat_kind: str,
        kind: str,
        message: RenderedMessage,
        not_before: datetime | None,
    ) -> bool:
        now = self._clock.now()
        values = {
            "idempotency_key": key,
            "platform": platform,
            "chat_id": chat_id,
            "chat_kind": chat_kind,
            "kind": kind,
            "payload": dict(message.payload),
            "status": QUEUED,
            "attempts": 0,
            "next_attempt_at": not_before or now,
            "created_at": now,
        }
        inserted = connection.execute(_insert_ignoring_duplicates(connection, values)).first()
        return inserted is not None

    def enqueue_many(self, items: list[Outgoing], connection: sa.Connection) -> set[str]:
        """Queue ``items`` in one statement within the caller's transaction; returns the keys
        that were new (an existing key is left alone)."""
        if not items:
            return set()
        now = self._clock.now()
        rows = [
            {
                "idempotency_key": item.key,
                "platform": item.platform,
                "chat_id": item.chat_id,
                "chat_kind": item.chat_kind,
                "kind": item.kind,
                "payload": dict(item.message.payload),
                "status": QUEUED,
                "attempts": 0,
                "next_attempt_at": now,
                "created_at": now,
            }
            for item in items
        ]
        added: set[str] = set()
        # Bounded statements: SQLite caps the bound parameters of one statement.
        for start in range(0, len(rows), _ROWS_PER_INSERT):
            statement = (
                _insert_for(connection)
                .values(rows[start : start + _ROWS_PER_INSERT])
                .on_conflict_do_nothing()
                .returning(deliveries.c.idempotency_key)
            )
            added.update(connection.execute(statement).scalars())
        return added

    def existing_keys(self, keys: list[str]) -> set[str]:
        """Which of ``keys`` are already in the queue (in any status)."""
        if not keys:
            return set()
        with self._engine.connect() as connection:
            found = connection.execute(
                sa.select(deliveries.c.idempotency_key).where(
                    deliveries.c.idempotency_key.in_(keys)
                )
            ).scalars()
            return set(found)

    # --- consuming -----------------------------------------------------------------------

    def claim(self, limit: int) -> list[Delivery]:
        """Lease up to ``limit`` due rows to this worker, oldest due first.

        One conditional UPDATE: a row is taken only if it is still queued and unleased (or
        its lease ran out) when the update runs. PostgreSQL skips rows another worker is
        taking at that moment (``FOR UPDATE SKIP LOCKED``); SQLite runs writers one at a time.
        A row whose chat has an earlier message still waiting (leased elsewhere, or due
        later) stays behind it, so one chat's messages go out in order across workers.
        """
        now = self._clock.now()
        until = now + self._lease
        postgres = self._engine.dialect.name == "postgresql"
        statement = claim_statement(now, until, limit, self.worker_id, postgres=postgres)
        with self._engine.begin() as connection:
            if postgres:
                # Claims take turns (a claim is one short statement): the next one then sees
                # this one's leases, which keeps a chat's messages with one worker at a time.
                connection.execute(sa.select(sa.func.pg_advisory_xact_lock(CLAIM_LOCK)))
            rows = sorted(connection.execute(statement).all(), key=lambda row: row.id)
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
        params = {
            "row_id": delivery_id,
            "sent_message_id": message_id[:128] or None,
            "sent_time": self._clock.now(),
        }
        with self._engine.begin() as connection:
            changed = connection.execute(_MARK_SENT, params).rowcount
        if not changed:
            log.warning("delivery %s was no longer queued when marked sent", delivery_id)
        return bool(changed)

    def mark_failed(self, delivery_id: int, reason: str) -> bool:
        """Give up on the row for good, keeping the reason."""
        return self._finish(delivery_id, FAILED, last_error=reason[:2000])

    def mark_gone(self, delivery_id: int, reason: str) -> bool:
        return self._finish(delivery_id, GONE, last_error=reason[:2000])

    def reschedule(
        self, delivery_id: int, at: datetime, reason: str, *, count_attempt: bool = True
    ) -> None:
        """Release the row to be tried again at ``at``, counting a failed attempt or not."""
        values: dict[str, Any] = {
            "next_attempt_at": at,
            "last_error": reason[:2000],
            "claimed_by": None,
            "claimed_until": None,
        }
        if count_attempt:
            values["attempts"] = deliveries.c.attempts + 1
        self._update_queued(deliveries.c.id == delivery_id, values)

    def release(self, delivery_ids: list[int], at: datetime | None = None) -> None:
        """Give back leased rows untried (worker stopping, lease about to run out)."""
        if not delivery_ids:
            return
        values: dict[str, Any] = {"claimed_by": None, "claimed_until": None}
        if at is not None:
            values["next_attempt_at"] = at
        self._update_queued(deliveries.c.id.in_(delivery_ids), values)

    def mark_chat_gone(self, platform: str, chat_id: str, reason: str) -> int:
        """Every queued row for the chat becomes ``gone``; returns how many."""
        return self._update_queued(
            sa.and_(deliveries.c.platform == platform, deliveries.c.chat_id == chat_id),
            {
                "status": GONE,
                "last_error": reason[:2000],
                "claimed_by": None,
                "claimed_until": None,
            },
        )

    def move_chat(self, platform: str, old_id: str, new_id: str) -> int:
        """Queued rows for ``old_id`` go to ``new_id`` instead; returns how many."""
        return self._update_queued(
            sa.and_(deliveries.c.platform == platform, deliveries.c.chat_id == old_id),
            {"chat_id": new_id},
        )

    # --- inspection ----------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        """Rows per status."""
        with self._engine.connect() as connection:
            rows = connection.execute(
                sa.select(deliveries.c.status, sa.func.count()).group_by(deliveries.c.status)
            ).all()
        return {status: int(count) for status, count in rows}

    def pending(self) -> int:
        return self.counts().get(QUEUED, 0)

    def next_due(self) -> datetime | None:
        """When a queued row may next be claimed: its due time, or when its lease runs out."""
        now = self._clock.now()
        unleased = sa.or_(deliveries.c.claimed_until.is_(None), deliveries.c.claimed_until < now)
        queued = deliveries.c.status == QUEUED
        with self._engine.connect() as connection:
            due = connection.execute(
                sa.select(sa.func.min(deliveries.c.next_attempt_at)).where(queued, unleased)
            ).scalar()
            lease_end = connection.execute(
                sa.select(sa.func.min(deliveries.c.claimed_until)).where(
                    queued, deliveries.c.claimed_until >= now
                )
            ).scalar()
        candidates = [when for when in (due, lease_end) if when is not None]
        return min(candidates) if candidates else None

    def get(self, key: str) -> DeliveryRecord | None:
        with self._engine.connect() as connection:
            row = connection.execute(
                sa.select(deliveries).where(deliveries.c.idempotency_key == key)
            ).first()
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

    # --- helpers -------------------------------------------------------------------------

    def _finish(self, delivery_id: int, status: str, **values: Any) -> bool:
        changed = self._update_queued(
            deliveries.c.id == delivery_id,
            {"status": status, "claimed_by": None, "claimed_until": None, **values},
        )
        if not changed:
            log.warning("delivery %s was no longer queued when marked %s", delivery_id, status)
        return bool(changed)

    def _update_queued(self, where: Any, values: dict[str, Any]) -> int:
        with self._engine.begin() as connection:
            result = connection.execute(
                deliveries.update().where(where, deliveries.c.status == QUEUED).values(**values)
            )
        return int(result.rowcount)


def _insert_for(connection: sa.Connection) -> Any:
    if connection.dialect.name == "postgresql":
        return postgresql.insert(deliveries)
    return sqlite.insert(deliveries)


def _insert_ignoring_duplicates(connection: sa.Connection, values: dict[str, Any]) -> Any:
    # RETURNING rather than rowcount: drivers disagree on rowcount for a skipped insert.
    return (
        _insert_for(connection).values(values).on_conflict_do_nothing().returning(deliveries.c.id)
    )


# The worker records an outcome per message sent: built once, not per call.
_MARK_SENT = (
    deliveries.update()
    .where(deliveries.c.id == sa.bindparam("row_id"), deliveries.c.status == QUEUED)
    .values(
        status=SENT,
        message_id=sa.bindparam("sent_message_id"),
        sent_at=sa.bindparam("sent_time"),
        claimed_by=None,
        claimed_until=None,
    )
)
