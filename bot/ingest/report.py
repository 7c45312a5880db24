"""The result of an ingest run: one outcome per feed and a summary, as frozen values."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class FeedStatus(StrEnum):
    NEW = "new"
    UNCHANGED = "unchanged"
    EMPTY = "empty"  # a valid feed with no items: nothing new, not a failure
    FAILED = "failed"  # refusals of an unsafe URL included; ``broken`` says they are final
    SKIPPED = "skipped"


@dataclass(frozen=True, slots=True)
class FeedOutcome:
    """What polling one feed gave: ``new`` entries, ``unchanged`` (304 or nothing new), or
    ``failed`` with ``reason``; ``next_attempt_at`` is when it is polled again."""

    url: str
    status: FeedStatus
    new_entries: int = 0
    reason: str = ""
    http_status: int | None = None
    failure_count: int = 0
    broken: bool = False
    next_attempt_at: datetime | None = None
    warnings: tuple[str, ...] = ()

    def describe(self) -> str:
        """One human-readable line for operators."""
        if self.status is FeedStatus.FAILED:
            state = " (broken)" if self.broken else ""
            when = (
                f", retry at {self.next_attempt_at:%Y-%m-%d %H:%M} UTC"
                if self.next_attempt_at
                else ""
            )
            return f"failed{state}: {self.reason} [{self.failure_count} in a row{when}]"
        if self.status is FeedStatus.NEW:
            return f"{self.new_entries} new"
        if self.status is FeedStatus.SKIPPED:
            return f"not due ({self.reason})"
        if self.status is FeedStatus.EMPTY:
            return "empty (a valid feed with no items)"
        return "unchanged" + (f" ({self.reason})" if self.reason else "")


@dataclass(frozen=True, slots=True)
class IngestReport:
    """One run: per-feed outcomes, then what was stored."""

    started_at: datetime
    feeds: tuple[FeedOutcome, ...] = ()
    new_articles: int = 0
    matched_articles: int = 0
    stories_created: int = 0
    stories_updated: int = 0
    pages_fetched: int = 0
    failed_briefings: int = 0
    threads_started: int = 0
    threads_developed: int = 0

    def count(self, status: FeedStatus) -> int:
        return sum(1 for outcome in self.feeds if outcome.status == status)

    def summary(self) -> str:
        polled = len(self.feeds) - self.count(FeedStatus.SKIPPED)
        skipped = self.count(FeedStatus.SKIPPED)
        not_due = f", {skipped} not due" if skipped else ""
        empties = self.count(FeedStatus.EMPTY)
        empty = f", {empties} empty" if empties else ""
        return (
            f"{polled} feeds polled: {self.count(FeedStatus.NEW)} with new entries, "
            f"{self.count(FeedStatus.UNCHANGED)} unchanged{empty}, "
            f"{self.count(FeedStatus.FAILED)} failed{not_due}; "
            f"{self.new_articles} new articles, {self.matched_articles} on a topic"
            f"{self._failed_briefings()}; "
            f"{self.stories_created} new stories, {self.stories_updated} updated"
            f"{self._threads()}"
        )

    def _threads(self) -> str:
        if not (self.threads_started or self.threads_developed):
            return ""
        started = "thread" if self.threads_started == 1 else "threads"
        return f"; {self.threads_started} new {started}, {self.threads_developed} developed"

    def _failed_briefings(self) -> str:
        if not self.failed_briefings:
            return ""
        return f", {self.failed_briefings} could not be briefed (stored as failed)"
