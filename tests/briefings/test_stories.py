from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from briefings.model import Article
from briefings.sources.feeds import parse_feed
from briefings.stories.matching import matching_topics
from briefings.stories.stories import StoryItem, group_stories, score, story_key
from briefings.stories.topics import Topic

DATA = Path(__file__).resolve().parents[1] / "data"
TRADE = Topic(
    "trade-talks",
    include=("tariff", "tariffs", "trade talks", "trade deal", "Akazawa", "Bessent", "Lutnick"),
)
T0 = datetime(2025, 6, 7, 9, 0, tzinfo=UTC)


def fixture_items() -> list[StoryItem]:
    feed = parse_feed((DATA / "trade-talks.rss").read_bytes(), "https://feeds.example/trade")
    items = []
    for entry in feed.entries:
        article = Article(entry.link, entry.title, (entry.summary,), summary=entry.summary)
        if matching_topics(article, [TRADE]):
            items.append(StoryItem.of(entry.link, entry.title, entry.summary, entry.published))
    return items


def test_fixture_feed_gives_two_trade_stories() -> None:
    items = fixture_items()
    assert len(items) == 3  # the Kyoto item matches no trade term
    stories = group_stories(items)
    assert sorted([item.id for item in story.items] for story in stories) == [
        [
            "https://asahi.example/ajw/articles/15800000",
            "https://pacificwire.example/world/2025/06/07/japan-us-tariff-talks-fifth-round",
        ],
        ["https://pacificwire.example/world/2025/05/30/akazawa-fourth-round"],
    ]
    fifth = next(s for s in stories if len(s.items) == 2)
    assert fifth.key == story_key("https://asahi.example/ajw/articles/15800000")
    assert fifth.is_new


def test_different_rounds_are_different_stories_even_within_the_window() -> None:
    a = StoryItem.of("a", "Akazawa ends fifth round of tariff talks", "Japan US Washington", T0)
    b = StoryItem.of("b", "Akazawa ends fourth round of tariff talks", "Japan US Washington", T0)
    assert score(a, b) == 0


def test_same_event_outside_the_window_is_a_new_story() -> None:
    title = "Japan and U.S. end fifth round of tariff talks in Washington without deal"
    a = StoryItem.of("a", title, "Akazawa met Bessent and Lutnick", T0)
    b = StoryItem.of("b", title, "Akazawa met Bessent and Lutnick", T0 + timedelta(days=3))
    assert score(a, a) > 0
    assert score(a, b) == 0
    assert score(a, b, window=timedelta(days=4)) > 0


def test_unrelated_articles_on_one_topic_stay_apart() -> None:
    a = StoryItem.of(
        "a", "EU sets steel tariff quotas", "Brussels imposes quotas on Chinese steel", T0
    )
    b = StoryItem.of(
        "b", "Canada retaliates with tariffs on U.S. dairy", "Ottawa targets Wisconsin farms", T0
    )
    assert score(a, b) == 0


def test_new_article_joins_a_stored_story() -> None:
    items = fixture_items()
    asahi, pacific = items[0], items[1]
    stored = StoryItem.of(
        asahi.id, asahi.title, asahi.lede, asahi.published, story_key=story_key(asahi.id)
    )
    (story,) = group_stories([pacific], known=[stored])
    assert story.key == story_key(asahi.id)
    assert [i.id for i in story.new_items] == [pacific.id]
    assert not story.is_new


def test_a_known_article_is_not_grouped_again() -> None:
    item = fixture_items()[0]
    stored = StoryItem.of(item.id, item.title, item.lede, item.published, story_key="s-1")
    assert group_stories([item], known=[stored]) == ()
