"""The alert job: after an ingest run, alert each chat that wants alerts to the material
developments of its topics it has not been sent, within its budget and outside its quiet
hours (see :mod:`bot.alerts.rules`).

Each chat's alerts are decided and recorded in one transaction: its alert lock is taken
(PostgreSQL), the alerts of its local day are counted, and each alert is queued under
``alert:{chat_pk}:{story_id}`` together with its ``sent_developments`` row (via
``"alert"``). The unique keys of both make a re-run, an overlapping run or a second replica
find the alert taken: a chat never gets two alerts for one development, nor an alert for a
development it was sent by ``latest`` or a digest. A held-back development is not recorded,
so the next digest carries it.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

import sqlalchemy as sa

from bot.alerts.compose import alert_reply
from bot.alerts.rules import MAX_AGE, Held, held_back, local_day_start
from bot.config import Settings
from bot.delivery.queue import DeliveryQueue, Outgoing
from bot.render import RenderedMessage, Renderer
from bot.store.alerts import (
    AlertChat,
    MaterialDevelopment,
    alert_chats,
    lock_chat_alerts,
    material_developments,
    record_alert,
    sent_pairs,
)
from bot.store.chats import count_alerts_since

log = logging.getLogger(__name__)

KIND = "alert"


def alert_key(chat_pk: int, story_id: int, part: int = 0) -> str:
    """``alert:{chat_pk}:{story_id}``, and ``…:{part}`` for a message's further parts."""
    key = f"alert:{chat_pk}:{story_id}"
    return key if part == 0 else f"{key}:{part}"


@dataclass(frozen=True, slots=True)
class AlertRun:
    """What one run did: material developments considered, chats that wanted alerts on
    their topics, alerts queued, alerts held back (for quiet hours, for the daily budget,
    for having arrived on an earlier local day), alerts found already sent by any way, chats
    skipped (no renderer here)."""

    developments: int = 0
    chats: int = 0
    queued: int = 0
    held_quiet: int = 0
    held_budget: int = 0
    held_earlier_day: int = 0
    already: int = 0
    skipped: int = 0


@dataclass(slots=True)
class _Tally:
    """The counters of an :class:`AlertRun` while it runs."""

    queued: int = 0
    held: dict[Held, int] = field(default_factory=dict)
    already: int = 0
    skipped: int = 0

    def hold(self, why: Held) -> None:
        self.held[why] = self.held.get(why, 0) + 1


class AlertJob:
    """Call :meth:`run` after every ingest run; safe at any time, from several threads and
    replicas at once."""

    def __init__(
        self,
        engine: sa.Engine,
        queue: DeliveryQueue,
        renderers: Mapping[str, Renderer],
        settings: Settings,
    ) -> None:
        self._engine = engine
        self._queue = queue
        self._renderers = renderers
        self._settings = settings
        self._lock = threading.Lock()

    def run(self, now: datetime) -> AlertRun:
        """Queue the alerts due at ``now``."""
        with self._lock:
            with self._engine.connect() as connection:
                # Nothing that arrived before yesterday can be alerted (rules.EARLIER_DAY).
                developments = material_developments(connection, now - 2 * MAX_AGE)
                developments = [d for d in developments if d.published >= now - MAX_AGE]
                topics = {topic for d in developments for topic in d.topics}
                wanting = alert_chats(connection, topics)
                sent = sent_pairs(
                    connection, [c.chat_pk for c in wanting], [d.story_id for d in developments]
                )
            tally = _Tally()
            rendered: dict[tuple[str, int], tuple[RenderedMessage, ...]] = {}
            for chat in wanting:
                waiting = [
                    d
                    for d in developments
                    if chat.topics.intersection(d.topics) and (chat.chat_pk, d.story_id) not in sent
                ]
                if waiting:
                    self._alert_chat(chat, waiting, now, tally, rendered)
        result = AlertRun(
            developments=len(developments),
            chats=len(wanting),
            queued=tally.queued,
            held_quiet=tally.held.get(Held.QUIET, 0),
            held_budget=tally.held.get(Held.BUDGET, 0),
            held_earlier_day=tally.held.get(Held.EARLIER_DAY, 0),
            already=tally.already,
            skipped=tally.skipped,
        )
        if tally.queued or tally.held:
            log.info(
                "alerts at %s: %d material developments, %d chats; queued %d, held back for "
                "quiet hours %d, for the daily budget %d, from an earlier day %d; already "
                "sent %d, skipped %d",
                now, result.developments, result.chats, result.queued, result.held_quiet,
                result.held_budget, result.held_earlier_day, result.already, result.skipped,
            )  # fmt: skip
        return result

    def _alert_chat(
        self,
        chat: AlertChat,
        waiting: Sequence[MaterialDevelopment],
        now: datetime,
        tally: _Tally,
        rendered: dict[tuple[str, int], tuple[RenderedMessage, ...]],
    ) -> None:
        renderer = self._renderers.get(chat.platform)
        if renderer is None:
            log.warning("no renderer for %s: alerts for %s skipped", chat.platform, chat.chat_id)
            tally.skipped += 1
            return
        zone = chat.zone or self._settings.bot.default_timezone
        per_day = self._settings.bot.alerts_per_day
        with self._engine.begin() as connection:
            lock_chat_alerts(connection, chat.chat_pk)
            used = count_alerts_since(connection, chat.chat_pk, local_day_start(now, zone))
            for development in waiting:
                why = held_back(
                    now=now,
                    published=development.published,
                    arrived=development.arrived,
                    zone=zone,
                    quiet=chat.quiet,
                    sent_today=used,
                    per_day=per_day,
                )
                if why is not None:
                    log.debug(
                        "chat %s:%s: alert for development %s held back (%s)",
                        chat.platform, chat.chat_id, development.story_id, why,
                    )  # fmt: skip
                    tally.hold(why)
                    continue
                messages = self._messages(renderer, development, rendered)
                if not messages:
                    continue
                if not record_alert(
                    connection, chat.chat_pk, development.story_id, development.thread_id, now
                ):
                    tally.already += 1
                    continue
                self._queue.enqueue_many(
                    [
                        Outgoing(
                            alert_key(chat.chat_pk, development.story_id, part),
                            chat.platform,
                            chat.chat_id,
                            KIND,
                            message,
                            chat.kind,
                        )
                        for part, message in enumerate(messages)
                    ],
                    connection,
                )
                used += 1
                tally.queued += 1
                log.info(
                    "chat %s:%s: alert queued for development %s (%s)",
                    chat.platform, chat.chat_id, development.story_id,
                    ", ".join(development.reasons),
                )  # fmt: skip

    @staticmethod
    def _messages(
        renderer: Renderer,
        development: MaterialDevelopment,
        rendered: dict[tuple[str, int], tuple[RenderedMessage, ...]],
    ) -> tuple[RenderedMessage, ...]:
        key = (renderer.platform, development.story_id)
        if key not in rendered:
            reply = alert_reply(development.reasons, development.briefing, development.changes)
            rendered[key] = renderer.render(reply)
        return rendered[key]
