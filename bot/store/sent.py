"""What each chat has been sent of each development: by ``latest``, a digest or an alert.

What is new to a chat is what has no row here. One row per chat and development (a unique
key), so marking twice is harmless: the first mark, and its ``via``, stay. The functions
taking a connection run in the caller's transaction (a digest is marked sent in the
transaction that queues it); :class:`SentStore` opens its own.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from datetime import datetime
from enum import StrEnum
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from bot.store.schema import chats, sent_developments, stories

_ROWS_PER_INSERT = 500
_CHUNK = 500
_STORY_CHUNK = 5000


class Via(StrEnum):
    """How a development reached a chat."""

    LATEST = "latest"
    DIGEST = "digest"
    ALERT = "alert"


# A development as sent: (story id, thread id or None).
Sent = tuple[int, int | None]


def mark_sent(
    connection: sa.Connection,
    chat_pk: int,
    items: Iterable[Sent],
    via: Via,
    now: datetime,
) -> int:
    """Record that the chat ``chat_pk`` was sent ``items``; returns how many were new."""
    return mark_sent_to_chats(connection, {chat_pk: items}, via, now)


def mark_sent_to_chats(
    connection: sa.Connection,
    items_by_chat: Mapping[int, Iterable[Sent]],
    via: Via,
    now: datetime,
) -> int:
    """:func:`mark_sent` for many chats at once (bounded statements); how many were new."""
    rows = [
        {
            "chat_pk": chat_pk,
            "story_id": story_id,
            "thread_id": thread_id,
            "via": via.value,
            "sent_at": now,
        }
        for chat_pk, items in items_by_chat.items()
        for story_id, thread_id in dict(items).items()
    ]
    return _insert_new(connection, rows)


def sent_among(
    connection: sa.Connection, chat_pks: Collection[int], story_ids: Collection[int]
) -> dict[int, frozenset[int]]:
    """Which of ``story_ids`` each of ``chat_pks`` was sent (chats sent none are left out)."""
    found: dict[int, set[int]] = {}
    wanted = sorted(set(story_ids))
    pks = sorted(set(chat_pks))
    if not wanted or not pks:
        return {}
    # Bounded statements: SQLite caps the bound parameters of one statement.
    for start in range(0, len(pks), _CHUNK):
        for first in range(0, len(wanted), _STORY_CHUNK):
            query = sa.select(sent_developments.c.chat_pk, sent_developments.c.story_id).where(
                sent_developments.c.chat_pk.in_(pks[start : start + _CHUNK]),
                sent_developments.c.story_id.in_(wanted[first : first + _STORY_CHUNK]),
            )
            for chat_pk, story_id in connection.execute(query):
                found.setdefault(int(chat_pk), set()).add(int(story_id))
    return {chat_pk: frozenset(ids) for chat_pk, ids in found.items()}


def move_sent(connection: sa.Connection, old_pk: int, new_pk: int) -> int:
    """Copy what the chat ``old_pk`` was sent to ``new_pk`` (a chat that moved: a Telegram
    group that became a supergroup); rows the new chat has already stay as they are."""
    rows = connection.execute(
        sa.select(
            sent_developments.c.story_id,
            sent_developments.c.thread_id,
            sent_developments.c.via,
            sent_developments.c.sent_at,
        ).where(sent_developments.c.chat_pk == old_pk)
    ).all()
    copied = [
        {
            "chat_pk": new_pk,
            "story_id": row.story_id,
            "thread_id": row.thread_id,
            "via": row.via,
            "sent_at": row.sent_at,
        }
        for row in rows
    ]
    return _insert_new(connection, copied)


def _insert_new(connection: sa.Connection, rows: Sequence[Mapping[str, Any]]) -> int:
    """Insert ``rows`` in batches, leaving out those already there; how many were new."""
    added = 0
    for start in range(0, len(rows), _ROWS_PER_INSERT):
        statement = (
            _insert_for(connection)
            .values(list(rows[start : start + _ROWS_PER_INSERT]))
            .on_conflict_do_nothing()
            .returning(sent_developments.c.id)
        )
        added += len(connection.execute(statement).all())
    return added


class SentStore:
    """What a chat, named by platform and chat id, was sent; each method one transaction."""

    def __init__(self, engine: sa.Engine) -> None:
        self._engine = engine

    def mark(
        self, platform: str, chat_id: str, items: Iterable[Sent], via: Via, now: datetime
    ) -> int:
        """Record that the chat was sent ``items``; how many were new (0 for an unknown
        chat)."""
        with self._engine.begin() as connection:
            chat_pk = _chat_pk(connection, platform, chat_id)
            return 0 if chat_pk is None else mark_sent(connection, chat_pk, items, via, now)

    def sent(self, platform: str, chat_id: str, story_ids: Collection[int]) -> frozenset[int]:
        """Which of ``story_ids`` the chat was sent."""
        with self._engine.connect() as connection:
            chat_pk = _chat_pk(connection, platform, chat_id)
            if chat_pk is None:
                return frozenset()
            return sent_among(connection, (chat_pk,), story_ids).get(chat_pk, frozenset())

    def in_threads(
        self, platform: str, chat_id: str, thread_ids: Collection[int]
    ) -> dict[int, frozenset[int]]:
        """The developments (story ids) of each of ``thread_ids`` the chat was sent."""
        found: dict[int, set[int]] = {thread_id: set() for thread_id in thread_ids}
        with self._engine.connect() as connection:
            chat_pk = _chat_pk(connection, platform, chat_id)
            if chat_pk is not None and found:
                # The thread a development is in now, not the one it was sent in: a
                # development may have been regrouped since.
                query = (
                    sa.select(stories.c.thread_id, sent_developments.c.story_id)
                    .join(stories, stories.c.id == sent_developments.c.story_id)
                    .where(
                        sent_developments.c.chat_pk == chat_pk,
                        stories.c.thread_id.in_(sorted(found)),
                    )
                )
                for thread_id, story_id in connection.execute(query):
                    found[int(thread_id)].add(int(story_id))
        return {thread_id: frozenset(ids) for thread_id, ids in found.items()}


def _chat_pk(connection: sa.Connection, platform: str, chat_id: str) -> int | None:
    found = connection.execute(
        sa.select(chats.c.id).where(chats.c.platform == platform, chats.c.chat_id == chat_id)
    ).scalar()
    return None if found is None else int(found)


def _insert_for(connection: sa.Connection) -> Any:
    if connection.dialect.name == "postgresql":
        return postgresql.insert(sent_developments)
    return sqlite.insert(sent_developments)
