"""The operator's writes and listings: feeds added or removed by hand, chats listed or
removed. Used by ``briefbot feeds`` and ``briefbot chats``; the ingest run asks
:func:`feeds_to_poll` which feeds to poll."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa

from bot.store.chats import ChatRecord, _to_record
from bot.store.schema import chats, deliveries, feeds, subscriptions

CONFIG = "config"
OPERATOR = "operator"


@dataclass(frozen=True, slots=True)
class FeedListing:
    """One stored feed as ``briefbot feeds list`` shows it."""

    url: str
    title: str
    origin: str
    state: str
    failure_count: int
    last_fetched_at: datetime | None
    next_attempt_at: datetime | None
    last_error: str | None


def feeds_to_poll(engine: sa.Engine, configured: Sequence[str]) -> list[str]:
    """``configured`` without the feeds an operator removed, then the feeds an operator
    added (each once, in that order)."""
    with engine.connect() as connection:
        removed = set(
            connection.execute(
                sa.select(feeds.c.url).where(feeds.c.removed_at.is_not(None))
            ).scalars()
        )
        added = connection.execute(
            sa.select(feeds.c.url)
            .where(feeds.c.origin == OPERATOR, feeds.c.removed_at.is_(None))
            .order_by(feeds.c.id)
        ).scalars()
        kept = [url for url in configured if url not in removed]
        return list(dict.fromkeys([*kept, *added]))


def add_feed(engine: sa.Engine, url: str, title: str, now: datetime) -> bool:
    """Poll ``url`` from now on (again, if it was removed); False if it already was polled."""
    with engine.begin() as connection:
        row = connection.execute(
            sa.select(feeds.c.id, feeds.c.removed_at).where(feeds.c.url == url)
        ).first()
        if row is None:
            connection.execute(
                feeds.insert().values(url=url, title=title, origin=OPERATOR, created_at=now)
            )
            return True
        values: dict[str, object] = {"removed_at": None, "origin": OPERATOR}
        if title:
            values["title"] = title
        connection.execute(feeds.update().where(feeds.c.id == row.id).values(**values))
        return row.removed_at is not None


def remove_feed(engine: sa.Engine, url: str, now: datetime, *, configured: bool = False) -> bool:
    """Stop polling ``url`` (its row and articles stay, so nothing is briefed twice if it
    comes back); ``configured`` says it is a topic's feed, perhaps never polled yet. False if
    no such feed is polled."""
    with engine.begin() as connection:
        row = connection.execute(
            sa.select(feeds.c.id, feeds.c.removed_at).where(feeds.c.url == url)
        ).first()
        if row is None:
            if configured:
                connection.execute(
                    feeds.insert().values(url=url, origin=CONFIG, created_at=now, removed_at=now)
                )
            return configured
        if row.removed_at is not None:
            return False
        connection.execute(feeds.update().where(feeds.c.id == row.id).values(removed_at=now))
        return True


def list_feeds(engine: sa.Engine, include_removed: bool = False) -> list[FeedListing]:
    """Stored feeds by URL."""
    query = sa.select(feeds).order_by(feeds.c.url)
    if not include_removed:
        query = query.where(feeds.c.removed_at.is_(None))
    with engine.connect() as connection:
        rows = connection.execute(query).mappings().all()
    return [_listing(row) for row in rows]


def _listing(row: sa.RowMapping) -> FeedListing:
    if row["removed_at"] is not None:
        state = "removed"
    elif row["broken"]:
        state = "broken"
    elif row["failure_count"]:
        state = "failing"
    elif row["last_fetched_at"] is None:
        state = "new"
    else:
        state = "ok"
    return FeedListing(
        url=row["url"],
        title=row["title"],
        origin=row["origin"],
        state=state,
        failure_count=row["failure_count"],
        last_fetched_at=row["last_fetched_at"],
        next_attempt_at=row["next_attempt_at"],
        last_error=row["last_error"],
    )


def list_chats(engine: sa.Engine, platform: str | None = None) -> list[ChatRecord]:
    """Every chat (of ``platform``, when given) with its active topics."""
    query = sa.select(chats).order_by(chats.c.platform, chats.c.chat_id)
    if platform:
        query = query.where(chats.c.platform == platform)
    with engine.connect() as connection:
        rows = connection.execute(query).all()
        topics: dict[int, list[str]] = {}
        for chat_pk, topic in connection.execute(
            sa.select(subscriptions.c.chat_pk, subscriptions.c.topic)
            .where(subscriptions.c.active)
            .order_by(subscriptions.c.topic)
        ):
            topics.setdefault(chat_pk, []).append(topic)
    return [_to_record(row, tuple(topics.get(row.id, ()))) for row in rows]


def remove_chat(engine: sa.Engine, platform: str, chat_id: str) -> int | None:
    """Forget a chat: its subscriptions and digest go, and its queued messages are dropped.
    The number of messages dropped, or None when there is no such chat."""
    with engine.begin() as connection:
        gone = connection.execute(
            chats.delete().where(chats.c.platform == platform, chats.c.chat_id == chat_id)
        )
        if not gone.rowcount:
            return None
        dropped = connection.execute(
            deliveries.delete().where(
                deliveries.c.platform == platform,
                deliveries.c.chat_id == chat_id,
                deliveries.c.status == "queued",
            )
        )
        return int(dropped.rowcount)
