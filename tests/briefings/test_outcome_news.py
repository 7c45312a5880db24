"""Outcomes lead with the report's news: what came before it (an earlier month in a report
with no date, an earlier statement the news "came after", what a background sentence goes
on with) and sentences that tell nothing (a stance avowed, no comment had) are left out."""

from __future__ import annotations

from briefings.facts.background import (
    in_a_month_before_the_lede,
    looks_back,
    months_named,
    on_an_earlier_day,
)
from briefings.facts.outcomes import find_facts
from briefings.facts.stance import a_stance, avows, says_nothing, tells_a_result
from briefings.facts.statements import Statement
from briefings.facts.tenses import goes_on_from_the_one_before
from briefings.model import Article


def _outcomes_of(*paragraphs: str, title: str = "") -> list[str]:
    article = Article(url="https://x.test/a", title=title, paragraphs=paragraphs)
    return [f.text for f in find_facts(article).outcomes]


def _statement(text: str) -> Statement:
    return Statement(paragraph=2, order=3, raw=text)


def test_the_months_a_lede_names() -> None:
    assert months_named("Norland and Sudland agreed to extend the truce until 10 November") == {11}
    assert months_named("Exports rose 4% last month, data showed") == frozenset(range(1, 13))
    assert months_named("The ministers met on Monday") == frozenset()


def test_an_earlier_month_of_an_undated_report_is_before_its_news() -> None:
    lede = months_named("Norland and Sudland agreed on Monday to extend their truce to November")
    assert in_a_month_before_the_lede(
        _statement("Tensions rose in April when Norland raised duties on steel."), lede
    )
    assert not in_a_month_before_the_lede(
        _statement("Norland raised duties on steel in November as well."), lede
    )
    assert not in_a_month_before_the_lede(
        _statement("A further round of talks is expected in April."), lede
    )
    assert not in_a_month_before_the_lede(
        _statement("Duties rose in April 2019 and fell again."), lede
    )  # a year: judged by ``looks_back``


def test_an_undated_report_leaves_out_what_happened_in_an_earlier_month() -> None:
    outcomes = _outcomes_of(
        "Norland and Sudland have agreed to extend their tariff truce by 90 days, hours before "
        "higher duties were due to take effect.",
        "The two governments said in a joint statement that duties would stay at 20 percent "
        "on grain and 10 percent on machinery.",
        "Tensions flared in March when Norland imposed sweeping duties on Sudland's exports.",
        "A partial accord in May cut some of those duties after talks in Lisbon.",
        "Norland's prime minister signed an order to prolong the pause on Monday.",
    )
    assert not any("March" in o or "May" in o for o in outcomes)
    assert any("prolong the pause" in o for o in outcomes)


def test_a_month_the_lede_names_is_the_news() -> None:
    outcomes = _outcomes_of(
        "Norland's exports fell 4 percent in April from a year earlier, the statistics office "
        "said on Tuesday.",
        "Imports of machinery fell 9 percent in April, the office said in its monthly report.",
    )
    assert any("Imports of machinery" in o for o in outcomes)


def test_what_the_news_came_after_someone_said_is_background() -> None:
    text = (
        "The talks came after the council's president said the two sides were approaching a "
        "moment of decision."
    )
    assert looks_back(text, None)
    assert not looks_back("The collapse came after ministers rejected the final offer.", None)


def test_a_past_perfect_of_an_earlier_round_is_background() -> None:
    assert looks_back(
        "The ninth round, held earlier in Lisbon, had seen limited progress on farm goods.", None
    )


def test_days_between_two_dates_belong_to_a_thing() -> None:
    statement = _statement(
        "The tenth round, held in Lisbon between Oct. 6 and Oct. 10, covered 12 chapters."
    )
    assert not on_an_earlier_day(statement, None, True)


def test_a_sentence_that_goes_on_with_the_one_before() -> None:
    assert goes_on_from_the_one_before("Members also recognized that farm aid should fall.")
    assert goes_on_from_the_one_before("The two sides also signed a pact on fishing.")
    assert not goes_on_from_the_one_before("The ministry also said that talks would resume.")
    assert not goes_on_from_the_one_before("Norland agreed to cut duties.")


def test_what_a_background_sentence_goes_on_with_is_background_too() -> None:
    outcomes = _outcomes_of(
        "Delegates of the 40 member states met in Lisbon on Tuesday and backed a new work plan "
        "for the fish talks running to December.",
        "The chair said every delegation had spoken in support of the plan.",
        "At the conference in Lisbon in June 2017, members agreed to keep talking on fish aid. "
        "Members also recognized that poorer members should get longer to comply.",
    )
    assert not any("also recognized" in o for o in outcomes)
    assert any("work plan" in o for o in outcomes)


def test_a_stance_avowed_says_nothing() -> None:
    assert avows("Both negotiating teams are fully committed to the task at hand.")
    assert avows(
        "The envoy emphasised the shared determination of both sides to move the talks forward."
    )
    assert not avows("The partners are committed to continuing work toward a final text.")
    assert not avows("The bloc is committed to a deal before the summit next year.")
    assert not avows("The ministry is committed to the plan and is now publishing its offers.")
    assert not avows("Ministers reaffirmed their commitment to the rules-based system.")


def test_no_comment_had_says_nothing() -> None:
    assert says_nothing("A spokesperson for the ministry declined to comment on the talks.")
    assert says_nothing("The ambassador could not be reached for comment.")
    assert not says_nothing(
        "Reporters asked the president about it that day, but he declined to comment."
    )


def test_a_bullet_that_says_nothing_is_left_out() -> None:
    outcomes = _outcomes_of(
        "Talks between Norland and Sudland on a trade pact have made substantial headway, the "
        "Sudland envoy said on Friday.",
        "The envoy said the sixth round of talks had covered 14 chapters.",
        "Both negotiating teams are fully committed to the task at hand.",
        "A spokesperson for the Norland trade ministry declined to comment on the talks.",
    )
    assert not any("fully committed" in o or "comment" in o for o in outcomes)


def test_a_caption_and_a_pointer_to_more_say_nothing() -> None:
    assert says_nothing(
        "Norland's trade minister Ana Silva, left, and Sudland's envoy Tom Berg, centre, at "
        "the signing ceremony in Lisbon (AP)"
    )
    assert says_nothing(
        "For more from Monday's council meeting, see the full video and the live posts below."
    )
    assert says_nothing("Read the draft budget here.")
    assert not says_nothing("Readers of the draft found the tariff cuts smaller than promised.")
    assert not says_nothing("The council approved the budget (5-0) on Monday.")


def test_a_worth_told_with_a_few_words_between_is_a_stance() -> None:
    assert a_stance(
        "Passing the budget is easily the single most important duty the council has each year."
    )


def test_a_lede_that_tells_a_worth_hands_on_to_the_news() -> None:
    outcomes = _outcomes_of(
        "Passing the budget is easily the single most important duty the council has each year.",
        "In a 5-0 vote on Monday, the council approved a $39.1 million budget for next year.",
    )
    assert outcomes[0].startswith("In a 5-0 vote")


def test_a_judgement_of_the_news_as_a_sign_is_a_reaction_not_a_result() -> None:
    assert not tells_a_result(
        "The Norland minister said the extended talks were \u201ca very good sign\u201d a deal "
        "can be done."
    )
    assert tells_a_result("The minister said the talks ended with a deal on grain duties.")
