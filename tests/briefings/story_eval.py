"""Story quality: developments, threads and Changed lines on labelled reports.

Two labelled sets (``tests/data/stories/``): the made-up multi-day fixture (``labels.json``,
reports ``ID.txt`` beside it) and the real series (``real-series.json``, reports in
``tests/data/news/``). Each report is read from its scraped text, briefed, and the engine is
driven over the reports day by day with an injected ``now``; the figures:

- B-cubed precision, recall and F1 of the threads and of the developments (same event);
- ``reachable_bcubed_f1``: the threads' F1 of the labels themselves cut where a report came
  after its thread had closed (the best an engine keeping the thread window can reach);
- ``changed_precision`` / ``changed_recall``: Changed lines of each report's development
  against the labelled ones;
- ``repeated_bullets``: bullets a reader sees twice when shown each thread's developments in
  order, each with only what it adds.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from pathlib import Path

from briefings.errors import NothingToBrief
from briefings.model import Article, Development, Thread
from briefings.sources.read import read_source
from briefings.stories.developments import Report, group_developments
from briefings.stories.threads import MIN_OPEN, thread_developments
from briefings.stories.updates import bullet_texts, fresh_briefing, same_bullet
from briefings.summarize import summarize

DATA = Path(__file__).resolve().parents[1] / "data"
STORIES = DATA / "stories"
NEWS = DATA / "news"
SETS = ("fixture", "real")


def in_test_split(report_id: str) -> bool:
    """A quarter of the reports, chosen by a hash of the id: never looked at while tuning."""
    return int(hashlib.sha1(report_id.encode("utf-8")).hexdigest(), 16) % 4 == 0


@dataclass(frozen=True, slots=True)
class Labelled:
    report: Report
    thread: str
    development: str
    changed: frozenset[str]


def load(which: str) -> list[Labelled]:
    """The labelled reports of ``"fixture"`` or ``"real"``, oldest first."""
    if which == "fixture":
        rows, folder = json.loads((STORIES / "labels.json").read_text())["reports"], STORIES
    else:
        rows, folder = json.loads((STORIES / "real-series.json").read_text())["reports"], NEWS
    labelled = [_labelled(row, folder) for row in rows]
    return sorted(labelled, key=lambda item: (item.report.published, item.report.id))


def _labelled(row: Mapping, folder: Path) -> Labelled:
    page = _read(folder / f"{row['id']}.txt")
    published = datetime.fromisoformat(row["published"])
    if published.tzinfo is None:
        published = datetime.combine(published.date(), time(12), UTC)
    url = row.get("url") or f"https://news.example/{row['id']}"
    article = dataclasses.replace(
        page, url=url, canonical_url="", published=published, outlet=row.get("outlet", "")
    )
    report = Report(row["id"], article, summarize(article))
    return Labelled(report, row["thread"], row["development"], frozenset(row["changed"]))


def _read(path: Path) -> Article:
    """The page as the engine reads it; a page it finds no article in (a few official pages
    in unusual layouts) is taken line by line, its first line as the title, so that it still
    counts in the figures."""
    try:
        return read_source(str(path))
    except NothingToBrief:
        lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
        lines = [line for line in lines if line]
        return Article(url=str(path), title=lines[0], paragraphs=tuple(lines[1:]))


def run_day_by_day(reports: Sequence[Report]) -> tuple[Thread, ...]:
    """The threads after feeding ``reports`` to the engine one day at a time: at the end of
    each day that brought reports, the reports of the last three days are grouped again and
    threaded onto the known threads (a day without reports changes nothing)."""
    threads: tuple[Thread, ...] = ()
    for day in sorted({r.published.date() for r in reports}):
        now = datetime.combine(day, time.max, UTC)
        recent = [r for r in reports if timedelta(0) <= now - r.published <= timedelta(days=3)]
        threads = thread_developments(group_developments(recent, _known(threads)), threads)
    return threads


@dataclass(frozen=True, slots=True)
class Figures:
    bcubed_precision: float
    bcubed_recall: float
    bcubed_f1: float
    event_bcubed_precision: float
    event_bcubed_recall: float
    event_bcubed_f1: float
    reachable_bcubed_f1: float
    changed_precision: float
    changed_recall: float
    changed_found: int
    changed_labelled: int
    repeated_bullets: int
    reports: int


def evaluate(which: Iterable[str] = SETS, split: str = "all") -> tuple[Figures, list[str]]:
    """Figures over the sets ``which`` for ``split`` ("test", "dev" or "all") and notes on
    every miss."""
    truth_thread: dict[str, str] = {}
    truth_event: dict[str, str] = {}
    got_thread: dict[str, str] = {}
    got_event: dict[str, str] = {}
    changed: dict[str, tuple[frozenset[str], frozenset[str]]] = {}
    published: dict[str, datetime] = {}
    repeated = 0
    notes: list[str] = []
    for name in which:
        labelled = load(name)
        threads = run_day_by_day([item.report for item in labelled])
        repeated += repeated_bullets(threads)
        of_report = {rid: (t, d) for t in threads for d in t.developments for rid in d.report_ids}
        for item in labelled:
            rid = item.report.id
            if not _in_split(rid, split):
                continue
            thread, development = of_report[rid]
            truth_thread[rid] = f"{name}:{item.thread}"
            published[rid] = item.report.published
            truth_event[rid] = f"{name}:{item.development}"
            got_thread[rid], got_event[rid] = thread.key, development.key
            lines = frozenset(change.line for change in development.changes)
            changed[rid] = (item.changed, lines)
            if lines != item.changed:
                notes.append(f"{rid}: changed {sorted(lines)} labelled {sorted(item.changed)}")
    tp, tr, tf = bcubed(truth_thread, got_thread)
    _, _, reachable = bcubed(truth_thread, within_window(truth_thread, published))
    ep, er, ef = bcubed(truth_event, got_event)
    found = sum(len(gold & got) for gold, got in changed.values())
    emitted = sum(len(got) for _, got in changed.values())
    labelled_count = sum(len(gold) for gold, _ in changed.values())
    figures = Figures(
        *(round(v, 3) for v in (tp, tr, tf, ep, er, ef, reachable)),
        changed_precision=round(found / emitted, 3) if emitted else 1.0,
        changed_recall=round(found / labelled_count, 3) if labelled_count else 1.0,
        changed_found=found,
        changed_labelled=labelled_count,
        repeated_bullets=repeated,
        reports=len(truth_thread),
    )
    notes += _cluster_notes(truth_thread, got_thread, "thread")
    notes += _cluster_notes(truth_event, got_event, "development")
    return figures, notes


def bcubed(truth: Mapping[str, str], got: Mapping[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of the clustering ``got`` against ``truth``."""
    if not truth:
        return 1.0, 1.0, 1.0
    precision = recall = 0.0
    for item in truth:
        same_got = {o for o in truth if got[o] == got[item]}
        same_truth = {o for o in truth if truth[o] == truth[item]}
        both = len(same_got & same_truth)
        precision += both / len(same_got)
        recall += both / len(same_truth)
    precision /= len(truth)
    recall /= len(truth)
    return precision, recall, 2 * precision * recall / (precision + recall)


def within_window(truth: Mapping[str, str], published: Mapping[str, datetime]) -> dict[str, str]:
    """The labelled threads cut where a report came after its thread had closed (its last
    report plus its age, at least ``MIN_OPEN``): the best any engine keeping that window
    can do."""
    cut: dict[str, str] = {}
    state: dict[str, tuple[datetime, datetime, int]] = {}
    for rid in sorted(truth, key=lambda r: (published[r], r)):
        label, when = truth[rid], published[rid]
        start, last, part = state.get(label, (when, when, 0))
        if when - last > max(MIN_OPEN, last - start):
            start, part = when, part + 1
        state[label] = (start, when, part)
        cut[rid] = f"{label}#{part}"
    return cut


def repeated_bullets(threads: Iterable[Thread]) -> int:
    """Bullets shown twice to a reader who reads each thread's developments in order, each
    shown with only what it adds to the earlier ones."""
    count = 0
    for thread in threads:
        shown: list[str] = []
        for index, development in enumerate(thread.developments):
            fresh = bullet_texts(fresh_briefing(development, thread.developments[:index]))
            count += sum(1 for text in fresh if any(same_bullet(text, s) for s in shown))
            shown += fresh
    return count


def development_of(threads: Iterable[Thread], report_id: str) -> Development:
    return next(d for t in threads for d in t.developments if report_id in d.report_ids)


def _in_split(report_id: str, split: str) -> bool:
    return split == "all" or in_test_split(report_id) == (split == "test")


def _cluster_notes(truth: Mapping[str, str], got: Mapping[str, str], what: str) -> list[str]:
    notes = []
    for label in sorted(set(truth.values())):
        members = sorted(r for r in truth if truth[r] == label)
        keys = {got[r] for r in members}
        if len(keys) > 1:
            notes.append(
                f"{what} {label} split: " + ", ".join(f"{r}={got[r][:8]}" for r in members)
            )
    for key in sorted(set(got.values())):
        members = sorted(r for r in got if got[r] == key)
        labels = {truth[r] for r in members}
        if len(labels) > 1:
            notes.append(
                f"{what} {key[:8]} mixes: " + ", ".join(f"{r}={truth[r]}" for r in members)
            )
    return notes


def _known(threads: Iterable[Thread]) -> list[Development]:
    return [d for t in threads for d in t.developments]
