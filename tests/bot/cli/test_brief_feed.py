"""`briefbot brief FEED --format json`: one JSON line per story, with a topics key."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest

from bot.cli import brief, main
from bot.config import load_settings
from tests.briefings.mockfetch import mock_fetcher

DATA = Path(__file__).resolve().parents[2] / "data"


def test_brief_a_feed_file_as_json_lines(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("BRIEFBOT_CONFIG", raising=False)
    assert main(["brief", str(DATA / "trade-talks.rss"), "--format", "json"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(len(d["sources"]), d["topics"]) for d in lines] == [
        (1, []),
        (1, ["trade-talks"]),
        (2, ["trade-talks"]),
    ]
    assert lines[2]["sources"][1]["url"] == (
        "https://pacificwire.example/world/2025/06/07/japan-us-tariff-talks-fifth-round"
    )


def test_a_broken_feed_is_reported_and_others_still_briefed(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("BRIEFBOT_CONFIG", raising=False)
    sources = [str(DATA / "feeds" / "zero-entries.xml"), str(DATA / "trade-talks.rss")]
    assert main(["brief", *sources, "--format", "json"]) == 0
    captured = capsys.readouterr()
    assert "zero-entries.xml: no entries" in captured.err
    assert len(captured.out.splitlines()) == 3


async def test_a_feed_url_is_briefed_with_its_pages_read_through_the_fetcher() -> None:
    pages = {
        "https://asahi.example/ajw/articles/15800000": "asahi-2025-06-07-tariff-talks.html",
        "https://pacificwire.example/world/2025/06/07/japan-us-tariff-talks-fifth-round": (
            "pacificwire-2025-06-07-tariff-talks.html"
        ),
    }
    asked: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        asked.append(str(request.url))
        if request.url.path == "/trade.rss":
            body, kind = (DATA / "trade-talks.rss").read_bytes(), "application/rss+xml"
        elif str(request.url) in pages:
            body, kind = (DATA / pages[str(request.url)]).read_bytes(), "text/html"
        else:
            return httpx.Response(404)
        return httpx.Response(200, content=body, headers={"Content-Type": kind})

    topics = load_settings(environ={}).topics
    async with mock_fetcher(handler) as fetcher:
        found = await brief.brief_source_or_feed("https://feeds.example/trade.rss", topics, fetcher)
    assert set(pages) <= set(asked)
    fifth = found[-1]
    assert [s.url for s in fifth.sources] == list(pages)
    assert fifth.topics == ("trade-talks",)
    assert any("not found any point of agreement" in q.text for q in fifth.quotes)
