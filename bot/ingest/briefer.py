"""The briefing engine as the ingest pipeline sees it: extract a page, summarize an article.
(Reports of one event are merged by the story engine itself, see ``bot.ingest.storying``.)"""

from __future__ import annotations

from typing import Protocol

from briefings.model import Article, Briefing
from briefings.reading.extract import parse_html
from briefings.summarize import summarize


class Briefer(Protocol):
    def extract(self, page: str, url: str) -> Article:
        """The article of an HTML page (no paragraphs when there is none)."""
        ...

    def summarize(self, article: Article) -> Briefing: ...


class EngineBriefer:
    """The real engine: extraction and summarizing."""

    def extract(self, page: str, url: str) -> Article:
        return parse_html(page, url)

    def summarize(self, article: Article) -> Briefing:
        return summarize(article)
