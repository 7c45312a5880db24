"""Chats and their subscriptions: who follows which topic, and when their digest is due.

A chat is identified by ``(platform, chat_id)``. Its ``state`` (:class:`ChatState`) is one of:

- ``"active"``: commands and deliveries go through;
- ``"blocked"``: the platform said the bot was blocked, kicked or the chat is gone; nothing is
  sent there (a new command from the chat makes it active again);
- ``"migrated"``: the chat moved to ``migrated_to`` (Telegram group -> supergroup); its
  subscriptions and digest settings now live on the new id.

Digest settings are ``digest_time`` (``"HH:MM"``, local) and ``digest_zone`` (IANA name);
``digest_time`` None means the chat gets no digest. ``last_digest_at`` is the UTC instant of
the last digest the chat was given (None: never).

Alert settings are ``alerts`` (off by default) and the quiet hours ``quiet_start`` and
``quiet_end`` (``"HH:MM"`` each, local to the digest zone, or the default zone when the chat
has none; both None: no quiet hours).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

import sqlalchemy as sa

from bot.chat import ChatKind
from bot.store.schema import chats, sent_developments, subscriptions
from bot.store.sent import Via, move_sent
from briefings.errors import StoreError

log = logging.getLogger(__name__)


class ChatState(StrEnum):
    """Where a chat stands (see the module docstring)."""

    ACTIVE = "active"
    BLOCKED = "blocked"
    MIGRATED = "migrated"


@dataclass(frozen=True, slots=True)
class ChatRecord:
    """One chat with its active topics (sorted)."""

    platform: str
    chat_id: str
    kind: ChatKind
    title: str
    state: ChatState
    migrated_to: str | None
    digest_time: str | None
    digest_zone: str | None
    last_digest_at: datetime | None
    topics: tuple[str, ...] = ()
    alerts: bool = False
    quiet_start: str | None = None
    quiet_end: str | None = None

    @property
    def is_active(self) -> bool:
        return self.state == ChatState.ACTIVE

    @property
    def quiet_hours(self) -> tuple[str, str] | None:
        """``("22:00", "07:00")``, or None when the chat has no quiet hours."""
        if self.quiet_start is None or self.quiet_end is None:
            return None
        return (self.quiet_start, self.quiet_end)


class ChatNotFound(StoreError, LookupError):
    """The chat has never been seen (no ``ensure_chat`` for it)."""


_CHAT_COLUMNS = (
    chats.c.id,
    chats.c.platform,
    chats.c.chat_id,
    chats.c.kind,
    chats.c.title,
    chats.c.state,
    chats.c.migrated_to,
    chats.c.digest_time,
    chats.c.digest_zone,
    chats.c.last_digest_at,
    chats.c.alerts,
    chats.c.quiet_start,
    chats.c.quiet_end,
)


class ChatStore:
    """Reads and writes the ``chats`` and ``subscriptions`` tables. Every method is one
    transaction, safe to call from several processes at once."""

    def __init__(self, engine: sa.Engine) -> None:
        self._engine = engine

    # --- chats ---------------------------------------------------------------------------

    def ensure_chat(
        self, platform: str, chat_id: str, kind: ChatKind | str, title: str, now: datetime
    ) -> ChatRecord:
        """The chat, created if new. A known chat gets its kind and (non-empty) title updated,
        and a blocked chat becomes active again: it just talked to the bot.

        A known chat with nothing to change costs one read, a new one a read and an insert:
        every command starts here."""
        kind = ChatKind(kind)
        with self._engine.connect() as connection:
            record = _read_record(connection, platform, chat_id)
        if record is None:
            created = self._create_chat(platform, chat_id, kind, title, now)
            if created is not None:
                return created
        elif not _changes(record, kind, title):
            return record
        with self._engine.begin() as connection:
            row = self._row(connection, platform, chat_id)
            if row is None:
                self._insert_chat(connection, platform, chat_id, kind, title, now)
            else:
                changes = _changes(_to_record(row, ()), kind, title)
                if row.state == ChatState.BLOCKED:
                    log.info("chat %s:%s is active again", platform, chat_id)
                if changes:
                    connection.execute(
                        chats.update().where(chats.c.id == row.id).values(updated_at=now, **changes)
                    )
            return self._record(connection, platform, chat_id)

    def _create_chat(
        self, platform: str, chat_id: str, kind: ChatKind, title: str, now: datetime
    ) -> ChatRecord | None:
        """The new chat's record, or None when another process created it first."""
        try:
            with self._engine.begin() as connection:
                connection.execute(
                    _INSERT_CHAT, _new_chat_values(platform, chat_id, kind, title, now)
                )
        except sa.exc.IntegrityError:
            log.debug("chat %s:%s was created concurrently", platform, chat_id)
            return None
        return ChatRecord(
            platform=platform,
            chat_id=chat_id,
            kind=kind,
            title=title[:256],
            state=ChatState.ACTIVE,
            migrated_to=None,
            digest_time=None,
            digest_zone=None,
            last_digest_at=None,
        )

    def chat(self, platform: str, chat_id: str) -> ChatRecord | None:
        """The chat with its active topics, or None if never seen."""
        with self._engine.connect() as connection:
            if self._row(connection, platform, chat_id) is None:
                return None
            return self._record(connection, platform, chat_id)

    def mark_blocked(self, platform: str, chat_id: str, reason: str, now: datetime) -> None:
        """Stop everything for this chat: the platform said it is gone (blocked, kicked,
        deleted). Called by the delivery worker; a no-op for an unknown chat."""
        with self._engine.begin() as connection:
            result = connection.execute(
                chats.update()
                .where(chats.c.platform == platform, chats.c.chat_id == chat_id)
                .values(state=ChatState.BLOCKED, state_reason=reason[:2000], updated_at=now)
            )
        if result.rowcount:
            log.warning("chat %s:%s blocked: %s", platform, chat_id, reason)

    def migrate_chat(
        self, platform: str, old_id: str, new_id: str, now: datetime
    ) -> ChatRecord | None:
        """Move a chat to its new id: subscriptions, digest settings and what it was sent
        follow, the old row becomes ``"migrated"`` with ``migrated_to=new_id``. Idempotent;
        called by the delivery worker when the platform reports the move. Returns the new
        chat, or None if the old one was never seen."""
        with self._engine.begin() as connection:
            old = self._row(connection, platform, old_id)
            if old is None:
                return None
            new = self._row(connection, platform, new_id)
            if new is None:
                self._insert_chat(connection, platform, new_id, ChatKind(old.kind), old.title, now)
                new = self._row(connection, platform, new_id)
                assert new is not None
            if new.digest_time is None and old.digest_time is not None:
                connection.execute(
                    chats.update()
                    .where(chats.c.id == new.id)
                    .values(
                        digest_time=old.digest_time,
                        digest_zone=old.digest_zone,
                        last_digest_at=old.last_digest_at,
                        updated_at=now,
                    )
                )
            old_alerting = old.alerts or old.quiet_start is not None
            if old_alerting and not new.alerts and new.quiet_start is None:
                connection.execute(
                    chats.update()
                    .where(chats.c.id == new.id)
                    .values(
                        alerts=old.alerts,
                        quiet_start=old.quiet_start,
                        quiet_end=old.quiet_end,
                        updated_at=now,
                    )
                )
            for topic in self._topics(connection, old.id):
                self._activate(connection, new.id, topic, now)
            connection.execute(
                subscriptions.update()
                .where(subscriptions.c.chat_pk == old.id)
                .values(active=False, updated_at=now)
            )
            move_sent(connection, int(old.id), int(new.id))
            connection.execute(
                chats.update()
                .where(chats.c.id == old.id)
                .values(state=ChatState.MIGRATED, migrated_to=new_id, updated_at=now)
            )
            record = self._record(connection, platform, new_id)
        log.info("chat %s:%s migrated to %s", platform, old_id, new_id)
        return record

    # --- subscriptions -------------------------------------------------------------------

    def subscribe(self, platform: str, chat_id: str, topic: str, now: datetime) -> bool:
        """Follow ``topic``; True if this changed anything. Raises ChatNotFound."""
        with self._engine.begin() as connection:
            return self._activate(connection, self._pk(connection, platform, chat_id), topic, now)

    def unsubscribe(self, platform: str, chat_id: str, topic: str, now: datetime) -> bool:
        """Stop following ``topic``; True if the chat was following it. Raises ChatNotFound."""
        with self._engine.begin() as connection:
            chat_pk = self._pk(connection, platform, chat_id)
            result = connection.execute(
                subscriptions.update()
                .where(
                    subscriptions.c.chat_pk == chat_pk,
                    subscriptions.c.topic == topic,
                    subscriptions.c.active.is_(True),
                )
                .values(active=False, updated_at=now)
            )
            return bool(result.rowcount)

    def subscriptions(self, platform: str, chat_id: str) -> tuple[str, ...]:
        """The chat's active topics, sorted; empty for an unknown chat."""
        with self._engine.connect() as connection:
            row = self._row(connection, platform, chat_id)
            return () if row is None else self._topics(connection, row.id)

    # --- digests -------------------------------------------------------------------------

    def set_digest(
        self, platform: str, chat_id: str, time: str | None, zone: str | None, now: datetime
    ) -> None:
        """Set the local digest time (``"HH:MM"``) and IANA zone; ``time=None`` turns digests
        off. Values must already be valid (see ``bot.commands.timeparse``). Raises
        ChatNotFound."""
        with self._engine.begin() as connection:
            chat_pk = self._pk(connection, platform, chat_id)
            connection.execute(
                chats.update()
                .where(chats.c.id == chat_pk)
                .values(digest_time=time, digest_zone=zone, updated_at=now)
            )

    # --- alerts --------------------------------------------------------------------------

    def set_alerts(self, platform: str, chat_id: str, on: bool, now: datetime) -> bool:
        """Turn alerts on or off; True if this changed anything. Raises ChatNotFound."""
        with self._engine.begin() as connection:
            chat_pk = self._pk(connection, platform, chat_id)
            result = connection.execute(
                chats.update()
                .where(chats.c.id == chat_pk, chats.c.alerts != on)
                .values(alerts=on, updated_at=now)
            )
            return bool(result.rowcount)

    def set_quiet_hours(
        self, platform: str, chat_id: str, hours: tuple[str, str] | None, now: datetime
    ) -> None:
        """Set the local quiet hours (``("22:00", "07:00")``, already checked: see
        ``bot.commands.timeparse.parse_quiet_hours``); None: no quiet hours. Raises
        ChatNotFound."""
        start, end = hours if hours is not None else (None, None)
        with self._engine.begin() as connection:
            chat_pk = self._pk(connection, platform, chat_id)
            connection.execute(
                chats.update()
                .where(chats.c.id == chat_pk)
                .values(quiet_start=start, quiet_end=end, updated_at=now)
            )

    def alerts_sent_since(self, platform: str, chat_id: str, since: datetime) -> int:
        """How many alerts the chat was sent from ``since`` on (0 for an unknown chat)."""
        with self._engine.connect() as connection:
            row = self._row(connection, platform, chat_id)
            if row is None:
                return 0
            return count_alerts_since(connection, int(row.id), since)

    # --- helpers -------------------------------------------------------------------------

    @staticmethod
    def _row(connection: sa.Connection, platform: str, chat_id: str) -> Any:
        return connection.execute(
            sa.select(*_CHAT_COLUMNS).where(
                chats.c.platform == platform, chats.c.chat_id == chat_id
            )
        ).first()

    def _pk(self, connection: sa.Connection, platform: str, chat_id: str) -> int:
        row = self._row(connection, platform, chat_id)
        if row is None:
            raise ChatNotFound(f"{platform}:{chat_id}")
        return int(row.id)

    def _record(self, connection: sa.Connection, platform: str, chat_id: str) -> ChatRecord:
        row = self._row(connection, platform, chat_id)
        if row is None:
            raise ChatNotFound(f"{platform}:{chat_id}")
        return _to_record(row, self._topics(connection, row.id))

    @staticmethod
    def _topics(connection: sa.Connection, chat_pk: int) -> tuple[str, ...]:
        return tuple(
            connection.execute(
                sa.select(subscriptions.c.topic)
                .where(subscriptions.c.chat_pk == chat_pk, subscriptions.c.active.is_(True))
                .order_by(subscriptions.c.topic)
            ).scalars()
        )

    @staticmethod
    def _insert_chat(
        connection: sa.Connection,
        platform: str,
        chat_id: str,
        kind: ChatKind,
        title: str,
        now: datetime,
    ) -> None:
        # A savepoint, so that a racing insert from another process leaves this transaction
        # usable: the other row is then simply the chat.
        try:
            with connection.begin_nested():
                connection.execute(
                    _INSERT_CHAT, _new_chat_values(platform, chat_id, kind, title, now)
                )
        except sa.exc.IntegrityError:
            log.debug("chat %s:%s was created concurrently", platform, chat_id)

    @staticmethod
    def _activate(connection: sa.Connection, chat_pk: int, topic: str, now: datetime) -> bool:
        existing = connection.execute(
            sa.select(subscriptions.c.id, subscriptions.c.active).where(
                subscriptions.c.chat_pk == chat_pk, subscriptions.c.topic == topic
            )
        ).first()
        if existing is not None:
            if existing.active:
                return False
            connection.execute(
                subscriptions.update()
                .where(subscriptions.c.id == existing.id)
                .values(active=True, updated_at=now)
            )
            return True
        try:
            with connection.begin_nested():
                connection.execute(
                    subscriptions.insert().values(
                        chat_pk=chat_pk, topic=topic, active=True, created_at=now, updated_at=now
                    )
                )
        except sa.exc.IntegrityError:
            return False
        return True


# A chat with its active topics in one round trip (one row per topic; one with no topic).
_CHAT_WITH_TOPICS = (
    sa.select(*_CHAT_COLUMNS, subscriptions.c.topic)
    .outerjoin(
        subscriptions,
        sa.and_(subscriptions.c.chat_pk == chats.c.id, subscriptions.c.active.is_(True)),
    )
    .where(chats.c.platform == sa.bindparam("platform"), chats.c.chat_id == sa.bindparam("chat"))
    .order_by(subscriptions.c.topic)
)
_INSERT_CHAT = chats.insert()


def _read_record(connection: sa.Connection, platform: str, chat_id: str) -> ChatRecord | None:
    rows = connection.execute(_CHAT_WITH_TOPICS, {"platform": platform, "chat": chat_id}).all()
    if not rows:
        return None
    return _to_record(rows[0], tuple(row.topic for row in rows if row.topic is not None))


def _new_chat_values(
    platform: str, chat_id: str, kind: ChatKind, title: str, now: datetime
) -> dict[str, Any]:
    return {
        "platform": platform,
        "chat_id": chat_id,
        "kind": kind.value,
        "title": title[:256],
        "state": ChatState.ACTIVE,
        "created_at": now,
        "updated_at": now,
    }


def _changes(record: ChatRecord, kind: ChatKind, title: str) -> dict[str, object]:
    """What a command from the chat changes in its row (see :meth:`ChatStore.ensure_chat`)."""
    changes: dict[str, object] = {}
    if record.kind is not kind:
        changes["kind"] = kind.value
    if title and record.title != title:
        changes["title"] = title[:256]
    if record.state == ChatState.BLOCKED:
        changes.update(state=ChatState.ACTIVE, state_reason=None)
    return changes


def _to_record(row: Any, topics: tuple[str, ...]) -> ChatRecord:
    return ChatRecord(
        platform=row.platform,
        chat_id=row.chat_id,
        kind=ChatKind(row.kind),
        title=row.title,
        state=ChatState(row.state),
        migrated_to=row.migrated_to,
        digest_time=row.digest_time,
        digest_zone=row.digest_zone,
        last_digest_at=row.last_digest_at,
        topics=topics,
        alerts=bool(row.alerts),
        quiet_start=row.quiet_start,
        quiet_end=row.quiet_end,
    )


def count_alerts_since(connection: sa.Connection, chat_pk: int, since: datetime) -> int:
    """The developments sent to the chat as alerts from ``since`` on (in the caller's
    connection: the alert job counts inside the transaction that records a new one)."""
    return int(
        connection.execute(
            sa.select(sa.func.count())
            .select_from(sent_developments)
            .where(
                sent_developments.c.chat_pk == chat_pk,
                sent_developments.c.via == Via.ALERT,
                sent_developments.c.sent_at >= since,
            )
        ).scalar_one()
    )
