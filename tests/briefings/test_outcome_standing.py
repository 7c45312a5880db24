"""Sentences that read like outcomes but tell none: a purpose or a standing charge, what is
still to come told as expected or scheduled, a source that gave nothing, a sentence that
names itself background, a step told with "then" after background; and short sentences that
only point back ("X announced this on Sunday.", "The talks lasted two hours.")."""

from __future__ import annotations

from briefings.facts.background import looks_back
from briefings.facts.outcomes import find_facts
from briefings.facts.pointers import points_back, tells_only_that
from briefings.facts.standing import (
    names_background,
    no_details,
    scheduled_with_its_time,
    standing_claim,
    still_to_come,
    told_then,
)
from briefings.model import Article


def _facts(*paragraphs: str) -> tuple[list[str], list[str]]:
    article = Article(url="https://x.test/a", title="", paragraphs=paragraphs)
    facts = find_facts(article)
    return [f.text for f in facts.outcomes], [f.text for f in facts.next]


def test_a_purpose_or_a_standing_charge_is_no_outcome() -> None:
    assert standing_claim("The accord aims to cut duties on farm goods.")
    assert standing_claim("Norland's levies are meant to shield its mills from cheap imports.")
    assert standing_claim("Sudland accuses Norland of dumping cheap grain.")
    assert standing_claim("The minister said the step was aimed at protecting local jobs.")
    assert not standing_claim("The accord, which aims to cut duties, was signed on Friday.")
    assert not standing_claim("Norland accused Sudland on Monday of breaking the truce.")
    assert not standing_claim("We aim to cover 80% of our trade with new accords in three years.")
    assert not standing_claim("Talks were supposed to end on Tuesday but ran a day longer.")


def test_what_is_still_to_come_is_no_outcome() -> None:
    assert still_to_come("A ruling is expected as early as next week.")
    assert still_to_come("A final text was expected later in the evening.")
    assert still_to_come("The plenary debate is scheduled for Wednesday morning.")
    assert not still_to_come("The delay is due to the strike at the port.")
    assert not still_to_come("Delegates backed a motion that is expected to pass next week.")
    assert not still_to_come("The cut is expected to save exporters $4 billion a year.")
    assert not still_to_come("Some 800 thousand homes were scheduled to lose power.")


def test_a_source_that_gave_nothing_tells_nothing() -> None:
    assert no_details("The spokesman, who confirmed the visit, did not offer further details.")
    assert no_details("The secrecy of the talks led officials to speak on condition of anonymity.")
    assert no_details("The full texts are available online and in the library.")
    assert not no_details("The envoy gave no details, but said the sides were close.")


def test_a_sentence_that_names_itself_background() -> None:
    assert names_background("The background to the vote is last year's framework deal.")
    assert not names_background("The vote followed a background briefing for members.")


def test_then_after_its_subject_goes_on_from_the_sentence_before() -> None:
    assert told_then("The Commission then published two draft regulations.")
    assert not told_then("Ministers agreed the text and will then meet again in May.")


def test_a_step_told_with_then_after_background_is_background() -> None:
    outcomes, _ = _facts(
        "Norland and Sudland agreed on Monday to cut tariffs on farm goods to 5 percent.",
        "The deal covers grain, dairy and fruit, the ministers said in a joint statement.",
        "In March 2019 the two sides launched talks on a wider accord. The Commission then "
        "published two draft regulations on quotas for grain.",
    )
    assert not any("then published" in o for o in outcomes)


def test_a_short_sentence_that_only_points_back() -> None:
    assert tells_only_that("Trade minister Ana Vos announced this on Sunday.")
    assert tells_only_that("The talks lasted two hours.")
    assert points_back("The meeting lasted about an hour.")
    assert points_back("That’s left the door open to a later deal.")
    assert not points_back("That September, the sides met again.")
    assert not tells_only_that("The talks lasted two hours and ended without a deal.")
    assert not tells_only_that("The ministry said that on Sunday the talks collapsed.")


def test_a_preview_gives_its_other_items_to_come_no_outcome() -> None:
    outcomes, _ = _facts(
        "Norland's parliament held its final debate on the trade accord with Sudland on "
        "Tuesday, and approved it by 301 votes to 120.",
        "Members also backed a motion on farm support by a wide margin.",
        "A ruling by the constitutional court on the accord is expected as early as next week.",
        "The accord aims to cut duties on most farm goods.",
        "Sudland's cabinet signed off the accord in May.",
    )
    assert outcomes[0].startswith("Norland's parliament held its final debate")
    assert not any("is expected" in o or "aims to" in o for o in outcomes)


def test_what_is_expected_with_its_time_is_a_next_step() -> None:
    assert scheduled_with_its_time("A press conference is scheduled for 14:30.")
    assert scheduled_with_its_time("A ruling is expected as early as this weekend.")
    assert not scheduled_with_its_time("A final text was expected later in the evening.")
    assert not scheduled_with_its_time("The levy is expected to cost importers more this year.")
    assert not scheduled_with_its_time("The accord is expected to serve as a model for others.")
    outcomes, steps = _facts(
        "Norland and Sudland reached a compromise today on the main terms of a trade accord.",
        "The accord will cut duties on 95% of goods within five years.",
        "A press conference is scheduled for 14:30.",
    )
    assert steps == ["A press conference is scheduled for 14:30."]
    assert not any("14:30" in o for o in outcomes)


def test_the_backdrop_of_talks_is_background() -> None:
    assert looks_back("The talks come against the backdrop of a dispute over steel.", None)
    assert looks_back("Norland has a comprehensive FTA with Sudland.", None)


def test_a_long_lede_no_cut_can_shorten_keeps_its_news() -> None:
    lede = (
        "In a statement released on Wednesday in Lindau after three days of talks between the "
        "delegations of Norland and Sudland and the observers from four neighbouring states "
        "and two regional banks, the ministers of both countries agreed to cut tariffs on "
        "grain, dairy and machinery to 5 percent from 20 percent, but the quotas on timber "
        "and fish that both sides had wanted to lift by the end of next year stay in place"
    )
    outcomes, _ = _facts(
        lede + ".",
        "Officials said the quotas on fish had been the hardest point.",
        "Norland's farmers staged protests in Lindau in March 2019.",
    )
    assert outcomes[0] == lede.split(", but")[0] + "."
    assert len(outcomes[0].split()) <= 60
