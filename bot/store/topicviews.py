"""What ``latest`` reads of a topic that is the same for every chat, kept until the store
changes.

A topic's active threads (the most recently developed first), each thread's developments on
the topic, the developments read so far and the topic's newest briefing do not depend on who
asks: only what each chat was sent does. They are kept in memory under the store generation
(:data:`~bot.store.schema.store_generation`), which database triggers count up on every write
to stories, briefings, their topics and threads, from whichever process: each command reads
the generation (one small query) and reads the rest again only when it has moved, so no chat
is answered from before another replica's ingest.

Time alone also changes what is active (a thread is active while it developed within
``ACTIVE_WITHIN``): a topic's view is kept only from the moment it was read until the first of
its threads would fall out of that window, so it says exactly what the queries would.
"""

from __future__ import annotations

import threading
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import sqlalchemy as sa

from bot.store.briefings import BriefingStore, StoredBriefing
from bot.store.developments import StoredDevelopment
from bot.store.schema import store_generation
from bot.store.threads import ACTIVE_WITHIN, StoredThread, ThreadStore

_GENERATION = sa.select(store_generation.c.generation).where(store_generation.c.id == 1)


@dataclass(slots=True)
class TopicView:
    """One topic as every chat sees it at one store generation (read lazily, then kept)."""

    topic: str
    threads: Sequence[StoredThread]  # active, the most recently developed first
    outline: Mapping[int, list[tuple[int, datetime]]]  # see ThreadStore.outline
    read_at: datetime
    until: datetime | None  # the last instant ``threads`` are all still active
    _store: ThreadStore
    _briefings: BriefingStore
    _developments: dict[int, StoredDevelopment] = field(default_factory=dict)
    _newest: list[StoredBriefing] | None = None

    def holds_at(self, now: datetime) -> bool:
        return self.read_at <= now and (self.until is None or now <= self.until)

    def developments(self, story_ids: Collection[int]) -> dict[int, StoredDevelopment]:
        """The developments of ``story_ids`` (see ThreadStore.by_story), read once."""
        missing = [i for i in story_ids if i not in self._developments]
        if missing:
            self._developments.update(self._store.by_story(missing))
        return {i: self._developments[i] for i in story_ids if i in self._developments}

    def newest_briefing(self) -> StoredBriefing | None:
        """The topic's newest briefing (for a topic with no thread)."""
        if self._newest is None:
            self._newest = self._briefings.latest(self.topic, limit=1)
        return self._newest[0] if self._newest else None


class TopicViews:
    """The topic views of one database, kept per store generation."""

    def __init__(
        self,
        engine: sa.Engine,
        threads: ThreadStore,
        briefings: BriefingStore,
        within: timedelta = ACTIVE_WITHIN,
    ) -> None:
        self._engine = engine
        self._threads = threads
        self._briefings = briefings
        self._within = within
        self._generation: int | None = None
        self._views: dict[str, TopicView] = {}
        self._lock = threading.Lock()

    def topics(self, names: Sequence[str], now: datetime) -> dict[str, TopicView]:
        """The view of each topic in ``names`` as of ``now``."""
        # The generation is read before anything it covers, so a view read after a write
        # that landed in between is newer than its generation says, never older.
        with self._engine.connect() as connection:
            generation = connection.execute(_GENERATION).scalar()
        with self._lock:
            if generation is None or generation != self._generation:
                self._views = {}
                self._generation = generation
            views = dict(self._views)
        for name in names:
            view = views.get(name)
            if view is None or not view.holds_at(now):
                views[name] = view = self._read(name, now)
                if generation is not None:
                    with self._lock:
                        if self._generation == generation:
                            self._views[name] = view
        return {name: views[name] for name in names}

    def _read(self, topic: str, now: datetime) -> TopicView:
        threads = self._threads.active(topic, now, self._within)
        outline = self._threads.outline([t.id for t in threads], topic)
        # A thread stays active while both its last development and its newest one on the
        # topic are within the window; the first to fall out ends the view.
        edges = [min([t.last_at, *(when for _, when in outline[t.id][:1])]) for t in threads]
        until = min(edges) + self._within if edges else None
        return TopicView(topic, tuple(threads), outline, now, until, self._threads, self._briefings)
