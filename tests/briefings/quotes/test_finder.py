"""Each rule of the quote finder, driven by tests/data/quotes/cases.json."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from briefings.quotes import find_quotes

CASES = json.loads(
    (Path(__file__).parents[2] / "data" / "quotes" / "cases.json").read_text(encoding="utf-8")
)


def _view(quote: Any, expected: dict[str, Any]) -> dict[str, Any]:
    view: dict[str, Any] = {"text": quote.text, "speaker": quote.speaker}
    if "role_contains" in expected:
        found = expected["role_contains"].lower() in quote.role.lower()
        view["role_contains"] = expected["role_contains"] if found else quote.role
    if "role" in expected:
        view["role"] = quote.role
    for flag in ("unnamed", "partial"):
        if flag in expected:
            view[flag] = getattr(quote, flag)
    return view


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_quote_rules(case: dict[str, Any]) -> None:
    quotes = find_quotes(case["paragraphs"], "https://example.test/a", title=case.get("title", ""))
    actual = [_view(q, e) for q, e in zip(quotes, case["quotes"], strict=False)]
    assert actual == case["quotes"]
    assert len(quotes) == len(case["quotes"])


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_every_quote_is_verbatim(case: dict[str, Any]) -> None:
    text = "\n\n".join(case["paragraphs"])
    assert all(q.text in text for q in find_quotes(case["paragraphs"]))


def test_quotes_carry_the_source_url() -> None:
    quotes = find_quotes(['"We will meet again next week," Mayor Anna Berg said.'], "u")
    assert [q.source_url for q in quotes] == ["u"]


def test_empty_and_markless_articles() -> None:
    assert find_quotes([]) == ()
    assert find_quotes(["No quotes here at all.", ""]) == ()


def test_a_quote_carries_its_sentence() -> None:
    paragraphs = [
        'Talks began. Minister Ana Lindqvist called them "frank" and left early. Then rain.'
    ]
    (quote,) = find_quotes(paragraphs)
    assert (quote.text, quote.context) == (
        "frank",
        'Minister Ana Lindqvist called them "frank" and left early.',
    )
    assert quote.in_sentence


def test_a_long_quote_is_shown_alone() -> None:
    (quote,) = find_quotes(['"We will keep talking until June," Minister Ana Lindqvist said.'])
    assert not quote.in_sentence


@pytest.mark.parametrize(
    "dateline", ["LINDAU (Agency) - ", "Oct 15 (Agency) - ", "LINDAU, March 3: "]
)
def test_a_quote_in_the_lede_is_shown_in_its_sentence_without_the_dateline(dateline: str) -> None:
    lede = "Trade Minister Ana Berg called the talks “frank” on Monday."
    (quote,) = find_quotes([dateline + lede], "https://example.test/a")
    assert quote.context == lede
