"""Events API retries handled once.

Slack resends an event (with ``X-Slack-Retry-Num``) when it got no 200 within 3 seconds, and
replicas may each receive a copy. The first to insert the ``event_id`` into ``slack_events``
handles it; a small in-memory LRU answers repeats without a database round trip.
"""

from __future__ import annotations

import asyncio
import logging
from collections import OrderedDict
from datetime import timedelta

import sqlalchemy as sa

from bot.clock import Clock
from bot.store.slack import claim_slack_event

log = logging.getLogger(__name__)

KEEP = timedelta(hours=1)  # Slack retries within minutes; an hour is ample
PRUNE_EVERY = 500


class EventLedger:
    """Answers "is this the first time we see ``event_id``?" across restarts and replicas."""

    def __init__(self, engine: sa.Engine, clock: Clock, memory: int = 4096) -> None:
        self._engine = engine
        self._clock = clock
        self._memory = memory
        self._seen: OrderedDict[str, None] = OrderedDict()
        self._inserted = 0

    async def first_time(self, event_id: str, team_id: str | None) -> bool:
        if event_id in self._seen:
            self._seen.move_to_end(event_id)
            return False
        self._remember(event_id)
        first = await asyncio.to_thread(self._claim, event_id, team_id)
        if not first:
            log.info("slack event %s (team %s) already handled: retry ignored", event_id, team_id)
        return first

    def _remember(self, event_id: str) -> None:
        self._seen[event_id] = None
        while len(self._seen) > self._memory:
            self._seen.popitem(last=False)

    def _claim(self, event_id: str, team_id: str | None) -> bool:
        now = self._clock.now()
        prune = (self._inserted + 1) % PRUNE_EVERY == 0
        first = claim_slack_event(
            self._engine, event_id, team_id, now, now - KEEP if prune else None
        )
        self._inserted += first
        return first
