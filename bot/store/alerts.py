"""The SQL of the alert job: recent material developments with their topics, the chats that
want alerts on those topics, what they were sent, and recording an alert.

Each function runs within the caller's connection; :class:`bot.alerts.job.AlertJob` decides
where transactions begin and end.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from bot.store.chats import ALERT_VIA, ChatState
from bot.store.schema import (
    briefing_topics,
    briefings,
    chats,
    sent_developments,
    stories,
    subscriptions,
)
from briefings.model import Briefing, Change
from briefings.output.serialize import briefing_from_dict


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
    not empty) and have a briefing, the oldest first."""
    query = (
        sa.select(
            stories.c.id,
            stories.c.thread_id,
            stories.c.published_at,
            stories.c.first_seen_at,
            stories.c.material,
            stories.c.changes,
            briefings.c.id.label("briefing_id"),
            briefings.c.published_at.label("briefing_published_at"),
            briefings.c.data,
        )
        .join(briefings, briefings.c.story_id == stories.c.id)
        .where(stories.c.first_seen_at >= arrived_since)
        .order_by(stories.c.first_seen_at, stories.c.id)
    )
    # ``material`` is JSON, which PostgreSQL cannot compare: the (few) recent rows are
    # filtered here.
    rows = [row for row in connection.execute(query) if _reasons(row.material)]
    topics = _topics(connection, [row.briefing_id for row in rows])
    found = [
        MaterialDevelopment(
            story_id=row.id,
            thread_id=row.thread_id,
            published=row.published_at or row.briefing_published_at or row.first_seen_at,
            arrived=row.first_seen_at,
            reasons=_reasons(row.material),
            briefing=briefing_from_dict(row.data),
            changes=tuple(change_from_dict(c) for c in row.changes or () if isinstance(c, dict)),
            topics=topics.get(row.briefing_id, ()),
        )
        for row in rows
    ]
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
    if not chat_pks or not story_ids:
        return set()
    query = sa.select(sent_developments.c.chat_pk, sent_developments.c.story_id).where(
        sent_developments.c.chat_pk.in_(sorted(chat_pks)),
        sent_developments.c.story_id.in_(sorted(story_ids)),
    )
    return {(row.chat_pk, row.story_id) for row in connection.execute(query)}


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
    insert = postgresql.insert if connection.dialect.name == "postgresql" else sqlite.insert
    statement = (
        insert(sent_developments)
        .values(chat_pk=chat_pk, story_id=story_id, thread_id=thread_id, via=ALERT_VIA, sent_at=now)
        .on_conflict_do_nothing()
        .returning(sent_developments.c.id)
    )
    return connection.execute(statement).first() is not None


def change_from_dict(data: Mapping[str, Any]) -> Change:
    """A Change from its JSON form (``kind, subject, before, after, source_url``)."""
    return Change(
        kind=str(data.get("kind", "")),
        subject=str(data.get("subject", "")),
        before=str(data.get("before", "")),
        after=str(data.get("after", "")),
        source_url=str(data.get("source_url", "")),
    )


def _reasons(material: Any) -> tuple[str, ...]:
    if not isinstance(material, list):
        return ()
    return tuple(str(reason) for reason in material if reason)


def _topics(connection: sa.Connection, briefing_ids: Iterable[int]) -> dict[int, tuple[str, ...]]:
    ids = sorted(set(briefing_ids))
    if not ids:
        return {}
    query = (
        sa.select(briefing_topics.c.briefing_id, briefing_topics.c.topic)
        .where(briefing_topics.c.briefing_id.in_(ids))
        .order_by(briefing_topics.c.briefing_id, briefing_topics.c.topic)
    )
    found: dict[int, list[str]] = {}
    for row in connection.execute(query):
        found.setdefault(row.briefing_id, []).append(row.topic)
    return {key: tuple(value) for key, value in found.items()}
