"""New on-topic articles to developments (one event, every outlet's report merged), saved
with their articles.

Each new report is grouped with the stored reports published around it by the story engine
(:func:`~briefings.stories.developments.group_developments`: shared people, places, meetings
and lede numbers, or one long quote; never a different round). A stored development keeps its
key when reports join it; each development whose reports changed is saved (its merged
briefing, its topics) and the ones it absorbed are removed.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from bot.ingest.records import article_from_dict, stored_briefing, stored_topics
from bot.store.briefings import BriefingStore
from bot.store.sources import GroupedArticle, NewArticle, SourceStore
from briefings.model import Article, Briefing, Development
from briefings.stories.developments import (
    DEVELOPMENT_WINDOW,
    Report,
    develop,
    group_developments,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A new on-topic article ready to store: its row and its report (article and
    briefing, with a publication time)."""

    row: NewArticle
    report: Report
    topics: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class StoryCounts:
    created: int = 0
    updated: int = 0


@dataclass(frozen=True, slots=True)
class SavedDevelopments:
    """What one save did: counts, the developments saved (for threading) and the keys of
    the developments absorbed by others."""

    counts: StoryCounts = StoryCounts()
    saved: tuple[Development, ...] = ()
    gone: tuple[str, ...] = field(default=())


def report_of(
    report_id: str, article: Article, briefing: Briefing, fallback: datetime | None
) -> Report:
    """The engine's report of an article; one with no publication time is dated
    ``fallback`` (when it was fetched)."""
    if article.published is None and briefing.published is None:
        article = dataclasses.replace(article, published=fallback)
    return Report(report_id, article, briefing)


class KnownReports:
    """Reports of stored articles, parsed once per run (parsing stored JSON is not free)."""

    def __init__(self, sources: SourceStore) -> None:
        self._sources = sources
        self._reports: dict[str, Report | None] = {}
        self._topics: dict[str, tuple[str, ...]] = {}

    def members(self, since: datetime, until: datetime) -> dict[str, list[str]]:
        """Story key -> canonical URLs of every stored report of the stories that have a
        report published in ``[since, until]``."""
        keys = set(self._sources.grouped_keys(since, until).values())
        members: dict[str, list[str]] = {}
        for key, grouped in self._sources.story_members(keys).items():
            members[key] = [g.canonical_url for g in grouped]
            for article in grouped:
                if article.canonical_url not in self._reports:
                    self._remember(article)
        return members

    def report(self, url: str) -> Report | None:
        return self._reports.get(url)

    def topics(self, url: str) -> tuple[str, ...]:
        return self._topics.get(url, ())

    def _remember(self, grouped: GroupedArticle) -> None:
        briefing = stored_briefing(grouped.data)
        if briefing is None:
            self._reports[grouped.canonical_url] = None
            return
        article = article_from_dict(grouped.data["article"])
        fallback = grouped.published_at or grouped.fetched_at
        self._reports[grouped.canonical_url] = report_of(
            grouped.canonical_url, article, briefing, fallback
        )
        self._topics[grouped.canonical_url] = stored_topics(grouped.data)


def save_developments(
    candidates: Sequence[Candidate],
    sources: SourceStore,
    briefings: BriefingStore,
    now: datetime,
    known: KnownReports,
    window: timedelta = DEVELOPMENT_WINDOW,
) -> SavedDevelopments:
    """Group ``candidates`` with the stored reports around them into developments; save
    each development whose reports changed, then the new articles in their developments.

    A crash after a development's briefing is saved and before its articles are re-briefs
    the same reports under the same key (a development's key is fixed by its first report).
    """
    if not candidates:
        return SavedDevelopments()
    dates = [c.report.published for c in candidates]
    members = known.members(min(dates) - window, max(dates) + window)
    stored_reports = [
        report for urls in members.values() for url in urls if (report := known.report(url))
    ]
    fresh = {c.report.id: c for c in candidates}
    reports = [r for r in stored_reports if r.id not in fresh] + [c.report for c in candidates]
    known_developments = _known_developments(members, known)
    developments = _grouped(reports, known_developments)
    as_stored = {d.key: set(d.report_ids) for d in known_developments}
    topics_of = {url: known.topics(url) for urls in members.values() for url in urls}
    topics_of |= {c.report.id: c.topics for c in candidates}
    stored_key = {url: key for key, urls in members.items() for url in urls}
    created = updated = 0
    saved: list[Development] = []
    rows: list[NewArticle] = []
    moves: dict[str, str] = {}
    for development in developments:
        if set(development.report_ids) == as_stored.get(development.key):
            continue  # regrouped as it was stored
        topics = tuple(dict.fromkeys(t for rid in development.report_ids for t in topics_of[rid]))
        briefing = dataclasses.replace(development.briefing, topics=topics)
        development = dataclasses.replace(development, briefing=briefing)
        briefings.save(development.key, briefing, now)
        saved.append(development)
        for rid in development.report_ids:
            if rid in fresh:
                rows.append(dataclasses.replace(fresh[rid].row, story_key=development.key))
            elif stored_key.get(rid) != development.key:
                moves[rid] = development.key
        if development.key in members:
            updated += 1
        else:
            created += 1
        log.info(
            "development %s: %d reports (%d new), topics %s",
            development.key,
            len(development.report_ids),
            sum(1 for rid in development.report_ids if rid in fresh),
            ",".join(topics),
        )
    sources.add_articles(rows, now)
    gone = tuple(sorted(set(members) - {d.key for d in developments}))
    if moves or gone:
        sources.regroup(moves, gone)
    return SavedDevelopments(StoryCounts(created, updated), tuple(saved), gone)


def _known_developments(
    members: Mapping[str, Sequence[str]], known: KnownReports
) -> list[Development]:
    """The stored developments as the engine needs them to keep their keys: key and
    reports."""
    found = []
    for key, urls in members.items():
        reports = [report for url in urls if (report := known.report(url))]
        if reports:
            first = min(reports, key=lambda r: r.published)
            found.append(
                Development(key, first.briefing, tuple(r.id for r in reports), first.published)
            )
    return found


def _grouped(reports: Sequence[Report], known: Sequence[Development]) -> tuple[Development, ...]:
    try:
        return group_developments(reports, known)
    except Exception:  # an engine failure must not lose the new reports: each on its own
        log.exception("grouping %d reports into developments failed", len(reports))
        placed = {rid for d in known for rid in d.report_ids}
        return (*known, *(develop([r]) for r in reports if r.id not in placed))
