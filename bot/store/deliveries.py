"""The SQL of the delivery queue (the ``deliveries`` table), one named function per statement.

Each function runs within the caller's connection and transaction; :class:`DeliveryQueue`
(``bot.delivery.queue``) decides where transactions begin and end.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from bot.delivery.model import QUEUED, SENT
from bot.store.schema import deliveries

# An arbitrary constant naming the claim lock among PostgreSQL advisory locks.
CLAIM_LOCK = 0x62726966
_ROWS_PER_INSERT = 500
_REASON_CHARS = 2000


def queued_row(
    key: str,
    platform: str,
    chat_id: str,
    chat_kind: str,
    kind: str,
    payload: Mapping[str, Any],
    due: datetime,
    now: datetime,
) -> dict[str, Any]:
    """A ``deliveries`` row for a message waiting to be sent from ``due`` on."""
    return {
        "idempotency_key": key,
        "platform": platform,
        "chat_id": chat_id,
        "chat_kind": chat_kind,
        "kind": kind,
        "payload": dict(payload),
        "status": QUEUED,
        "attempts": 0,
        "next_attempt_at": due,
        "created_at": now,
    }


def insert_message(connection: sa.Connection, row: dict[str, Any]) -> bool:
    """Insert ``row``; False (nothing inserted) when its idempotency key exists."""
    # RETURNING rather than rowcount: drivers disagree on rowcount for a skipped insert.
    statement = (
        _insert_for(connection).values(row).on_conflict_do_nothing().returning(deliveries.c.id)
    )
    return connection.execute(statement).first() is not None


def insert_messages(connection: sa.Connection, rows: Sequence[dict[str, Any]]) -> set[str]:
    """Insert ``rows``, leaving existing keys alone; returns the keys that were new."""
    added: set[str] = set()
    # Bounded statements: SQLite caps the bound parameters of one statement.
    for start in range(0, len(rows), _ROWS_PER_INSERT):
        statement = (
            _insert_for(connection)
            .values(list(rows[start : start + _ROWS_PER_INSERT]))
            .on_conflict_do_nothing()
            .returning(deliveries.c.idempotency_key)
        )
        added.update(connection.execute(statement).scalars())
    return added


def existing_keys(connection: sa.Connection, keys: Iterable[str]) -> set[str]:
    """Which of ``keys`` are in the table (in any status)."""
    statement = sa.select(deliveries.c.idempotency_key).where(
        deliveries.c.idempotency_key.in_(list(keys))
    )
    return set(connection.execute(statement).scalars())


def claim_due_messages(
    connection: sa.Connection, now: datetime, until: datetime, limit: int, worker_id: str
) -> list[Any]:
    """Lease up to ``limit`` due rows to ``worker_id`` until ``until``; the leased rows, in
    queue order.

    A row is taken only if it is queued and unleased (or its lease ran out) and its chat has
    no earlier message still waiting (leased elsewhere, or due later), so one chat's
    messages go out in order across workers. On PostgreSQL claims take turns (an advisory
    lock held for the transaction): the next claim then sees this one's leases, which keeps
    a chat's messages with one worker at a time.
    """
    postgres = connection.dialect.name == "postgresql"
    if postgres:
        connection.execute(sa.select(sa.func.pg_advisory_xact_lock(CLAIM_LOCK)))
    statement = _claim_statement(now, until, limit, worker_id, postgres=postgres)
    return sorted(connection.execute(statement).all(), key=lambda row: row.id)


def mark_sent(
    connection: sa.Connection, delivery_id: int, message_id: str | None, now: datetime
) -> bool:
    """Record a send; False when the row was no longer queued."""
    params = {"row_id": delivery_id, "sent_message_id": message_id, "sent_time": now}
    return bool(connection.execute(_MARK_SENT, params).rowcount)


def finish_message(connection: sa.Connection, delivery_id: int, status: str, reason: str) -> bool:
    """Close a queued row with ``status`` (failed, gone) and the reason; False when it was
    no longer queued."""
    values = {"status": status, "last_error": reason[:_REASON_CHARS], **_UNLEASED}
    return bool(_update_queued(connection, deliveries.c.id == delivery_id, values))


def reschedule_message(
    connection: sa.Connection, delivery_id: int, at: datetime, reason: str, count_attempt: bool
) -> None:
    """Release a row to be tried again at ``at``, counting a failed attempt or not."""
    values: dict[str, Any] = {
        "next_attempt_at": at,
        "last_error": reason[:_REASON_CHARS],
        **_UNLEASED,
    }
    if count_attempt:
        values["attempts"] = deliveries.c.attempts + 1
    _update_queued(connection, deliveries.c.id == delivery_id, values)


def release_messages(
    connection: sa.Connection, delivery_ids: Sequence[int], at: datetime | None
) -> None:
    """Give leased rows back untried (to be sent at ``at``, or when due)."""
    values: dict[str, Any] = dict(_UNLEASED)
    if at is not None:
        values["next_attempt_at"] = at
    _update_queued(connection, deliveries.c.id.in_(list(delivery_ids)), values)


def close_chat_messages(
    connection: sa.Connection, platform: str, chat_id: str, status: str, reason: str
) -> int:
    """Every queued row of the chat gets ``status`` (gone); returns how many."""
    values = {"status": status, "last_error": reason[:_REASON_CHARS], **_UNLEASED}
    return _update_queued(connection, _chat(platform, chat_id), values)


def move_chat_messages(connection: sa.Connection, platform: str, old_id: str, new_id: str) -> int:
    """Queued rows of ``old_id`` go to ``new_id``; returns how many."""
    return _update_queued(connection, _chat(platform, old_id), {"chat_id": new_id})


def count_by_status(connection: sa.Connection) -> dict[str, int]:
    statement = sa.select(deliveries.c.status, sa.func.count()).group_by(deliveries.c.status)
    return {status: int(count) for status, count in connection.execute(statement).all()}


def next_claimable_at(connection: sa.Connection, now: datetime) -> datetime | None:
    """When a queued row may next be claimed: its due time, or when its lease runs out."""
    unleased = sa.or_(deliveries.c.claimed_until.is_(None), deliveries.c.claimed_until < now)
    queued = deliveries.c.status == QUEUED
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


def message_by_key(connection: sa.Connection, key: str) -> Any:
    """The row stored under ``key``, or None."""
    return connection.execute(
        sa.select(deliveries).where(deliveries.c.idempotency_key == key)
    ).first()


# --- helpers -------------------------------------------------------------------------------

_UNLEASED: Mapping[str, None] = {"claimed_by": None, "claimed_until": None}


def _chat(platform: str, chat_id: str) -> Any:
    return sa.and_(deliveries.c.platform == platform, deliveries.c.chat_id == chat_id)


def _update_queued(connection: sa.Connection, where: Any, values: Mapping[str, Any]) -> int:
    result = connection.execute(
        deliveries.update().where(where, deliveries.c.status == QUEUED).values(**values)
    )
    return int(result.rowcount)


def _insert_for(connection: sa.Connection) -> Any:
    if connection.dialect.name == "postgresql":
        return postgresql.insert(deliveries)
    return sqlite.insert(deliveries)


def _claim_statement(
    now: datetime, until: datetime, limit: int, worker_id: str, *, postgres: bool
) -> Any:
    """UPDATE ... RETURNING behind :func:`claim_due_messages`."""
    claimable = sa.and_(
        deliveries.c.status == QUEUED,
        sa.or_(deliveries.c.claimed_until.is_(None), deliveries.c.claimed_until < now),
    )
    earlier = deliveries.alias("earlier")
    blocked_by_earlier = (
        sa.select(earlier.c.id)
        .where(
            earlier.c.platform == deliveries.c.platform,
            earlier.c.chat_id == deliveries.c.chat_id,
            earlier.c.status == QUEUED,
            earlier.c.id < deliveries.c.id,
            sa.or_(earlier.c.claimed_until >= now, earlier.c.next_attempt_at > now),
        )
        .exists()
    )
    due = (
        sa.select(deliveries.c.id)
        .where(claimable, deliveries.c.next_attempt_at <= now, ~blocked_by_earlier)
        .order_by(deliveries.c.next_attempt_at, deliveries.c.id)
        .limit(limit)
    )
    if postgres:
        # A CTE runs once; an IN (subquery ... LIMIT) may be re-run per row by the planner
        # and then take more than ``limit`` rows. SKIP LOCKED passes over rows another
        # worker is taking at this moment.
        taken = due.with_for_update(skip_locked=True).cte("due")
        chosen = deliveries.c.id == taken.c.id
    else:
        chosen = deliveries.c.id.in_(due.scalar_subquery())
    return (
        deliveries.update()
        .where(chosen, claimable)
        .values(claimed_by=worker_id, claimed_until=until)
        .returning(
            deliveries.c.id,
            deliveries.c.idempotency_key,
            deliveries.c.platform,
            deliveries.c.chat_id,
            deliveries.c.chat_kind,
            deliveries.c.kind,
            deliveries.c.payload,
            deliveries.c.attempts,
            deliveries.c.next_attempt_at,
        )
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
