"""Quality gate of the quote finder on the hand-labelled Wikinews set (tests/data/labelled).

Quote recall and speaker accuracy must each stay >= 0.90 and must not fall below the floor
pinned in tests/data/labelled/floor.json. The floor may only be lowered deliberately: say so
in the change that lowers it, with the reason. When the figures improve, raise the floor to the
new values (rounded down to two decimals).
"""

from __future__ import annotations

import json

import pytest

from tests.briefings.quote_eval import LABELLED, Score, evaluate, labelled_files

TARGET = 0.90


@pytest.fixture(scope="module")
def score() -> Score:
    return evaluate()


def _floor() -> dict[str, float]:
    data: dict[str, float] = json.loads((LABELLED / "floor.json").read_text(encoding="utf-8"))
    return data


def test_labelled_set_is_large_enough() -> None:
    files = labelled_files()
    assert len(files) >= 25
    for path in files:
        label = json.loads(path.read_text(encoding="utf-8"))
        assert label["url"].startswith("https://en.wikinews.org/")
        assert label["quotes"], path.name


def test_quote_recall(score: Score) -> None:
    floor = _floor()["quote_recall"]
    detail = "\n".join(m for m in score.misses if "missed" in m)
    assert score.recall >= TARGET, detail
    assert score.recall >= floor, (
        f"quote recall {score.recall:.3f} fell below the pinned floor {floor}; the floor may "
        f"only be lowered deliberately (edit floor.json and say why)\n{detail}"
    )


def test_speaker_accuracy(score: Score) -> None:
    floor = _floor()["speaker_accuracy"]
    detail = "\n".join(m for m in score.misses if "missed" not in m)
    assert score.speaker_accuracy >= TARGET, detail
    assert score.speaker_accuracy >= floor, (
        f"speaker accuracy {score.speaker_accuracy:.3f} fell below the pinned floor {floor}; "
        f"the floor may only be lowered deliberately (edit floor.json and say why)\n{detail}"
    )
