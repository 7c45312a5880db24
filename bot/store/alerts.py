"""The SQL of the alert job: recent material developments with their topics, the chats that
want alerts on those topics, what they were sent (:mod:`bot.store.sent`), and recording an
alert.

Each function runs within the caller's connection; :class:`bot.alerts.job.AlertJob` decides
where transactions begin and end.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from bot.store.chats import ChatState
from bot.store.developments import select_developments, stored_development
from bot.store.schema import briefing_topics, briefings, chats, stories, subscriptions
from bot.store.sent import Via, mark_sent, sent_among
from briefings.model import Briefing, Change


@dataclass(frozen=True, slots=True)
class MaterialDevelopment:
    """A development worth an alert: ``reasons`` (``stories.material``), its briefing,
    Changed facts and topics; ``arrived`` is when the bot first stored it."""

    story_id: int
    thread_id: int | None
    published: datetime
    arrived: datetime
    reasons: tuple[str, ...]
    briefing: Briefing
    changes: tuple[Change, ...]
    topics: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class AlertChat:
    """An active chat with alerts on that follows some of the topics asked about."""

    chat_pk: int
    platform: str
    chat_id: str
    kind: str
    zone: str | None
    quiet: tuple[str, str] | None
    topics: frozenset[str]


def material_developments(
    connection: sa.Connection, arrived_since: datetime
) -> list[MaterialDevelopment]:
    """Developments first stored from ``arrived_since`` on that are material (``material``
    not empty), the oldest first."""
    query = select_developments().where(stories.c.first_seen_at >= arrived_since)
    # ``material`` is JSON, which PostgreSQL cannot compare: the (few) recent rows are
    # filtered here.
    rows = [row for row in connection.execute(query) if row.material]
    topics = _topics(connection, [row.id for row in rows])
    found = []
    for row in rows:
        stored = stored_development(row)
        found.append(
            MaterialDevelopment(
                story_id=stored.story_id,
                thread_id=stored.thread_id,
                published=stored.published,
                arrived=row.first_seen_at,
                reasons=stored.material,
                briefing=stored.briefing,
                changes=stored.development.changes,
                topics=topics.get(stored.story_id, ()),
            )
        )
    found.sort(key=lambda d: (d.published, d.story_id))
    return found


def alert_chats(connection: sa.Connection, topics: Collection[str]) -> list[AlertChat]:
    """Active chats with alerts on that follow any of ``topics``, by id."""
    if not topics:
        return []
    query = (
        sa.select(
            chats.c.id,
            chats.c.platform,
            chats.c.chat_id,
            chats.c.kind,
            chats.c.digest_zone,
            chats.c.quiet_start,
            chats.c.quiet_end,
            subscriptions.c.topic,
        )
        .join(subscriptions, subscriptions.c.chat_pk == chats.c.id)
        .where(
            chats.c.state == ChatState.ACTIVE,
            chats.c.alerts.is_(True),
            subscriptions.c.active.is_(True),
            subscriptions.c.topic.in_(sorted(topics)),
        )
        .order_by(chats.c.id)
    )
    rows: dict[int, Any] = {}
    followed: dict[int, set[str]] = {}
    for row in connection.execute(query):
        rows.setdefault(row.id, row)
        followed.setdefault(row.id, set()).add(row.topic)
    return [
        AlertChat(
            chat_pk=pk,
            platform=row.platform,
            chat_id=row.chat_id,
            kind=row.kind,
            zone=row.digest_zone,
            quiet=(row.quiet_start, row.quiet_end)
            if row.quiet_start is not None and row.quiet_end is not None
            else None,
            topics=frozenset(followed[pk]),
        )
        for pk, row in rows.items()
    ]


def sent_pairs(
    connection: sa.Connection, chat_pks: Collection[int], story_ids: Collection[int]
) -> set[tuple[int, int]]:
    """The (chat, development) pairs among these that were sent already, by any way."""
    found = sent_among(connection, chat_pks, story_ids)
    return {(chat_pk, story_id) for chat_pk, ids in found.items() for story_id in ids}


def lock_chat_alerts(connection: sa.Connection, chat_pk: int) -> None:
    """Lock the chat's row for the rest of the transaction, so that two runs (two replicas)
    count and spend one chat's daily budget one after the other: PostgreSQL locks the row;
    SQLite takes its one write lock, and later reads in the transaction see every commit."""
    if connection.dialect.name == "postgresql":
        connection.execute(sa.select(chats.c.id).where(chats.c.id == chat_pk).with_for_update())
    else:
        connection.execute(chats.update().where(chats.c.id == chat_pk).values(id=chats.c.id))


def record_alert(
    connection: sa.Connection, chat_pk: int, story_id: int, thread_id: int | None, now: datetime
) -> bool:
    """Record the development as sent to the chat as an alert; False (nothing recorded) when
    the chat was sent it already, by any way."""
    return mark_sent(connection, chat_pk, [(story_id, thread_id)], Via.ALERT, now) == 1


def _topics(connection: sa.Connection, story_ids: Iterable[int]) -> dict[int, tuple[str, ...]]:
    """The topics of each story's briefing."""
    ids = sorted(set(story_ids))
    if not ids:
        return {}
    query = (
        sa.select(briefings.c.story_id, briefing_topics.c.topic)
        .join(briefing_topics, briefing_topics.c.briefing_id == briefings.c.id)
        .where(briefings.c.story_id.in_(ids))
        .order_by(briefings.c.story_id, briefing_topics.c.topic)
    )
    found: dict[int, list[str]] = {}
    for row in connection.execute(query):
        found.setdefault(row.story_id, []).append(row.topic)
    return {key: tuple(value) for key, value in found.items()}
