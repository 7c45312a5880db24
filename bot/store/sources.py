"""Stored sources: feeds (HTTP cache and failure state) and the articles seen in them.

Articles are remembered by canonical URL, GUID and content hash, so an entry seen again (new
GUID, changed title, another feed) is recognised after a restart and never briefed twice.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

import sqlalchemy as sa

from bot.store.schema import articles, feeds, stories
from briefings.sources.fetchresult import FetchStatus


class FeedPollStatus(StrEnum):
    """How a feed's last poll ended, as stored: the fetch's own status, or never polled."""

    NEW = "new"
    OK = FetchStatus.OK.value
    NOT_MODIFIED = FetchStatus.NOT_MODIFIED.value
    FAILED = FetchStatus.FAILED.value
    REFUSED = FetchStatus.REFUSED.value


@dataclass(frozen=True, slots=True)
class FeedState:
    """One feed's row: what the next conditional GET sends and how healthy the feed is."""

    id: int
    url: str
    title: str = ""
    etag: str | None = None
    last_modified: str | None = None
    last_fetched_at: datetime | None = None
    last_status: FeedPollStatus = FeedPollStatus.NEW
    last_error: str | None = None
    failure_count: int = 0
    next_attempt_at: datetime | None = None
    broken: bool = False

    def is_due(self, now: datetime) -> bool:
        return self.next_attempt_at is None or self.next_attempt_at <= now


@dataclass(frozen=True, slots=True)
class NewArticle:
    """An article row to insert; ``data`` is the JSON document (article, briefing, topics)."""

    canonical_url: str
    url: str
    guid: str | None
    feed_id: int | None
    title: str
    outlet: str
    published_at: datetime | None
    content_hash: str
    data: dict[str, Any]
    story_key: str = ""
    briefing_error: str | None = None


@dataclass(frozen=True, slots=True)
class GroupedArticle:
    """A stored article that belongs to a story."""

    canonical_url: str
    story_key: str
    published_at: datetime | None
    data: dict[str, Any]
    fetched_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class SeenKeys:
    """Which of the asked-for identities are already stored."""

    urls: frozenset[str] = frozenset()
    guids: frozenset[str] = frozenset()
    hashes: frozenset[str] = frozenset()


class SourceStore:
    """Reads and writes the ``feeds`` and ``articles`` tables."""

    def __init__(self, engine: sa.Engine) -> None:
        self._engine = engine

    # --- feeds -------------------------------------------------------------------------------

    def ensure_feeds(self, urls: Iterable[str], now: datetime) -> list[FeedState]:
        """The rows of ``urls`` (in that order), inserting the ones not stored yet."""
        wanted = list(dict.fromkeys(urls))
        with self._engine.begin() as connection:
            known = set(
                connection.execute(sa.select(feeds.c.url).where(feeds.c.url.in_(wanted))).scalars()
            )
            missing = [{"url": url, "created_at": now} for url in wanted if url not in known]
            if missing:
                connection.execute(feeds.insert(), missing)
        by_url = {state.url: state for state in self.feeds(wanted)}
        return [by_url[url] for url in wanted]

    def feeds(self, urls: Sequence[str] | None = None) -> list[FeedState]:
        """Stored feeds (those of ``urls`` when given), by URL."""
        query = sa.select(feeds).order_by(feeds.c.url)
        if urls is not None:
            query = query.where(feeds.c.url.in_(list(urls)))
        with self._engine.connect() as connection:
            rows = connection.execute(query).mappings().all()
        return [_feed_state(row) for row in rows]

    def update_feeds(self, updates: Sequence[FeedUpdate]) -> None:
        """Apply ``updates`` in one transaction."""
        if not updates:
            return
        with self._engine.begin() as connection:
            for update in updates:
                connection.execute(
                    feeds.update().where(feeds.c.id == update.feed_id).values(**update.values)
                )

    # --- articles ----------------------------------------------------------------------------

    def seen(
        self, urls: Iterable[str] = (), guids: Iterable[str] = (), hashes: Iterable[str] = ()
    ) -> SeenKeys:
        """Which of these canonical URLs, GUIDs and content hashes are already stored."""
        return SeenKeys(
            urls=self._present(articles.c.canonical_url, urls),
            guids=self._present(articles.c.guid, guids),
            hashes=self._present(articles.c.content_hash, hashes),
        )

    def _present(self, column: sa.Column[Any], values: Iterable[str]) -> frozenset[str]:
        wanted = sorted({v for v in values if v})
        found: set[str] = set()
        with self._engine.connect() as connection:
            for start in range(0, len(wanted), 500):
                chunk = wanted[start : start + 500]
                found.update(
                    connection.execute(sa.select(column).where(column.in_(chunk))).scalars()
                )
        return frozenset(found)

    def add_articles(self, rows: Sequence[NewArticle], now: datetime) -> None:
        """Insert ``rows`` (in one transaction), each in the story its ``story_key`` names;
        one already stored (same canonical URL) is left as it was."""
        if not rows:
            return
        present = self._present(articles.c.canonical_url, (r.canonical_url for r in rows))
        fresh = list({r.canonical_url: r for r in rows if r.canonical_url not in present}.values())
        if not fresh:
            return
        with self._engine.begin() as connection:
            keys = sorted({r.story_key for r in fresh if r.story_key})
            story_ids: dict[str, int] = {}
            for start in range(0, len(keys), 500):
                found = connection.execute(
                    sa.select(stories.c.key, stories.c.id).where(
                        stories.c.key.in_(keys[start : start + 500])
                    )
                )
                story_ids.update({key: int(id_) for key, id_ in found})
            connection.execute(
                articles.insert(),
                [
                    {
                        "canonical_url": r.canonical_url,
                        "url": r.url[:2048],
                        "guid": _cut(r.guid, 2048),
                        "feed_id": r.feed_id,
                        "title": r.title[:1024],
                        "outlet": r.outlet[:256],
                        "published_at": r.published_at,
                        "fetched_at": now,
                        "content_hash": r.content_hash,
                        "data": r.data,
                        "story_id": story_ids.get(r.story_key),
                        "briefing_error": _cut(r.briefing_error, 2000),
                    }
                    for r in fresh
                ],
            )

    def grouped_keys(self, since: datetime, until: datetime) -> dict[str, str]:
        """Canonical URL -> story key of the grouped articles published in [since, until]."""
        published = sa.func.coalesce(articles.c.published_at, articles.c.fetched_at)
        query = (
            sa.select(articles.c.canonical_url, stories.c.key)
            .join(stories, stories.c.id == articles.c.story_id)
            .where(published >= since, published <= until)
        )
        with self._engine.connect() as connection:
            return {url: key for url, key in connection.execute(query)}

    def articles_of(self, canonical_urls: Iterable[str]) -> list[GroupedArticle]:
        """The stored grouped articles among ``canonical_urls``."""
        urls = sorted(set(canonical_urls))
        found: list[GroupedArticle] = []
        with self._engine.connect() as connection:
            for start in range(0, len(urls), 500):
                query = _grouped_select().where(
                    articles.c.canonical_url.in_(urls[start : start + 500])
                )
                found += [GroupedArticle(*row) for row in connection.execute(query)]
        return found

    def story_articles(self, story_key: str) -> list[GroupedArticle]:
        """Every stored article of the story ``story_key``, oldest first."""
        query = _grouped_select().where(stories.c.key == story_key).order_by(articles.c.id)
        with self._engine.connect() as connection:
            return [GroupedArticle(*row) for row in connection.execute(query)]

    def story_members(self, story_keys: Iterable[str]) -> dict[str, list[GroupedArticle]]:
        """Every stored article of each of ``story_keys``, by story, oldest stored first."""
        keys = sorted(set(story_keys))
        found: dict[str, list[GroupedArticle]] = {}
        with self._engine.connect() as connection:
            for start in range(0, len(keys), 500):
                query = (
                    _grouped_select()
                    .where(stories.c.key.in_(keys[start : start + 500]))
                    .order_by(articles.c.id)
                )
                for row in connection.execute(query):
                    grouped = GroupedArticle(*row)
                    found.setdefault(grouped.story_key, []).append(grouped)
        return found

    def regroup(self, moves: Mapping[str, str], emptied: Iterable[str]) -> None:
        """Move stored articles (canonical URL -> story key) to other stories, then remove
        the stories among ``emptied`` that have no article left; one transaction."""
        with self._engine.begin() as connection:
            for url, key in moves.items():
                story_id = sa.select(stories.c.id).where(stories.c.key == key).scalar_subquery()
                connection.execute(
                    articles.update()
                    .where(articles.c.canonical_url == url)
                    .values(story_id=story_id)
                )
            left = sorted(set(emptied))
            if left:
                used = sa.select(articles.c.story_id).where(articles.c.story_id.is_not(None))
                connection.execute(
                    stories.delete().where(stories.c.key.in_(left), stories.c.id.not_in(used))
                )


@dataclass(frozen=True, slots=True)
class FeedUpdate:
    """New values for one feed row."""

    feed_id: int
    values: dict[str, Any]


def fetch_update(
    feed_id: int,
    *,
    status: FetchStatus,
    now: datetime,
    next_attempt_at: datetime,
    etag: str | None = None,
    last_modified: str | None = None,
    title: str | None = None,
) -> FeedUpdate:
    """A poll that worked (``ok`` or ``not_modified``): failures reset, validators kept."""
    values: dict[str, Any] = {
        "last_status": FeedPollStatus(status.value),
        "last_fetched_at": now,
        "last_error": None,
        "failure_count": 0,
        "broken": False,
        "next_attempt_at": next_attempt_at,
    }
    if status is FetchStatus.OK:
        values.update(etag=_cut(etag, 512), last_modified=_cut(last_modified, 128))
    if title:
        values["title"] = title[:512]
    return FeedUpdate(feed_id, values)


def failure_update(
    feed_id: int,
    *,
    reason: str,
    failure_count: int,
    broken: bool,
    now: datetime,
    next_attempt_at: datetime,
) -> FeedUpdate:
    """A failed poll, with its reason and the backoff plan."""
    return FeedUpdate(
        feed_id,
        {
            "last_status": FeedPollStatus.FAILED,
            "last_fetched_at": now,
            "last_error": reason[:2000],
            "failure_count": failure_count,
            "broken": broken,
            "next_attempt_at": next_attempt_at,
        },
    )


def _feed_state(row: Any) -> FeedState:
    return FeedState(
        id=row["id"],
        url=row["url"],
        title=row["title"],
        etag=row["etag"],
        last_modified=row["last_modified"],
        last_fetched_at=row["last_fetched_at"],
        last_status=FeedPollStatus(row["last_status"]),
        last_error=row["last_error"],
        failure_count=row["failure_count"],
        next_attempt_at=row["next_attempt_at"],
        broken=bool(row["broken"]),
    )


def _cut(value: str | None, size: int) -> str | None:
    return value[:size] if value is not None else None


def _grouped_select() -> sa.Select[tuple[str, str, datetime | None, Any, datetime]]:
    """Articles with the key of the story they belong to."""
    return sa.select(
        articles.c.canonical_url,
        stories.c.key,
        articles.c.published_at,
        articles.c.data,
        articles.c.fetched_at,
    ).join(stories, stories.c.id == articles.c.story_id)
