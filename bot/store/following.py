"""Chats with the topics they follow and their digest settings: the one join of ``chats`` and
``subscriptions`` that the digest job and Slack's App Home read, and the digest bookkeeping.

Rows are streamed a chat at a time (never all held as objects): a fan-out to 100,000 chats
reads them in one pass.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from bot.store.chats import ChatState
from bot.store.schema import chats, deliveries, subscriptions


@dataclass(frozen=True, slots=True)
class FollowingChat:
    """An active chat that follows at least one topic (``topics``, sorted)."""

    chat_pk: int
    platform: str
    chat_id: str
    kind: str
    title: str
    digest_time: str | None
    digest_zone: str | None
    last_digest_at: datetime | None
    topics: tuple[str, ...]


def digest_slots(engine: sa.Engine) -> list[tuple[str, str | None]]:
    """Every distinct (local digest time, zone) of the active chats that want a digest."""
    query = (
        sa.select(chats.c.digest_time, chats.c.digest_zone)
        .where(chats.c.state == ChatState.ACTIVE, chats.c.digest_time.is_not(None))
        .distinct()
    )
    with engine.connect() as connection:
        return [(row.digest_time, row.digest_zone) for row in connection.execute(query)]


def chats_following_topics(
    engine: sa.Engine,
    *,
    digest_times: Collection[str] | None = None,
    platform: str | None = None,
    chat_id_prefix: str = "",
) -> Iterator[FollowingChat]:
    """Active chats following at least one topic, ordered by platform and chat id.

    ``digest_times`` keeps the chats whose digest is at one of those local times;
    ``platform`` and ``chat_id_prefix`` (e.g. a Slack workspace's ``"T1:"``) narrow further.
    """
    query = (
        sa.select(
            chats.c.id,
            chats.c.platform,
            chats.c.chat_id,
            chats.c.kind,
            chats.c.title,
            chats.c.digest_time,
            chats.c.digest_zone,
            chats.c.last_digest_at,
            subscriptions.c.topic,
        )
        .join(subscriptions, subscriptions.c.chat_pk == chats.c.id)
        .where(chats.c.state == ChatState.ACTIVE, subscriptions.c.active.is_(True))
        .order_by(chats.c.platform, chats.c.chat_id, subscriptions.c.topic)
    )
    if digest_times is not None:
        query = query.where(chats.c.digest_time.in_(sorted(digest_times)))
    if platform is not None:
        query = query.where(chats.c.platform == platform)
    if chat_id_prefix:
        query = query.where(chats.c.chat_id.startswith(chat_id_prefix, autoescape=True))
    with engine.connect() as connection:
        # A plain cursor: PostgreSQL plans for the whole result (a server-side cursor gets a
        # first-rows nested loop); rows come one per (chat, topic), a chat's rows together.
        current: Any = None
        topics: list[str] = []
        for row in connection.execute(query):
            if current is not None and row.id != current.id:
                yield _following(current, topics)
                topics = []
            current = row
            topics.append(row.topic)
        if current is not None:
            yield _following(current, topics)


def mark_digests_handed_out(
    connection: sa.Connection, chat_pks: Collection[int], now: datetime
) -> None:
    """Record that these chats got the digest due now (in the caller's transaction)."""
    connection.execute(
        chats.update()
        .where(chats.c.id.in_(list(chat_pks)))
        .values(last_digest_at=now, updated_at=now)
    )


def refresh_delivery_statistics(engine: sa.Engine) -> None:
    """Fresh planner statistics for the delivery queue (PostgreSQL; nothing elsewhere)."""
    if engine.dialect.name != "postgresql":
        return
    with engine.begin() as connection:
        connection.execute(sa.text(f"ANALYZE {deliveries.name}"))


def _following(row: Any, topics: list[str]) -> FollowingChat:
    return FollowingChat(
        chat_pk=row.id,
        platform=row.platform,
        chat_id=row.chat_id,
        kind=row.kind,
        title=row.title or "",
        digest_time=row.digest_time,
        digest_zone=row.digest_zone,
        last_digest_at=row.last_digest_at,
        topics=tuple(topics),
    )
