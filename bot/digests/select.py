"""Which chats are due a digest in a window of time.

Not one computation per chat: the distinct (digest time, zone) pairs are resolved first (a
few hundred at most), and only the chats of the pairs that fell due are read.
"""

from __future__ import annotations

import logging
import zoneinfo
from dataclasses import dataclass
from datetime import date, datetime

import sqlalchemy as sa

from bot.digests.due import latest_due, parse_hhmm, zone_info
from bot.store.following import FollowingChat, chats_following_topics, digest_slots

log = logging.getLogger(__name__)

Slots = dict[tuple[str, str], tuple[datetime, date]]


@dataclass(frozen=True, slots=True)
class DueChat:
    """A chat whose digest fell due at ``due_at`` (UTC), for its local day ``local_date``."""

    chat_pk: int
    platform: str
    chat_id: str
    kind: str
    zone: str
    due_at: datetime
    local_date: date
    last_digest_at: datetime | None
    topics: tuple[str, ...]


def due_chats(
    engine: sa.Engine, after: datetime, upto: datetime, default_zone: str = "UTC"
) -> list[DueChat]:
    """Active chats with topics whose local digest time fell in ``(after, upto]`` and that
    have not had that digest yet; ordered by due instant, then chat."""
    due = _due_slots(digest_slots(engine), after, upto, default_zone)
    if not due:
        return []
    times = {at for at, _ in due}
    chosen = [
        found
        for chat in chats_following_topics(engine, digest_times=times)
        if (found := _due(chat, due, default_zone)) is not None
    ]
    chosen.sort(key=lambda c: (c.due_at, c.chat_pk))
    return chosen


def _due(chat: FollowingChat, due: Slots, default_zone: str) -> DueChat | None:
    zone = chat.digest_zone or default_zone
    slot = due.get((chat.digest_time or "", zone))
    if slot is None:
        return None
    due_at, local_date = slot
    if chat.last_digest_at is not None and chat.last_digest_at >= due_at:
        return None  # this digest was already handed out
    return DueChat(
        chat.chat_pk,
        chat.platform,
        chat.chat_id,
        chat.kind,
        zone,
        due_at,
        local_date,
        chat.last_digest_at,
        chat.topics,
    )


def _due_slots(
    pairs: list[tuple[str, str | None]], after: datetime, upto: datetime, default_zone: str
) -> Slots:
    due: Slots = {}
    for at, zone_name in pairs:
        zone = zone_name or default_zone
        try:
            zone_info(zone)
            slot = latest_due(parse_hhmm(at), zone, after, upto)
        except (ValueError, zoneinfo.ZoneInfoNotFoundError):
            log.warning(
                "digest time %r in zone %r is not valid; chats with it are skipped", at, zone
            )
            continue
        if slot is not None:
            due[(at, zone)] = slot
    return due
