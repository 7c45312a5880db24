"""What a chat is shown of threads, as neutral reply parts: ``latest``'s view of a thread,
a digest's blocks, Changed lines and where a thread stood."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.chat import DatedLine, DigestThread
from bot.store.developments import StoredDevelopment
from bot.stories.digest import digest_plan
from bot.stories.facts import changes_across, standing_line
from bot.stories.latest import latest_view, needed
from briefings.model import Briefing, Change, Development, Fact, Quote, SourceRef, StatedFact

T0 = datetime(2026, 3, 2, 18, 0, tzinfo=UTC)
DAY = timedelta(days=1)
UTC_ZONE = ZoneInfo("UTC")
TOKYO = ZoneInfo("Asia/Tokyo")


def stored(
    n: int,
    when: datetime,
    *,
    thread: int | None = 1,
    outcomes: tuple[str, ...] = (),
    facts: tuple[StatedFact, ...] = (),
    changes: tuple[Change, ...] = (),
    material: tuple[str, ...] = (),
    outlets: tuple[str, ...] = ("Harbour Times",),
    topics: tuple[str, ...] = ("trade-talks",),
) -> StoredDevelopment:
    url = f"https://news.example/{n}"
    briefing = Briefing(
        headline=f"Development {n}",
        url=url,
        outcomes=tuple(Fact(text, url) for text in outcomes or (f"Outcome of {n}.",)),
        quotes=(Quote(f"Words of development number {n} said at length", "Ana Pereira"),),
        sources=tuple(SourceRef(f"{url}/{o}", o) for o in outlets),
        topics=topics,
    )
    development = Development(f"d-{n}", briefing, (url,), when, facts, changes)
    return StoredDevelopment(n, thread, development, material)


def newest_first(*developments: StoredDevelopment) -> list[StoredDevelopment]:
    return sorted(developments, key=lambda d: d.published, reverse=True)


# --- latest -------------------------------------------------------------------------------------


def test_a_first_look_shows_the_newest_whole_and_the_earlier_ones_dated() -> None:
    thread = newest_first(*(stored(n, T0 + n * DAY) for n in range(1, 8)))
    view = latest_view(thread, sent=(), zone=TOKYO, more="timeline trade-talks")
    part = view.part
    assert part.briefing == thread[0].briefing
    assert (part.seen_before, part.new_count) == (False, 7)
    # At most five earlier lines, newest first, in the chat's zone (18:00 UTC is 03:00 in
    # Tokyo the next day), none marked new to a chat that never looked.
    assert part.earlier == tuple(
        DatedLine(f"{day} Mar", f"Development {n}", f"https://news.example/{n}")
        for day, n in (("Mon 9", 6), ("Sun 8", 5), ("Sat 7", 4), ("Fri 6", 3), ("Thu 5", 2))
    )
    assert [d.story_id for d in view.shown] == [7, 6, 5, 4, 3, 2]


def test_what_is_new_comes_first_without_what_the_chat_was_sent() -> None:
    first = stored(1, T0, outcomes=("The round opened in Kessel.", "Pereira met Halvik."))
    deadline = Change("deadline", "deadline", "1 April", "1 May")
    tariff = Change("rate", "car tariff", "25 %", "15 %")
    second = stored(2, T0 + DAY, outcomes=("Pereira met Halvik.", "The deadline moved."))
    second = dataclasses.replace(
        second, development=dataclasses.replace(second.development, changes=(deadline,))
    )
    third = stored(3, T0 + 2 * DAY, outcomes=("The tariff falls.",))
    third = dataclasses.replace(
        third,
        development=dataclasses.replace(
            third.development, changes=(Change("deadline", "deadline", "1 May", "1 June"), tariff)
        ),
    )
    view = latest_view(newest_first(first, second, third), {1}, UTC_ZONE, "")
    part = view.part
    assert part.briefing is not None
    assert part.briefing.headline == "Development 3"
    assert (part.seen_before, part.new_count) == (True, 2)
    # Everything that moved since the chat last looked, each fact from where it stood.
    assert part.changes == (
        "Changed: deadline 1 April → 1 June",
        "Changed: car tariff 25 % → 15 %",
    )
    assert [(line.headline, line.new) for line in part.earlier] == [
        ("Development 2", True),
        ("Development 1", False),
    ]
    # A bullet the chat was sent with the first development is not shown again.
    fresh = latest_view(newest_first(first, second), {1}, UTC_ZONE, "").part.briefing
    assert fresh is not None
    assert [f.text for f in fresh.outcomes] == ["The deadline moved."]


def test_nothing_new_is_one_line_with_the_last_development() -> None:
    thread = newest_first(stored(1, T0), stored(2, T0 + DAY))
    view = latest_view(thread, {1, 2}, UTC_ZONE, "timeline trade-talks")
    assert view.part.briefing is None
    assert view.part.last == DatedLine("Tue 3 Mar", "Development 2", "https://news.example/2")
    assert view.part.more == "timeline trade-talks"
    assert view.shown == ()


def test_a_development_from_before_the_chat_looked_is_earlier_not_new() -> None:
    # The chat was sent the newest development (by a digest) but never the oldest.
    thread = newest_first(stored(1, T0), stored(2, T0 + DAY))
    assert latest_view(thread, {2}, UTC_ZONE, "").part.briefing is None


def test_short_views_keep_a_few_bullets() -> None:
    many = tuple(f"Outcome number {n} of the round." for n in range(6))
    view = latest_view([stored(1, T0, outcomes=many)], (), UTC_ZONE, "", short=True)
    assert view.part.briefing is not None
    assert len(view.part.briefing.outcomes) == 3
    assert len(view.part.briefing.quotes) == 1


# --- digests ------------------------------------------------------------------------------------


def test_a_digest_ranks_threads_and_names_the_rest() -> None:
    quiet = stored(1, T0 + 2 * DAY, thread=1, outlets=("A", "B", "C"))
    material = stored(2, T0, thread=2, material=("agreement reached", "new rate"))
    widely = stored(3, T0 + DAY, thread=3, outlets=("A", "B"))
    alone = stored(4, T0 + 3 * DAY, thread=None, topics=("energy",))
    plan = digest_plan(
        "Your briefing",
        [quiet, material, widely, alone],
        history={},
        sent=(),
        zone=UTC_ZONE,
        max_threads=2,
        topics=("energy", "trade-talks"),
    )
    assert plan.part is not None
    # Material first; then the most outlets; the rest named with the command listing them.
    assert [t.headline for t in plan.part.threads] == ["Development 2", "Development 1"]
    assert plan.part.more == "2 more threads: timeline energy all, timeline trade-talks all"
    assert plan.shown == ((2, 2), (1, 1))  # only what the digest shows is marked sent


def test_a_digest_block_tells_what_moved_and_where_the_thread_stood() -> None:
    kessel = stored(
        1,
        T0,
        outcomes=("The round opened.",),
        facts=(
            StatedFact("deadline", "deadline", "1 April"),
            StatedFact("rate", "tariff", "25 %"),
            StatedFact("rate", "car tariff", "25 %"),
            StatedFact("agreement", "agreement", "no agreement"),
        ),
    )
    deal = stored(
        2,
        T0 + DAY,
        outcomes=("The round opened.", "A deal was reached.", "Cars pay 15 %.", "More."),
        changes=(Change("agreement", "agreement", "no agreement", "agreement in principle"),),
        material=("agreement reached",),
        outlets=("Harbour Times", "Northern Wire"),
    )
    plan = digest_plan("Digest", [deal], {1: [kessel, deal]}, {1}, UTC_ZONE, 8, ("trade-talks",))
    assert plan.part is not None
    assert plan.part.threads == (
        DigestThread(
            headline="Development 2",
            url="https://news.example/2",
            outcomes=("A deal was reached.", "Cars pay 15 %."),  # not what was sent before
            changes=("Changed: no agreement → agreement in principle",),
            stood="no agreement; car tariff 25 %; deadline 1 April",
            outlets=("Harbour Times", "Northern Wire"),
            new_count=1,
            day="Tue 3 Mar",
        ),
    )
    assert plan.part.more == ""


def test_nothing_new_is_no_digest() -> None:
    plan = digest_plan("Digest", [], {}, (), UTC_ZONE, 8, ("trade-talks",))
    assert plan.part is None
    assert plan.shown == ()


# --- facts --------------------------------------------------------------------------------------


def test_changes_across_developments_run_from_first_to_last() -> None:
    first = Development(
        "a", Briefing("A", "u"), (), T0, changes=(Change("rate", "car", "25", "20"),)
    )
    back = Development(
        "b", Briefing("B", "u"), (), T0, changes=(Change("rate", "car", "20", "25"),)
    )
    assert changes_across([first, back]) == ()  # moved back to where it was
    assert changes_across([first]) == (Change("rate", "car", "25", "20"),)


def test_standing_line_names_what_each_fact_is_about_once() -> None:
    facts = (
        StatedFact("lead", "lead negotiator", "Ana Pereira"),
        StatedFact("lead", "Norland lead negotiator", "Marek Osei"),
        StatedFact("amount", "investment", "$5 billion"),
    )
    developments = [Development("a", Briefing("A", "u"), (), T0, facts=facts)]
    assert (
        standing_line(developments) == "investment $5 billion; Norland lead negotiator Marek Osei"
    )
    assert standing_line([]) == ""


def test_latest_reads_only_what_it_shows_or_weighs() -> None:
    outline = [(n, T0 + n * DAY) for n in range(9, 0, -1)]  # newest first
    assert needed(outline, sent=set(range(1, 10))) == {9}  # nothing new: the newest alone
    assert needed(outline, sent={3}) == {4, 5, 6, 7, 8, 9, 3}  # the new ones and the sent
    assert needed(outline, sent=()) == set(range(1, 10))  # a first look: all are new
    assert needed([], sent=()) == set()
