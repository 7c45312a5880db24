"""`briefbot brief FEED --format json`: one JSON line per story, with a topics key."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.cli import main

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
