from __future__ import annotations

import threading
from datetime import UTC, datetime

import pytest
import sqlalchemy as sa

from bot.chat import ChatKind
from bot.store.chats import ChatNotFound, ChatRecord, ChatStore
from bot.store.following import chats_following_topics, digest_slots, mark_digests_handed_out

T0 = datetime(2025, 6, 7, 10, 0, tzinfo=UTC)


def test_ensure_chat_creates_once_and_updates_title(engine: sa.Engine) -> None:
    store = ChatStore(engine)
    first = store.ensure_chat("telegram", "42", ChatKind.GROUP, "Desk", T0)
    again = store.ensure_chat("telegram", "42", ChatKind.GROUP, "Trade desk", T0)
    assert first == ChatRecord(
        "telegram", "42", ChatKind.GROUP, "Desk", "active", None, None, None, None, ()
    )
    assert again.title == "Trade desk"
    assert store.ensure_chat("telegram", "42", "group", "", T0).title == "Trade desk"


def test_unknown_chat(engine: sa.Engine) -> None:
    store = ChatStore(engine)
    assert store.chat("console", "nope") is None
    assert store.subscriptions("console", "nope") == ()
    with pytest.raises(ChatNotFound):
        store.subscribe("console", "nope", "trade-talks", T0)


def test_subscribe_unsubscribe_round_trip(engine: sa.Engine) -> None:
    store = ChatStore(engine)
    store.ensure_chat("slack", "T1:C1", ChatKind.CHANNEL, "#news", T0)
    assert store.subscribe("slack", "T1:C1", "trade-talks", T0) is True
    assert store.subscribe("slack", "T1:C1", "trade-talks", T0) is False
    assert store.subscribe("slack", "T1:C1", "energy", T0) is True
    assert store.subscriptions("slack", "T1:C1") == ("energy", "trade-talks")
    assert store.unsubscribe("slack", "T1:C1", "energy", T0) is True
    assert store.unsubscribe("slack", "T1:C1", "energy", T0) is False
    assert store.subscriptions("slack", "T1:C1") == ("trade-talks",)
    assert store.subscribe("slack", "T1:C1", "energy", T0) is True
    assert store.subscriptions("slack", "T1:C1") == ("energy", "trade-talks")


def test_chats_are_per_platform(engine: sa.Engine) -> None:
    store = ChatStore(engine)
    store.ensure_chat("telegram", "1", ChatKind.PRIVATE, "", T0)
    store.ensure_chat("slack", "1", ChatKind.PRIVATE, "", T0)
    store.subscribe("telegram", "1", "trade-talks", T0)
    assert store.subscriptions("slack", "1") == ()


def test_set_digest(engine: sa.Engine) -> None:
    store = ChatStore(engine)
    store.ensure_chat("console", "me", ChatKind.PRIVATE, "", T0)
    store.set_digest("console", "me", "08:00", "Europe/Berlin", T0)
    chat = store.chat("console", "me")
    assert chat is not None
    assert (chat.digest_time, chat.digest_zone) == ("08:00", "Europe/Berlin")
    assert chat.last_digest_at is None
    store.set_digest("console", "me", None, None, T0)
    chat = store.chat("console", "me")
    assert chat is not None
    assert (chat.digest_time, chat.digest_zone) == (None, None)


def test_mark_blocked_then_command_reactivates(engine: sa.Engine) -> None:
    store = ChatStore(engine)
    store.ensure_chat("telegram", "7", ChatKind.PRIVATE, "", T0)
    store.mark_blocked("telegram", "7", "Forbidden: bot was blocked by the user", T0)
    store.mark_blocked("telegram", "unknown", "whatever", T0)  # no-op, no error
    chat = store.chat("telegram", "7")
    assert chat is not None
    assert (chat.state, chat.is_active) == ("blocked", False)
    assert store.ensure_chat("telegram", "7", ChatKind.PRIVATE, "", T0).state == "active"


def test_migrate_moves_subscriptions_and_settings(engine: sa.Engine) -> None:
    store = ChatStore(engine)
    store.ensure_chat("telegram", "-1", ChatKind.GROUP, "Desk", T0)
    store.subscribe("telegram", "-1", "trade-talks", T0)
    store.set_digest("telegram", "-1", "07:30", "Asia/Tokyo", T0)
    moved = store.migrate_chat("telegram", "-1", "-100123", T0)
    assert moved == ChatRecord(
        "telegram",
        "-100123",
        ChatKind.GROUP,
        "Desk",
        "active",
        None,
        "07:30",
        "Asia/Tokyo",
        None,
        ("trade-talks",),
    )
    old = store.chat("telegram", "-1")
    assert old is not None
    assert (old.state, old.migrated_to, old.topics) == ("migrated", "-100123", ())
    # Idempotent: a second report of the same move changes nothing.
    assert store.migrate_chat("telegram", "-1", "-100123", T0) == moved
    assert store.migrate_chat("telegram", "-404", "-100404", T0) is None


def test_alerts_and_quiet_hours(engine: sa.Engine) -> None:
    store = ChatStore(engine)
    store.ensure_chat("slack", "T1:C1", ChatKind.CHANNEL, "#news", T0)
    chat = store.chat("slack", "T1:C1")
    assert chat is not None
    assert (chat.alerts, chat.quiet_hours) == (False, None)  # off by default
    assert store.set_alerts("slack", "T1:C1", True, T0) is True
    assert store.set_alerts("slack", "T1:C1", True, T0) is False
    store.set_quiet_hours("slack", "T1:C1", ("22:00", "07:00"), T0)
    chat = store.chat("slack", "T1:C1")
    assert chat is not None
    assert (chat.alerts, chat.quiet_start, chat.quiet_end) == (True, "22:00", "07:00")
    store.set_quiet_hours("slack", "T1:C1", None, T0)
    assert store.chat("slack", "T1:C1").quiet_hours is None  # type: ignore[union-attr]
    assert store.alerts_sent_since("slack", "T1:C1", T0) == 0
    assert store.alerts_sent_since("slack", "nope", T0) == 0
    with pytest.raises(ChatNotFound):
        store.set_alerts("slack", "nope", True, T0)


def test_migrate_moves_alert_settings(engine: sa.Engine) -> None:
    store = ChatStore(engine)
    store.ensure_chat("telegram", "-2", ChatKind.GROUP, "Desk", T0)
    store.set_alerts("telegram", "-2", True, T0)
    store.set_quiet_hours("telegram", "-2", ("23:00", "06:30"), T0)
    moved = store.migrate_chat("telegram", "-2", "-100222", T0)
    assert moved is not None
    assert (moved.alerts, moved.quiet_hours) == (True, ("23:00", "06:30"))


def test_chats_following_topics_and_their_digest_slots(engine: sa.Engine) -> None:
    store = ChatStore(engine)
    for chat_id in ("a", "b", "c", "d"):
        store.ensure_chat("telegram", chat_id, ChatKind.PRIVATE, "", T0)
        store.subscribe("telegram", chat_id, "trade-talks", T0)
        store.set_digest("telegram", chat_id, "08:00", "UTC", T0)
    store.subscribe("telegram", "a", "energy", T0)
    store.set_digest("telegram", "b", None, None, T0)  # digest off
    store.mark_blocked("telegram", "c", "kicked", T0)
    store.unsubscribe("telegram", "d", "trade-talks", T0)  # follows nothing
    store.ensure_chat("slack", "T:C", ChatKind.CHANNEL, "", T0)
    store.subscribe("slack", "T:C", "trade-talks", T0)
    store.set_digest("slack", "T:C", "09:15", "Europe/Berlin", T0)
    found = chats_following_topics(engine)
    assert [(c.platform, c.chat_id, c.digest_time, c.topics) for c in found] == [
        ("slack", "T:C", "09:15", ("trade-talks",)),
        ("telegram", "a", "08:00", ("energy", "trade-talks")),
        ("telegram", "b", None, ("trade-talks",)),
    ]
    assert sorted(digest_slots(engine)) == [("08:00", "UTC"), ("09:15", "Europe/Berlin")]
    at_eight = chats_following_topics(engine, digest_times={"08:00"}, platform="telegram")
    assert [c.chat_id for c in at_eight] == ["a"]
    assert [c.chat_id for c in chats_following_topics(engine, chat_id_prefix="T:")] == ["T:C"]
    with engine.begin() as connection:
        mark_digests_handed_out(connection, [c.chat_pk for c in chats_following_topics(engine)], T0)
    assert {c.last_digest_at for c in chats_following_topics(engine)} == {T0}


def test_concurrent_commands_on_one_chat(engine: sa.Engine) -> None:
    """Several workers registering and subscribing the same chats at once: no error, each
    chat once, each topic once."""
    store = ChatStore(engine)
    start = threading.Barrier(4)
    errors: list[BaseException] = []

    def work(worker: int) -> None:
        start.wait()
        try:
            for n in range(10):
                store.ensure_chat("telegram", f"chat-{n}", ChatKind.PRIVATE, "", T0)
                store.subscribe("telegram", f"chat-{n}", f"topic-{worker % 2}", T0)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(w,)) for w in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert all(
        store.subscriptions("telegram", f"chat-{n}") == ("topic-0", "topic-1") for n in range(10)
    )
    with engine.connect() as connection:
        assert connection.execute(sa.text("select count(*) from chats")).scalar() == 10


def test_ensure_chat_gives_what_the_store_holds(engine: sa.Engine) -> None:
    store = ChatStore(engine)
    created = store.ensure_chat("slack", "T1:C1", ChatKind.CHANNEL, "x" * 300, T0)
    assert created == store.chat("slack", "T1:C1")
    assert created.title == "x" * 256
    store.subscribe("slack", "T1:C1", "trade-talks", T0)
    store.subscribe("slack", "T1:C1", "elections", T0)
    store.unsubscribe("slack", "T1:C1", "elections", T0)
    known = store.ensure_chat("slack", "T1:C1", ChatKind.CHANNEL, "", T0)
    assert known == store.chat("slack", "T1:C1")
    assert known.topics == ("trade-talks",)


def test_ensure_chat_reads_a_chat_another_store_created(engine: sa.Engine) -> None:
    # Created by another replica between this one's read and its insert.
    ChatStore(engine).ensure_chat("slack", "T1:C1", ChatKind.GROUP, "general", T0)
    record = ChatStore(engine)._create_chat("slack", "T1:C1", ChatKind.GROUP, "general", T0)
    assert record is None
    again = ChatStore(engine).ensure_chat("slack", "T1:C1", ChatKind.CHANNEL, "general", T0)
    assert again.kind is ChatKind.CHANNEL
