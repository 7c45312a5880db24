"""Story quality: developments, threads and Changed lines on labelled reports.

The engine is driven day by day (an injected ``now``) over two labelled sets in
``tests/data/stories/``: the made-up multi-day fixture (two negotiations and off-topic noise
from three outlets over three weeks) and the real series (the licence-clean reports of
``tests/data/news/``, labelled by thread). Printed: B-cubed precision, recall and F1 of the
threads and of the developments (same event), the share of Changed lines that are right and
of labelled ones found, and bullets a reader would see twice. Figures are for the test split
(a quarter of the reports, by a hash of the id, never used for tuning) unless ``--split``
says otherwise.

Usage: .venv/bin/python bench/story_quality.py [--split test|dev|all] [--set fixture|real]
[--misses]. Prints human-readable figures; the last line is one JSON object.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.briefings.story_eval import SETS, evaluate  # noqa: E402

GOALS = {
    "bcubed_f1": ">= 0.95",
    "event_bcubed_f1": ">= 0.95",
    "changed_precision": "1.0",
    "changed_recall": ">= 0.9",
    "repeated_bullets": "0",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("test", "dev", "all"), default="test")
    parser.add_argument("--set", choices=SETS, action="append", dest="sets")
    parser.add_argument("--misses", action="store_true", help="list every miss")
    args = parser.parse_args()
    sets = tuple(args.sets or SETS)
    for name in sets:
        by_set, _ = evaluate((name,), args.split)
        print(f"{name:>8}: " + ", ".join(f"{k} {v}" for k, v in dataclasses.asdict(by_set).items()))
    figures, notes = evaluate(sets, args.split)
    if args.misses:
        print("\n".join(notes))
    values = dataclasses.asdict(figures)
    print(f"split {args.split}, sets {', '.join(sets)}: {figures.reports} reports")
    for key, value in values.items():
        goal = f"  (goal {GOALS[key]})" if key in GOALS else ""
        print(f"  {key:<24} {value:>6}{goal}")
    print(json.dumps({"split": args.split, "sets": list(sets), **values}))


if __name__ == "__main__":
    main()
