"""One event told twice is one "Next"; a lede's step after its news, a tariff's day, a month
alone and a plan told as it was. Made-up reports."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from briefings.facts.oneevent import how_one_event, one_event
from briefings.facts.onestep import names_a_date, one_per_step, told_as_done
from briefings.facts.outcomes import find_facts
from briefings.facts.statements import Statement
from briefings.model import Article

PUBLISHED = datetime(2025, 6, 7, tzinfo=UTC)
LEDE = "Trade ministers of Norland and Aldoria signed a customs annex in Lindau on Friday."


def _facts(*paragraphs: str) -> tuple[list[str], list[str]]:
    article = Article(url="https://x.test/a", title="", paragraphs=paragraphs, published=PUBLISHED)
    facts = find_facts(article)
    return [f.text for f in facts.outcomes], [f.text for f in facts.next]


@pytest.mark.parametrize(
    ("text", "other", "how"),
    [
        # the same day, the same kind of event in other words
        (
            "The two leaders are set to sign the agreement on Friday.",
            "The deal will be formalised at a ceremony in Lindau on Friday.",
            "day",
        ),
        # the same month, the same kind of event
        (
            "The next round will convene in early September.",
            "Berg announced that a new round of talks will begin at the start of September.",
            "month",
        ),
        # a period and a date: the same words of their own
        (
            "Norland and Aldoria will hold the sixth round of talks next week.",
            "The sixth round will be held on 16-20 June in Lindau.",
            "loose",
        ),
        # two days, two months, two periods: two events
        (
            "Ruiz will travel to Lindau for talks starting 30 June.",
            "Berg will return to Aldoria on 8 July for another round.",
            "",
        ),
        (
            "Ministers will meet in Lindau in September.",
            "Ministers will meet in Geneva in October.",
            "",
        ),
        (
            "Experts will meet next week to draft the text.",
            "Ministers will meet next month to sign the text.",
            "",
        ),
        # the same day, nothing in common: two events
        (
            "The tariffs on Aldorian steel will take effect on Friday.",
            "Berg will visit a shipyard in Lindau on Friday.",
            "",
        ),
        # only one names its time, and they share only the topic of a deal
        (
            "The customs agreement will be debated in the assembly on 20 June.",
            "The agreement will lower duties on machine parts, officials said.",
            "",
        ),
        # this or next week and its weekdays, the same kind of event ("said Sunday" is when
        # it was told)
        (
            "Norland and Aldoria will hold a new round of talks this week, the ministry said "
            "Sunday.",
            "The talks, the sixth of their kind, will be held in Lindau from Monday through "
            "Friday.",
            "month",
        ),
        (
            "Ministers will meet in Lindau next week to review the annex.",
            "The summit of the two leaders is due on Monday in Aldoria.",
            "",
        ),
    ],
)
def test_how_one_event(text: str, other: str, how: str) -> None:
    assert how_one_event(text, other) == how
    assert one_event(other, text) is bool(how)


def test_one_event_told_twice_in_other_words_is_one_next() -> None:
    outcomes, steps = _facts(
        LEDE,
        "The two leaders are set to sign the free trade agreement on Friday 13 June.",
        "Officials said the deal will be formalised at a ceremony in Lindau on Friday.",
    )
    assert steps == ["The two leaders are set to sign the free trade agreement on Friday 13 June."]
    assert not any("formalised" in outcome for outcome in outcomes)  # nor an outcome


def test_a_round_this_week_and_its_weekdays_are_one_next() -> None:
    _, steps = _facts(
        LEDE,
        "Norland and Aldoria will hold a new round of talks next week, the ministry said Thursday.",
        "The round will be held in Lindau from Monday through Friday, the ministry said.",
    )
    assert steps == ["The round will be held in Lindau from Monday through Friday."]


def test_a_step_that_shares_the_ledes_subject_is_told_with_it() -> None:
    outcomes, steps = _facts(
        "Trade ministers of nine island states concluded their talks on Friday and the chief "
        "adviser in Lindau stated that the parties are now preparing the text for legal review, "
        "and plan to sign the pact at a ceremony in Aldoria on 16 June.",
        "The pact covers goods and services, officials said.",
    )
    assert outcomes[0].endswith("are now preparing the text for legal review.")
    assert steps == ["The parties plan to sign the pact at a ceremony in Aldoria on 16 June."]
    outcomes, steps = _facts(
        "An official said the two sides ended the fifth round in Lindau on Friday, and will meet "
        "again in Aldoria in July.",
        "The round covered goods and services, officials said.",
    )
    assert outcomes[0].startswith(
        "An official said the two sides ended the fifth round in Lindau on Friday."
    )
    assert steps == ["The two sides will meet again in Aldoria in July."]


def test_a_step_after_a_ledes_news_ends_at_a_stop_the_text_ran_on_after() -> None:
    _, steps = _facts(
        "Ministers of nine island states concluded their talks on Friday, and plan to sign the "
        "pact in Aldoria on 16 June 2025. plus on Friday were Lindau and Norland.",
        "The pact covers goods and services, officials said.",
    )
    assert steps == [
        "Ministers of nine island states plan to sign the pact in Aldoria on 16 June 2025."
    ]


def test_two_events_on_two_days_are_two_nexts() -> None:
    _, steps = _facts(
        LEDE,
        "Ruiz will travel to Aldoria for talks starting on 30 June.",
        "Berg will return to Lindau on 8 July for another round.",
    )
    assert len(steps) == 2


def test_a_lede_that_tells_a_step_after_its_news_gives_both() -> None:
    outcomes, steps = _facts(
        "Norland and Aldoria concluded the first round of talks on Friday and the next round is "
        "scheduled for September.",
        "Negotiators covered customs, services and public procurement, officials said.",
    )
    assert outcomes[0] == "Norland and Aldoria concluded the first round of talks on Friday."
    assert steps == ["The next round is scheduled for September."]


def test_a_lede_with_saying_tells_its_step_apart() -> None:
    outcomes, steps = _facts(
        "The mediator on Friday announced the end of the seventh round of talks, saying that "
        "the next round will convene in early September.",
        "The mediator announced that a new round of talks will begin at the start of September.",
    )
    assert outcomes[0] == "The mediator on Friday announced the end of the seventh round of talks."
    assert steps == ["The next round will convene in early September."]


def test_a_subject_joined_by_and_is_no_step_apart() -> None:
    _, steps = _facts(
        "An official said Norland and Aldoria will resume trade talks in Lindau next week.",
        "These will be the first talks at ministerial level since a round in Geneva in May.",
    )
    assert steps == [
        "An official said Norland and Aldoria will resume trade talks in Lindau next week."
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Tariffs on Aldorian cars will be imposed on Aug. 1.",
        "Tariffs of 30 % on Aldorian steel are set to take effect on August 1st.",
        "Dairy will be discussed at a separate round in Lindau in May.",
        "Ministers have agreed to hold the sixth round of negotiations from January 23-28, 2026, "
        "in Lindau.",
        "A team of Aldorian negotiators is reportedly expected to visit Lindau next week.",
    ],
)
def test_a_dated_step_is_a_next(sentence: str) -> None:
    assert _facts(LEDE, sentence)[1] == [sentence]


@pytest.mark.parametrize(
    "sentence",
    [
        # a plan told as it was
        "The parties initially planned to sign the annex at a summit in Lindau this month.",
        "The two leaders were due to meet last week in Lindau.",
        "The two sides had been expected to sign the annex in March.",
        # what was agreed is a thing, with its terms told in the future
        "Berg on Sunday agreed to a framework under which Norland would cut duties on cars "
        "by half.",
        # a step only in a clause about a thing, beside what was done
        "Working through the week, the negotiators set out their aims in 20 areas that the "
        "annex is set to cover.",
        # a range's year after its last day: a day before the report's
        "Ministers have agreed to hold the sixth round of negotiations from January 23-28, 2025, "
        "in Lindau.",
    ],
)
def test_a_plan_told_as_it_was_is_no_next(sentence: str) -> None:
    assert _facts(LEDE, sentence)[1] == []


def test_a_future_meeting_agreed_to_is_a_next() -> None:
    sentence = "The foreign ministers agreed to a future meeting in Lindau next month."
    assert _facts(LEDE, sentence)[1] == [sentence]


def test_two_steps_of_the_same_actors_are_two_events() -> None:
    # one with a day, one with a period: the names of those who take part are in both
    assert not one_event(
        "Norland and Aldoria's customs agreement will be signed on 14 August.",
        "The seventh round of talks between Norland and Aldoria will be held by the end of the "
        "month.",
    )


def test_a_lede_that_tells_only_a_step_told_again_with_its_days_is_no_outcome() -> None:
    lede = "Chief negotiators Berg and Ruiz will meet for their next round of talks next week."
    outcomes, steps = _facts(
        lede,
        "Berg and Ruiz will hold week-long rounds of talks in the weeks commencing 16 June, "
        "7 July and 28 July.",
        "Berg and Ruiz agreed on a timetable for the talks in a video call on Friday.",
    )
    assert steps == [
        "Berg and Ruiz will hold week-long rounds of talks in the weeks commencing 16 June, "
        "7 July and 28 July."
    ]
    assert lede not in outcomes


def test_a_step_the_lede_tells_at_the_same_time_is_no_next() -> None:
    _, steps = _facts(
        "Norland and Aldoria have agreed to finalise a trade agreement next week.",
        "During the call, the two countries agreed to complete the talks by next week.",
        "The next round of technical talks is expected to end within the coming week.",
    )
    assert steps == ["The next round of technical talks is expected to end within the coming week."]


def test_a_schedule_told_without_a_verb_is_a_next() -> None:
    sentence = "Round 7 on June 16-20 in Lindau, round 8 on July 7-11 in Geneva."
    assert _facts(LEDE, sentence)[1] == [sentence]
    assert _facts(LEDE, "Round 7 on May 12-16 in Lindau, round 8 on June 2-6 in Geneva.")[1] == []


def test_a_past_verb_after_an_aside_is_no_step() -> None:
    sentence = (
        "The paper reports that Deputy Minister Berg, who is standing in for Ruiz, met with the "
        "envoy to confirm the 31 December deadline."
    )
    assert _facts(LEDE, sentence)[1] == []


def test_a_kind_of_event_in_a_condition_is_none_of_the_steps() -> None:
    assert not one_event(
        "Members will vote on giving their consent to the annex on Tuesday.",
        "With the assembly's consent, the annex will enter into force once the council has "
        "voted on it.",
    )


def test_a_past_verb_with_its_to_after_an_aside_is_no_step() -> None:
    sentence = (
        "This week's round of talks in Lindau, the last scheduled, failed to settle the rules "
        "on fishing."
    )
    assert _facts(LEDE, sentence)[1] == []


def test_a_step_that_points_to_the_upcoming_event_is_that_event() -> None:
    assert one_event(
        "A team of Aldorian negotiators is expected to visit Lindau next week for talks.",
        "The delegation for the upcoming talks will be led by Deputy Minister Carl Berg.",
    )
    # one that names its own days is told apart
    assert not one_event(
        "A delegation from Norland is expected to travel to Aldoria next week for talks.",
        "The upcoming talks follow Norland's return from the last round of talks on 4 June.",
    )


def test_what_the_lede_says_will_be_announced_today_is_no_next() -> None:
    _, steps = _facts(
        "Negotiators of Norland and Aldoria are expected to announce today that no progress was "
        "made in the latest round of the customs talks.",
        "A newspaper reports that both sides will announce today that there has been no progress "
        "on the fishing rules and the customs deal.",
        "The next round of talks will begin on 17 June.",
    )
    assert steps == ["The next round of talks will begin on 17 June."]


@pytest.mark.parametrize(
    "sentence",
    [
        "The upcoming talks follow Norland's return from the last round of talks on June 4.",
        "The visit comes after Berg extended the deadline for the tariffs to 1 August.",
    ],
)
def test_what_came_before_a_step_is_no_next(sentence: str) -> None:
    assert _facts(LEDE, sentence)[1] == []


@pytest.mark.parametrize(
    ("step", "outcome", "done"),
    [
        (
            "The annex will be signed in Lindau on Friday 6 June.",
            "The two sides signed the annex in Lindau on Friday 6 June.",
            True,
        ),
        (
            "Ministers will meet in Lindau on 12 June to review the annex.",
            "Ministers met in Lindau on 12 June to review the annex.",
            True,
        ),
        (
            "Ministers will meet in Lindau on 12 June to review the annex.",
            "Ministers will meet in Lindau on 12 June, the ministry said.",
            False,
        ),
        (
            "The two sides will sign the annex in Lindau on Friday 6 June.",
            "The two sides agreed the annex in Lindau on Friday 6 June.",
            False,
        ),
    ],
)
def test_a_step_told_as_done(step: str, outcome: str, done: bool) -> None:
    # each verb's past forms are read once, and again alike
    assert told_as_done(step, [outcome]) is done
    assert told_as_done(step, ["Talks went on.", outcome]) is done


def test_a_schedules_date_is_given_to_the_weekday_a_step_names() -> None:
    step = Statement(0, 3, "On Thursday, the assembly will vote on the Lindau annex.")
    schedule = Statement(1, 5, "Debate: Wednesday 10 June; Vote: Thursday 11 June")
    kept = one_per_step([step, schedule])
    assert [s.raw for s in kept] == [
        "On Thursday 11 June, the assembly will vote on the Lindau annex.",
        "Debate: Wednesday 10 June",
    ]


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("The vote is on 11 June.", True),
        ("The vote is on Sept. 3rd in Lindau.", True),
        ("The vote is in June.", False),
        ("Mayors and Junior ministers met on the 3rd.", False),
        ("Ministers meet on Thursday.", False),
    ],
)
def test_a_date_is_named(text: str, named: bool) -> None:
    assert names_a_date(text) is named
