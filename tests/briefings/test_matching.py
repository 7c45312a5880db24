from __future__ import annotations

import re

import pytest

from briefings.model import Article
from briefings.stories.matching import compile_terms, matches_text, matching_topics
from briefings.stories.topics import Topic

TRADE = Topic(
    "trade-talks",
    include=("tariff", "tariffs", "trade talks", "Akazawa", "U.S.", "USTR"),
    exclude=("cricket test",),
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("New TARIFFS announced", True),
        ("trade\n  talks resume", True),
        ("Akazawa's trip", True),
        ("the U.S. side", True),
        ("USTR says", True),
        ("nontariff barriers", False),
        ("tariffication", False),
        ("trade and talks", False),
        ("US open", False),
        ("Tariff row overshadows cricket test", False),
        ("", False),
    ],
)
def test_whole_words_and_phrases_case_insensitive(text: str, expected: bool) -> None:
    assert matches_text(TRADE, [text]) is expected


def test_exclude_in_any_text_wins() -> None:
    assert not matches_text(TRADE, ["Tariffs rise", "later: the cricket test"])


def test_terms_are_not_patterns() -> None:
    topic = Topic("odd", include=("a.b", "(x+)+y", "c++"))
    assert matches_text(topic, ["see a.b now"])
    assert not matches_text(topic, ["see axb now"])
    assert matches_text(topic, ["learn c++ today"])
    assert not matches_text(topic, ["x" * 50_000])
    # Every term is matched as its literal text: no group or quantifier of a term survives
    # into the pattern, so no input can make it backtrack.
    pattern = compile_terms(topic.include)
    assert pattern is not None
    assert re.escape("(x+)+y") in pattern.pattern


def test_one_compiled_pattern_per_term_list() -> None:
    assert compile_terms(("a", "b")) is compile_terms(("a", "b"))
    assert compile_terms(()) is None


def test_article_topics_from_title_or_text() -> None:
    other = Topic("weather", include=("cherry blossom",))
    by_title = Article("https://n.example/1", "Tariff deal near", ("Nothing here.",))
    by_text = Article("https://n.example/2", "Headline", ("Cherry blossom season ends.",))
    assert matching_topics(by_title, [TRADE, other]) == ("trade-talks",)
    assert matching_topics(by_text, [TRADE, other]) == ("weather",)
