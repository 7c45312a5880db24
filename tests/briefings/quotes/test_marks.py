from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from briefings.quotes.marks import find_spans

CASES = json.loads(
    (Path(__file__).parents[2] / "data" / "quotes" / "marks.json").read_text(encoding="utf-8")
)


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:30] for c in CASES])
def test_closed_spans(case: dict[str, Any]) -> None:
    text = case["text"]
    assert [text[s.start : s.close] for s in find_spans(text) if s.closed] == case["spans"]


def test_unclosed_span_is_reported_not_raised() -> None:
    spans = find_spans("She said: “this runs on")
    assert [
        (s.closed, "this runs on" in "She said: “this runs on"[s.start : s.close]) for s in spans
    ] == [(False, True)]
