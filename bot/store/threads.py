"""Stored threads: the developments of one negotiation or running story across days and weeks.

A thread row keeps its key (fixed by its first development), the headline of its newest
development, and when it started and last developed. A thread belongs to no topic of its
own: it is on a topic when one of its developments is, and what a chat is shown of it on a
topic is its developments on that topic.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import sqlalchemy as sa

from bot.store.developments import (
    StoredDevelopment,
    change_to_dict,
    development_values,
    read_developments,
)
from bot.store.schema import briefing_topics, briefings, stories, threads
from briefings.model import Development, Thread

# A thread is active on a topic while its last development is at most this old (the least
# a thread stays open; see ``briefings.stories.threads.MIN_OPEN``).
ACTIVE_WITHIN = timedelta(days=30)
_CHUNK = 500


@dataclass(frozen=True, slots=True)
class StoredThread:
    id: int
    key: str
    headline: str
    started_at: datetime
    last_at: datetime


class ThreadStore:
    """Reads and writes the ``threads`` table and the thread columns of ``stories``."""

    def __init__(self, engine: sa.Engine) -> None:
        self._engine = engine

    # --- what chats read ---------------------------------------------------------------------

    def active(
        self,
        topic: str,
        now: datetime,
        within: timedelta = ACTIVE_WITHIN,
        limit: int | None = None,
    ) -> list[StoredThread]:
        """The threads with a development on ``topic`` in the ``within`` before ``now``, the
        most recently developed first."""
        query = _active_query(topic, now, within).order_by(
            threads.c.last_at.desc(), threads.c.id.desc()
        )
        if limit is not None:
            query = query.limit(limit)
        with self._engine.connect() as connection:
            return [_thread(row) for row in connection.execute(query)]

    def count_active(self, topic: str, now: datetime, within: timedelta = ACTIVE_WITHIN) -> int:
        query = sa.select(sa.func.count()).select_from(_active_query(topic, now, within).subquery())
        with self._engine.connect() as connection:
            return int(connection.execute(query).scalar_one())

    def thread(self, thread_id: int) -> StoredThread | None:
        with self._engine.connect() as connection:
            row = connection.execute(sa.select(threads).where(threads.c.id == thread_id)).first()
        return _thread(row) if row is not None else None

    def developments(
        self, thread_ids: Collection[int], topic: str | None = None
    ) -> dict[int, list[StoredDevelopment]]:
        """The developments of each thread (on ``topic`` when given), the newest first."""
        found: dict[int, list[StoredDevelopment]] = {thread_id: [] for thread_id in thread_ids}
        ids = sorted(found)
        with self._engine.connect() as connection:
            for start in range(0, len(ids), _CHUNK):
                where: sa.ColumnElement[bool] = stories.c.thread_id.in_(ids[start : start + _CHUNK])
                if topic is not None:
                    where = sa.and_(where, _on_topic(topic))
                for stored in read_developments(connection, where):
                    assert stored.thread_id is not None
                    found[stored.thread_id].append(stored)
        for developments in found.values():
            developments.reverse()
        return found

    def updated(
        self, topics: Collection[str], since: datetime | None, until: datetime
    ) -> list[StoredDevelopment]:
        """Developments on any of ``topics`` updated in ``(since, until]`` (a new report
        counts), oldest first."""
        where = sa.and_(
            briefings.c.updated_at <= until,
            briefings.c.id.in_(
                sa.select(briefing_topics.c.briefing_id).where(
                    briefing_topics.c.topic.in_(sorted(topics))
                )
            ),
        )
        if since is not None:
            where = sa.and_(where, briefings.c.updated_at > since)
        with self._engine.connect() as connection:
            return read_developments(connection, where)

    def outline(
        self, thread_ids: Collection[int], topic: str
    ) -> dict[int, list[tuple[int, datetime]]]:
        """Each thread's developments on ``topic`` as (story id, publication time), the
        newest first: what a chat was sent can be weighed without reading any briefing."""
        found: dict[int, list[tuple[int, datetime]]] = {thread_id: [] for thread_id in thread_ids}
        published = sa.func.coalesce(stories.c.published_at, stories.c.first_seen_at)
        ids = sorted(found)
        with self._engine.connect() as connection:
            for start in range(0, len(ids), _CHUNK):
                query = (
                    sa.select(stories.c.thread_id, stories.c.id, published.label("published"))
                    .join(briefings, briefings.c.story_id == stories.c.id)
                    .where(stories.c.thread_id.in_(ids[start : start + _CHUNK]), _on_topic(topic))
                    .order_by(published.desc(), stories.c.id.desc())
                )
                for thread_id, story_id, when in connection.execute(query):
                    found[int(thread_id)].append((int(story_id), _utc(when)))
        return found

    def by_story(self, story_ids: Collection[int]) -> dict[int, StoredDevelopment]:
        """The developments of ``story_ids``, by story id."""
        ids = sorted(set(story_ids))
        found: dict[int, StoredDevelopment] = {}
        with self._engine.connect() as connection:
            for start in range(0, len(ids), _CHUNK):
                where = stories.c.id.in_(ids[start : start + _CHUNK])
                found.update({d.story_id: d for d in read_developments(connection, where)})
        return found

    def unthreaded(self, since: datetime, until: datetime) -> list[StoredDevelopment]:
        """Developments updated in ``(since, until]`` that belong to no thread (stored before
        threads were kept, or by a run that stopped before threading them), oldest first."""
        where = sa.and_(
            stories.c.thread_id.is_(None),
            briefings.c.updated_at > since,
            briefings.c.updated_at <= until,
        )
        with self._engine.connect() as connection:
            return read_developments(connection, where)

    # --- what ingest reads and writes --------------------------------------------------------

    def recent(self, since: datetime) -> list[StoredThread]:
        """The threads whose last development is at ``since`` or later."""
        query = sa.select(threads).where(threads.c.last_at >= since).order_by(threads.c.id)
        with self._engine.connect() as connection:
            return [_thread(row) for row in connection.execute(query)]

    def whole(
        self, thread_ids: Iterable[int], development_keys: Iterable[str] = ()
    ) -> list[Thread]:
        """The threads ``thread_ids`` and those of the developments ``development_keys``,
        whole (every development, with its reports), for the story engine to thread new
        developments onto."""
        ids = set(thread_ids)
        keys = sorted(set(development_keys))
        with self._engine.connect() as connection:
            for start in range(0, len(keys), _CHUNK):
                ids.update(
                    connection.execute(
                        sa.select(stories.c.thread_id).where(
                            stories.c.key.in_(keys[start : start + _CHUNK]),
                            stories.c.thread_id.is_not(None),
                        )
                    ).scalars()
                )
            members: dict[int, list[Development]] = {}
            thread_keys: dict[int, str] = {}
            ordered = sorted(ids)
            for start in range(0, len(ordered), _CHUNK):
                chunk = ordered[start : start + _CHUNK]
                where = stories.c.thread_id.in_(chunk)
                for stored in read_developments(connection, where, with_reports=True):
                    assert stored.thread_id is not None
                    members.setdefault(stored.thread_id, []).append(stored.development)
                found = connection.execute(
                    sa.select(threads.c.id, threads.c.key).where(threads.c.id.in_(chunk))
                )
                thread_keys.update({int(tid): key for tid, key in found})
        return [Thread(thread_keys[tid], tuple(group)) for tid, group in sorted(members.items())]

    def save(
        self,
        saved: Sequence[Thread],
        material: Mapping[str, Sequence[str]],
        now: datetime,
        gone: Iterable[str] = (),
    ) -> dict[str, int]:
        """Write ``saved`` threads (row, and each development's thread, changes and
        ``material`` by development key) in one transaction; threads keyed ``gone`` that have
        no development left are removed. Returns the id of each saved thread by key."""
        ids: dict[str, int] = {}
        with self._engine.begin() as connection:
            for thread in saved:
                thread_id = _upsert_thread(connection, thread, now)
                ids[thread.key] = thread_id
                for development in thread.developments:
                    connection.execute(
                        stories.update()
                        .where(stories.c.key == development.key)
                        .values(
                            thread_id=thread_id,
                            changes=[change_to_dict(c) for c in development.changes],
                            material=list(material.get(development.key, ())),
                            **development_values(development),
                        )
                    )
            left = sorted(set(gone) - set(ids))
            if left:
                used = sa.select(stories.c.thread_id).where(stories.c.thread_id.is_not(None))
                connection.execute(
                    threads.delete().where(threads.c.key.in_(left), threads.c.id.not_in(used))
                )
        return ids


def _active_query(topic: str, now: datetime, within: timedelta) -> sa.Select[Any]:
    since = now - within
    on_topic = (
        sa.select(stories.c.thread_id)
        .join(briefings, briefings.c.story_id == stories.c.id)
        .where(
            stories.c.thread_id.is_not(None),
            sa.func.coalesce(stories.c.published_at, stories.c.first_seen_at) >= since,
            _on_topic(topic),
        )
    )
    return sa.select(threads).where(threads.c.last_at >= since, threads.c.id.in_(on_topic))


def _on_topic(topic: str) -> sa.ColumnElement[bool]:
    return briefings.c.id.in_(
        sa.select(briefing_topics.c.briefing_id).where(briefing_topics.c.topic == topic)
    )


def _upsert_thread(connection: sa.Connection, thread: Thread, now: datetime) -> int:
    values = {
        "headline": thread.latest.briefing.headline[:1024],
        "started_at": thread.started,
        "last_at": thread.last,
        "updated_at": now,
    }
    found = connection.execute(sa.select(threads.c.id).where(threads.c.key == thread.key)).scalar()
    if found is not None:
        connection.execute(threads.update().where(threads.c.id == found).values(**values))
        return int(found)
    return int(
        connection.execute(
            threads.insert().values(key=thread.key, **values).returning(threads.c.id)
        ).scalar_one()
    )


def _thread(row: Any) -> StoredThread:
    return StoredThread(
        id=int(row.id),
        key=row.key,
        headline=row.headline,
        started_at=row.started_at,
        last_at=row.last_at,
    )


def _utc(when: datetime) -> datetime:
    """A time read through ``coalesce`` (SQLite gives it back without its zone)."""
    return when if when.tzinfo is not None else when.replace(tzinfo=UTC)
