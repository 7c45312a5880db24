"""Grouping articles into stories: reports from different outlets about the same event.

Two articles are the same story when they were published within a time window of each other
(48 hours by default), their titles and ledes share enough distinctive words (names, numbers,
content words; weighted overlap), and they do not name different occurrences of an event
("fifth round" against "fourth round"). Grouping is single-link: an article joins the story
of its best match among the articles already grouped, stored ones included.

Pure functions over frozen values; the store supplies recently grouped articles.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from briefings.storywords import Signature, signature

DEFAULT_WINDOW = timedelta(hours=48)
MIN_SHARED_TOKENS = 4
MIN_OVERLAP = 0.4
LEDE_WORDS = 60
_WORDS = re.compile(r"\S+")


@dataclass(frozen=True, slots=True)
class StoryItem:
    """One article as story grouping sees it. ``story_key`` is set for stored articles."""

    id: str
    title: str
    lede: str
    published: datetime | None = None
    story_key: str = ""
    signature: Signature = field(default_factory=Signature)

    @classmethod
    def of(
        cls,
        id: str,
        title: str,
        text: str,
        published: datetime | None = None,
        story_key: str = "",
    ) -> StoryItem:
        """An item whose lede is the first words of ``text``."""
        lede = " ".join(_WORDS.findall(text)[:LEDE_WORDS])
        return cls(id, title, lede, published, story_key, signature(title, lede))


@dataclass(frozen=True, slots=True)
class Story:
    """A group of items; ``items`` ordered by publication, the earliest first."""

    key: str
    items: tuple[StoryItem, ...]
    new_ids: frozenset[str] = frozenset()

    @property
    def new_items(self) -> tuple[StoryItem, ...]:
        return tuple(item for item in self.items if item.id in self.new_ids)

    @property
    def is_new(self) -> bool:
        """True when every item is new (the story was not stored before)."""
        return len(self.new_ids) == len(self.items)


def story_key(first_item_id: str) -> str:
    """A stable key for a story started by the article ``first_item_id``."""
    return "s-" + hashlib.sha256(first_item_id.encode("utf-8")).hexdigest()[:32]


def same_story(a: StoryItem, b: StoryItem, window: timedelta = DEFAULT_WINDOW) -> bool:
    return score(a, b, window) > 0


def score(a: StoryItem, b: StoryItem, window: timedelta = DEFAULT_WINDOW) -> float:
    """How alike two items are (0 when they cannot be the same story)."""
    if a.id == b.id:
        return 1.0
    if a.published and b.published and abs(a.published - b.published) > window:
        return 0.0
    if a.signature.conflicts_with(b.signature):
        return 0.0
    shared = a.signature.tokens & b.signature.tokens
    if len(shared) < MIN_SHARED_TOKENS:
        return 0.0
    smaller = min(a.signature.weight(), b.signature.weight())
    overlap = a.signature.weight(shared) / smaller if smaller else 0.0
    return overlap if overlap >= MIN_OVERLAP else 0.0


def group_stories(
    new: Sequence[StoryItem],
    known: Iterable[StoryItem] = (),
    window: timedelta = DEFAULT_WINDOW,
) -> tuple[Story, ...]:
    """The stories the ``new`` items belong to, each with its ``known`` members too.

    Known items keep their ``story_key``; a new item joins the story of its best-scoring
    match, or starts a story keyed by its own id. Stories without new items are left out.
    """
    members: dict[str, list[StoryItem]] = {}
    for item in known:
        members.setdefault(item.story_key, []).append(item)
    placed: list[StoryItem] = [item for group in members.values() for item in group]
    new_ids: set[str] = set()
    for item in sorted(_unique(new), key=_chronological):
        if item.id in new_ids or any(item.id == other.id for other in placed):
            continue
        best_key, best_score = "", 0.0
        for other in placed:
            value = score(item, other, window)
            if value > best_score:
                best_key, best_score = other.story_key, value
        grouped = _with_key(item, best_key or story_key(item.id))
        members.setdefault(grouped.story_key, []).append(grouped)
        placed.append(grouped)
        new_ids.add(item.id)
    return tuple(
        Story(key, tuple(sorted(group, key=_chronological)), frozenset(new_ids & _ids(group)))
        for key, group in members.items()
        if new_ids & _ids(group)
    )


def _with_key(item: StoryItem, key: str) -> StoryItem:
    return StoryItem(item.id, item.title, item.lede, item.published, key, item.signature)


def _ids(items: Iterable[StoryItem]) -> frozenset[str]:
    return frozenset(item.id for item in items)


def _unique(items: Iterable[StoryItem]) -> list[StoryItem]:
    return list({item.id: item for item in items}.values())


def _chronological(item: StoryItem) -> tuple[bool, datetime | None, str]:
    return (item.published is None, item.published, item.id)
