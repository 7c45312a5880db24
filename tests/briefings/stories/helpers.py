"""Reports made from a headline and paragraphs, briefed by the engine itself."""

from __future__ import annotations

from datetime import UTC, datetime

from briefings.model import Article
from briefings.stories.developments import Report
from briefings.summarize import summarize


def at(day: int, hour: int = 12, month: int = 3) -> datetime:
    return datetime(2026, month, day, hour, tzinfo=UTC)


def report(
    id: str, headline: str, *paragraphs: str, when: datetime, outlet: str = "Wire"
) -> Report:
    article = Article(
        url=f"https://{outlet.lower().replace(' ', '')}.example/{id}",
        title=headline,
        paragraphs=paragraphs,
        outlet=outlet,
        published=when,
    )
    return Report(id, article, summarize(article))
