"""Feed health for operators (logs, ``briefbot ingest``) and, later, a ``/sources`` command."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

import sqlalchemy as sa

from bot.store.sources import FeedState, SourceStore


class Health(StrEnum):
    BROKEN = "broken"
    FAILING = "failing"
    NEW = "new"
    OK = "ok"


@dataclass(frozen=True, slots=True)
class FeedHealth:
    url: str
    title: str
    health: Health
    last_status: str
    last_error: str | None
    failure_count: int
    last_fetched_at: datetime | None
    next_attempt_at: datetime | None


def feed_health(engine: sa.Engine, urls: Sequence[str] | None = None) -> list[FeedHealth]:
    """Every stored feed (or those of ``urls``): broken first, then failing, then the rest."""
    states = SourceStore(engine).feeds(urls)
    order = list(Health)
    found = [_health(state) for state in states]
    return sorted(found, key=lambda h: (order.index(h.health), h.url))


def _health(state: FeedState) -> FeedHealth:
    if state.broken:
        health = Health.BROKEN
    elif state.failure_count:
        health = Health.FAILING
    elif state.last_status == Health.NEW:
        health = Health.NEW
    else:
        health = Health.OK
    return FeedHealth(
        url=state.url,
        title=state.title,
        health=health,
        last_status=state.last_status,
        last_error=state.last_error,
        failure_count=state.failure_count,
        last_fetched_at=state.last_fetched_at,
        next_attempt_at=state.next_attempt_at,
    )
