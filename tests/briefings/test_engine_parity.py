"""The compiled engine briefs exactly like the pure-Python one.

Both brief the whole Wikinews corpus and every text and page of the labelled news set
(``tests/data/news``), and the JSON must be identical. The compiled side is this process's
engine: the test needs an install with ``BRIEFBOT_COMPILE=1`` (``make compiled``; CI runs it
so). Without one it is skipped, or fails when ``BRIEFBOT_REQUIRE_COMPILED=1``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefings.engine import is_compiled
from tests.engine_briefs import briefs, news_sources
from tests.wikinews import articles

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def compiled_engine() -> None:
    if is_compiled():
        return
    reason = "the engine is not compiled (install with BRIEFBOT_COMPILE=1, or make compiled)"
    if os.environ.get("BRIEFBOT_REQUIRE_COMPILED") == "1":
        pytest.fail(f"{reason}; BRIEFBOT_REQUIRE_COMPILED=1")
    pytest.skip(reason)


@pytest.mark.usefixtures("compiled_engine")
def test_compiled_and_pure_engines_give_identical_briefings() -> None:
    pure = subprocess.run(
        [sys.executable, "-m", "tests.engine_briefs", "--pure"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    assert json.loads(pure[0]) == {"engine": "pure"}
    compiled = [json.dumps(found, ensure_ascii=False, sort_keys=True) for found in briefs()]
    assert len(compiled) == len(articles()) + len(news_sources())
    differing = [
        json.loads(ours)["source"]
        for ours, theirs in zip(compiled, pure[1:], strict=True)
        if ours != theirs
    ]
    assert differing == []
