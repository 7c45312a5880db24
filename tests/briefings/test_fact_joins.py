"""A fact told over two sentences reaches one bullet; an over-long sentence loses its last
clause rather than the bullet; a press briefing's hand-over is no news; an earlier accounting
year is background. Made-up reports."""

from __future__ import annotations

from datetime import date

import pytest

from briefings.facts.background import looks_back
from briefings.facts.outcomes import find_facts
from briefings.facts.stance import courteous
from briefings.facts.statements import MAX_WORDS, Statement, shortened
from briefings.model import Article


def _outcomes_of(*paragraphs: str) -> list[str]:
    article = Article(url="https://x.test/a", title="", paragraphs=paragraphs)
    return [f.text for f in find_facts(article).outcomes]


def test_a_sentence_that_names_its_speaker_by_he_joins_the_bullet_before_it_as_written() -> None:
    outcomes = _outcomes_of(
        "Estria's trade minister Ana Ruiz spoke about the fisheries accord on Sunday.",
        "She told Norland radio that the accord was finished and only its wording was still open.",
    )
    assert outcomes[0] == (
        "Estria's trade minister Ana Ruiz spoke about the fisheries accord on Sunday. She told "
        "Norland radio that the accord was finished and only its wording was still open."
    )  # "She" right after the sentence that names her: naming her again reads as a stutter


def test_an_over_long_sentence_loses_its_last_clause_after_and() -> None:
    raw = (
        "The accord records the shared commitment of Norland and Veldt in the fisheries sector "
        "to open their ports, promote fair competition and market-oriented conditions for "
        "trade in fish, uphold strong labour and environmental standards for crews, and "
        "cooperate in efforts to keep stocks of cod and herring secure, transparent and "
        "sustainable for decades."
    )
    short = shortened(Statement(0, 0, raw), MAX_WORDS)
    assert short is not None
    assert short.raw.endswith("uphold strong labour and environmental standards for crews.")


def test_a_short_sentence_keeps_its_last_clause() -> None:
    raw = "Veldt cut its herring quota, and Norland opened two ports."
    assert shortened(Statement(0, 0, raw), MAX_WORDS) == Statement(0, 0, raw)


@pytest.mark.parametrize(
    "sentence",
    [
        "Minister Ruiz, I'll turn it over to you for your opening remarks.",
        "I’ll turn it over to Jon to kick us off.",
        "With that, let’s get started.",
        "I will now hand the floor over to the Commissioner.",
    ],
)
def test_handing_over_the_floor_is_a_courtesy(sentence: str) -> None:
    assert courteous(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "I will turn to the herring quotas now.",
        "Let’s begin talks on ports next week, the minister said.",
        "Norland will hand its proposal to Veldt on Monday.",
    ],
)
def test_what_a_speaker_turns_to_is_no_courtesy(sentence: str) -> None:
    assert not courteous(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "In the 2019/20 fiscal year, the Norland branch lost 24 million crowns.",
        "In the last financial year, the chain closed 62 stores.",
        "Norland and Veldt have traded tariffs since July 6, when Norland raised its duty.",
    ],
)
def test_an_earlier_accounting_year_or_a_state_since_a_day_looks_back(sentence: str) -> None:
    assert looks_back(sentence, date(2020, 8, 16))


def test_the_next_fiscal_year_is_no_look_back() -> None:
    assert not looks_back("The new duty applies in the next fiscal year.", date(2020, 8, 16))


def test_a_briefing_hosts_words_are_no_outcome() -> None:
    outcomes = _outcomes_of(
        "MODERATOR: Greetings from the press centre. Minister Ruiz will discuss her visit to "
        "Lindau where she held talks on the fisheries accord with Norland.",
        "With that, let’s get started. Minister Ruiz, I’ll turn it over to you.",
        "MINISTER RUIZ: Thank you, Jon. Norland and Estria signed the fisheries accord in "
        "Lindau this morning.",
        "The accord cuts cod quotas by 10 percent from March.",
    )
    assert outcomes[0].startswith("Norland and Estria signed the fisheries accord")
    assert not any("will discuss" in o or "turn it over" in o for o in outcomes)


def test_an_over_long_list_after_a_colon_keeps_its_first_item() -> None:
    raw = (
        "Talks on the regional fisheries accord focused this week on four goals: setting the "
        "architecture for quota negotiations, deciding how the accord relates to the older "
        "treaties among the partners, taking up shared issues such as port inspections, crew "
        "safety and other matters that reflect how fleets work today, and preparing text on "
        "every chapter for the third round in October."
    )
    short = shortened(Statement(0, 0, raw), MAX_WORDS)
    assert short is not None
    assert short.raw == (
        "Talks on the regional fisheries accord focused this week on four goals: setting the "
        "architecture for quota negotiations."
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "This is Jon Berg with the Special English program, In the News.",
        "This is Ana Ruiz reporting.",
    ],
)
def test_a_broadcasts_sign_on_is_a_courtesy(sentence: str) -> None:
    assert courteous(sentence)


def test_a_sentence_that_opens_with_this_is_may_tell_news() -> None:
    assert not courteous("This is Norland's biggest trade deal in a decade.")
    assert not courteous("This is Canada for the first time in a decade.")


def test_a_sentence_after_a_colon_is_no_list_to_keep_the_first_item_of() -> None:
    raw = (
        "At the ministry's weekly briefing on the same day, a reporter asked: Norland issued a "
        "statement on Tuesday, once again calling on Estria to make the first move and saying "
        "that the ball was in Estria's court, that the quotas had to go and that talks could "
        "only resume once the levy on Norland's herring was lifted in full."
    )
    short = shortened(Statement(0, 0, raw), MAX_WORDS)
    assert short is None or not short.raw.endswith("on Tuesday.")
