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
from briefings.stories import Story, StoryItem, group_stories

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


def save_stories(
    candidates: Sequence[Candidate],
    sources: SourceStore,
    briefings: BriefingStore,
    briefer: Briefer,
    now: datetime,
    window: timedelta,
) -> StoryCounts:
    """Group ``candidates`` with stored articles into stories; save each touched story."""
    if not candidates:
        return StoryCounts()
    dates = [c.item.published or now for c in candidates]
    known = [
        item_of(g.canonical_url, g.data, g.story_key)
        for g in sources.grouped_articles(min(dates) - window, max(dates) + window)
    ]
    by_url = {c.row.canonical_url: c for c in candidates}
    created = updated = 0
    for story in group_stories([c.item for c in candidates], known, window):
        fresh = [by_url[item.id] for item in story.new_items]
        stored = [] if story.is_new else sources.story_articles(story.key)
        merged = _story_briefing(story, fresh, stored, briefer)
        briefings.save(story.key, merged, now)
        sources.add_articles([c.row for c in fresh], now)
        sources.assign_story([c.row.canonical_url for c in fresh], story.key)
        created, updated = (created + 1, updated) if story.is_new else (created, updated + 1)
        log.info(
            "story %s: %d new of %d articles, topics %s",
            story.key,
            len(fresh),
            len(story.items) if story.is_new else len(stored) + len(fresh),
            ",".join(merged.topics),
        )
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
    merged = ordered[0] if len(ordered) == 1 else briefer.merge(ordered)
    return dataclasses.replace(merged, topics=tuple(dict.fromkeys(topics)))
