"""Stored developments: a ``stories`` row with its briefing, read back as a
:class:`~briefings.model.Development` with what threads need (facts, lede, changes).

Changes, facts and material are JSON lists in the row: a Change as ``{"kind", "subject",
"before", "after", "source_url"}``, a StatedFact as ``{"kind", "subject", "value",
"source_url"}``, material as the reason strings of
:func:`~briefings.stories.material.material_reasons`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from bot.store.schema import articles, briefings, stories
from briefings.model import Briefing, Change, Development, StatedFact
from briefings.output.serialize import briefing_from_dict

_CHUNK = 500


@dataclass(frozen=True, slots=True)
class StoredDevelopment:
    """One development as stored: its row ids, the development and why it is material."""

    story_id: int
    thread_id: int | None
    development: Development
    material: tuple[str, ...] = ()
    updated_at: datetime | None = None

    @property
    def briefing(self) -> Briefing:
        return self.development.briefing

    @property
    def published(self) -> datetime:
        return self.development.published

    @property
    def topics(self) -> tuple[str, ...]:
        return self.development.briefing.topics


def change_to_dict(change: Change) -> dict[str, str]:
    return {
        "kind": change.kind,
        "subject": change.subject,
        "before": change.before,
        "after": change.after,
        "source_url": change.source_url,
    }


def change_from_dict(data: Mapping[str, Any]) -> Change:
    return Change(
        str(data.get("kind", "")),
        str(data.get("subject", "")),
        str(data.get("before", "")),
        str(data.get("after", "")),
        str(data.get("source_url", "")),
    )


def fact_to_dict(fact: StatedFact) -> dict[str, str]:
    return {
        "kind": fact.kind,
        "subject": fact.subject,
        "value": fact.value,
        "source_url": fact.source_url,
    }


def fact_from_dict(data: Mapping[str, Any]) -> StatedFact:
    return StatedFact(
        str(data.get("kind", "")),
        str(data.get("subject", "")),
        str(data.get("value", "")),
        str(data.get("source_url", "")),
    )


def development_columns() -> tuple[sa.ColumnElement[Any], ...]:
    """The columns :func:`stored_development` reads (stories joined with briefings)."""
    return (
        stories.c.id,
        stories.c.key,
        stories.c.thread_id,
        stories.c.published_at,
        stories.c.first_seen_at,
        stories.c.changes,
        stories.c.material,
        stories.c.facts,
        stories.c.lede,
        stories.c.first_hour_outlets,
        briefings.c.data,
        briefings.c.updated_at,
    )


def select_developments() -> sa.Select[Any]:
    """Stories with their briefings (a story without a briefing is not a development)."""
    return sa.select(*development_columns()).join(briefings, briefings.c.story_id == stories.c.id)


def stored_development(row: Any, report_ids: Sequence[str] = ()) -> StoredDevelopment:
    briefing = briefing_from_dict(row.data)
    published = row.published_at or briefing.published or row.first_seen_at
    development = Development(
        key=row.key,
        briefing=briefing,
        report_ids=tuple(report_ids),
        published=published,
        facts=tuple(fact_from_dict(f) for f in row.facts or ()),
        changes=tuple(change_from_dict(c) for c in row.changes or ()),
        lede=row.lede or "",
        first_hour_outlets=int(row.first_hour_outlets or 1),
    )
    return StoredDevelopment(
        story_id=int(row.id),
        thread_id=row.thread_id,
        development=development,
        material=tuple(str(m) for m in row.material or ()),
        updated_at=row.updated_at,
    )


def report_ids_of(connection: sa.Connection, story_ids: Iterable[int]) -> dict[int, list[str]]:
    """The canonical URLs of each story's articles, the earliest published first."""
    ids = sorted(set(story_ids))
    found: dict[int, list[str]] = {}
    published = sa.func.coalesce(articles.c.published_at, articles.c.fetched_at)
    for start in range(0, len(ids), _CHUNK):
        query = (
            sa.select(articles.c.story_id, articles.c.canonical_url)
            .where(articles.c.story_id.in_(ids[start : start + _CHUNK]))
            .order_by(published, articles.c.id)
        )
        for story_id, url in connection.execute(query):
            found.setdefault(int(story_id), []).append(url)
    return found


def read_developments(
    connection: sa.Connection, where: sa.ColumnElement[bool], with_reports: bool = False
) -> list[StoredDevelopment]:
    """The developments whose rows satisfy ``where``, oldest first; ``with_reports`` fills
    each development's ``report_ids`` (what the story engine regroups by)."""
    order = sa.func.coalesce(stories.c.published_at, stories.c.first_seen_at)
    query = select_developments().where(where).order_by(order, stories.c.id)
    rows = list(connection.execute(query))
    reports = report_ids_of(connection, (row.id for row in rows)) if with_reports else {}
    return [stored_development(row, reports.get(int(row.id), ())) for row in rows]


def development_values(development: Development) -> dict[str, Any]:
    """The ``stories`` columns a development sets (not its thread, changes or material)."""
    return {
        "headline": development.briefing.headline[:1024],
        "published_at": development.published,
        "facts": [fact_to_dict(f) for f in development.facts],
        "lede": development.lede,
        "first_hour_outlets": development.first_hour_outlets,
    }
