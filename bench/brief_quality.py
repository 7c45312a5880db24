"""Briefing quality on real news pages: the labelled set in ``tests/data/news/``.

Every labelled article is briefed from its scraped text and from its HTML page, furniture
included, and scored against its labels (quotes with speakers, key facts, what is still to
come, furniture lines). ``lead3_key_fact_coverage`` is the baseline: the same key facts in the
article's first three sentences. Figures are for the test split (a quarter of the articles,
chosen by a hash of the id, never used for tuning) unless ``--split`` says otherwise.

Usage: .venv/bin/python bench/brief_quality.py [--split test|dev|all] [--misses]
Prints human-readable figures; the last line is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.briefings.news_eval import FORMS, evaluate  # noqa: E402

GOALS = {
    "quote_recall": 0.92,
    "speaker_accuracy": 0.92,
    "quote_precision": 0.97,
    "key_fact_coverage": 0.80,
    "next_precision": 0.95,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("test", "dev", "all"), default="test")
    parser.add_argument("--misses", action="store_true", help="list every miss and leak")
    args = parser.parse_args()
    figures, tally = evaluate(args.split)
    for form in FORMS:
        by_form, _ = evaluate(args.split, (form,))
        print(f"{form:>4} pages: " + ", ".join(f"{k} {v}" for k, v in by_form.items()))
    if args.misses:
        print("\n".join(tally.notes))
    print(f"split {args.split}: {figures['articles']} articles, {figures['pages']} pages")
    for key, goal in GOALS.items():
        print(f"  {key:<24} {figures[key]:>6}  (goal >= {goal})")
    margin = round(figures["key_fact_coverage"] - figures["lead3_key_fact_coverage"], 3)
    print(f"  {'lead3_key_fact_coverage':<24} {figures['lead3_key_fact_coverage']:>6}")
    print(f"  {'above lead-3':<24} {margin:>6}  (goal >= 0.2)")
    print(f"  {'furniture_leaks':<24} {figures['furniture_leaks']:>6}  (goal 0)")
    print(f"  {'crashes':<24} {figures['crashes']:>6}  (goal 0)")
    print(json.dumps({"split": args.split, **figures}))


if __name__ == "__main__":
    main()
