"""Story quality: developments, threads and Changed lines on labelled reports.

The engine is driven day by day (an injected ``now``) over two labelled sets in
``tests/data/stories/``: the made-up multi-day fixture (two negotiations and off-topic noise
from three outlets over three weeks) and the real series (the licence-clean reports of
``tests/data/news/``, labelled by thread). Printed: B-cubed precision, recall and F1 of the
threads and of the developments (same event), the share of Changed lines that are right and
of labelled ones found, bullets a reader would see twice, and the engine's time per day of
news (``engine_ms_per_day``, all reports of the sets). Figures are for the test split
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
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.briefings.story_eval import SETS, evaluate, load, run_day_by_day  # noqa: E402

GOALS = {
    "bcubed_f1": ">= 0.95",
    "event_bcubed_f1": ">= 0.95",
    "changed_precision": "1.0",
    "changed_recall": ">= 0.9",
    "repeated_bullets": "0",
}


def engine_ms_per_day(sets: tuple[str, ...]) -> float:
    """Milliseconds the engine takes for one day's step (grouping the last days' reports and
    threading them onto the known threads), over every day of the sets that brought reports;
    the reports are read and briefed beforehand."""
    series = [[item.report for item in load(name)] for name in sets]
    days = sum(len({r.published.date() for r in reports}) for reports in series)
    start = time.perf_counter()
    for reports in series:
        run_day_by_day(reports)
    return round((time.perf_counter() - start) * 1000 / days, 2)


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
    values = {**dataclasses.asdict(figures), "engine_ms_per_day": engine_ms_per_day(sets)}
    print(f"split {args.split}, sets {', '.join(sets)}: {figures.reports} reports")
    for key, value in values.items():
        goal = f"  (goal {GOALS[key]})" if key in GOALS else ""
        print(f"  {key:<24} {value:>6}{goal}")
    print(json.dumps({"split": args.split, "sets": list(sets), **values}))


if __name__ == "__main__":
    main()
