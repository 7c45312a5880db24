"""Outcome rules by grammar: reported speech, standing states, clauses set inside a
sentence, and a level that changes (made-up sentences)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from briefings.facts.background import looks_back
from briefings.facts.outcomes import find_facts
from briefings.facts.stance import decided
from briefings.facts.statements import MAX_WORDS, Statement, shortened
from briefings.facts.tenses import timed_from_the_one_before
from briefings.facts.worth import outcome_score
from briefings.model import Article

TODAY = date(2025, 6, 7)


@pytest.mark.parametrize(
    ("sentence", "background"),
    [
        # Reported speech moves its tense back a step: what was said of the news.
        ("Minister Berg said no agreement had been reached on quotas.", False),
        ("Aldoria made it clear that no deal had been finalised.", False),
        ("Norland declared that the two sides had reached an understanding.", False),
        ("Norland had agreed to the quota before the talks opened.", True),
        ("Back in March, Minister Berg said the two sides had agreed on an outline.", True),
        ("Minister Berg said in March that Veldt had agreed to open two ports.", True),
        ("The minister said the two sides had agreed in 2019 to lift the quota.", True),
        # A clause about a noun, with no "that": the thing the news is about.
        ("The ministers gave no details of the herring Veldt had agreed to buy.", False),
        ("In Tallvik the council had agreed to the text.", True),
        ("Minister Berg and President Anna van der Lind had set Friday as the deadline.", True),
        # What was planned or hoped before.
        ("Norland and Veldt had initially planned to sign the accord by the autumn.", True),
        ("Both sides had hoped for a deal in the spring.", True),
        # A standing state, not a result.
        ("Estria already has fisheries agreements with Norland and Veldt.", True),
        ("Estria already has agreed to the text.", False),
        ("Talks already have begun in Tallvik.", False),
        ("Estria has a free-trade agreement with Norland.", True),
        ("Veldt has 14 fisheries pacts with its neighbours.", True),
        ("Estria now has a deal with Norland on herring quotas.", False),
        ("Estria has signed a deal with Norland.", False),
        # A state that has lasted.
        ("Negotiators have worked on the fisheries round for nine years.", True),
        ("Delegates have wrangled over the quota for more than two decades.", True),
        ("The two sides have negotiated an accord for five years of quota access.", False),
        ("The ministers agreed to extend the accord for five years.", False),
    ],
)
def test_grammar_tells_what_came_before(sentence: str, background: bool) -> None:
    assert looks_back(sentence, TODAY) is background


def test_a_clause_set_inside_a_long_sentence_goes_before_its_verb() -> None:
    raw = (
        "The declaration came amid fears that the coastal provinces, which in earlier rounds "
        "had settled most of their quarrels over nets and ports well before the talks even "
        "opened, would not be able to agree on herring quotas with the new minister of "
        "Veldt in the room."
    )
    short = shortened(Statement(0, 0, raw), MAX_WORDS)
    assert short is not None
    assert short.raw == (
        "The declaration came amid fears that the coastal provinces would not be able to "
        "agree on herring quotas with the new minister of Veldt in the room."
    )


def test_an_opening_phrase_goes_on_past_a_clause_about_its_last_noun() -> None:
    raw = (
        "Speaking to reporters in the harbour hall on Friday beside Minister Lind of Veldt, "
        "who also leads her country's fisheries delegation, Minister Berg called the accord "
        "a very good first step, adding that it would take two or three weeks to put all of "
        "it on paper."
    )
    short = shortened(Statement(0, 0, raw), MAX_WORDS)
    assert short is not None
    assert short.raw.startswith("Minister Berg called the accord")


def test_a_level_that_changes_is_worth_more() -> None:
    changed = Statement(0, 5, "Veldt will lower its duty on herring from 40 percent to 12 percent.")
    stated = Statement(0, 5, "Veldt will set its duty on herring at 12 percent for the season.")
    topic: set[str] = set()
    assert outcome_score(changed, topic, set()) > outcome_score(stated, topic, set())


@pytest.mark.parametrize(
    ("sentence", "result"),
    [
        ("On this occasion we weren\u2019t able to finalise an agreement.", True),
        ("The two delegations failed to agree on herring quotas.", True),
        ("Ministers did not reach a deal on the port fees.", True),
        ("Delegates could not bridge their differences over nets.", True),
        ("The ministers agreed a new quota for cod.", True),
        ("The minister said the talks were hard going.", False),
        ("Fishing crews did not welcome the new rules.", False),
    ],
)
def test_a_result_not_reached_is_a_result(sentence: str, result: bool) -> None:
    assert decided(sentence) is result


def test_a_time_told_from_background_before_it_is_background() -> None:
    article = Article(
        url="https://x.test/fish",
        title="Estria, Norland fail to close fisheries deal",
        paragraphs=(
            "Estria and Norland failed to reach a fisheries agreement on Tuesday after two days "
            "of talks in Ostby, leaving 30% tariffs on frozen fish in place.",
            "Estria imposed the tariffs in March last year after the previous agreement expired. "
            "Norland retaliated with duties on Estrian timber a month later.",
            "Fish exporters in Norland say the tariffs have cost them about 200 million euros.",
        ),
        published=datetime(2026, 6, 3, tzinfo=UTC),
    )
    outcomes = [f.text for f in find_facts(article).outcomes]
    assert not any("a month later" in text for text in outcomes)
    assert any("200 million euros" in text for text in outcomes)


@pytest.mark.parametrize(
    ("text", "timed"),
    [
        ("Norland retaliated with duties on timber a month later.", True),
        ("Two weeks later, the talks collapsed.", True),
        ("The ministry replied the next day.", True),
        ("Norland will reply later this week.", False),
        ("The talks resume after the summer.", False),
    ],
)
def test_a_time_told_from_the_sentence_before(text: str, timed: bool) -> None:
    assert timed_from_the_one_before(text) is timed
