"""Quote recall and speaker accuracy of the quote finder on the hand-labelled set."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from briefings.model import Quote
from briefings.quotes import find_quotes
from tests.wikinews import article, rows

LABELLED = Path(__file__).resolve().parents[1] / "data" / "labelled"


@dataclass(frozen=True, slots=True)
class Score:
    gold: int
    found: int
    right_speaker: int
    misses: tuple[str, ...]

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def speaker_accuracy(self) -> float:
        return self.right_speaker / self.found if self.found else 0.0


def normalize(text: str) -> str:
    return " ".join(text.split()).strip().rstrip(",.;:!?…").strip().casefold()


def same_span(gold: str, found: str) -> bool:
    a, b = normalize(gold), normalize(found)
    if a == b:
        return True
    shorter, longer = sorted((a, b), key=len)
    return bool(shorter) and shorter in longer and len(shorter) >= 0.8 * len(longer)


def same_speaker(gold: str, found: Quote) -> bool:
    a, b = normalize(gold), normalize(found.speaker)
    if not b:
        return False
    return a == b or a.split()[-1] == b.split()[-1]


def labelled_files() -> list[Path]:
    return sorted(p for p in LABELLED.glob("*.json") if p.name != "floor.json")


def evaluate() -> Score:
    by_url = {row["url"]: row for row in rows()}
    gold = found = right = 0
    misses: list[str] = []
    for path in labelled_files():
        label = json.loads(path.read_text(encoding="utf-8"))
        source = article(by_url[label["url"]])
        quotes = find_quotes(source.paragraphs, source.url)
        for expected in label["quotes"]:
            gold += 1
            match = next((q for q in quotes if same_span(expected["text"], q.text)), None)
            if match is None:
                misses.append(f"{path.stem}: missed {expected['text'][:60]!r}")
                continue
            found += 1
            if same_speaker(expected["speaker"], match):
                right += 1
            else:
                misses.append(
                    f"{path.stem}: {expected['text'][:40]!r} by {expected['speaker']!r}, "
                    f"got {match.speaker!r}"
                )
    return Score(gold, found, right, tuple(misses))
