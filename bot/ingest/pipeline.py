"""The ingest run: due feeds -> fetch -> parse -> new entries -> articles -> topics ->
stories -> briefings, stored. One bad feed or page never sinks the run: failures are values
in the :class:`IngestReport` and recorded on the feed with their reason.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime, timedelta

import httpx
import sqlalchemy as sa

from bot import metrics
from bot.clock import Clock
from bot.config import Settings
from bot.ingest.backoff import after_failure, after_refusal, after_success
from bot.ingest.briefer import Briefer, EngineBriefer
from bot.ingest.dedupe import Fresh, Matched, split_duplicates, unseen
from bot.ingest.poll import Poll, poll_feed
from bot.ingest.records import content_hash, record
from bot.ingest.report import FeedOutcome, FeedStatus, IngestReport
from bot.ingest.storying import (
    Candidate,
    KnownReports,
    StoryCounts,
    report_of,
    save_developments,
)
from bot.ingest.threads import ThreadCounts, thread_saved
from bot.store.briefings import BriefingStore
from bot.store.operator import feeds_to_poll
from bot.store.sources import (
    FeedState,
    FeedUpdate,
    NewArticle,
    SourceStore,
    failure_update,
    fetch_update,
)
from bot.store.threads import ThreadStore
from briefings.model import Article, Briefing, Development
from briefings.sources.entries import EntryArticle, entry_article, read_entry
from briefings.sources.fetch import Fetcher
from briefings.stories.developments import DEVELOPMENT_WINDOW
from briefings.stories.matching import matching_topics
from briefings.stories.topics import Topic

log = logging.getLogger(__name__)

Progress = Callable[[FeedOutcome], None]
FEEDS_PER_ROUND = 100


def configured_feeds(settings: Settings, extra: Sequence[str] = ()) -> list[str]:
    """Every feed URL of every topic, then ``extra``, each once."""
    urls = [url for topic in settings.topics for url in topic.feeds] + list(extra)
    return list(dict.fromkeys(url.strip() for url in urls if url.strip()))


async def run_ingest(
    engine: sa.Engine,
    settings: Settings,
    client: httpx.AsyncClient,
    clock: Clock,
    *,
    extra_feeds: Sequence[str] = (),
    briefer: Briefer | None = None,
    fetcher: Fetcher | None = None,
    progress: Progress | None = None,
    only_due: bool = True,
) -> IngestReport:
    """Poll the configured feeds (plus ``extra_feeds``) once and store what is new."""
    ingestor = Ingestor(
        engine,
        settings.topics,
        fetcher or Fetcher(client, settings.fetch),
        briefer or EngineBriefer(),
        clock,
    )
    urls = feeds_to_poll(engine, configured_feeds(settings, extra_feeds))
    with metrics.INGEST_SECONDS.time():
        return await ingestor.run(urls, only_due, progress)


class Ingestor:
    """One ingest pass over a list of feeds; stateless between runs (the store holds state)."""

    def __init__(
        self,
        engine: sa.Engine,
        topics: Sequence[Topic],
        fetcher: Fetcher,
        briefer: Briefer,
        clock: Clock,
        window: timedelta = DEVELOPMENT_WINDOW,
    ) -> None:
        self._sources = SourceStore(engine)
        self._briefings = BriefingStore(engine)
        self._threads = ThreadStore(engine)
        self._topics = tuple(topics)
        self._fetcher = fetcher
        self._policy = fetcher.policy
        self._briefer = briefer
        self._clock = clock
        self._window = window
        self._gate = asyncio.Semaphore(max(1, self._policy.concurrency))
        self._known = KnownReports(self._sources)

    async def run(
        self, urls: Sequence[str], only_due: bool = True, progress: Progress | None = None
    ) -> IngestReport:
        started = self._clock.now()
        states = self._sources.ensure_feeds(urls, started)
        outcomes: list[FeedOutcome] = []
        totals = _Totals()
        due = [s for s in states if s.is_due(started) or not only_due]
        if len(due) < len(states):
            due_ids = {s.id for s in due}
            for state in states:
                if state.id not in due_ids:
                    outcomes.append(_not_due(state))
                    if progress:
                        progress(outcomes[-1])
        for start in range(0, len(due), FEEDS_PER_ROUND):
            for outcome in await self._round(due[start : start + FEEDS_PER_ROUND], totals):
                metrics.FEED_POLLS.labels(outcome.status).inc()
                outcomes.append(outcome)
                if progress:
                    progress(outcome)
        # Once per run, after every round: the developments saved join their threads.
        totals.threads = thread_saved(self._threads, list(totals.saved.values()), self._clock.now())
        report = IngestReport(
            started_at=started,
            feeds=tuple(outcomes),
            new_articles=totals.new_articles,
            matched_articles=totals.matched,
            stories_created=totals.stories.created,
            stories_updated=totals.stories.updated,
            pages_fetched=totals.pages,
            failed_briefings=totals.failed,
            threads_started=totals.threads.started,
            threads_developed=totals.threads.developed,
        )
        log.info("ingest: %s", report.summary())
        return report

    async def _round(self, states: Sequence[FeedState], totals: _Totals) -> list[FeedOutcome]:
        polls = await asyncio.gather(*(self._poll(state) for state in states))
        now = self._clock.now()
        outcomes: dict[str, FeedOutcome] = {}
        updates: list[FeedUpdate] = []
        fresh: list[Fresh] = []
        for poll in polls:
            if poll.failure:
                outcomes[poll.state.url] = self._fail(poll, now, updates)
            elif poll.parsed is not None:
                fresh += [Fresh(poll.state, poll.parsed, e) for e in poll.parsed.entries]
        fresh = self._unseen(fresh)
        await self._store_articles(fresh, totals)
        new_per_feed: dict[str, int] = {}
        for item in fresh:
            new_per_feed[item.state.url] = new_per_feed.get(item.state.url, 0) + 1
        for poll in polls:
            if poll.state.url not in outcomes:
                outcomes[poll.state.url] = self._succeed(poll, new_per_feed, now, updates)
        # Feed state last: a crash before this line polls the feeds again (without their new
        # validators), and the stored articles make that harmless.
        self._sources.update_feeds(updates)
        return [outcomes[state.url] for state in states]

    async def _poll(self, state: FeedState) -> Poll:
        async with self._gate:
            return await poll_feed(state, self._fetcher)

    def _fail(self, poll: Poll, now: datetime, updates: list[FeedUpdate]) -> FeedOutcome:
        if poll.fetched.refused:
            plan = after_refusal(self._policy, poll.state.failure_count, now)
        else:
            retry_after = poll.fetched.retry_after
            plan = after_failure(self._policy, poll.state.failure_count, now, retry_after)
        reason = poll.failure
        updates.append(
            failure_update(
                poll.state.id,
                reason=reason,
                failure_count=plan.failure_count,
                broken=plan.broken,
                now=now,
                next_attempt_at=plan.next_attempt_at,
            )
        )
        log.warning(
            "feed %s failed (%d in a row%s): %s",
            poll.state.url,
            plan.failure_count,
            ", broken" if plan.broken else "",
            reason,
        )
        return FeedOutcome(
            poll.state.url,
            FeedStatus.FAILED,
            reason=reason,
            http_status=poll.fetched.http_status,
            failure_count=plan.failure_count,
            broken=plan.broken,
            next_attempt_at=plan.next_attempt_at,
        )

    def _succeed(
        self, poll: Poll, new_per_feed: dict[str, int], now: datetime, updates: list[FeedUpdate]
    ) -> FeedOutcome:
        next_at = after_success(self._policy, now)
        parsed = poll.parsed
        updates.append(
            fetch_update(
                poll.state.id,
                status=poll.fetched.status,
                now=now,
                next_attempt_at=next_at,
                etag=poll.fetched.etag,
                last_modified=poll.fetched.last_modified,
                title=parsed.title if parsed else None,
            )
        )
        new = new_per_feed.get(poll.state.url, 0)
        reason = "not modified" if poll.fetched.not_modified else "" if new else "nothing new"
        empty = parsed is not None and parsed.empty
        reason = "no items" if empty else reason
        log.info("feed %s: %s", poll.state.url, f"{new} new" if new else reason)
        return FeedOutcome(
            poll.state.url,
            FeedStatus.NEW if new else FeedStatus.EMPTY if empty else FeedStatus.UNCHANGED,
            new_entries=new,
            reason=reason,
            http_status=poll.fetched.http_status,
            next_attempt_at=next_at,
            warnings=parsed.warnings if parsed else (),
        )

    def _unseen(self, fresh: Sequence[Fresh]) -> list[Fresh]:
        seen = self._sources.seen(
            urls=(f.entry.link for f in fresh), guids=(f.entry.guid for f in fresh)
        )
        return unseen(fresh, seen)

    async def _store_articles(self, fresh: Sequence[Fresh], totals: _Totals) -> None:
        quick = [matching_topics(entry_article(f.entry, f.feed), self._topics) for f in fresh]
        on_topic = [f for f, topics in zip(fresh, quick, strict=True) if topics]
        built = await asyncio.gather(*(self._build(f) for f in on_topic))
        totals.pages += sum(1 for b in built if b.page_fetched)
        now = self._clock.now()
        rows: list[NewArticle] = []
        for item, topics in zip(fresh, quick, strict=True):
            if not topics:
                rows.append(self._row(item, entry_article(item.entry, item.feed), ()))
        found: list[Matched] = []
        for item, result in zip(on_topic, built, strict=True):
            article = result.article
            topics = matching_topics(article, self._topics)
            row = self._row(item, article, topics)
            if topics:
                found.append(Matched(item, article, topics, row))
            else:
                rows.append(row)
        kept, duplicates = self._not_duplicates(found)
        rows += duplicates
        candidates: list[Candidate] = []
        for briefed in map(self._candidate, kept):
            if isinstance(briefed, Candidate):
                candidates.append(briefed)
            else:  # stored as failed with its reason: seen, so never fetched and briefed again
                rows.append(briefed)
                totals.failed += 1
        self._sources.add_articles(rows, now)
        saved = save_developments(
            candidates, self._sources, self._briefings, now, self._known, self._window
        )
        counts = saved.counts
        for key in saved.gone:
            totals.saved.pop(key, None)
        totals.saved.update({d.key: d for d in saved.saved})
        totals.new_articles += len(rows) - len(duplicates) + len(candidates)
        totals.matched += len(candidates)
        totals.stories = StoryCounts(
            totals.stories.created + counts.created, totals.stories.updated + counts.updated
        )

    async def _build(self, item: Fresh) -> EntryArticle:
        async with self._gate:
            return await read_entry(item.entry, item.feed, self._fetcher, self._briefer.extract)

    def _candidate(self, matched: Matched) -> Candidate | NewArticle:
        """The article briefed, ready for its story; or its row marked as failed."""
        item, article, topics = matched.item, matched.article, matched.topics
        try:
            briefing = replace(self._briefer.summarize(article), topics=topics)
        except Exception as exc:  # one article the engine cannot brief must not sink the run
            log.warning("feed %s: summarizing %s failed: %r", item.state.url, article.url, exc)
            return replace(matched.row, briefing_error=f"{type(exc).__name__}: {exc}")
        row = replace(matched.row, data=record(article, topics, briefing))
        report = report_of(row.canonical_url, article, briefing, self._clock.now())
        return Candidate(row, report, topics)

    def _row(
        self,
        item: Fresh,
        article: Article,
        topics: tuple[str, ...],
        briefing: Briefing | None = None,
    ) -> NewArticle:
        return NewArticle(
            canonical_url=article.link,
            url=item.entry.link,
            guid=item.entry.guid or None,
            feed_id=item.state.id,
            title=article.title,
            outlet=article.outlet,
            published_at=article.published,
            content_hash=content_hash(article),
            data=record(article, topics, briefing),
        )

    def _not_duplicates(self, matched: list[Matched]) -> tuple[list[Matched], list[NewArticle]]:
        seen = self._sources.seen(
            urls=(m.row.canonical_url for m in matched),
            hashes=(m.row.content_hash for m in matched),
        )
        return split_duplicates(matched, seen)


def _not_due(state: FeedState) -> FeedOutcome:
    return FeedOutcome(
        state.url,
        FeedStatus.SKIPPED,
        reason=f"next poll {state.next_attempt_at:%Y-%m-%d %H:%M} UTC",
        failure_count=state.failure_count,
        broken=state.broken,
        next_attempt_at=state.next_attempt_at,
    )


class _Totals:
    """Counters across the rounds of one run."""

    def __init__(self) -> None:
        self.new_articles = 0
        self.matched = 0
        self.pages = 0
        self.failed = 0
        self.stories = StoryCounts()
        self.saved: dict[str, Development] = {}
        self.threads = ThreadCounts()
