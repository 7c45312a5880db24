import dataclasses
from datetime import timedelta

from briefings.model import Change
from briefings.stories.developments import group_developments
from briefings.stories.threads import (
    MIN_OPEN,
    is_open,
    open_threads,
    open_until,
    parties,
    thread_developments,
)
from tests.briefings.stories.helpers import at, report

FIFTH = report(
    "fifth",
    "Japan-US tariff talks: fifth round ends without agreement",
    "Japan's top negotiator Ryosei Akazawa met Commerce Secretary Howard Lutnick in "
    "Washington on Friday; the fifth round of Japan-US tariff talks ended without agreement.",
    "Washington keeps a 25 % tariff on Japanese cars.",
    when=at(6, month=6),
)
SIXTH = report(
    "sixth",
    "Japan-US tariff talks: Akazawa and Lutnick hold sixth round",
    "Ryosei Akazawa met Howard Lutnick in Washington on Saturday for the sixth round of "
    "Japan-US tariff talks and the two reached an agreement in principle.",
    "The tariff on Japanese cars is to fall to 15 %, Akazawa said.",
    when=at(14, month=6),
)
EU = report(
    "eu",
    "Japan-EU talks: ministers discuss steel overcapacity in Tokyo",
    "Japan's Trade Minister Yoji Muto met EU trade commissioner Maros Sefcovic in Tokyo on "
    "Monday for Japan-EU talks on steel overcapacity.",
    when=at(9, month=6),
)


def threads_of(*reports):  # type: ignore[no-untyped-def]
    return thread_developments(group_developments(reports))


def test_a_new_round_is_a_new_development_of_the_same_thread() -> None:
    (thread,) = threads_of(FIFTH, SIXTH)
    assert [d.report_ids for d in thread.developments] == [("fifth",), ("sixth",)]


def test_changed_lines_only_for_facts_both_state() -> None:
    (thread,) = threads_of(FIFTH, SIXTH)
    assert thread.developments[0].changes == ()
    assert sorted(c.line for c in thread.developments[1].changes) == [
        "Changed: car tariff 25 % → 15 %",
        "Changed: no agreement → agreement in principle",
    ]


def test_talks_sharing_one_country_are_two_threads() -> None:
    threads = threads_of(FIFTH, EU, SIXTH)
    assert sorted(sorted(r for d in t.developments for r in d.report_ids) for t in threads) == [
        ["eu"],
        ["fifth", "sixth"],
    ]


def test_a_thread_stays_open_at_least_thirty_days_and_longer_as_it_grows() -> None:
    (short,) = threads_of(FIFTH)
    assert open_until(short) == FIFTH.published + MIN_OPEN
    assert is_open(short, FIFTH.published + MIN_OPEN)
    assert not is_open(short, FIFTH.published + MIN_OPEN + timedelta(seconds=1))
    late = report(
        "late",
        "Japan-US tariff talks: Akazawa and Lutnick agree on car tariff text",
        "Ryosei Akazawa and Howard Lutnick agreed the text on car tariffs in Washington.",
        when=SIXTH.published + timedelta(days=25),
    )
    (thread,) = threads_of(FIFTH, SIXTH, late)
    age = late.published - FIFTH.published
    assert age > MIN_OPEN
    assert open_until(thread) == late.published + age
    assert open_threads([thread], late.published + age) == (thread,)
    assert open_threads([thread], late.published + age + timedelta(days=1)) == ()


def test_known_threads_grow_and_keep_their_key() -> None:
    (first,) = threads_of(FIFTH)
    (grown,) = thread_developments(group_developments([SIXTH]), [first])
    assert grown.key == first.key
    assert [d.report_ids for d in grown.developments] == [("fifth",), ("sixth",)]


def test_a_thread_closed_to_a_later_loose_match_starts_a_new_one() -> None:
    later = report(
        "later",
        "Japan-US tariff talks: Akazawa and Lutnick meet again",
        "Ryosei Akazawa met Howard Lutnick in Washington for Japan-US tariff talks.",
        when=FIFTH.published + timedelta(days=200),
    )
    assert len(threads_of(FIFTH, later)) == 2


def test_change_line_wording() -> None:
    assert Change("deadline", "deadline", "1 August", "1 September").line == (
        "Changed: deadline 1 August → 1 September"
    )
    assert Change("agreement", "agreement", "no agreement", "agreement in principle").line == (
        "Changed: no agreement → agreement in principle"
    )


def test_threading_the_same_developments_again_changes_nothing() -> None:
    developments = group_developments([FIFTH, EU, SIXTH])
    threads = thread_developments(developments)
    assert thread_developments(developments, threads) == threads


def test_no_reports_no_developments_and_known_threads_kept() -> None:
    assert group_developments([]) == ()
    threads = threads_of(FIFTH)
    assert thread_developments((), threads) == threads


def test_the_two_sides_read_from_headlines_as_news_writes_them() -> None:
    def sides(headline: str) -> frozenset[str]:
        return parties(group_developments([report("h", headline, "Text.", when=at(2))])[0])

    assert sides("China, US to Resume Trade Talks This Month") == {"china", "us"}
    assert sides("US, Kenya Officially Launch Trade Talks") == {"us", "kenya"}
    assert sides("EU, Britain Make Last Attempt for Post-Brexit Trade Deal") == {"eu", "uk"}
    assert sides("Japan-U.S. tariff talks end without a deal") == {"japan", "us"}
    assert sides("Talks between Canada and Mexico resume") == {"canada", "mexico"}
    assert sides("Storm closes western ports") == frozenset()


def test_a_headline_naming_no_one_the_thread_named_starts_another_thread() -> None:
    dorian = report(
        "dorian",
        "Hurricane Dorian strengthens to Category 5 over the Bahamas",
        "Hurricane Dorian strengthened to a Category 5 storm over the Bahamas on Sunday, "
        "forecasters at the National Hurricane Center said.",
        when=at(1, month=9),
    )
    humberto = report(
        "humberto",
        "Tropical Storm Humberto becomes a hurricane near Bermuda",
        "Hurricane Humberto strengthened to a Category 3 storm near Bermuda on Wednesday, "
        "forecasters at the National Hurricane Center said.",
        when=at(18, month=9),
    )
    assert len(threads_of(dorian, humberto)) == 2


def test_a_known_development_absorbed_into_another_leaves_its_thread() -> None:
    (first,) = threads_of(FIFTH)
    (sixth_alone,) = threads_of(SIXTH)
    known = (first, sixth_alone)
    merged = dataclasses.replace(
        group_developments([FIFTH])[0],
        report_ids=("fifth", "sixth"),
    )
    threads = thread_developments([merged], known)
    holders = [d for t in threads for d in t.developments if "sixth" in d.report_ids]
    assert [d.key for d in holders] == [merged.key]
    assert len(threads) == 1
