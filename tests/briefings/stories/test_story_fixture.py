"""The engine driven over the multi-day fixture day by day, ``now`` injected."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta
from functools import cache

import pytest

from briefings.model import Development, Thread
from briefings.stories.developments import Report, group_developments
from briefings.stories.threads import open_threads, thread_developments
from tests.briefings.story_eval import evaluate, load

REPORTS = [item.report for item in load("fixture")]


@cache
def threads_on(day: date) -> tuple[Thread, ...]:
    """Threads at the end of ``day``: the developments of the last three days regrouped and
    threaded onto the day before's threads."""
    first = REPORTS[0].published.date()
    known = threads_on(day - timedelta(days=1)) if day > first else ()
    now = end_of(day)
    recent = [r for r in REPORTS if timedelta(0) <= now - r.published <= timedelta(days=3)]
    return thread_developments(group_developments(recent, _known(known)), known)


def end_of(day: date) -> datetime:
    return datetime.combine(day, time.max, UTC)


def thread_of(threads: tuple[Thread, ...], report_id: str) -> Thread:
    return next(t for t in threads if any(report_id in d.report_ids for d in t.developments))


def headlines(thread: Thread) -> list[str]:
    return [d.briefing.headline for d in thread.developments]


def test_day_two_one_development_from_two_outlets() -> None:
    threads = threads_on(date(2026, 3, 2))
    (thread,) = threads
    (development,) = thread.developments
    assert development.outlets == ("Harbour Times", "Northern Wire")
    assert development.report_ids == (
        "ht-2026-03-02-fourth-round-opens",
        "nw-2026-03-02-kessel-talks-begin",
    )


def test_day_four_three_outlets_one_development_and_the_quote_once() -> None:
    thread = thread_of(threads_on(date(2026, 3, 4)), "ht-2026-03-04-fourth-round-ends")
    latest = thread.latest
    assert len(latest.report_ids) == 3
    narrowed = [q for q in latest.briefing.quotes if q.text.startswith("We narrowed the gaps")]
    assert len(narrowed) == 1
    assert len(latest.sources_of[narrowed[0]]) == 2
    assert headlines(thread) == [
        "Norland and Aldoria open fourth round of trade talks in Kessel",
        "Fourth round of Norland-Aldoria talks ends without agreement",
    ]


def test_day_nine_the_moved_deadline_is_a_changed_line() -> None:
    thread = thread_of(threads_on(date(2026, 3, 9)), "ht-2026-03-09-deadline-moved")
    assert [c.line for c in thread.latest.changes] == ["Changed: deadline 1 April → 1 May"]
    assert len(thread.developments) == 4  # opens, ends, the prime minister, the deadline


def test_day_thirteen_agreement_in_principle_and_the_new_rate() -> None:
    thread = thread_of(threads_on(date(2026, 3, 13)), "nw-2026-03-13-lindau-breakthrough")
    assert sorted(c.line for c in thread.latest.changes) == [
        "Changed: car tariff 25 % → 15 %",
        "Changed: no agreement → agreement in principle",
    ]
    assert [c.line for c in thread.developments[-2].changes] == [
        "Changed: Norland lead negotiator Ana Pereira → Marek Osei"
    ]


def test_the_second_negotiation_and_the_noise_are_threads_of_their_own() -> None:
    threads = threads_on(date(2026, 3, 19))
    aldoria = thread_of(threads, "ht-2026-03-19-deal-signed")
    vestmark = thread_of(threads, "nw-2026-03-17-fisheries-deal")
    storm = thread_of(threads, "ht-2026-03-05-storm-closes-ports")
    assert len({aldoria.key, vestmark.key, storm.key}) == 3
    assert len(aldoria.developments) == 7
    assert len(vestmark.developments) == 3
    assert [c.line for c in vestmark.latest.changes] == ["Changed: no agreement → agreement"]
    assert [c.line for c in aldoria.latest.changes] == [
        "Changed: agreement in principle → agreement"
    ]


def test_open_threads_on_a_day_most_recent_first_and_closed_after_a_quiet_month() -> None:
    threads = threads_on(date(2026, 3, 19))
    now = end_of(date(2026, 3, 19))
    assert open_threads(threads, now)[0].key == thread_of(threads, "ht-2026-03-19-deal-signed").key
    assert len(open_threads(threads, now)) == 5  # two negotiations, three noise stories
    later = open_threads(threads, now + timedelta(days=29))
    assert [t.latest.briefing.headline for t in later] == [
        "Norland and Aldoria sign trade agreement in Port Elin"
    ]


@pytest.mark.parametrize("report", REPORTS, ids=lambda r: r.id)
def test_every_report_is_in_exactly_one_development(report: Report) -> None:
    threads = threads_on(report.published.date())
    holders = [d for t in threads for d in t.developments if report.id in d.report_ids]
    assert len(holders) == 1


def test_quality_gate_on_the_fixture() -> None:
    figures, notes = evaluate(("fixture",), "all")
    assert (figures.bcubed_f1, figures.event_bcubed_f1) >= (0.95, 0.95), notes
    assert figures.changed_precision == 1.0, notes
    assert figures.changed_recall >= 0.9, notes
    assert figures.repeated_bullets == 0


def test_quality_gate_on_the_real_series() -> None:
    figures, notes = evaluate(("real",), "all")
    assert figures.event_bcubed_f1 >= 0.95, notes
    assert figures.bcubed_precision >= 0.95, notes
    assert figures.changed_precision == 1.0, notes


def _known(threads: Iterable[Thread]) -> list[Development]:
    return [d for t in threads for d in t.developments]
