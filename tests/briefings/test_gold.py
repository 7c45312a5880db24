"""The gold fixtures: every ``tests/data/*.expected.json`` against the text and HTML forms
of its article that exist beside it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from briefings.sources.read import read_source
from briefings.summarize import summarize
from tests.briefings.gold import check

DATA = Path(__file__).resolve().parents[1] / "data"


def _cases() -> list[tuple[Path, dict[str, Any]]]:
    cases = []
    for gold_path in sorted(DATA.glob("*.expected.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        stem = gold_path.name.removesuffix(".expected.json")
        for suffix in (".txt", ".html"):
            source = DATA / f"{stem}{suffix}"
            if source.exists():
                cases.append((source, gold))
    return cases


CASES = _cases()


def test_every_gold_file_has_a_source() -> None:
    assert {p.name for p, _ in CASES} >= {
        "asahi-2025-06-07-tariff-talks.txt",
        "asahi-2025-06-07-tariff-talks.html",
        "pacificwire-2025-06-07-tariff-talks.html",
    }


@pytest.mark.parametrize(("source", "gold"), CASES, ids=[p.name for p, _ in CASES])
def test_briefing_meets_gold(source: Path, gold: dict[str, Any]) -> None:
    article = read_source(str(source))
    briefing = summarize(article)
    assert check(article, briefing, gold) == []


@pytest.mark.parametrize(("source", "gold"), CASES, ids=[p.name for p, _ in CASES])
def test_quotes_are_the_gold_quotes_only(source: Path, gold: dict[str, Any]) -> None:
    briefing = summarize(read_source(str(source)))
    expected = {(q["text"].rstrip(","), q["speaker"]) for q in gold["quotes"]}
    assert {(q.text.rstrip(","), q.speaker) for q in briefing.quotes} == expected
