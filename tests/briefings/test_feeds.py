"""Feeds from tests/data/feeds/: each file states what parsing it must give."""

from __future__ import annotations

import json
import re
import tracemalloc
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from briefings.sources.feeds import parse_feed

FEEDS = Path(__file__).resolve().parents[1] / "data" / "feeds"
DATA = FEEDS.parent
EXPECT = re.compile(rb"<!-- expect: (\{.*?\}) -->")
FILES = sorted(p for p in FEEDS.iterdir() if p.suffix in (".xml", ".rdf", ".json", ".html"))


def expectation(path: Path) -> dict[str, Any]:
    body = path.read_bytes()
    if path.suffix == ".json":
        expected: dict[str, Any] = json.loads(body)["_expect"]
        return expected
    match = EXPECT.search(body)
    assert match, f"{path.name} states no expectation"
    return dict(json.loads(match.group(1).decode("utf-8", errors="replace")))


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_feed_file_meets_its_expectation(path: Path) -> None:
    expected = expectation(path)
    feed = parse_feed(path.read_bytes(), f"https://news.example/feeds/{path.name}")
    if "error" in expected:
        assert feed.entries == ()
        assert expected["error"] in feed.error
        return
    assert feed.error == ""
    if "entries" in expected:
        assert (len(feed.entries), feed.empty) == (expected["entries"], not expected["entries"])
    if "titles" in expected:
        assert [e.title for e in feed.entries] == expected["titles"]
    if "links" in expected:
        assert [e.link for e in feed.entries] == expected["links"]
    everything = " ".join(
        f"{e.title} {e.summary} {' '.join(e.content)} {e.link}" for e in feed.entries
    )
    for text in expected.get("absent", ()):
        assert text not in everything


def test_entity_bomb_is_refused_fast_and_small() -> None:
    body = (FEEDS / "entity-bomb.xml").read_bytes()
    tracemalloc.start()
    feed = parse_feed(body, "https://news.example/bomb")
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert feed.error.startswith("refused")
    assert peak < 5_000_000  # the entities were never expanded


def test_fixture_feed_entries() -> None:
    feed = parse_feed((DATA / "trade-talks.rss").read_bytes(), "https://feeds.example/trade")
    assert feed.title == "World trade news (fixture)"
    assert [e.link for e in feed.entries] == [
        "https://asahi.example/ajw/articles/15800000",
        "https://pacificwire.example/world/2025/06/07/japan-us-tariff-talks-fifth-round",
        "https://pacificwire.example/world/2025/05/30/akazawa-fourth-round",
        "https://pacificwire.example/life/2025/04/10/kyoto-cherry-blossoms",
    ]
    first = feed.entries[0]
    assert first.guid == "asahi-15800000"
    assert first.published == datetime(2025, 6, 7, 8, 46, tzinfo=UTC)
    assert first.authors == ("Chinami Tajika",)
    assert first.summary.startswith("Japan and the United States failed to find common ground")
    assert "Washington’s" in first.summary
    assert first.content == ()


def test_atom_entry_carries_content_and_dates() -> None:
    feed = parse_feed((FEEDS / "atom.xml").read_bytes(), "https://news.example/atom.xml")
    (entry,) = feed.entries
    assert entry.content == ("Full text of the tariff story.", "Second paragraph.")
    assert entry.published == datetime(2025, 6, 7, 0, 0, tzinfo=UTC)
    assert entry.authors == ("A. Writer",)


def test_json_feed_dates_authors_and_warnings() -> None:
    feed = parse_feed((FEEDS / "jsonfeed.json").read_bytes(), "https://news.example/feed.json")
    first, second = feed.entries
    assert first.published == datetime(2025, 6, 7, 8, 0, tzinfo=UTC)
    assert second.published == datetime(2025, 6, 7, 7, 0, tzinfo=UTC)
    assert first.authors == ("J. Son",)
    assert first.content == ("Tariff text.",)
    assert len(feed.warnings) == 3


def test_json_content_type_with_garbage_is_a_failure() -> None:
    feed = parse_feed(b"{not json", "https://news.example/feed.json", "application/feed+json")
    assert feed.error.startswith("not a readable JSON feed")


def test_encoding_declared_in_the_header_but_wrong() -> None:
    body = "<rss version='2.0'><channel><title>Ç</title><item><title>Déjà vu</title>"
    body += "<link>https://news.example/d</link></item></channel></rss>"
    feed = parse_feed(body.encode("utf-8"), "https://n.example/f", "text/xml; charset=iso-8859-1")
    assert [e.title for e in feed.entries] == ["Déjà vu"]
    assert feed.title == "Ç"
