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


def queue_stats(engine: sa.Engine, now: datetime) -> QueueStats:
    """Messages by status; of the queued ones, how many are due and the oldest's wait."""
    queued_now = (deliveries.c.status == "queued") & (deliveries.c.next_attempt_at <= now)
    with engine.connect() as connection:
        by_status = connection.execute(
            sa.select(deliveries.c.status, sa.func.count())
            .group_by(deliveries.c.status)
            .order_by(deliveries.c.status)
        ).all()
        due, oldest = connection.execute(
            sa.select(sa.func.count(), sa.func.min(deliveries.c.next_attempt_at)).where(queued_now)
        ).one()
    counts = {status: int(count) for status, count in by_status}
    oldest_at = _utc(oldest)
    age = max(0.0, (now - oldest_at).total_seconds()) if oldest_at else 0.0
    return QueueStats(
        queued=counts.get("queued", 0),
        due=int(due),
        oldest_due_age_seconds=age,
        by_status=tuple(counts.items()),
    )


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
