"""The operator's store functions, on SQLite and PostgreSQL: feeds added and removed by hand
decide what is polled; chats listed and removed; the status counts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import sqlalchemy as sa

from bot.chat import ChatKind
from bot.clock import FakeClock
from bot.delivery.queue import DeliveryQueue
from bot.render import RenderedMessage
from bot.store.chats import ChatStore
from bot.store.following import mark_digests_handed_out
from bot.store.operator import (
    add_feed,
    feeds_to_poll,
    list_chats,
    list_feeds,
    remove_chat,
    remove_feed,
)
from bot.store.schema import chats
from bot.store.sources import SourceStore
from bot.store.status import database_reachable, status_report

NOW = datetime(2026, 6, 7, 8, 0, tzinfo=UTC)
CONFIGURED = ["https://a.example/feed", "https://b.example/feed"]


def test_added_feeds_are_polled_and_removed_ones_are_not(engine: sa.Engine) -> None:
    assert feeds_to_poll(engine, CONFIGURED) == CONFIGURED
    assert add_feed(engine, "https://c.example/rss", "C", NOW)
    assert not add_feed(engine, "https://c.example/rss", "", NOW)
    assert remove_feed(engine, CONFIGURED[0], NOW, configured=True)  # never polled yet
    assert feeds_to_poll(engine, CONFIGURED) == [CONFIGURED[1], "https://c.example/rss"]
    assert not remove_feed(engine, CONFIGURED[0], NOW, configured=True)  # removed already
    assert not remove_feed(engine, "https://unknown.example/", NOW)
    assert add_feed(engine, CONFIGURED[0], "", NOW)  # back again
    assert feeds_to_poll(engine, CONFIGURED) == [*CONFIGURED, "https://c.example/rss"]


def test_feed_listing_states(engine: sa.Engine) -> None:
    SourceStore(engine).ensure_feeds(CONFIGURED, NOW)
    add_feed(engine, "https://c.example/rss", "C", NOW)
    remove_feed(engine, CONFIGURED[1], NOW)
    listed = {(f.url, f.state, f.origin, f.title) for f in list_feeds(engine)}
    assert listed == {
        (CONFIGURED[0], "new", "config", ""),
        ("https://c.example/rss", "new", "operator", "C"),
    }
    assert len(list_feeds(engine, include_removed=True)) == 3


def test_chats_listed_and_removed_with_their_queued_messages(engine: sa.Engine) -> None:
    store = ChatStore(engine)
    store.ensure_chat("telegram", "-100", ChatKind.GROUP, "Trade desk", NOW)
    store.subscribe("telegram", "-100", "trade-talks", NOW)
    store.ensure_chat("slack", "C1", ChatKind.CHANNEL, "#news", NOW)
    queue = DeliveryQueue(engine, FakeClock(NOW))
    queue.enqueue("k1", "telegram", "-100", "digest", RenderedMessage({"text": "x"}))
    listed = list_chats(engine)
    assert [(c.platform, c.chat_id, c.topics) for c in listed] == [
        ("slack", "C1", ()),
        ("telegram", "-100", ("trade-talks",)),
    ]
    assert [c.chat_id for c in list_chats(engine, "slack")] == ["C1"]
    assert remove_chat(engine, "telegram", "-100") == 1
    assert remove_chat(engine, "telegram", "-100") is None
    assert store.chat("telegram", "-100") is None
    assert queue.pending() == 0


def test_status_report(engine: sa.Engine) -> None:
    store = ChatStore(engine)
    store.ensure_chat("telegram", "1", ChatKind.PRIVATE, "", NOW)
    store.ensure_chat("telegram", "2", ChatKind.PRIVATE, "", NOW)
    store.mark_blocked("telegram", "2", "blocked by user", NOW)
    with engine.begin() as connection:
        pks = connection.execute(sa.select(chats.c.id).where(chats.c.chat_id == "1")).scalars()
        mark_digests_handed_out(connection, list(pks), NOW - timedelta(hours=2))
    SourceStore(engine).ensure_feeds(CONFIGURED, NOW)
    queue = DeliveryQueue(engine, FakeClock(NOW))
    message = RenderedMessage({"text": "x"})
    queue.enqueue("k1", "telegram", "1", "reply", message, not_before=NOW - timedelta(minutes=5))
    queue.enqueue("k2", "telegram", "1", "reply", message, not_before=NOW + timedelta(minutes=5))
    report = status_report(engine, NOW)
    assert (report.queue.queued, report.queue.due) == (2, 1)
    assert report.queue.oldest_due_age_seconds == 300.0
    assert report.feeds_by_state == (("new", 2),)
    assert report.chats_by_platform == (("telegram", "active", 1), ("telegram", "blocked", 1))
    assert report.last_digest_at == NOW - timedelta(hours=2)
    assert database_reachable(engine)
