"""The briefing engine as the ingest pipeline sees it: extract a page, summarize an article,
merge the briefings of one story."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from briefings.model import Article, Briefing
from briefings.reading.extract import parse_html
from briefings.stories.merge import merge_briefings
from briefings.summarize import summarize


class Briefer(Protocol):
    def extract(self, page: str, url: str) -> Article:
        """The article of an HTML page (no paragraphs when there is none)."""
        ...

    def summarize(self, article: Article) -> Briefing: ...

    def merge(self, briefings: Sequence[Briefing]) -> Briefing:
        """One briefing for one story reported by several outlets."""
        ...


class EngineBriefer:
    """The real engine: extraction, summarizing and merging."""

    def extract(self, page: str, url: str) -> Article:
        return parse_html(page, url)

    def summarize(self, article: Article) -> Briefing:
        return summarize(article)

    def merge(self, briefings: Sequence[Briefing]) -> Briefing:
        return merge_briefings(briefings)
