"""How a worker takes a lease: the one conditional UPDATE behind ``DeliveryQueue.claim``."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa

from bot.delivery.model import QUEUED
from bot.store.schema import deliveries

# An arbitrary constant naming the claim lock among PostgreSQL advisory locks.
CLAIM_LOCK = 0x62726966


def claim_statement(
    now: datetime, until: datetime, limit: int, worker_id: str, *, postgres: bool
) -> Any:
    """UPDATE ... RETURNING that leases up to ``limit`` due rows to ``worker_id`` until
    ``until``. A row is taken only if it is queued and unleased (or its lease ran out) and
    its chat has no earlier message still waiting (leased elsewhere, or due later)."""
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
