"""Briefing a whole feed: one briefing per story, with the topics it matches."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from briefings.errors import FetchError
from briefings.model import Article
from briefings.sources.entries import read_entry
from briefings.sources.feeds import looks_like_feed, parse_feed
from briefings.sources.read import read_file_or_feed, read_url
from briefings.stories.feedbrief import brief_articles, brief_feed
from briefings.stories.topics import Topic
from tests.briefings.mockfetch import mock_fetcher

DATA = Path(__file__).resolve().parents[1] / "data"
TRADE = Topic("trade-talks", include=("tariff", "tariffs", "Akazawa", "Bessent", "Lutnick"))
ASAHI = "https://asahi.example/ajw/articles/15800000"
PACIFIC = "https://pacificwire.example/world/2025/06/07/japan-us-tariff-talks-fifth-round"
PAGES = {
    ASAHI: DATA / "asahi-2025-06-07-tariff-talks.html",
    PACIFIC: DATA / "pacificwire-2025-06-07-tariff-talks.html",
}


def test_looks_like_feed() -> None:
    assert looks_like_feed((DATA / "trade-talks.rss").read_bytes())
    assert looks_like_feed((DATA / "feeds" / "atom.xml").read_bytes())
    assert looks_like_feed((DATA / "feeds" / "jsonfeed.json").read_bytes())
    assert looks_like_feed(b"", "application/rss+xml; charset=utf-8")
    assert not looks_like_feed((DATA / "asahi-2025-06-07-tariff-talks.html").read_bytes())
    assert not looks_like_feed((DATA / "asahi-2025-06-07-tariff-talks.txt").read_bytes())


def test_feed_file_gives_one_briefing_per_story_with_topics() -> None:
    feed = read_file_or_feed(str(DATA / "trade-talks.rss"))
    assert not isinstance(feed, Article)
    briefings = brief_feed(feed, [TRADE])
    assert [(len(b.sources), b.topics) for b in briefings] == [
        (1, ()),  # Kyoto
        (1, ("trade-talks",)),  # fourth round
        (2, ("trade-talks",)),  # fifth round, two outlets
    ]


def test_an_article_file_is_still_an_article() -> None:
    read = read_file_or_feed(str(DATA / "asahi-2025-06-07-tariff-talks.html"))
    assert isinstance(read, Article)


async def test_feed_url_reads_its_pages() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/trade.rss":
            return httpx.Response(
                200,
                content=(DATA / "trade-talks.rss").read_bytes(),
                headers={"Content-Type": "application/rss+xml"},
            )
        page = PAGES.get(str(request.url))
        if page is None:
            return httpx.Response(404)
        return httpx.Response(
            200, content=page.read_bytes(), headers={"Content-Type": "text/html; charset=utf-8"}
        )

    async with mock_fetcher(handler) as fetcher:
        feed = await read_url("https://feeds.example/trade.rss", fetcher)
        assert not isinstance(feed, Article)
        entries = [await read_entry(entry, feed, fetcher) for entry in feed.entries]
    read = {e.article.url: e.page_error for e in entries if e.page_fetched}
    assert (read[ASAHI], read[PACIFIC]) == ("", "")
    briefings = brief_articles([e.article for e in entries], [TRADE])
    fifth = briefings[-1]
    assert [s.url for s in fifth.sources] == [ASAHI, PACIFIC]
    agreement = [q for q in fifth.quotes if "not found any point of agreement" in q.text]
    assert len(agreement) == 1


def test_unreadable_feed_is_an_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.rss"
    bad.write_bytes((DATA / "feeds" / "entity-bomb.xml").read_bytes())
    with pytest.raises(FetchError, match="entities"):
        read_file_or_feed(str(bad))


def test_parse_feed_of_fixture_is_stable() -> None:
    feed = parse_feed((DATA / "trade-talks.rss").read_bytes(), "https://feeds.example/trade")
    assert len(brief_feed(feed)) == 3
