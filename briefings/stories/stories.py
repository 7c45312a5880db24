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
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from briefings.stories.storywords import Signature, signature

DEFAULT_WINDOW = timedelta(hours=48)
MIN_SHARED_TOKENS = 4
MIN_OVERLAP = 0.4
PRIOR_POOL = 50
COMMON_FLOOR = 50
COMMON_SHARE = 0.05
LEDE_WORDS = 40
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


def score(
    a: StoryItem,
    b: StoryItem,
    window: timedelta = DEFAULT_WINDOW,
    rarity: Mapping[str, float] | None = None,
) -> float:
    """How alike two items are (0 when they cannot be the same story).

    ``rarity`` weighs each token by how few items of the pool carry it (an inverse document
    frequency), so words every article on a topic shares ("tariff", "talks") count for
    little and names and numbers of one event count for much.
    """
    if a.id == b.id:
        return 1.0
    if a.published and b.published and abs(a.published - b.published) > window:
        return 0.0
    if a.signature.conflicts_with(b.signature):
        return 0.0
    shared = a.signature.tokens & b.signature.tokens
    if len(shared) < MIN_SHARED_TOKENS:
        return 0.0
    smaller = min(a.signature.weight(rarity=rarity), b.signature.weight(rarity=rarity))
    overlap = a.signature.weight(shared, rarity) / smaller if smaller else 0.0
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
    known = list(known)
    fresh = [item for item in _unique(new) if item.id not in _ids(known)]
    pool = _Pool(known + fresh)
    members: dict[str, list[StoryItem]] = {}
    for item in known:
        members.setdefault(item.story_key, []).append(item)
        pool.place(item)
    for item in sorted(fresh, key=_chronological):
        key = _best_story(item, pool, members, window) or story_key(item.id)
        grouped = _with_key(item, key)
        members.setdefault(key, []).append(grouped)
        pool.place(grouped)
    new_ids = _ids(fresh)
    return tuple(
        Story(key, tuple(sorted(group, key=_chronological)), frozenset(new_ids & _ids(group)))
        for key, group in members.items()
        if new_ids & _ids(group)
    )


def _best_story(
    item: StoryItem, pool: _Pool, members: Mapping[str, Sequence[StoryItem]], window: timedelta
) -> str:
    """The key of the story ``item`` belongs to, or "" for a story of its own.

    A story is joined on its best-matching member, but only when the item also matches at
    least half of the story's members: one loose link must not chain unrelated reports.
    """
    best: dict[str, float] = {}
    hits: Counter[str] = Counter()
    for other in pool.candidates(item):
        value = score(item, other, window, pool.rarity)
        if value > 0:
            hits[other.story_key] += 1
            best[other.story_key] = max(best.get(other.story_key, 0.0), value)
    eligible = [key for key in best if 2 * hits[key] >= len(members[key])]
    return max(eligible, key=lambda key: (best[key], key), default="")


class _Pool:
    """The items grouped so far, indexed by token, with each token's rarity in the pool."""

    def __init__(self, everything: Sequence[StoryItem]) -> None:
        counts = Counter(token for item in everything for token in item.signature.tokens)
        # As if the pool held PRIOR_POOL more items without the token: in a handful of
        # articles on one topic every name recurs, which says nothing about its rarity.
        size = max(PRIOR_POOL, len(everything))
        self.rarity = {token: math.log(1 + size / count) for token, count in counts.items()}
        # A token most items carry finds no candidates worth scoring; skipping it keeps
        # grouping near-linear on big batches. Small pools compare everything.
        self._common = max(COMMON_FLOOR, int(size * COMMON_SHARE))
        self._counts = counts
        self._index: dict[str, list[StoryItem]] = {}

    def place(self, item: StoryItem) -> None:
        for token in item.signature.tokens:
            self._index.setdefault(token, []).append(item)

    def candidates(self, item: StoryItem) -> list[StoryItem]:
        found: dict[str, StoryItem] = {}
        for token in item.signature.tokens:
            if self._counts[token] <= self._common:
                for other in self._index.get(token, ()):
                    found[other.id] = other
        return list(found.values())


def _with_key(item: StoryItem, key: str) -> StoryItem:
    return StoryItem(item.id, item.title, item.lede, item.published, key, item.signature)


def _ids(items: Iterable[StoryItem]) -> frozenset[str]:
    return frozenset(item.id for item in items)


def _unique(items: Iterable[StoryItem]) -> list[StoryItem]:
    return list({item.id: item for item in items}.values())


def _chronological(item: StoryItem) -> tuple[bool, datetime | None, str]:
    return (item.published is None, item.published, item.id)
