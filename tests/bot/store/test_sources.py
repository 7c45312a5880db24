from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa

from bot.store.briefings import BriefingStore
from bot.store.sources import NewArticle, SourceStore, failure_update, fetch_update
from briefings.model import Briefing
from briefings.sources.fetchresult import FetchStatus

T0 = datetime(2025, 6, 7, 10, 0, tzinfo=UTC)


def article(url: str, guid: str | None = None, digest: str = "h", when: datetime = T0):
    return NewArticle(
        canonical_url=url,
        url=url,
        guid=guid,
        feed_id=None,
        title="T",
        outlet="O",
        published_at=when,
        content_hash=digest,
        data={"article": {"url": url, "title": "T"}, "topics": [], "briefing": None},
    )


def test_feeds_are_created_once_and_keep_their_state(engine: sa.Engine) -> None:
    store = SourceStore(engine)
    (feed,) = store.ensure_feeds(["https://a.example/rss"], T0)
    assert (feed.last_status, feed.failure_count, feed.is_due(T0)) == ("new", 0, True)
    store.update_feeds(
        [
            fetch_update(
                feed.id,
                status=FetchStatus.OK,
                now=T0,
                next_attempt_at=T0 + timedelta(minutes=15),
                etag='"e"',
                last_modified="Sat, 07 Jun 2025 10:00:00 GMT",
                title="A feed",
            )
        ]
    )
    again, other = store.ensure_feeds(["https://a.example/rss", "https://b.example/rss"], T0)
    assert (again.id, again.etag, again.title, again.is_due(T0)) == (
        feed.id,
        '"e"',
        "A feed",
        False,
    )
    assert other.last_status == "new"


def test_failure_then_not_modified_resets_failures_but_keeps_validators(engine: sa.Engine) -> None:
    store = SourceStore(engine)
    (feed,) = store.ensure_feeds(["https://a.example/rss"], T0)
    store.update_feeds(
        [fetch_update(feed.id, status=FetchStatus.OK, now=T0, next_attempt_at=T0, etag='"e"')]
    )
    store.update_feeds(
        [
            failure_update(
                feed.id, reason="HTTP 500", failure_count=8, broken=True, now=T0, next_attempt_at=T0
            )
        ]
    )
    (state,) = store.feeds()
    assert (state.broken, state.last_error, state.etag) == (True, "HTTP 500", '"e"')
    store.update_feeds(
        [fetch_update(feed.id, status=FetchStatus.NOT_MODIFIED, now=T0, next_attempt_at=T0)]
    )
    (state,) = store.feeds()
    assert (state.broken, state.failure_count, state.last_error, state.etag) == (
        False,
        0,
        None,
        '"e"',
    )


def test_seen_by_url_guid_and_hash(engine: sa.Engine) -> None:
    store = SourceStore(engine)
    store.add_articles([article("https://a.example/1", "g1", "h1")], T0)
    store.add_articles([article("https://a.example/1", "g2", "h2")], T0)  # same URL: ignored
    seen = store.seen(
        urls=["https://a.example/1", "https://a.example/2"], guids=["g1", "g2"], hashes=["h1"]
    )
    assert (seen.urls, seen.guids, seen.hashes) == (
        frozenset({"https://a.example/1"}),
        frozenset({"g1"}),
        frozenset({"h1"}),
    )


def test_grouped_articles_by_window_and_story(engine: sa.Engine) -> None:
    store = SourceStore(engine)
    BriefingStore(engine).save("s-1", Briefing(headline="H", url="https://a.example/1"), T0)
    old = T0 - timedelta(days=5)
    store.add_articles(
        [
            replace(article("https://a.example/1", digest="1"), story_key="s-1"),
            replace(article("https://a.example/2", digest="2", when=old), story_key="s-1"),
            article("https://a.example/3", digest="3"),
        ],
        T0,
    )
    recent = store.grouped_keys(T0 - timedelta(days=2), T0 + timedelta(days=2))
    assert recent == {"https://a.example/1": "s-1"}
    assert [g.canonical_url for g in store.story_articles("s-1")] == [
        "https://a.example/1",
        "https://a.example/2",
    ]
