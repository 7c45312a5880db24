from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from briefings.facts.background import looks_back, on_an_earlier_day
from briefings.facts.cues import (
    HOPE_CUE,
    NEXT_CUE,
    OUTCOME_CUE,
    cue_count,
    next_or_hope,
    speculates,
)
from briefings.facts.meetings import find_meeting
from briefings.facts.outcomes import find_facts
from briefings.facts.pointers import points_back
from briefings.facts.statements import Statement, statements
from briefings.facts.worth import outcome_score
from briefings.model import Article
from briefings.reading.sentences import sentences
from tests.wikinews import articles

PUBLISHED = datetime(2025, 6, 7, tzinfo=UTC)


def _facts(*paragraphs: str) -> tuple[list[str], list[str]]:
    article = Article(url="https://x.test/a", title="", paragraphs=paragraphs, published=PUBLISHED)
    facts = find_facts(article, "Akazawa")
    assert all(f.source_url == "https://x.test/a" for f in facts.outcomes + facts.next)
    return [f.text for f in facts.outcomes], [f.text for f in facts.next]


def test_lede_is_the_first_outcome_without_dateline_or_attribution() -> None:
    outcomes, _ = _facts(
        "WASHINGTON--Japan and the United States failed to find common ground in their fifth "
        "round of talks, according to Japan’s top negotiator Ryosei Akazawa.",
    )
    assert outcomes == [
        "Japan and the United States failed to find common ground in their fifth round of talks."
    ]


def test_negations_stay_explicit() -> None:
    outcomes, _ = _facts(
        "Ministers met in Paris on Monday.",
        "The two sides did not reach an agreement on tariffs.",
    )
    assert "The two sides did not reach an agreement on tariffs." in outcomes


def test_meeting_with_pronoun_subject_and_durations() -> None:
    outcomes, _ = _facts(
        "The talks ended on Friday.",
        "This time around, he met with U.S. Treasury Secretary Scott Bessent for 45 minutes and "
        "then with Commerce Secretary Howard Lutnick for 1 hour and 50 minutes.",
        "Akazawa also met with Lutnick for 1 hour and 50 minutes the day before.",
    )
    assert outcomes[1] == (
        "Akazawa met U.S. Treasury Secretary Scott Bessent for 45 minutes and Commerce Secretary "
        "Howard Lutnick for 1 hour and 50 minutes."
    )
    assert len(outcomes) == 2  # the repeat meeting with Lutnick is not a second bullet


def test_next_steps_with_dates_and_schedules() -> None:
    _, nexts = _facts(
        "The talks ended without a deal on Friday.",
        "The leaders are scheduled to meet at the G7 summit in Canada on June 15-17.",
        "The talks began on May 2 after weeks of delay.",
        "Officials said the economy could suffer.",
    )
    assert nexts == ["The leaders are scheduled to meet at the G7 summit in Canada on June 15-17."]


def test_quotes_are_not_outcomes() -> None:
    outcomes, nexts = _facts(
        "The council voted to close the plant.",
        '"We will never agree to this deal," the mayor said.',
    )
    assert outcomes == ["The council voted to close the plant."]
    assert nexts == []


def test_find_meeting() -> None:
    meeting = find_meeting("She met with Foreign Minister Taro Kono for two hours.", "Lee")
    assert meeting is not None
    assert meeting.sentence() == "Lee met Foreign Minister Taro Kono for two hours."
    assert find_meeting("The panel met on Monday.", "Lee") is None


def test_one_scan_finds_next_steps_and_hopes_as_the_two_patterns_do() -> None:
    sentences = [s.raw for a in articles() for s in statements(a.paragraphs)]
    sentences += ["They are set to be held in May.", "A casino deal meets rules.", "Intends."]
    for text in sentences:
        cue, hope = next_or_hope(text)
        assert cue == (NEXT_CUE.search(text) is not None), text
        if not cue:
            assert hope == (HOPE_CUE.search(text) is not None), text


def test_what_is_yet_to_be_fixed_needs_its_own_time() -> None:
    _, steps = _facts(
        "Negotiators from Estria and Norrvik ended their fourth round of talks in Oslo on Friday.",
        "The exact dates of the ministers' visit are yet to be confirmed by both governments.",
        "The date of the signing ceremony is yet to be set, but it will be held next month.",
    )
    assert steps == [
        "The date of the signing ceremony is yet to be set, but it will be held next month."
    ]


# -- the news first: made-up reports, one rule each ---------------------------------------


def _outcomes_of(*paragraphs: str, title: str = "", quoted: tuple[str, ...] = ()) -> list[str]:
    article = Article(url="https://x.test/a", title=title, paragraphs=paragraphs)
    return [f.text for f in find_facts(article, "", None, quoted).outcomes]


def test_the_best_five_bullets_are_chosen_by_worth_not_by_place() -> None:
    outcomes = _outcomes_of(
        "Estria and Norrvik signed a fisheries agreement in Oslo on Monday.",
        "The weather in Oslo was mild for the season, with light winds from the south.",
        "The hotel hosted a dinner for the delegations after the talks had ended.",
        "Some journalists waited outside the building for most of the afternoon.",
        "Reporters were shown around the old harbour before the talks began.",
        "Under the agreement, Norrvik cut its tariff on Estrian salmon to 5 percent and "
        "Estria lifted its ban on Norrvik crab.",
    )
    assert len(outcomes) <= 5
    assert outcomes[-1].startswith("Under the agreement, Norrvik cut its tariff")


def test_a_sentence_that_adds_names_and_numbers_beats_one_that_repeats() -> None:
    outcomes = _outcomes_of(
        "Estria and Norrvik signed a fisheries agreement in Oslo on Monday after two years "
        "of talks.",
        "The fisheries agreement between Estria and Norrvik was signed in Oslo after two "
        "years of talks on fisheries.",
        "Ministers Anna Berg and Olav Lind agreed quotas of 40,000 tonnes for 2026.",
        "The fisheries talks in Oslo were the talks on the fisheries agreement.",
        "Officials said the fisheries agreement signed in Oslo ended two years of talks.",
        "Observers noted that fisheries in the region matter to both countries.",
        "The talks were held in a conference hall near the station.",
        "Delegates ate lunch together before the signing ceremony took place.",
    )
    assert "Ministers Anna Berg and Olav Lind agreed quotas of 40,000 tonnes for 2026." in (
        outcomes
    )


def test_an_outcome_need_not_say_again_what_a_quote_says() -> None:
    paragraphs = (
        "Estria and Norrvik signed a fisheries agreement in Oslo on Monday.",
        "The minister said the cod quotas were a fair deal for the fishermen of both nations.",
        "Inspectors from both countries will share data on catches at the ports.",
        "Vessels from each fleet can land their catch in the other's harbours.",
        "A joint committee chaired by Olav Lind settles disputes over licences.",
        "Fishermen's unions in Bergen and Tromso welcomed the text.",
        "Exporters expect lower costs for shipping fresh fish to Estrian markets.",
    )
    assert any("fair deal" in o for o in _outcomes_of(*paragraphs))
    quoted = ("The cod quotas are a fair deal for the fishermen of both nations",)
    assert not any("fair deal" in o for o in _outcomes_of(*paragraphs, quoted=quoted))


def test_words_of_a_stance_weigh_against_an_outcome() -> None:
    outcomes = _outcomes_of(
        "Estria and Norrvik signed a fisheries agreement in Oslo on Monday.",
        "Trade remains vital and important to the shared prosperity of both nations.",
        "Both governments reaffirmed their strong commitment to sustainable and inclusive growth.",
        "The agreement sets cod quotas for each country from next year.",
        "The treaty also ends a dispute over the boundary between their waters.",
        "The talks were chaired by a mediator from Iceland.",
        "Inspectors from both sides will check the catches at the ports.",
    )
    assert not any("vital" in o or "commitment" in o for o in outcomes)


def test_a_hedge_is_no_outcome() -> None:
    outcomes = _outcomes_of(
        "Estria and Norrvik signed a fisheries agreement in Oslo on Monday.",
        "The agreement is widely considered the most important deal of the decade.",
    )
    assert outcomes == ["Estria and Norrvik signed a fisheries agreement in Oslo on Monday."]


def test_thanks_and_a_list_number_are_no_lede() -> None:
    outcomes = _outcomes_of(
        "Thank you, minister, for your kind words and for your welcome.",
        "1.",
        "Today we concluded the second round of talks on a fisheries agreement.",
    )
    assert outcomes == ["Today we concluded the second round of talks on a fisheries agreement."]


def test_a_list_lead_in_is_no_bullet() -> None:
    outcomes = _outcomes_of(
        "Estria and Norrvik signed a fisheries agreement in Oslo on Monday.",
        "In particular, the new agreement:",
        "Sets cod quotas of 40,000 tonnes for each country from next year.",
    )
    assert "In particular, the new agreement:" not in outcomes


def test_a_sentence_that_points_back_joins_its_bullet() -> None:
    outcomes = _outcomes_of(
        "Estria and Norrvik signed an amendment to their fisheries agreement on Monday.",
        "This amendment extends the agreement through 2040.",
    )
    assert outcomes == [
        "Estria and Norrvik signed an amendment to their fisheries agreement on Monday. "
        "This amendment extends the agreement through 2040."
    ]


def test_a_long_sentence_loses_its_elaborating_tail() -> None:
    outcomes = _outcomes_of(
        "Estria and Norrvik signed a fisheries agreement in Oslo on Monday.",
        "Ministers Berg and Lind agreed to continue their work on the roadmap for a renewed "
        "partnership, to ensure the resilience of supply chains and to support a strong, "
        "sustainable and inclusive recovery for workers and industry on both sides of the "
        "border and across the wider region for years to come.",
    )
    assert outcomes[1] == (
        "Ministers Berg and Lind agreed to continue their work on the roadmap for a renewed "
        "partnership."
    )


def test_an_opening_phrase_goes_on_after_a_comma_before_and() -> None:
    outcomes = _outcomes_of(
        "Recognizing the importance of an open and predictable environment for fisheries and "
        "ports, and the role this plays in the growth of the coastal provinces of both "
        "countries, the coordinators of Estria and Norrvik met in Tallvik on March 3-4, 2016, "
        "to review progress since the meeting of their ministers in Oslo in the autumn of the "
        "year before, under the fisheries and ports agreement the two countries signed in 1991.",
    )
    assert outcomes[0].startswith("The coordinators of Estria and Norrvik met in Tallvik")


def test_a_long_lede_loses_who_chaired_the_meeting() -> None:
    outcomes = _outcomes_of(
        "1. Trade ministers of the six coastal provinces met in the council chamber of the "
        "old harbour hall in Tallvik, the capital of Estria, on 4 March 2016 for the second "
        "meeting of the Provincial Council on Fisheries and Ports (the Council) chaired by the "
        "Estrian Minister for Trade and Fisheries and Deputy Prime Minister of the Republic of "
        "Estria, the Honourable Ana Lindqvist.",
    )
    assert outcomes[0].endswith("Fisheries and Ports (the Council).")


@pytest.mark.parametrize(
    ("sentence", "background"),
    [
        ("The committee discussed the 898 amendments that have been submitted.", False),
        ("The airline, which has been sanctioned since then, kept flying.", True),
        ("They affirmed the understanding reached in June 2021 and agreed to meet.", False),
        ("Building on talks in February 2018, the ministers agreed to launch negotiations.", False),
        ("The statement was issued Monday, following virtual talks last week.", False),
        ("The talks were launched in late 2001.", True),
        ("Trump and Kenyatta agreed to pursue trade negotiations in February 2020.", True),
        ("The quota will be no higher than 15% starting in 2021.", False),
        ("Britain voted on June 23, 2016, to leave the European Union.", True),
        ("China overtook the United States as the largest partner more than a decade ago.", True),
        ("Prior to the amendment, the agreement allowed imports of 20%.", True),
        ("Today's action stems from a request by the growers.", True),
        ("Norland had opposed a push by Veldt to protect its dairy farmers.", True),
        ("Earlier rounds failed because Veldt had rejected any cut to its quotas.", True),
        ("The envoys had urged both sides to compromise before the vote.", True),
        ("Norland opposed a push by Veldt on Monday to protect its dairy farmers.", False),
        ("Veldt rejected any cut to its quotas and walked out.", False),
        ("The text is unchanged from a draft released for public comment on June 2, 2020.", False),
        ("The accord signed on 17 March 2019 enters into force today.", False),
        ("The two sides signed the accord on 17 March 2019.", True),
        ("The quota deal was released on June 2, 2020.", True),
        ("Norland signed on 17 March 2019.", True),
        ("At least 90% of the draft mandate has been adopted without debate.", False),
        ("Several chapters have already been finalised, including customs.", False),
        ("The accord takes effect only if it has been approved by both parliaments.", True),
        ("The harbour has been the subject of a dispute for a decade.", True),
    ],
)
def test_what_came_before_the_report_is_background(sentence: str, background: bool) -> None:
    assert looks_back(sentence, date(2020, 7, 8)) is background


@pytest.mark.parametrize(
    ("sentence", "guess"),
    [
        ("MEPs will vote on two proposals that would eliminate most tariffs.", False),
        ("The group gave assurances that no foreign fighters would be allowed in.", False),
        ("Watson said he would only vote for the deal in a referendum.", False),
        ("The UK would prefer a negotiated outcome on the protocol.", False),
        ("The deal would cut tariffs on cars.", True),
        ("The deal would cut tariffs on cars to 15%.", False),
        ("Under the deal, duties on Estrian wine would be phased out over five years.", False),
        ("Under the deal, duties would be phased out if Norrvik ratifies it.", True),
        ("If talks fail, the deal would collapse and tariffs would rise to 25%.", True),
        ("The deal may cut tariffs on cars.", True),
    ],
)
def test_would_in_a_relative_or_reported_clause_is_no_guess(sentence: str, guess: bool) -> None:
    assert speculates(sentence) is guess


def test_a_schedule_is_one_next_step() -> None:
    _, steps = _facts(
        "Parliament votes next week on the fisheries agreement between Estria and Norrvik.",
        "The agreement removes almost all duties on fish within five years.",
        "Debate: Tuesday, 10 June",
        "Vote: Wednesday, 11 June",
    )
    assert steps == ["Debate: Tuesday, 10 June; Vote: Wednesday, 11 June"]


def test_a_step_ahead_joined_to_a_look_back_is_a_next_step() -> None:
    _, steps = _facts(
        "Parliament votes on Tuesday on its consent to the agreement.",
        "To minimise disruption, the agreement has been applied since 1 January and will "
        "lapse on 30 June.",
    )
    assert steps == [
        "To minimise disruption, the agreement has been applied since 1 January and will "
        "lapse on 30 June."
    ]


def test_the_articles_own_clause_beside_a_quote_is_a_statement() -> None:
    found = statements(
        (
            "Estria banned Norrvik's fishing fleet from its waters on Monday.",
            "Following the vote, a spokeswoman said Norrvik was disappointed by the "
            'decision: "We urge the leaders of Estria to reconsider the ban on our fishing '
            'fleet and to come back to the table."',
            'The minister said it was possible "that the fleet broke the rules of the '
            'fishing zone more than once in the past few months," and the ban followed talks '
            "within the region.",
        )
    )
    assert [s.text for s in found] == [
        "Estria banned Norrvik's fishing fleet from its waters on Monday.",
        "Following the vote, a spokeswoman said Norrvik was disappointed by the decision.",
        "The ban followed talks within the region.",
    ]


def test_his_excellency_ends_no_sentence() -> None:
    text = "Abe, together with H.E. Mr. Donald Tusk, will sign it. The summit is in Tokyo."
    assert sentences(text) == [
        "Abe, together with H.E. Mr. Donald Tusk, will sign it.",
        "The summit is in Tokyo.",
    ]


def test_one_scan_counts_cues_and_tells_guesses_as_the_two_searches_do() -> None:
    sentences = [s.raw for a in articles()[::2] for s in statements(a.paragraphs)]
    sentences += [
        "It may be agreed.",
        "No deal was reached, it is unclear why.",
        "They agreed on rules that would cut tariffs, and signed the deal.",
        "He said he would prefer a deal that was signed and approved.",
        "The deal is widely regarded as a failure, officials said.",
    ]
    for text in sentences:
        expected = None if speculates(text) else len(OUTCOME_CUE.findall(text))
        assert cue_count(text) == expected, text


def test_a_lede_that_tells_only_what_is_to_come_is_a_next_step() -> None:
    outcomes, nexts = _facts(
        "On Thursday, trade ministers of Norland and Aldoria will sign the customs annex "
        "agreed in Lindau last month.",
        "The annex cuts the tariff on machine parts to 5 % from 12 %, officials said.",
    )
    assert nexts[0].startswith("On Thursday, trade ministers of Norland and Aldoria will sign")
    assert outcomes == ["The annex cuts the tariff on machine parts to 5 % from 12 %."]


def test_a_lede_that_reports_first_stays_an_outcome() -> None:
    outcomes, nexts = _facts(
        "Norland and Aldoria agreed on Friday to cut car tariffs and will sign the deal on "
        "Thursday in Lindau, officials said.",
        "The tariff on cars falls to 15 % from 25 %, under the text seen by reporters.",
    )
    assert outcomes[0].startswith("Norland and Aldoria agreed on Friday")
    assert not any(n.startswith("Norland and Aldoria agreed") for n in nexts)


def test_a_stance_in_the_ledes_place_hands_the_lede_on() -> None:
    outcomes = _outcomes_of(
        "Norland is committed to securing strong, progressive and inclusive trade ties in "
        "fast-growing markets.",
        "Today, in Lindau, Trade Minister Ana Berg welcomed the decision to open talks on a "
        "customs agreement with Aldoria.",
        "Aldoria cut its tariff on machine parts to 5 % from 12 % and lifted its steel quota.",
        "Norland rejected a call to cut dairy tariffs, and the two sides failed to agree on fish.",
        "The ministers signed a side letter on rules of origin and approved 3 work plans.",
        "Aldoria confirmed it had suspended 2 anti-dumping cases and withdrew a third.",
        "The committee decided to publish the 40-page text and announced 2 expert groups.",
    )
    assert outcomes[0].startswith("Today, in Lindau, Trade Minister Ana Berg welcomed")
    assert not any(o.startswith("Norland is committed") for o in outcomes)


def test_a_list_of_who_acted_with_the_subject_gives_way_to_the_verb() -> None:
    outcomes = _outcomes_of(
        "Estria and Norrvik opened customs talks in Oslo on Monday.",
        "Building on exploratory talks in May, Minister Lee, along with regional trade "
        "ministers Ana Ruiz, Estria's Minister of Foreign Affairs and Trade; Bo Berg, "
        "Norrvik's Minister of Industry, Energy and Trade; Kim Sol, Aldoria's Minister of "
        "Foreign Affairs; Eli Vos, Ostmark's Minister of Economy; and Tam Oy, Velland's "
        "Minister of Trade, agreed to launch formal "
        "negotiations.",
    )
    assert outcomes[1] == (
        "Minister Lee and regional trade ministers agreed to launch formal negotiations."
    )


def test_the_meeting_points_back_to_a_sentence_that_says_met() -> None:
    outcomes = _outcomes_of(
        "The joint trade committee met on 25 May by video conference.",
        "The meeting was chaired by Trade Minister Ana Berg.",
    )
    assert outcomes == [
        "The joint trade committee met on 25 May by video conference. "
        "The meeting was chaired by Trade Minister Ana Berg."
    ]


def test_years_since_is_background() -> None:
    assert looks_back("It is three years since the two sides last sat down in Lindau.", None)


def test_a_time_that_opens_a_sentence_is_a_time() -> None:
    _, nexts = _facts(
        "Negotiators closed the third round of talks in Lindau on Friday.",
        "By the end of the round, the two sides will have exchanged offers on all chapters.",
    )
    assert nexts == [
        "By the end of the round, the two sides will have exchanged offers on all chapters."
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "The council ordered three days of mourning.",
        "The ministers adopted a joint communique and endorsed the work plan.",
        "Norland postponed the vote and resumed talks with Aldoria.",
        "The second round of talks concluded in Lindau.",
        "Aldoria pledged to lower its duties and promised a new quota.",
        "In this regard, the ministers identified three areas needing urgent work.",
        "But a number of difficult issues remained.",
        "Stumbling blocks include herring quotas and port fees.",
        "The main sticking point is access to Lindau harbour.",
        "Duties on cheese are still unresolved.",
    ],
)
def test_news_verbs_are_outcome_cues(sentence: str) -> None:
    assert cue_count(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The harbour of Lindau is the oldest in the region.",
        "Delegates spent the evening at a concert in the old town.",
        "Stumbling over the figures, the spokesman paused.",
    ],
)
def test_sentences_of_no_result_hold_no_outcome_cue(sentence: str) -> None:
    assert cue_count(sentence) == 0


def test_progress_told_as_done_is_an_outcome_and_an_aim_is_not() -> None:
    from briefings.facts.cues import cue_count

    assert cue_count("Delegates made good progress on rules of origin.") == 1
    assert cue_count("Progress was also made on the customs chapter.") == 1
    assert cue_count("Talks progressed on services but not on cars.") == 1
    assert cue_count("She highlighted the progress made on the fisheries chapter.") == 1
    assert cue_count("Negotiators sought to make progress on the legal texts.") == 0


def test_could_not_tells_what_failed_rather_than_a_guess() -> None:
    from briefings.facts.cues import cue_count, speculates

    assert not speculates("The talks could not produce a consensus on farm tariffs.")
    assert cue_count("The talks could not produce a consensus on farm tariffs.") == 0
    assert speculates("The talks could produce a consensus on farm tariffs.")


def test_a_long_sentence_loses_its_opening_cause_rather_than_being_dropped() -> None:
    from briefings.facts.statements import MAX_WORDS, Statement, shortened

    raw = (
        "Since the old treaty did not remove every duty on farm trade between Norland and "
        "Estria, the new accord will open markets for Norland exports to Estria of cheese, "
        "apples and grain, and in exchange Norland will give new access to some Estrian "
        "butter, nuts and a limited amount of sugar."
    )
    short = shortened(Statement(0, 1, raw), MAX_WORDS)
    assert short is not None
    assert short.raw.startswith("the new accord will open markets for Norland exports")


def test_a_speech_opening_with_thanks_leads_with_what_happened() -> None:
    outcomes, _ = _facts(
        "Thank you, Minister Holm, for your warm welcome.",
        "It is a great pleasure to be here in Lindau. You are a wonderful host.",
        "Trade between our countries has never been more important to our workers.",
        "This morning our ministers signed a customs accord that removes duties on machine parts.",
    )
    assert (
        "This morning our ministers signed a customs accord that removes duties on machine parts."
    ) in outcomes
    assert not any("pleasure" in o or "wonderful host" in o for o in outcomes)


@pytest.mark.parametrize(
    "sentence",
    [
        "Thank you, Minister, for your warm welcome.",
        "It is a great pleasure to be here.",
        "It’s an honour to join you today.",
        "Good morning, everyone.",
        "Let me begin by thanking our hosts.",
        "Allow me to express my gratitude to the organisers.",
        "First of all, I would like to thank the Chair.",
        "I am delighted to be back in Estria.",
        "You are a fantastic partner.",
        "But most importantly, I have to thank our partners for travelling here.",
        "Excellencies, ladies and gentlemen,",
        "On behalf of the government of Norland, I thank you for coming.",
        "MODERATOR: Good morning, everyone.",
        "This will be an on-the-record briefing, embargoed until the end of the call.",
        "By joining this call, you are agreeing to these ground rules.",
        "With that, I will hand it over to Minister Ruiz.",
    ],
)
def test_thanks_greetings_and_compliments_are_courtesies(sentence: str) -> None:
    from briefings.facts.stance import courteous

    assert courteous(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The ministers thanked Estria for hosting the round.",
        "Norland welcomed the agreement reached on Tuesday.",
        "It is a deal that removes duties on cheese.",
        "Youth unemployment fell to 9 percent.",
        "This is a deal on tariffs for cheese.",
    ],
)
def test_reports_of_thanks_are_no_courtesies(sentence: str) -> None:
    from briefings.facts.stance import courteous

    assert not courteous(sentence)


def test_a_statement_label_ending_in_a_colon_hands_the_lede_on() -> None:
    outcomes, _ = _facts(
        "Lindau - Statement by Trade Minister Ana Ruiz on the Lindau round:",
        "Norland is deeply disappointed with the outcome of this week's round.",
        "For the past six years we have pursued a deal that would open farm markets to trade.",
        "This week's talks could not produce a consensus on tariffs for manufactured goods.",
    )
    assert outcomes[0] == "Norland is deeply disappointed with the outcome of this week's round."
    assert not any(o.startswith("For the past six years") for o in outcomes)


def test_what_a_thing_is_worth_is_a_stance_not_an_outcome() -> None:
    outcomes, _ = _facts(
        "Open trade is key to a lasting recovery from the downturn in the region.",
        "Such cooperation is also an important part of the response to the blockade of Estria.",
        "Minister Ruiz took part in the meeting of trade ministers in Lindau on Tuesday.",
        "She highlighted the progress made on the update of the Norland-Estria trade accord.",
    )
    assert outcomes[0].startswith("Minister Ruiz took part in the meeting")
    assert not any("important part" in o or "key to" in o for o in outcomes)


def test_what_set_the_news_off_is_told_with_it_and_a_deadline_is_no_look_back() -> None:
    today = date(2021, 5, 3)
    assert not looks_back("The collapse came after ministers rejected the draft.", today)
    assert not looks_back("The move, called a recess, came after a motion failed.", today)
    assert looks_back("It comes after ministers rejected the draft.", today)
    assert looks_back("The move comes after Norland imposed duties earlier in the month.", today)
    # The report's year unknown: a deadline's year is still to come.
    assert not looks_back("They rejected a framework for an accord by the end of 2004.", None)
    assert looks_back("Duties on cheese rose in 2004.", None)


def test_a_speech_lede_tells_what_happened_not_what_the_day_will_bring() -> None:
    from briefings.facts.stance import tells_an_event

    assert tells_an_event("Today Norland and Estria reached a truce in their ship dispute.")
    assert not tells_an_event("Photographs will be taken at the conclusion of the meeting.")
    assert not tells_an_event("Trade between our two countries has never been more important.")


def test_a_sentence_that_points_back_is_shown_with_what_it_points_back_to() -> None:
    outcomes = _outcomes_of(
        "Estria and Norrvik signed a fisheries agreement in Oslo on Monday.",
        "The weather in Oslo was mild for the season, with light winds from the south.",
        "The Estrian minister backed the priorities of the Norrvik presidency.",
        "These include cheaper port licences, shared catch data and joint patrols.",
    )
    assert (
        "The Estrian minister backed the priorities of the Norrvik presidency. These include "
        "cheaper port licences, shared catch data and joint patrols." in outcomes
    )
    assert not any(o.startswith("These") for o in outcomes)


def test_a_sentence_that_points_back_to_what_is_not_shown_is_left_out() -> None:
    outcomes, _ = _facts(
        "Estria and Norrvik signed a fisheries agreement in Oslo on Monday.",
        "Norrvik lifted its ban on Estrian crab.",
        "In March 2018, the two countries reached a political understanding on quotas.",
        "These were set out in detail in a joint statement announcing a framework agreement.",
    )
    assert outcomes == [
        "Estria and Norrvik signed a fisheries agreement in Oslo on Monday.",
        "Norrvik lifted its ban on Estrian crab.",
    ]


def test_a_sentence_that_points_back_too_far_to_join_follows_its_own_bullet() -> None:
    lede = (
        "Estria and Norrvik signed a fisheries agreement in Oslo on Monday after two days of "
        "talks between their trade ministers, their fisheries ministers, the port authorities "
        "of both countries and the unions of the northern fleets."
    )
    sequel = (
        "They agreed to cut the tariff on Estrian salmon to 5 percent, to lift the ban on "
        "Norrvik crab and to share the data of every catch landed in either country."
    )
    outcomes = _outcomes_of(lede, sequel)
    assert outcomes == [lede, sequel]


@pytest.mark.parametrize(
    ("sentence", "points"),
    [
        ("These include cheaper port licences.", True),
        ("They reviewed the protocol.", True),
        ("Such checks will be shared.", True),
        ("The move came after talks failed.", True),
        ("It welcomes the agreement.", True),
        ("It is expected that the quotas will rise.", False),
        ("It took seven years to complete the deal.", False),
        ("This week the ministers met in Oslo.", False),
        ("The ministers met in Oslo.", False),
    ],
)
def test_what_points_back(sentence: str, points: bool) -> None:
    assert points_back(sentence) is points


def test_this_noun_the_headline_names_points_back_to_the_headline() -> None:
    assert points_back("This agreement removes most duties.")
    assert not points_back("This agreement removes most duties.", {"agree", "fishe"})


@pytest.mark.parametrize(
    ("sentence", "background"),
    [
        ("Twenty-four hours ago, there were fears that the talks would fail.", True),
        ("Two weeks ago, the talks broke down in Geneva.", True),
        ("A year ago, the two sides were far apart on quotas.", True),
        ("Earlier this week, the ministers met in Oslo.", True),
        ("Two hours ago, the ministers signed the agreement.", False),
        ("Exports of salmon rose 5 percent from a year ago.", False),
        ("Prices are higher than two years ago.", False),
    ],
)
def test_a_time_counted_back_from_the_report_is_background(sentence: str, background: bool) -> None:
    assert looks_back(sentence, date(2020, 7, 8)) is background


def test_a_scene_with_no_result_is_no_outcome() -> None:
    outcomes = _outcomes_of(
        "Estria and Norrvik signed a fisheries agreement in Oslo on Monday.",
        "While ministers talk inside the harbour hall, fishermen are gathering at the quay.",
        "The accord covers cod, haddock and herring in the northern waters.",
        "Trawlers from each fleet now land their catch in the other's harbours.",
        "A joint committee settles disputes over fishing licences.",
        "Inspectors from both countries share the records of every catch.",
    )
    assert len(outcomes) == 5
    assert not any(o.startswith("While") for o in outcomes)


def test_a_clause_that_only_introduces_a_quote_is_no_outcome() -> None:
    outcomes, _ = _facts(
        "Harbour ministers approved the new fishing accord for the northern coast on Friday.",
        "The northern coast's chief fisheries negotiator Lena Vossberg said: \"Now it is time "
        'for everyone to keep the quotas."',
        'Fleet owners in Tarnby welcomed the new accord, saying: "We can plan the whole '
        'season at last, and the boats can go out together."',
    )
    assert not any(o.rstrip(".").endswith(("said", "saying")) for o in outcomes)
    assert any(o == "Fleet owners in Tarnby welcomed the new accord." for o in outcomes)


def test_a_meeting_named_by_last_month_is_background() -> None:
    assert looks_back("The two envoys met in Geneva last March to avert a tariff war.", None)
    assert not looks_back("The two envoys met in Geneva to avert a tariff war.", None)


def test_why_a_source_is_unnamed_is_no_outcome() -> None:
    outcomes, _ = _facts(
        "Envoys of the river states finalised a draft water-sharing accord on Friday.",
        "The sources were not authorised to divulge the contents of the draft accord.",
        "Officials weren't authorized to speak publicly about the closed-door river talks.",
    )
    assert not any("authori" in o for o in outcomes)
    assert any(o.startswith("Envoys of the river states finalised") for o in outcomes)


def test_a_fragment_is_no_antecedent_for_a_sentence_that_points_back() -> None:
    outcomes, _ = _facts(
        "Ostland and Merivale signed a new steel accord on Monday.",
        "The accord is good for mill workers in both countries, the minister said on Monday. "
        "And good for Ostland families. It is an accord that removes steel tariffs within "
        "two days.",
    )
    assert not any("And good for" in o for o in outcomes)
    assert "It is an accord that removes steel tariffs within two days." in outcomes


def test_a_speaker_with_a_time_before_a_quote_is_no_outcome() -> None:
    outcomes, _ = _facts(
        "Harbour ministers signed the new fishing accord for the northern coast on Friday.",
        "The coast's fisheries minister Arne Holt said after the signing of the accord: \"This "
        'is a day the boats of the whole northern coast have waited for."',
    )
    assert not any("Holt said" in o for o in outcomes)


def test_a_backdrop_told_is_background() -> None:
    assert looks_back("His remarks come against the backdrop of a new duty on river barges.", None)


def test_an_embedded_post_is_no_outcome() -> None:
    outcomes, _ = _facts(
        "Ostland and Merivale reached an agreement to lift their steel tariffs on Friday.",
        "Great news today that Merivale will lift its steel tariffs and Ostland will end its "
        "retaliation. A win for both. pic.twitter.com/AbC123xyZ",
    )
    assert not any("Great news" in o or "pic.twitter" in o for o in outcomes)


def test_a_reaction_ranks_below_a_result() -> None:
    outcomes, _ = _facts(
        "Trade ministers of Norland and Aldoria met in Lindau on Friday.",
        "Berg said the agreement was good and constructive.",
        "The Aldorian ministry refused to comment.",
        "Ruiz welcomed the deal.",
        "Ruiz described the signed agreement as historic and fair.",
        "Norland agreed to cut its duty on machine parts.",
        "Aldoria lifted its ban on Norland beef imports.",
        "Both sides approved a joint customs office in Lindau.",
        "Norland rejected a quota on Aldorian grain.",
    )
    assert outcomes[1:] == [
        "Norland agreed to cut its duty on machine parts.",
        "Aldoria lifted its ban on Norland beef imports.",
        "Both sides approved a joint customs office in Lindau.",
        "Norland rejected a quota on Aldorian grain.",
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Norland cut its duty on machine parts to 5 percent, but warns.",
        'Norland cut its duty on machine parts to 5 percent, warning: "Prices will rise fast '
        'in the coming months for every family in the country."',
        'Norland cut its duty on machine parts to 5 percent, he added: "We did what we could '
        'for every family and every firm in the country."',
    ],
)
def test_a_quote_lead_in_is_trimmed_from_an_outcome(sentence: str) -> None:
    outcomes, _ = _facts("Ministers of Norland and Aldoria met in Lindau on Friday.", sentence)
    assert outcomes[1:] == ["Norland cut its duty on machine parts to 5 percent."]


def test_after_a_lede_that_tells_what_is_to_come_a_result_leads_not_a_side_remark() -> None:
    article = Article(
        url="https://x.test/a",
        title="",
        paragraphs=(
            "Ministers of Norland and Aldoria will hold a new round of talks in Lindau on "
            "14 June. Berg is a former ambassador to the region and a keen sailor.",
            "Norland agreed to cut its duty on machine parts.",
            "Aldoria lifted its ban on Norland beef imports.",
            "Both sides approved a joint customs office in Lindau.",
            "Norland rejected a quota on Aldorian grain.",
        ),
        published=PUBLISHED,
    )
    facts = find_facts(article)
    assert [f.text for f in facts.next] == [
        "Ministers of Norland and Aldoria will hold a new round of talks in Lindau on 14 June."
    ]
    assert [f.text for f in facts.outcomes] == [
        "Norland agreed to cut its duty on machine parts.",
        "Aldoria lifted its ban on Norland beef imports.",
        "Both sides approved a joint customs office in Lindau.",
        "Norland rejected a quota on Aldorian grain.",
    ]


def test_a_page_with_no_date_looks_back_from_its_latest_event() -> None:
    article = Article(
        url="https://x.test/a",
        title="",
        paragraphs=(
            "Norland and Aldoria signed a customs annex in Lindau on 3 March 2024.",
            "The negotiations on the annex had started in January in Geneva with experts.",
            "The Aldorian parliament approved the annex by a large majority in March.",
        ),
    )
    assert [f.text for f in find_facts(article).outcomes] == [
        "Norland and Aldoria signed a customs annex in Lindau on 3 March 2024.",
        "The Aldorian parliament approved the annex by a large majority in March.",
    ]


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        (  # she is the person the sentence before opens with, not the person quoted most
            (
                "Norwegian negotiator Ms Lindqvist said the gap had narrowed.",
                "She added that both sides would meet again in March.",
            ),
            "Ms Lindqvist added that both sides would meet again in March.",
        ),
        (  # a he after sentences about him goes back past them; his office is told once
            (
                "Trade Minister Jon Ekberg arrived in Lima on Monday.",
                "He met the Peruvian delegation.",
                "He agreed to a second round in April.",
            ),
            "Jon Ekberg agreed to a second round in April.",
        ),
        (  # a run of capitals that began inside the office's words: the name after it
            (
                "Fisheries and Trade Minister Jon Ekberg arrived in Lima on Monday.",
                "He agreed to a second round in April.",
            ),
            "Jon Ekberg agreed to a second round in April.",
        ),
        (  # nor a she to a man known by his given name
            ("Carl Berg opened the session.", "She agreed to a second round in April."),
            "Akazawa agreed to a second round in April.",
        ),
        (  # a he never goes to a Ms: the person quoted most stands in
            ("Ms Vera Holm opened the session.", "He agreed to a second round in April."),
            "Akazawa agreed to a second round in April.",
        ),
        (  # "He Lifeng" is a name, not a pronoun
            ("He Lifeng agreed to a second round in April.",),
            "He Lifeng agreed to a second round in April.",
        ),
        (  # a style before the name is left out
            ("The Honourable Jim Carr visited Ottawa.", "He agreed to a second round in April."),
            "Jim Carr agreed to a second round in April.",
        ),
        (  # an opening participle is no name, and nor is what stands before it
            (
                "Minister Jon Ekberg arrived in Lima on Monday.",
                "Addressing, however, the delegates kept their line.",
                "He agreed to a second round in April.",
            ),
            "Akazawa agreed to a second round in April.",
        ),
        (  # a possessive before the name is not part of it
            ("Now's Scott Tong reported from Beijing.", "He said a second round is due in April."),
            "Scott Tong said a second round is due in April.",
        ),
    ],
)
def test_a_leading_pronoun_names_the_person_before_it(
    paragraphs: tuple[str, ...], expected: str
) -> None:
    found = [s.text for s in statements(paragraphs, "Akazawa")]
    assert expected in found


def test_a_quotes_signature_line_is_no_statement() -> None:
    paragraphs = (
        "“Fair rules are the only rules that last.”",
        "Anna Berglund, the Swedish minister for trade and president of the Council",
        "The ministers also discussed trade with Mercosur.",
    )
    assert [s.raw for s in statements(paragraphs)] == [
        "The ministers also discussed trade with Mercosur."
    ]


def test_a_question_is_no_statement() -> None:
    paragraphs = (
        "Reporter: Will there be a ministerial meeting tomorrow?",
        "Minister: No ministerial meeting is planned this week.",
    )
    assert [s.raw for s in statements(paragraphs)] == [
        "Minister: No ministerial meeting is planned this week."
    ]


@pytest.mark.parametrize(
    ("sentence", "earlier"),
    [
        ("On Dec. 1, the two leaders agreed to a three-month truce on duties.", True),
        ("Veldt on 14 November announced it would suspend duties on cars.", True),
        ("The two envoys met in Ostby on June 29 and agreed to resume talks.", True),
        ("Ministers met in Ostby on 5 December and agreed to cut duties.", False),
        ("The truce reached on Nov. 20 held through the talks.", False),
        ("Also on Sunday, Veldt scrapped the duties first announced on November 6.", False),
        ("Duties will rise on 1 January unless a deal is struck.", False),
        ("The talks ran from 2 December to 6 December in Ostby.", False),
        ("Veldt cut its herring quota by 12 percent.", False),
        ("Both sides signed the accord on June 29, 2019.", False),
    ],
)
def test_a_day_of_a_month_over_a_week_before_the_report_came_before(
    sentence: str, earlier: bool
) -> None:
    statement = Statement(0, 3, sentence)
    assert on_an_earlier_day(statement, date(2025, 12, 10), False) is earlier


def test_with_no_date_a_day_of_a_month_came_before_a_lede_told_by_weekday() -> None:
    statement = Statement(0, 3, "On Dec. 1, the two leaders agreed to a three-month truce.")
    assert on_an_earlier_day(statement, None, True)
    assert not on_an_earlier_day(statement, None, False)
    outcomes, _ = _facts_undated(
        "Norland and Veldt opened trade talks on Monday in Ostby, with duties on cars at stake.",
        "Negotiators from Veldt were led by deputy envoy Ana Berg, officials said.",
        "On Dec. 1, the two leaders agreed to a three-month truce on new duties.",
        "Veldt offered to lower duties on Norland cheese before the talks.",
    )
    assert not any("truce" in text for text in outcomes)
    assert outcomes[0].startswith("Norland and Veldt opened trade talks on Monday")


def _facts_undated(*paragraphs: str) -> tuple[list[str], list[str]]:
    article = Article(url="https://x.test/a", title="", paragraphs=paragraphs)
    facts = find_facts(article)
    return [f.text for f in facts.outcomes], [f.text for f in facts.next]


def test_a_speech_lede_tells_the_news_of_the_day_not_what_came_before() -> None:
    outcomes, _ = _facts(
        "Thank you all for coming to Ostby, and thank you to our hosts.",
        "We launched this partnership in March to bring our fishing ports closer together.",
        "After three days of talks, we agreed on four ministerial statements on port rules.",
        "Ministers also set up a working group on harbour fees, led by Veldt and Estria.",
    )
    assert outcomes[0].startswith("After three days of talks, we agreed on four")
    assert not any("in March" in text for text in outcomes)


def test_a_speech_lede_of_the_day_is_still_the_first_outcome() -> None:
    outcomes, _ = _facts(
        "Thank you all for coming to Ostby, and thank you to our hosts.",
        "Today we launched this partnership to bring our fishing ports closer together.",
        "After three days of talks, we agreed on four ministerial statements on port rules.",
    )
    assert outcomes[0].startswith("Today we launched this partnership")


def test_a_lede_that_tells_what_is_to_come_still_tells_the_day_by_weekday() -> None:
    outcomes, nexts = _facts_undated(
        "A Norland delegation will travel to Veldt next week for talks on car duties, "
        "the ministry said Wednesday.",
        "Deputy envoy Ana Berg heads the team, officials in Ostby said.",
        "On Dec. 1, the two leaders agreed to a three-month truce on new duties.",
        "Veldt offered to lower duties on Norland cheese at a meeting of officials.",
        "Both sides reported progress on the cheese quota in a phone call.",
    )
    assert nexts
    assert nexts[0].startswith("A Norland delegation will travel to Veldt")
    assert not any("truce" in text for text in outcomes)


# -- press conferences and statements that report a meeting item by item ------------------


@pytest.mark.parametrize(
    "text",
    [
        "I'll answer your final question first.",
        "I will answer the second question now.",
        "Let me answer that in two parts.",
        "That is a fair question.",
        "Trade Minister, Lena Ostrova: All right, thank you all for coming this morning.",
        "Ms Varga, the trade minister: Okay, thanks for waiting.",
    ],
)
def test_how_a_press_conference_is_run_is_no_news(text: str) -> None:
    from briefings.facts.stance import courteous

    assert courteous(text)


@pytest.mark.parametrize(
    "text",
    [
        "I will take the decision next week.",
        "All right, the ministers agreed on the quota.",
        "Well, the talks failed.",
        "Minister Ostrova: I held a meeting with the Veldt delegation this morning.",
        "As for the second question, the talks ended without a deal.",
    ],
)
def test_news_in_a_press_conference_is_not_courtesy(text: str) -> None:
    from briefings.facts.stance import courteous

    assert not courteous(text)


def test_a_press_conference_leads_with_its_news_not_with_how_it_answers() -> None:
    outcomes, _ = _facts(
        "I'll answer your final question first. If needed, we will speak again by telephone.",
        "I have received a first report from Minister Halvorsen on the fisheries deal.",
        "Both delegations worked through the night.",
    )
    first_report = "I have received a first report from Minister Halvorsen on the fisheries deal."
    assert any(o.startswith(first_report) for o in outcomes)
    assert not any("answer" in o for o in outcomes)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On this occasion we weren’t able to finalise the text.", 1),
        ("Negotiators were not able to close the gap on dairy.", 1),
        ("However, progress was slower on public procurement and services.", 1),
        ("There was little movement on the three outstanding chapters.", 1),
        ("I have received a first report from Minister Halvorsen.", 1),
        ("Both talks are near the end, with a number of issues remaining to be resolved.", 1),
        ("Several chapters remain open.", 1),
        ("Three issues remain outstanding.", 1),
        ("It remains to be seen whether the talks resume.", None),
        ("The ministers remain in Ostby.", 0),
        ("I’m happy to say that after three days we have a text.", 1),
        ("We are pleased to announce a second round in Ostby.", 1),
        ("I am pleased to be here in Ostby.", 0),
        ("Negotiators were able to meet twice.", 0),
        ("Little is known of the draft.", 0),
        ("Progress on the draft is expected soon.", 0),
    ],
)
def test_what_fell_short_is_an_outcome(text: str, expected: int | None) -> None:
    assert cue_count(text) == expected, text


def test_an_opinion_in_the_first_person_weighs_less() -> None:
    from briefings.facts.stance import stance_cost

    opinion = "Accordingly, I believe this accord will help exporters in the years ahead."
    fact = "Accordingly, the accord removes duties on 90 products from March."
    assert stance_cost(opinion, set()) >= 0.5
    assert stance_cost(fact, set()) == 0.0
    assert stance_cost("Minister Ruiz said she would review the text.", set()) == 0.0
    assert stance_cost("The president believes in trade that works for farmers.", set()) >= 0.5


def test_what_a_meeting_was_told_weighs_less_than_what_it_decided() -> None:
    from briefings.facts.stance import decided, told_not_decided

    told = [
        "Commissioner Lindqvist updated ministers on the state of the Ostland talks.",
        "The Commission provided an update on the fisheries file over lunch.",
        "The presidency briefed the Council on the draft regulation.",
    ]
    for text in told:
        assert told_not_decided(text) > 0, text
    not_told = [
        "Ministers adopted the negotiating mandate for the services talks.",
        "The Council exchanged views on economic security.",
        "The new rules updated the list of goods on origin.",
        "The minister reported that 40 countries had joined.",
        "Commissioner Lindqvist updated the Council on the talks, stating that the Ostland "
        "accord would be presented to ministers next month.",
    ]
    for text in not_told:
        assert told_not_decided(text) == 0, text
    assert decided("Ministers formally adopted the mandate for the talks.")
    assert decided("The Council agreed to open negotiations with Ostland.")
    assert not decided("Talks continue, and both sides agreed to meet in May.")
    assert not decided("The mandate, which ministers adopted in 2019, expires.")


def test_a_statement_of_a_council_meeting_shows_what_ministers_decided() -> None:
    outcomes, _ = _facts(
        "The Trade Council met in Ostby on 5 June 2025.",
        "Commissioner Lindqvist updated ministers on relations with Veldt following her recent "
        "visit to Veldt City, where the government delayed a decision on steel duties by 90 days.",
        "The presidency gave an overview of the Ostland talks, which resumed in March after "
        "a pause of two years over port fees and quotas for 12 species.",
        "Commissioner Lindqvist provided an update on the Brenner round, where delegates agreed "
        "on 14 chapters of the draft text.",
        "The Commission presented a report on the Norland accord, signed by 3 partners in 2024.",
        "The Council briefly discussed export controls.",
        "Ministers formally adopted the negotiating mandate for the digital trade talks.",
    )
    assert "Ministers formally adopted the negotiating mandate for the digital trade talks." in (
        outcomes
    )


def test_a_day_the_headline_names_is_the_day_of_the_news() -> None:
    from briefings.facts.background import day_of_the_headline

    today = date(2025, 6, 20)
    assert day_of_the_headline("Trade Council (Fisheries): 2 June 2025", today) == date(2025, 6, 2)
    assert day_of_the_headline("Ministers meet on June 2, 2025 in Ostby", today) == date(2025, 6, 2)
    assert day_of_the_headline("Trade Council: 2 June 2023", today) is None  # long before
    assert day_of_the_headline("Trade Council: 30 June 2025", today) is None  # after
    assert day_of_the_headline("Trade Council meets in Ostby", today) is None
    assert day_of_the_headline("Trade Council: 2 June 2025", None) is None


def test_a_statement_after_the_meeting_tells_the_meeting_of_its_headline() -> None:
    paragraphs = (
        "Ministers adopted the quota regulation for the northern stocks.",
        "The Fisheries Council took place in Ostby on 2 June 2025.",
        "The regulation replaces the rules agreed on 3 March 2024.",
    )
    published = datetime(2025, 7, 8, tzinfo=UTC)
    meeting = "The Fisheries Council took place in Ostby on 2 June 2025."
    article = Article(
        "https://x.test/a", "Fisheries Council: 2 June 2025", paragraphs, published=published
    )
    assert meeting in [f.text for f in find_facts(article).outcomes]
    # Without the day in its headline, a meeting five weeks before the report is background.
    article = Article("https://x.test/a", "Fisheries Council", paragraphs, published=published)
    assert meeting not in [f.text for f in find_facts(article).outcomes]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("My colleague the Minister for Trade has today made the following statement.", True),
        ("A summary of those discussions follows.", True),
        ("The main points are as follows:", True),
        ("Ministers agreed the following points on the fisheries file.", False),
        ("The vote follows months of talks.", False),
        ("The second round follows in May.", False),
    ],
)
def test_a_sentence_that_announces_what_follows_is_no_news(text: str, expected: bool) -> None:
    from briefings.facts.stance import announces_what_follows

    assert announces_what_follows(text) is expected


def test_a_statement_leads_with_its_news_not_with_its_label() -> None:
    outcomes, _ = _facts(
        "My colleague the Minister for Trade has today made the following statement.",
        "The Trade Council took place in Ostby on Monday. A summary of the discussions follows.",
        "Ministers adopted the quota regulation for the northern stocks.",
    )
    assert outcomes[0] == "The Trade Council took place in Ostby on Monday."
    assert not any("follow" in o for o in outcomes)


def test_a_paragraph_broken_off_at_a_comma_goes_on_in_the_next() -> None:
    from briefings.facts.statements import continued

    assert continued(
        ["On the preparations for the conference,", "the envoy said talks stalled."]
    ) == ["On the preparations for the conference, the envoy said talks stalled."]
    whole = ["Ministers met, as planned.", "Talks ended."]
    assert continued(whole) == whole
    assert continued(["A,", "B,"]) == ["A, B,"]
    found = statements(
        ["On the fisheries file,", "Commissioner Lindqvist said a deal was out of reach."]
    )
    assert [s.raw for s in found] == [
        "On the fisheries file, Commissioner Lindqvist said a deal was out of reach."
    ]


def test_thanks_are_nothing_for_the_lede_to_point_back_to() -> None:
    outcomes, _ = _facts(
        "Trade Minister, Lena Ostrova: All right, thank you all for coming this afternoon. This "
        "is my second visit to Ostby this year to close the fisheries accord.",
        "On this occasion we weren't able to close the accord.",
    )
    assert not any("thank" in o for o in outcomes)
    assert outcomes[0].startswith("Trade Minister Lena Ostrova: This is my second visit to Ostby")


@pytest.mark.parametrize(
    ("text", "guess"),
    [
        ("Sticking points include quotas and the penalties Norland would face for dumping.", False),
        ("Talks stalled over the port fees they would pay.", False),
        ("Tariffs would rise if the talks fail.", True),
        ("In two years Norland would leave the bloc.", True),
        ("Analysts expect Norland would gain.", True),
        ("The talks and Norland would gain.", True),
        # The verb of a condition after the sentence's own: the sentence tells a fact.
        ("Dairy is left out for now, and Norland returns to it if a deal would need it.", False),
        ("Ministers asked whether the quota would hold.", False),
        ("If the talks fail, tariffs would rise.", True),
    ],
)
def test_a_would_of_a_noun_or_a_condition_is_no_guess(text: str, guess: bool) -> None:
    assert speculates(text) is guess


def test_a_past_perfect_that_goes_on_with_a_report_is_what_was_reported() -> None:
    from briefings.facts.background import told_in_a_report

    today = date(2025, 6, 7)
    reported = "Commissioner Lindqvist reported progress on fisheries subsidies."
    went_on = "Nearly 40 members had agreed to open talks on services."
    assert told_in_a_report(went_on, reported, today)
    # Still background: a date before the report's, or no report before it.
    assert not told_in_a_report("Members had agreed to open talks in 2019.", reported, today)
    assert not told_in_a_report(
        "Members had agreed to open talks on services.", "Ministers met in Ostby.", today
    )
    assert not told_in_a_report("Members agreed to open talks.", reported, today)


def test_a_statement_shows_what_a_report_to_the_meeting_told() -> None:
    outcomes, _ = _facts(
        "The Trade Council met in Ostby on Monday.",
        "Commissioner Lindqvist reported progress on fisheries subsidies. Nearly 40 members had "
        "agreed to open talks on services.",
    )
    assert any("Nearly 40 members had agreed" in o for o in outcomes)
    outcomes, _ = _facts(
        "The Trade Council met in Ostby on Monday.",
        "Ministers welcomed progress on fisheries subsidies. Nearly 40 members had agreed to "
        "open talks on services.",
    )
    assert not any("Nearly 40 members had agreed" in o for o in outcomes)


@pytest.mark.parametrize(
    ("text", "guess"),
    [
        ("A deal with Norland could deliver a £2.1 billion increase in trade.", False),
        ("The accord could boost exports by 12%.", False),
        ("The accord could create 4,000 jobs in the ports.", False),
        ("Duties could rise to 25 percent.", False),
        ("Talks could collapse next week.", True),
        ("The accord could help farmers.", True),
        ("The accord could be signed in 2026.", True),
        ("The minister could not agree to the text.", False),
        ("She said she would back the accord only if voters could have a say.", False),
        ("If the talks fail, duties could double.", True),
    ],
)
def test_an_estimate_with_its_figure_is_no_guess(text: str, guess: bool) -> None:
    assert speculates(text) is guess


@pytest.mark.parametrize(
    ("text", "guess"),
    [
        ("Norland must now sign with each member, a process Ostby says may take a year.", True),
        ("Norland must now sign with all, a process that Ostby says may take a year.", False),
        ("The accord, which may be signed in May, removes duties on cars.", False),
        ("Talks may resume next week.", True),
        ("Officials said talks may resume.", True),
        ("The talks might fail, which worries farmers.", True),
    ],
)
def test_a_guess_told_on_the_side_of_a_thing_leaves_the_sentence_a_fact(
    text: str, guess: bool
) -> None:
    assert speculates(text) is guess


def test_a_full_date_of_the_week_before_the_report_is_its_news() -> None:
    today = date(2025, 12, 4)
    assert not looks_back("The Fisheries Council met in Ostby on 28 November 2025.", today)
    assert not looks_back("The Fisheries Council met in Ostby on November 28, 2025.", today)
    assert looks_back("The Fisheries Council met in Ostby on 18 November 2025.", today)
    assert looks_back("The Fisheries Council met in Ostby on 28 November 2024.", today)


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        (
            "Minister Ostrova: We confirmed every point of the text.",
            "We confirmed every point of the text.",
        ),
        ("Ms. VARGA Lena, Minister for Trade: I met the envoy.", "I met the envoy."),
        ("MODERATOR: The talks ended at noon.", "The talks ended at noon."),
        ("Vote: Wednesday, 13 February.", "Vote: Wednesday, 13 February."),
        (
            "Fisheries deal: Parliament votes on Wednesday.",
            "Fisheries deal: Parliament votes on Wednesday.",
        ),
        ("The minister said: we agreed.", "The minister said: we agreed."),
    ],
)
def test_a_turn_label_is_not_shown_in_a_bullet(raw: str, shown: str) -> None:
    assert Statement(0, 1, raw).text == shown


def test_a_lede_of_a_meeting_to_come_with_no_time_is_a_next_step() -> None:
    outcomes, steps = _facts(
        "Estrian Prime Minister Ola Dahl will meet Norrvik President Lena Holt in Tallvik to "
        "discuss the fisheries dispute, the government said.",
        "Norrvik raised duties on Estrian herring to 25% in the spring, the ministry said.",
    )
    assert steps == [
        "Estrian Prime Minister Ola Dahl will meet Norrvik President Lena Holt in Tallvik to "
        "discuss the fisheries dispute."
    ]
    assert not any("will meet" in outcome for outcome in outcomes)


def test_a_deals_terms_told_with_would_are_an_outcome() -> None:
    outcomes, _ = _facts(
        "Estria and Norrvik reached a fisheries agreement on Tuesday after two days of talks.",
        "Under the deal, duties on Estrian herring would be phased out over five years, and "
        "Norrvik would cut its tariff on salmon to 4%.",
    )
    assert any(outcome.startswith("Under the deal") for outcome in outcomes)


def test_the_price_of_a_deal_is_worth_as_much_as_a_result() -> None:
    def worth(text: str) -> float:
        return outcome_score(Statement(0, 6, text), set(), set())

    price = worth("The sale price, to be paid in cash, is 300 million crowns.")
    assert price >= worth("The deal covers 40 boats and three ports.")
    assert worth("The acquisition is valued at 300 million crowns.") == price
    assert worth("The boats are worth little, at 3 million crowns each.") < price


def test_a_result_reported_into_a_quote_is_an_outcome() -> None:
    outcomes, _ = _facts(
        "Estria and Norrvik ended two days of fisheries talks in Tallvik on Tuesday.",
        'Minister Berg said the two sides had "agreed to cut duties on herring to 4 percent '
        'and to scrap the salmon quota by June."',
        "Norrvik officials did not comment on the timing of the vote.",
    )
    assert any("agreed to cut duties on herring to 4 percent" in o for o in outcomes)


def test_a_sentence_that_is_a_quote_stays_a_quote() -> None:
    outcomes, _ = _facts(
        "Estria and Norrvik ended two days of fisheries talks in Tallvik on Tuesday.",
        '"We have agreed to cut duties on herring to 4 percent," Minister Berg said.',
        "Norrvik officials did not comment on the timing of the vote.",
    )
    assert not any("4 percent" in o for o in outcomes)


def test_a_claim_of_what_a_deal_will_do_for_someone_is_no_outcome() -> None:
    from briefings.facts.claims import claims_an_effect

    assert claims_an_effect("The new accord will support good jobs in Norland.")
    assert claims_an_effect("Through the pact, we will also strengthen links with Estria.")
    assert not claims_an_effect("The accord will boost exports by 30 percent.")  # a figure
    assert not claims_an_effect("The accord will create new access for Estrian dairy.")  # a term
    assert not claims_an_effect("Lindau said the accord will support good jobs.")  # reported
    assert not claims_an_effect("Norland will support the bid of Estria.")  # a decision
    assert not claims_an_effect("The ministry explained how farmers will benefit.")
    outcomes = _outcomes_of(
        "Norland and Estria signed a fisheries accord in Lindau on Monday.",
        "The new accord will support good jobs and strengthen ties between the two nations.",
        "Under the accord, Estria lifted its ban on Norland crab and cut port fees.",
        "Both delegations dined at the old harbour after the signing ceremony ended.",
    )
    assert not any(o.startswith("The new accord will") for o in outcomes)
    assert any(o.startswith("Under the accord") for o in outcomes)


def test_a_state_that_stands_is_no_outcome_but_an_open_point_is() -> None:
    from briefings.facts.standing import standing_state

    assert standing_state("Tensions between the two neighbours remain high.")
    assert standing_state("The commission has yet to publish its findings.")
    assert standing_state(
        "According to official data, Estria is Norland's largest trading partner."
    )
    assert not standing_state("The date of the signing has yet to be set.")  # open point
    assert not standing_state("Differences remain high on farm subsidies.")  # open point
    assert not standing_state("Inflation remains high at 10 percent.")  # a figure
    assert not standing_state("Ministers agreed that tariffs remain high.")


def test_a_standing_argument_in_the_present_is_no_outcome() -> None:
    from briefings.facts.standing import standing_claim

    assert standing_claim("Farm groups argue that cheap imports hurt growers in the north.")
    assert not standing_claim("Farm groups argued on Monday that the deal hurt growers.")


def test_who_said_a_quote_with_nothing_said_is_no_outcome() -> None:
    from briefings.facts.stance import says_nothing

    assert says_nothing("Roe said on Twitter after the meeting in Lindau ended.")
    assert not says_nothing("Roe said in a statement the talks would resume.")
    assert not says_nothing("Roe said on Monday that the talks had failed.")
    assert not says_nothing("Prices rose, analysts said.")


def test_an_event_to_come_told_as_set_is_no_outcome() -> None:
    from briefings.facts.standing import still_to_come

    assert still_to_come("The delegations are set to hold talks in Lindau on Thursday.")
    assert not still_to_come("Tariffs are set to rise to 25% on Friday.")  # a figure


def test_a_long_lede_with_no_clause_of_contrast_is_cut_never_lost() -> None:
    lede = (
        "Trade ministers from Norland and Estria agreed on Tuesday in the northern port city "
        "of Lindau to cut tariffs on farm goods and machinery to five percent over the next "
        "three years and to set up a joint committee on standards and customs procedures as "
        "negotiators from both sides met for a fourth day of talks that officials described "
        "as the hardest round so far in the long process of bringing the two economies closer"
    )
    outcomes = _outcomes_of(
        lede + ".", "Both delegations dined at the old harbour after the talks had ended."
    )
    assert outcomes[0].startswith("Trade ministers from Norland and Estria agreed on Tuesday")
    assert outcomes[0].endswith("standards and customs procedures.")
    unbroken = " ".join(["Trade ministers from Norland and Estria agreed on Tuesday"] * 8)
    assert _outcomes_of(unbroken + ".")[0].startswith("Trade ministers from Norland")


def test_the_headlines_event_told_earlier_this_month_is_the_news() -> None:
    today = datetime(2025, 5, 20, tzinfo=UTC)
    article = Article(
        url="https://x.test/a",
        title="Norland raises tariffs on Estrian steel",
        paragraphs=(
            "Estria on Tuesday filed a complaint with the trade body in Geneva.",
            "Norland raised tariffs on Estrian steel to 25 percent earlier this month.",
            "Estrian ministers met in Lindau earlier this month to discuss the fishing fleet.",
        ),
        published=today,
    )
    outcomes = [f.text for f in find_facts(article, "", None).outcomes]
    assert any(o.startswith("Norland raised tariffs") for o in outcomes)
    assert not any(o.startswith("Estrian ministers met") for o in outcomes)


def test_a_count_told_as_done_by_now_is_news_not_a_look_back() -> None:
    today = date(2024, 3, 4)
    assert not looks_back("Seventy cases have been confirmed so far in the north.", today)
    assert not looks_back("Some 5,000 doses have already been sent to Lindau.", today)
    assert looks_back("Once the terms will have been confirmed, the text goes out.", today)
    assert looks_back("Norland has been a member of the bloc since 1995.", today)


def test_a_second_would_of_the_same_reported_sentence_is_reported_too() -> None:
    from briefings.facts.cues import speculates

    assert not speculates(
        "Roe said the 25 percent duty on Estrian steel would rise to 30 percent on Oct. 1, "
        "and the 10 percent tariff on Estrian wine worth $300 million would rise to 15 percent."
    )
    assert speculates("Tariffs would rise to 30 percent, analysts in Lindau believe.")


def test_a_sentence_that_names_itself_a_reminder_is_background() -> None:
    from briefings.facts.standing import names_background

    assert names_background("As a reminder, on May 3 Norland announced a duty on wine.")
    assert not names_background("Norland announced a duty on wine on Monday.")


def test_news_timed_from_an_earlier_event_is_background() -> None:
    today = date(2024, 3, 4)
    assert looks_back(
        "The talks, held Sunday, come only 14 days after the two signed a pact.", today
    )
    assert looks_back("The visit came two weeks after Norland lifted its ban.", today)
    assert not looks_back("The collapse came after ministers rejected the draft.", today)
    # within the report's own days: what set the news off
    assert not looks_back("The move came two days after the agency declared an outbreak.", today)


def test_a_forecast_is_no_outcome() -> None:
    from briefings.facts.standing import a_forecast

    assert a_forecast("Analysts expect the pact to be approved easily.")
    assert a_forecast("Observers predict that the vote in Lindau will fail.")
    assert not a_forecast("Economists expect growth of 2 percent next year.")  # a figure
    assert not a_forecast("Norland and Estria agreed on Monday to cut port fees.")
