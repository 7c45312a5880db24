"""What an operator asks of the database: the queue, feeds by state, chats by platform, the
last digest run. Named queries for ``briefbot status`` and the metrics, nothing else."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import sqlalchemy as sa

from bot.store.schema import chats, deliveries, feeds


@dataclass(frozen=True, slots=True)
class QueueStats:
    queued: int
    due: int
    oldest_due_age_seconds: float
    by_status: tuple[tuple[str, int], ...]


@dataclass(frozen=True, slots=True)
class StatusReport:
    queue: QueueStats
    feeds_by_state: tuple[tuple[str, int], ...]
    chats_by_platform: tuple[tuple[str, str, int], ...]  # platform, state, count
    last_digest_at: datetime | None


def database_reachable(engine: sa.Engine) -> bool:
    """Whether a trivial query gets an answer."""
    try:
        with engine.connect() as connection:
            connection.execute(sa.text("SELECT 1"))
    except sa.exc.SQLAlchemyError:
        return False
    return True


def queue_stats(engine: sa.Engine, now: datetime, *, by_status: bool = True) -> QueueStats:
    """Queued messages; how many are due and the oldest due one's wait; with ``by_status``
    also every status's count (a scan of the whole table, which the metrics skip)."""
    queued = deliveries.c.status == "queued"
    with engine.connect() as connection:
        depth = connection.execute(sa.select(sa.func.count()).where(queued)).scalar_one()
        due, oldest = connection.execute(
            sa.select(sa.func.count(), sa.func.min(deliveries.c.next_attempt_at)).where(
                queued, deliveries.c.next_attempt_at <= now
            )
        ).one()
        counts = _status_counts(connection) if by_status else ()
    oldest_at = _utc(oldest)
    age = max(0.0, (now - oldest_at).total_seconds()) if oldest_at else 0.0
    return QueueStats(queued=int(depth), due=int(due), oldest_due_age_seconds=age, by_status=counts)


def _status_counts(connection: sa.Connection) -> tuple[tuple[str, int], ...]:
    rows = connection.execute(
        sa.select(deliveries.c.status, sa.func.count())
        .group_by(deliveries.c.status)
        .order_by(deliveries.c.status)
    ).all()
    return tuple((str(status), int(count)) for status, count in rows)


def feeds_by_state(engine: sa.Engine) -> tuple[tuple[str, int], ...]:
    """Feed counts by state: broken, failing, ok, new (never polled), removed."""
    state = sa.case(
        (feeds.c.removed_at.is_not(None), "removed"),
        (feeds.c.broken, "broken"),
        (feeds.c.failure_count > 0, "failing"),
        (feeds.c.last_fetched_at.is_(None), "new"),
        else_="ok",
    ).label("state")
    with engine.connect() as connection:
        rows = connection.execute(
            sa.select(state, sa.func.count()).group_by(state).order_by(state)
        ).all()
    return tuple((str(name), int(count)) for name, count in rows)


def chats_by_platform(engine: sa.Engine) -> tuple[tuple[str, str, int], ...]:
    """Chat counts by platform and state (active, blocked, migrated)."""
    with engine.connect() as connection:
        rows = connection.execute(
            sa.select(chats.c.platform, chats.c.state, sa.func.count())
            .group_by(chats.c.platform, chats.c.state)
            .order_by(chats.c.platform, chats.c.state)
        ).all()
    return tuple((str(p), str(s), int(n)) for p, s, n in rows)


def last_digest_at(engine: sa.Engine) -> datetime | None:
    """When the latest digest was queued for any chat."""
    with engine.connect() as connection:
        value = connection.execute(sa.select(sa.func.max(chats.c.last_digest_at))).scalar()
    return _utc(value)


def _utc(value: datetime | str | None) -> datetime | None:
    """An aggregate's datetime as aware UTC (SQLite hands back naive values or text)."""
    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def status_report(engine: sa.Engine, now: datetime) -> StatusReport:
    return StatusReport(
        queue=queue_stats(engine, now),
        feeds_by_state=feeds_by_state(engine),
        chats_by_platform=chats_by_platform(engine),
        last_digest_at=last_digest_at(engine),
    )
