"""New on-topic articles to stories and their briefings, saved with the articles."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.ingest.briefer import Briefer
from bot.ingest.records import article_from_dict, stored_briefing, stored_topics
from bot.store.briefings import BriefingStore
from bot.store.sources import GroupedArticle, NewArticle, SourceStore
from briefings.model import Briefing
from briefings.stories.stories import Story, StoryItem, group_stories

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A new on-topic article ready to store: its row, briefing and story item."""

    row: NewArticle
    briefing: Briefing
    topics: tuple[str, ...]
    item: StoryItem


@dataclass(frozen=True, slots=True)
class StoryCounts:
    created: int = 0
    updated: int = 0


def item_of(url: str, data: dict[str, object], story_key: str = "") -> StoryItem:
    article = article_from_dict(data["article"])  # type: ignore[arg-type]
    return StoryItem.of(
        url, article.title, article.summary or article.text, article.published, story_key
    )


class KnownItems:
    """Story items of stored articles, built once per run (parsing stored JSON is not free)."""

    def __init__(self, sources: SourceStore) -> None:
        self._sources = sources
        self._items: dict[str, StoryItem] = {}

    def around(self, since: datetime, until: datetime) -> list[StoryItem]:
        keys = self._sources.grouped_keys(since, until)
        missing = [url for url in keys if url not in self._items]
        for grouped in self._sources.articles_of(missing):
            self._items[grouped.canonical_url] = item_of(
                grouped.canonical_url, grouped.data, grouped.story_key
            )
        return [self._items[url] for url in keys if url in self._items]


def save_stories(
    candidates: Sequence[Candidate],
    sources: SourceStore,
    briefings: BriefingStore,
    briefer: Briefer,
    now: datetime,
    window: timedelta,
    known_items: KnownItems | None = None,
) -> StoryCounts:
    """Group ``candidates`` with stored articles into stories; save each touched story.

    Each story's briefing is saved first and its new articles after (all in one
    transaction), so a crash in between re-briefs the same story under the same key.
    """
    if not candidates:
        return StoryCounts()
    dates = [c.item.published or now for c in candidates]
    known = (known_items or KnownItems(sources)).around(min(dates) - window, max(dates) + window)
    by_url = {c.row.canonical_url: c for c in candidates}
    created = updated = 0
    rows: list[NewArticle] = []
    for story in group_stories([c.item for c in candidates], known, window):
        fresh = [by_url[item.id] for item in story.new_items]
        stored = [] if story.is_new else sources.story_articles(story.key)
        merged = _story_briefing(story, fresh, stored, briefer)
        briefings.save(story.key, merged, now)
        rows += [dataclasses.replace(c.row, story_key=story.key) for c in fresh]
        created, updated = (created + 1, updated) if story.is_new else (created, updated + 1)
        log.info(
            "story %s: %d new of %d articles, topics %s",
            story.key,
            len(fresh),
            len(story.items) if story.is_new else len(stored) + len(fresh),
            ",".join(merged.topics),
        )
    sources.add_articles(rows, now)
    return StoryCounts(created, updated)


def _story_briefing(
    story: Story, fresh: Sequence[Candidate], stored: Sequence[GroupedArticle], briefer: Briefer
) -> Briefing:
    parts: list[tuple[datetime | None, Briefing]] = []
    topics: list[str] = []
    for grouped in stored:
        briefing = stored_briefing(grouped.data)
        if briefing is not None:
            parts.append((grouped.published_at, briefing))
            topics += stored_topics(grouped.data)
    for candidate in fresh:
        parts.append((candidate.item.published, candidate.briefing))
        topics += candidate.topics
    parts.sort(key=lambda part: (part[0] is None, part[0] or datetime.min))
    ordered = [briefing for _, briefing in parts]
    merged = ordered[0] if len(ordered) == 1 else _merge(story, ordered, briefer)
    return dataclasses.replace(merged, topics=tuple(dict.fromkeys(topics)))


def _merge(story: Story, ordered: Sequence[Briefing], briefer: Briefer) -> Briefing:
    try:
        return briefer.merge(ordered)
    except Exception:  # an engine failure must not lose the story: list every source
        log.exception("story %s: merging %d briefings failed", story.key, len(ordered))
        sources = tuple(dict.fromkeys(s for b in ordered for s in b.sources))
        return dataclasses.replace(ordered[0], sources=sources)
