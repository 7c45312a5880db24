"""Quality gate on real news pages: the labelled set in ``tests/data/news/``, text and HTML.

Each figure must stay at or above the floor pinned in ``floor.json`` (furniture leaks and
crashes at or below it). Raise a floor when a change improves a figure; lowering one is a
decision a change must explain.
"""

from __future__ import annotations

import json

import pytest

from tests.briefings.news_eval import NEWS, evaluate, in_test_split, labels

FLOOR = json.loads((NEWS / "floor.json").read_text(encoding="utf-8"))
AT_LEAST = (
    "quote_recall",
    "speaker_accuracy",
    "quote_precision",
    "key_fact_coverage",
    "next_precision",
)
AT_MOST = ("furniture_leaks", "crashes")


@pytest.fixture(scope="module")
def figures() -> dict:
    found, _ = evaluate("all")
    return found


def test_the_set_is_large_and_split() -> None:
    every = labels("all")
    split = json.loads((NEWS / "split.json").read_text(encoding="utf-8"))
    assert len(every) >= FLOOR["articles"]
    assert split["test"] == sorted(label.id for label in every if in_test_split(label.id))
    assert 0.15 <= len(split["test"]) / len(every) <= 0.35


@pytest.mark.parametrize("key", AT_LEAST)
def test_figure_holds_its_floor(figures: dict, key: str) -> None:
    assert figures[key] >= FLOOR[key], f"{key} {figures[key]} < floor {FLOOR[key]}"


@pytest.mark.parametrize("key", AT_MOST)
def test_count_stays_under_its_ceiling(figures: dict, key: str) -> None:
    assert figures[key] <= FLOOR[key], f"{key} {figures[key]} > ceiling {FLOOR[key]}"


def test_briefings_beat_the_first_three_sentences(figures: dict) -> None:
    margin = figures["key_fact_coverage"] - figures["lead3_key_fact_coverage"]
    assert margin >= FLOOR["margin_over_lead3"]


def test_every_label_points_into_its_page() -> None:
    for label in labels("all"):
        text = " ".join(label.page("txt").read_text(encoding="utf-8").split())
        assert label.page("html").exists(), label.id
        for quote in label.quotes:
            assert " ".join(quote["text"].split()) in text, (label.id, quote["text"])
