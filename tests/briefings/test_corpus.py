"""All 295 Wikinews articles: no error, and every quote is verbatim."""

from __future__ import annotations

import pytest

from briefings.model import Article, Briefing
from briefings.summarize import summarize
from tests.wikinews import articles


@pytest.fixture(scope="module")
def corpus() -> list[tuple[Article, Briefing]]:
    return [(article, summarize(article)) for article in articles()]


def test_whole_corpus_is_briefed(corpus: list[tuple[Article, Briefing]]) -> None:
    assert len(corpus) == 295
    briefed = [b for _, b in corpus if not b.is_empty]
    assert len(briefed) >= 290  # the rest say "nothing to brief", never raise


def test_every_quote_is_verbatim(corpus: list[tuple[Article, Briefing]]) -> None:
    bad = [
        (a.url, q.text)
        for a, b in corpus
        for q in b.quotes
        if not q.text or q.text not in a.text or q.text[0] in '"“”«»'
    ]
    assert bad == []


def test_bullets_are_short_and_linked(corpus: list[tuple[Article, Briefing]]) -> None:
    for article, briefing in corpus:
        assert len(briefing.outcomes) + len(briefing.next) <= 5, article.url
        assert len(briefing.next) <= 2, article.url
        for fact in briefing.outcomes + briefing.next:
            assert fact.source_url == article.url
            assert len(fact.text.split()) <= 60, fact.text


def test_every_speaker_is_named(corpus: list[tuple[Article, Briefing]]) -> None:
    assert all(q.speaker.strip() for _, b in corpus for q in b.quotes)
