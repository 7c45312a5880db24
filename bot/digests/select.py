"""Which chats are due a digest in a window of time, read straight from the chat tables.

Not one computation per chat: the distinct (digest time, zone) pairs are resolved first (a
few hundred at most), and only the chats of the pairs that fell due are read.
"""

from __future__ import annotations

import logging
import zoneinfo
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa

from bot.digests.due import latest_due, parse_hhmm, zone_info
from bot.store.schema import chats, subscriptions

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class DueChat:
    """A chat whose digest fell due at ``due_at`` (UTC), for its local day ``local_date``."""

    chat_pk: int
    platform: str
    chat_id: str
    kind: str
    zone: str
    due_at: datetime
    local_date: date
    last_digest_at: datetime | None
    topics: tuple[str, ...]


def due_chats(
    engine: sa.Engine, after: datetime, upto: datetime, default_zone: str = "UTC"
) -> list[DueChat]:
    """Active chats with topics whose local digest time fell in ``(after, upto]`` and that
    have not had that digest yet; ordered by due instant, then chat."""
    with engine.connect() as connection:
        due = _due_pairs(connection, after, upto, default_zone)
        if not due:
            return []
        # A plain cursor: rows are still turned into objects one at a time, but PostgreSQL
        # plans for the whole result (a server-side cursor gets a first-rows nested loop).
        rows = connection.execute(
            sa.select(
                chats.c.id,
                chats.c.platform,
                chats.c.chat_id,
                chats.c.kind,
                chats.c.digest_time,
                chats.c.digest_zone,
                chats.c.last_digest_at,
                subscriptions.c.topic,
            )
            .join(subscriptions, subscriptions.c.chat_pk == chats.c.id)
            .where(
                chats.c.state == "active",
                chats.c.digest_time.in_(sorted({at for at, _ in due})),
                subscriptions.c.active.is_(True),
            )
            .order_by(chats.c.id, subscriptions.c.topic)
        )
        # Rows come one per (chat, topic), a chat's rows together; never all held as objects.
        chosen: list[DueChat] = []
        current: Any = None
        topics: list[str] = []
        for row in rows:
            if current is not None and row.id != current.id:
                _add(chosen, current, topics, due, default_zone)
                topics = []
            current = row
            topics.append(row.topic)
        if current is not None:
            _add(chosen, current, topics, due, default_zone)
    chosen.sort(key=lambda c: (c.due_at, c.chat_pk))
    return chosen


def _add(
    chosen: list[DueChat],
    row: Any,
    topics: list[str],
    due: dict[tuple[str, str], tuple[datetime, date]],
    default_zone: str,
) -> None:
    zone = row.digest_zone or default_zone
    slot = due.get((row.digest_time, zone))
    if slot is None:
        return
    due_at, local_date = slot
    if row.last_digest_at is not None and row.last_digest_at >= due_at:
        return  # this digest was already handed out
    chosen.append(
        DueChat(
            row.id,
            row.platform,
            row.chat_id,
            row.kind,
            zone,
            due_at,
            local_date,
            row.last_digest_at,
            tuple(topics),
        )
    )


def _due_pairs(
    connection: sa.Connection, after: datetime, upto: datetime, default_zone: str
) -> dict[tuple[str, str], tuple[datetime, date]]:
    pairs = connection.execute(
        sa.select(chats.c.digest_time, chats.c.digest_zone)
        .where(chats.c.state == "active", chats.c.digest_time.is_not(None))
        .distinct()
    ).all()
    due: dict[tuple[str, str], tuple[datetime, date]] = {}
    for at, zone_name in pairs:
        zone = zone_name or default_zone
        try:
            zone_info(zone)
            slot = latest_due(parse_hhmm(at), zone, after, upto)
        except (ValueError, zoneinfo.ZoneInfoNotFoundError):
            log.warning(
                "digest time %r in zone %r is not valid; chats with it are skipped", at, zone
            )
            continue
        if slot is not None:
            due[(at, zone)] = slot
    return due
