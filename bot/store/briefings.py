"""Stored briefings: one per story, updated in place when the story gains sources."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa

from bot.store.schema import briefing_topics, briefings, stories
from briefings.model import Briefing
from briefings.output.serialize import briefing_from_dict, briefing_to_dict


@dataclass(frozen=True, slots=True)
class StoredBriefing:
    id: int
    story_id: int
    briefing: Briefing
    created_at: datetime
    updated_at: datetime


class BriefingStore:
    """Reads and writes the ``briefings`` table (and its topic index)."""

    def __init__(self, engine: sa.Engine) -> None:
        self._engine = engine

    def save(self, story_key: str, briefing: Briefing, now: datetime) -> StoredBriefing:
        """Insert or update the briefing of the story ``story_key`` (created if new)."""
        with self._engine.begin() as connection:
            story_id = self._story_id(connection, story_key, briefing.headline, now)
            data = briefing_to_dict(briefing)
            existing = connection.execute(
                sa.select(briefings.c.id, briefings.c.created_at).where(
                    briefings.c.story_id == story_id
                )
            ).first()
            values = {
                "headline": briefing.headline,
                "published_at": briefing.published,
                "updated_at": now,
                "data": data,
            }
            if existing is None:
                briefing_id = connection.execute(
                    briefings.insert()
                    .values(story_id=story_id, created_at=now, **values)
                    .returning(briefings.c.id)
                ).scalar_one()
                created_at = now
            else:
                briefing_id, created_at = existing
                connection.execute(
                    briefings.update().where(briefings.c.id == briefing_id).values(**values)
                )
                connection.execute(
                    briefing_topics.delete().where(briefing_topics.c.briefing_id == briefing_id)
                )
            if briefing.topics:
                connection.execute(
                    briefing_topics.insert(),
                    [{"briefing_id": briefing_id, "topic": t} for t in set(briefing.topics)],
                )
        return StoredBriefing(briefing_id, story_id, briefing, created_at, now)

    def latest(self, topic: str, limit: int = 1) -> list[StoredBriefing]:
        """The newest briefings of ``topic``, newest first (by last update)."""
        query = (
            self._select()
            .join(briefing_topics, briefing_topics.c.briefing_id == briefings.c.id)
            .where(briefing_topics.c.topic == topic)
            .order_by(briefings.c.updated_at.desc(), briefings.c.id.desc())
            .limit(limit)
        )
        return self._fetch(query)

    def since(
        self, topics: Sequence[str], since: datetime | None, until: datetime
    ) -> list[StoredBriefing]:
        """Briefings of any of ``topics`` updated in ``(since, until]``, oldest first."""
        ids = (
            sa.select(briefing_topics.c.briefing_id)
            .where(briefing_topics.c.topic.in_(list(topics)))
            .scalar_subquery()
        )
        query = self._select().where(briefings.c.id.in_(ids), briefings.c.updated_at <= until)
        if since is not None:
            query = query.where(briefings.c.updated_at > since)
        return self._fetch(query.order_by(briefings.c.updated_at, briefings.c.id))

    @staticmethod
    def _select() -> sa.Select[tuple[int, int, dict, datetime, datetime]]:
        return sa.select(
            briefings.c.id,
            briefings.c.story_id,
            briefings.c.data,
            briefings.c.created_at,
            briefings.c.updated_at,
        )

    def _fetch(
        self, query: sa.Select[tuple[int, int, dict, datetime, datetime]]
    ) -> list[StoredBriefing]:
        with self._engine.connect() as connection:
            rows = connection.execute(query).all()
        return [
            StoredBriefing(
                row.id, row.story_id, briefing_from_dict(row.data), row.created_at, row.updated_at
            )
            for row in rows
        ]

    @staticmethod
    def _story_id(connection: sa.Connection, key: str, headline: str, now: datetime) -> int:
        found = connection.execute(sa.select(stories.c.id).where(stories.c.key == key)).scalar()
        if found is not None:
            connection.execute(stories.update().where(stories.c.id == found).values(updated_at=now))
            return int(found)
        return int(
            connection.execute(
                stories.insert()
                .values(key=key, headline=headline[:1024], first_seen_at=now, updated_at=now)
                .returning(stories.c.id)
            ).scalar_one()
        )
