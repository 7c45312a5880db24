"""What a "Next" bullet may be: an event still to come. Made-up reports, one class each."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from briefings.facts.claims import claims_the_future
from briefings.facts.outcomes import find_facts
from briefings.model import Article
from briefings.summarize import summarize

PUBLISHED = datetime(2025, 6, 7, tzinfo=UTC)
LEDE = "Trade ministers of Norland and Aldoria signed a customs annex in Lindau on Friday."


def _nexts(sentence: str) -> list[str]:
    article = Article(
        url="https://x.test/a", title="", paragraphs=(LEDE, sentence), published=PUBLISHED
    )
    return [f.text for f in find_facts(article).next]


@pytest.mark.parametrize(
    "sentence",
    [
        # a stance or a commitment
        "Norland is committed to deepening its trade ties with the region in the coming months.",
        "Both sides will seek to build high-standard commitments in the coming months.",
        "The two countries will now work to strengthen their economic relationship this year.",
        "Negotiators will continue to work closely together over the coming weeks.",
        "Aldoria will not accept unilateral trade restrictions next month, officials said.",
        # what a deal will do: its effects and its terms
        "The agreement will help small firms export more goods to Asia next year.",
        "The new rules will boost exports of beef and dairy by 2030.",
        "The deal is set to benefit farmers and manufacturers next year.",
        "The annex will remove almost all customs duties by the end of next year.",
        "By 2030, the accord will eliminate 99 % of tariffs on industrial goods.",
        "The objective of the new agreement is to increase trade by 2030.",
        "The partnership will be a major boost for both economies next year.",
        # a forecast of an effect, and what a thing will mean
        "The move is expected to cost farmers in Norland billions of dollars this year.",
        "The ruling will have a major impact on steel makers next year.",
        "The EU will continue to monitor the situation closely next week.",
        # a purpose or a hope
        "The partnership aims to double bilateral trade by 2030.",
        # a condition
        "If the talks fail, tariffs would rise to 25 percent next month.",
        "Ministers would meet again next week if the experts settle the rules of origin.",
        "If needed, negotiators will meet again next month.",
        # background and causes
        "The ministers held their first meeting in Geneva last March.",
        "Talks were delayed last week due to the strike at the port.",
        "The rise in prices is due in large part to the new tariffs this year.",
        "Norland scheduled a round of talks for May, but it was cancelled.",
        # a past event told beside a word of what is to come
        "Talks scheduled for this week were called off.",
        "The talks, scheduled for Monday, were postponed.",
        "The next month, the two sides signed a truce.",
        # what talks will be about, and a guess
        "In a statement on Monday, officials said the talks will focus on excess capacity.",
        "Officials said a deal is not likely to happen next year.",
        # "expected on" a topic, not on a day: a forecast with no time
        "A deal is also expected on mutual recognition of diplomas, a source said.",
        # who said it does not make a forecast or a stance a step to come
        "Berg added that he expects that grain exports will soon flow back into Norland.",
        "Speaking on radio on Wednesday, Berg said he remains hopeful of upcoming progress.",
        # a firm step with no time, no place and no name
        "However, based on the results of the meeting, each member country will begin "
        "procedures for the final agreement.",
        # a hope with no time: "as soon as possible", "in due course", "eventually"
        "Norland and Aldoria will prepare to sign the agreement as soon as possible.",
        "Norland and Aldoria will sign the customs annex in due course.",
        "Aldoria will eventually join the customs union, Berg said.",
        "The Norland cabinet will host Aldorian experts in the future.",
        # a step that waits on a condition, with no day of its own
        "Once the annex is ratified, Norland will begin lowering its duties.",
        "Once both parliaments approve it, Ruiz will sign the annex soon.",
        # a state that goes on, not a step
        "Talks between Norland and Aldoria are continuing this week.",
        # what a deal or a tariff will do, with no event and no time: analysis
        "The agreement will boost exports of Norland beef.",
        "Tariffs will hurt consumers in both countries.",
        # a condition with no day, or a guess on a condition: no step
        "If no deal is reached, tariffs of 25 % on Aldorian cars will apply.",
        "Should the talks fail, Norland will impose duties on Aldorian steel.",
        "In case the talks fail, Norland will impose duties on Aldorian steel.",
        "If no deal is reached by August 1, tariffs would rise to 30 % on Aldorian cars.",
        # a hope or a goal, even beside a deadline: no step
        "Negotiators hope to conclude the talks soon, officials said.",
        "Ruiz aims to reach a deal with Berg as the August 1 deadline approaches.",
        # a day before the report's, told as if to come
        "Ministers will meet in Lindau on 2 June to review the annex.",
        "Ministers will meet in Lindau on June 2 to review the annex.",
        # a link to another story left in the text
        "Also Read | Aldoria and Westmark ministers will meet in Geneva on 20 June.",
        "Related: Ministers of Westmark will meet in Oslo on 25 June to sign a customs pact.",
        # a past event with a look-ahead in a clause of place
        "The meeting of ministers began on Friday in Lindau, where they will discuss the annex.",
        # a call on others, with its event only in an aside
        "It calls on members to report their progress next year at a summit, set to take "
        "place in Lindau.",
    ],
)
def test_no_event_to_come_is_no_next_step(sentence: str) -> None:
    assert _nexts(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        # a look-ahead in a relative clause describes a thing; the sentence's verb tells the news
        "Norland is waiting until the Aldorian election, which is scheduled for 3 September, "
        "before it resumes talks.",
        "A guide to the crucial weeks which will decide whether the customs talks can move on.",
        "Officials have not commented on the levy, which is set to expire on 30 June.",
        "He also discussed the transit accord during the talks that are going to be held in "
        "Lindau on 26 June.",
        # a plan told negated
        "Berg has made clear that he does not plan to extend the truce, which expires on 30 June.",
        "Ruiz said she has no plans to travel to Lindau next week.",
        # a wish or a call on others, and a belief
        "The Commission wants member states to approve the annex ahead of the summit in Lindau "
        "on 20 June.",
        "Farmers urged the government to reject the deal before the vote next week.",
        "With Aldoria pushing for a ninth round, its election limits its room to give ground.",
        "Both sides are hopeful of concluding the first phase by the year-end deadline.",
        "Berg also expects that the recovery plan, which is due to be presented at the summit, "
        "will be adopted.",
        # "deadline" alone names no time, and moving a deadline is what was done
        "The deadline marks the end of a grace period, after which exporters without permits "
        "will face higher duties.",
        "As the deadline nears, questions remain over whether more deals will follow.",
        "The order stops the duties from snapping back and pushes the deadline to mid-August.",
        # plans with no time are the outcome
        "The ministry has announced plans to launch negotiations with Aldoria and Norland.",
        # a plan told in the past
        "Ruiz had planned to visit Lindau on Monday.",
        "Berg said last month that he would visit Lindau in May.",
        "The talks were to resume on 2 June.",
        "Talks had been due to resume on Monday.",
        # a guess, an open question, an aim
        "Members will probably spend the weekend reading the draft ahead of Wednesday's vote.",
        "It remains unclear whether the talks will resume next week.",
        "Norland will seek to conclude the talks by the end of the year.",
        # a condition mid-sentence, with no day
        "Norland's exporters will face higher duties from next month if no deal is reached.",
        # a plan told in an earlier month than the report's
        "Ministers said in May that they would meet again in Lindau.",
        "In May, Berg told reporters that the two sides would sign the annex in Lindau.",
        # a guess as the sentence's own verb, however firm its words
        "It is possible that this year the firm will postpone the launch of its phones in June.",
        "Given the low rank of the envoys, it is unlikely that the visit will bring a deal on "
        "Monday.",
        # a belief that governs the step
        "Berg said he thinks the annex will be signed by the end of June.",
        "Ruiz believes the two sides will meet again in Lindau next month.",
        # an event called off or put back, with no new time
        "The visit of Minister Berg to Lindau, which was cancelled, was due on Monday.",
        "The council is postponing the 20 June runoff because of a storm warning that will "
        "take effect tonight.",
        # an extension agreed, with the day it runs to: what was agreed
        "The union and the post office agreed to extend negotiations past the 20 June expiry "
        "of the contract.",
        "The two sides agreed to another 24-hour extension of the strike deadline on Saturday.",
        # a plan said in the past tense, with a day before the report's
        "Officials said the two sides were tentatively slated to sign the annex on 17 May.",
        # a past event with its step as the topic
        "At a press conference on Friday, Berg spoke about the pending 20 June deadline for a "
        "deal with Aldoria.",
    ],
)
def test_what_the_sentence_says_on_the_side_is_no_next_step(sentence: str) -> None:
    assert _nexts(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        # taking part, leading, chairing: events to come
        "Ruiz announced on Friday that she will attend the G20 meeting in Lindau from 22 to 23 "
        "June.",
        "Minister Ruiz will lead a delegation to Aldoria on 22 June to speed up the talks.",
        "Ruiz will chair the council meeting in Lindau on Thursday.",
        "The ministers will gather in Lindau on the sidelines of the summit next month.",
        # a scheduled event in the present tense, with its day
        "The customs talks resume in Lindau on Monday with a new chair.",
        "Parliament rises for the summer recess on 24 July and returns on 4 September.",
        # a step of the sentence's own beside a relative clause, a wish or a deadline
        "The levy, which is set to expire on 30 June, will be reviewed by ministers on 20 June.",
        "The Commission wants member states to vote on the annex on 16 June, and ministers will "
        "meet in Lindau on 18 June.",
        "The sixth round, which will be held in Lindau, is due to start on Monday.",
        "The tariff pause is scheduled to expire on 9 July.",
        "The deadline for comments on the draft annex is 30 June.",
        # a step joined to a past event, with its weekday
        "Talks ended on Friday without a deal and will continue in Lindau on Tuesday.",
        # what was agreed is a meeting still to come
        "Norland and Aldoria agreed on Friday to hold the next round in Lindau in September.",
        # "if" that asks whether, and an "if" with its day
        "The council will decide within a week if the annex applies from 1 July.",
        "If the parliament approves the annex, it will enter into force on 1 July.",
        # a month later than the report's is still to come
        "Ministers said on Friday that they would meet again in Lindau in September.",
    ],
)
def test_an_event_of_the_sentences_own_is_a_next_step(sentence: str) -> None:
    assert _nexts(sentence) == [sentence]


@pytest.mark.parametrize(
    "sentence",
    [
        "The fifth round of talks will be held in Lindau on 14 July.",
        "Ministers will meet again in Geneva next week to review progress.",
        "The next round of negotiations is expected to take place in Brasilia in September.",
        "The annex will enter into force on 1 August, once both parliaments have approved it.",
        "The tariff on machine parts will rise to 12 % on 1 July.",
        "The Commission will present its proposal to member states next week.",
        "On Tuesday, the Commission will present the agreement to member states.",
        "Ministers are expected to meet again in Lindau next month.",
        "The central bank is expected to raise rates on Wednesday.",
        "If approved, the rules will apply from 1 September.",
        "The vote is still scheduled for 12 June, and is to involve all member states.",
        # a day with its year written after it is judged in that year
        "The agreement is scheduled to enter into force on 1 January 2026.",
        # a deal's terms or what talks cover, on a day named: a step on that day
        "The accord will cut the duty on machine parts to 5 % on 1 July.",
        "The talks will focus on steel when ministers meet in Lindau on 12 June.",
        # firm and short: no need for eight words
        "Ministers agreed to reconvene quarterly.",
        # a scheduled event with its place but no time: the event is concrete, a next step
        "A sixth round is due in Lindau.",
        # who said or announced a firm step is no past event
        "Minister Ana Ruiz said on Saturday after a call with Berg that negotiators will resume "
        "talks on Sunday.",
        "The two sides announced plans on Monday for Ruiz to visit Lindau next month.",
        "Ruiz expressed her intention to proceed with more talks at the summit scheduled to be "
        "held in Lindau in mid-July.",
        # a look back that only describes the step
        "Ruiz will visit the Aldorian capital next month, the first such trip since 2007.",
        # a clause with its own subject that looks ahead, after one about the past
        "Norland and Aldoria closed the fifth round last week, and the next round is due to "
        "take place in the coming month.",
        "Ruiz said the annex will be signed today.",
        # a count of days, weeks or months still to come is a time
        "The first round of talks, held over the next two weeks, will be conducted by video.",
        "Experts will meet in Lindau in the coming three months to draft the customs chapter.",
        # when it was said is no past event of the step
        "Vice Minister Carl Berg will return to Lindau on 8 July for another round, the "
        "ministry said late yesterday.",
        # a deadline with a firm consequence, and its day: what a reader waits for
        "If no deal is reached by August 1, tariffs of 25 % on Aldorian cars will apply.",
        "Tariffs of 25 % on Aldorian cars will apply from 1 August unless a deal is reached.",
        "Tariffs on Aldorian cars will rise to 25 % on 1 August should the talks fail.",
        # "expected during" an event with its day, a coming break as the time
        "An announcement is expected during the Lindau summit on 20 June.",
        "The next full round is scheduled before the summer break.",
        # a step in the present tense, with what came before it in a trailing clause
        "A new round of talks begins in Lindau on Monday, following talks that ended in "
        "Geneva last week without a deal.",
        # a participle with its agent is no past verb of the sentence's own
        "A delegation headed by the minister will visit Lindau on June 28-29.",
        "Talks chaired by the Norland minister will open in Lindau on 2 July.",
        # a step being readied, and a step told after "before" with its distance in days
        "Arrangements are under way for a meeting of the two trade ministers on Monday.",
        "The ministers are meeting in Lindau today, a day before their deputies travel to Geneva.",
        # a coming move in the present progressive, with its day
        "Berg and Ruiz, along with other senior officials, are traveling to Lindau on Thursday "
        "to begin talks.",
        # a court's hearing or ruling, told by whoever announced it
        "The Supreme Court of Norland announced on Thursday that it will hear a challenge to "
        "the customs law on 28 June.",
        "The appeals court will rule on the customs law in Lindau next month.",
        # a plan said in the past tense, with a day still to come
        "Officials said the two sides were tentatively slated to sign the annex on 17 June.",
        "Berg told reporters the vote was scheduled for 20 June.",
        # a belief told on the side, after the step's own verb
        "Berg will give a speech at a dinner in Lindau on Tuesday night, where many believe he "
        "will speak of the annex.",
        # a think tank is no belief; a step put back with its new time, or told after
        "A think tank will hold a forum on the annex in Lindau on Monday.",
        "The vote on the annex, put off by a storm, will now take place in Lindau on 20 June.",
        "Ministers will meet in Lindau on Monday, after talks were postponed last week.",
    ],
)
def test_an_event_to_come_is_a_next_step(sentence: str) -> None:
    assert _nexts(sentence) == [sentence]


def test_an_event_told_in_the_present_on_the_reports_own_day_is_no_next_step() -> None:
    article = Article(
        url="https://x.test/a",
        title="",
        paragraphs=(LEDE, "Minister Ruiz travels to Lindau on Saturday for talks with Berg."),
        published=PUBLISHED,  # a Saturday
    )
    assert [f.text for f in find_facts(article).next] == []


def test_a_day_before_may_is_a_time() -> None:
    sentence = "Vice Minister Carl Berg will return to Lindau on 8 May for another round."
    article = Article(
        url="https://x.test/a",
        title="",
        paragraphs=(LEDE, sentence),
        published=datetime(2025, 4, 20, tzinfo=UTC),
    )
    assert [f.text for f in find_facts(article).next] == [sentence]


def test_a_leading_he_is_never_named_after_an_organisation() -> None:
    article = Article(
        url="https://x.test/a",
        title="",
        paragraphs=(
            LEDE,
            'Ruiz will attend the summit, the Foreign Office said. The talks aim to "deepen '
            'ties with the region," the Foreign Office said.',
            "He will meet Aldorian Minister Carl Berg in Lindau on 14 July to discuss fishing.",
        ),
        published=PUBLISHED,
    )
    nexts = [f.text for f in summarize(article).next]
    assert nexts
    assert not any(n.startswith("Office") for n in nexts)


def test_a_step_yet_to_be_fixed_still_needs_its_own_words() -> None:
    assert _nexts("The dates are yet to be confirmed.") == []
    assert _nexts("They would be held in May.") == []  # a guess, too short to stand alone
    assert _nexts("It is scheduled for Lindau.") == []  # says too little without its subject
    assert _nexts("A vote is scheduled.") == []  # no place, no time: too little alone


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        ("The accord will create thousands of jobs next year.", True),
        ("The accord will be signed next week.", False),
        ("The partnership will be formally launched at the summit next month.", False),
        ("The partnership will be really good for both sides next year.", True),
        ("The pact will lapse on 30 April.", False),
        ("Ministers will be in Brussels on Monday.", False),
        ("Talks will continue next week.", False),
        ("The Vatican is to decide within a month if an inquiry is required.", False),
        ("Tariffs would rise if no deal is reached.", True),
        ("The new duties will lead to higher prices next year.", True),
        ("Ruiz will lead the delegation to Lindau next week.", False),
        ("MEPs will vote on a clause which would if used suspend the preferences.", False),
        # "plan" as the verb, not a plan's name
        ("The United States and Aldoria plan to hold talks in Lindau on Thursday.", False),
        ("The plan will remove duties on cars.", True),
    ],
)
def test_claims_the_future(sentence: str, claim: bool) -> None:
    assert claims_the_future(sentence) is claim


def _steps(*paragraphs: str) -> list[str]:
    article = Article(url="https://x.test/a", title="", paragraphs=paragraphs, published=PUBLISHED)
    return [f.text for f in find_facts(article).next]


def test_a_schedule_item_on_the_day_a_step_names_is_that_step_with_its_date() -> None:
    steps = _steps(
        LEDE,
        "On Wednesday, the assembly will vote on the customs annex and its tariff schedule.",
        "Vote: Wednesday 11 June",
    )
    assert steps == [
        "On Wednesday 11 June, the assembly will vote on the customs annex and its tariff schedule."
    ]


def test_a_schedule_item_on_another_day_stays() -> None:
    steps = _steps(
        LEDE,
        "On Wednesday, the assembly will vote on the customs annex and its tariff schedule.",
        "Debate: Tuesday 10 June",
        "Vote: Wednesday 11 June",
    )
    assert steps == [
        "On Wednesday 11 June, the assembly will vote on the customs annex and its tariff "
        "schedule.",
        "Debate: Tuesday 10 June",
    ]


def test_two_sentences_on_one_step_are_one_next() -> None:
    steps = _steps(
        LEDE,
        "The assembly will vote on the customs annex on Wednesday 11 June.",
        "Members of the assembly are due to vote on the customs annex on Wednesday 11 June.",
    )
    assert steps == ["The assembly will vote on the customs annex on Wednesday 11 June."]


def test_a_step_an_outcome_tells_as_done_is_no_next() -> None:
    article = Article(
        url="https://x.test/a",
        title="",
        paragraphs=(
            "Norland and Aldoria signed the customs annex in Lindau on Friday 13 June.",
            "Negotiators from both sides met again in Geneva for two days of talks.",
            "The customs annex will be signed in Lindau on Friday 13 June, officials said.",
        ),
        published=PUBLISHED,
    )
    facts = find_facts(article)
    assert [f.text for f in facts.next] == []
    assert "Norland and Aldoria signed the customs annex in Lindau on Friday 13 June." in [
        f.text for f in facts.outcomes
    ]


def test_a_detail_after_a_step_is_no_step_of_its_own() -> None:
    # who leads, what it covers: told after the step, with no time of its own
    steps = _steps(
        LEDE,
        "Norland and Aldoria will resume talks in Lindau on Monday to extend the truce.",
        "Ruiz and Berg will lead the two delegations, the ministry announced Friday.",
    )
    assert steps == [
        "Norland and Aldoria will resume talks in Lindau on Monday to extend the truce."
    ]
    steps = _steps(
        LEDE,
        "Ministers will meet in Lindau on Friday.",
        "The meeting will focus on steel.",
    )
    assert steps == ["Ministers will meet in Lindau on Friday."]
    # what will happen at the step, with the step as its opening phrase
    steps = _steps(
        LEDE,
        "The next round of talks is planned for 23-27 June in Lindau, the minister said.",
        "During this round of talks, both sides will discuss goods, services and public "
        "procurement.",
    )
    assert steps == ["The next round of talks is planned for 23-27 June in Lindau."]


def test_when_a_detail_was_announced_is_no_time_of_it() -> None:
    assert _nexts(
        "Ruiz and Berg will lead the two delegations, the ministry announced Friday."
    ) == [
        "Ruiz and Berg will lead the two delegations, the ministry announced Friday."
    ]  # a name is enough for a firm step alone; Friday is when it was announced, not the step
    assert _steps(
        LEDE,
        "Norland and Aldoria will hold talks in Lindau to extend the truce.",
        "Ruiz will head the Norland team, the ministry announced Friday.",
    ) == ["Norland and Aldoria will hold talks in Lindau to extend the truce."]


def test_a_cut_that_leaves_no_step_is_no_next() -> None:
    long = (
        "At a press conference after the end of the seventh round of talks in Lindau, Ruiz "
        'said that the eighth round will take place during the "first part of April," meaning '
        'that the two delegations have "five weeks" to consider their options, weigh the '
        "offers on the table and prepare their proposals."
    )
    assert all(not n.startswith("At a press conference") for n in _nexts(long))


def test_a_lede_that_tells_a_firm_step_with_its_day_is_the_first_next() -> None:
    lede = "Norland and Aldoria plan to hold trade talks in Lindau on Thursday, two sources said."
    steps = _steps(lede, "Negotiators ended a round of technical talks in Geneva last week.")
    assert steps == [lede.replace(", two sources said.", ".")]


def test_three_firm_steps_with_their_dates_are_three_nexts() -> None:
    steps = _steps(
        LEDE,
        "Ministers will meet in Lindau on 12 June to review the annex.",
        "Negotiators will return to Geneva on 20 June for a sixth round.",
        "The annex will be signed by both governments on 30 June.",
    )
    assert len(steps) == 3


def test_a_third_step_without_its_date_is_crowded_out() -> None:
    steps = _steps(
        LEDE,
        "Ministers will meet in Lindau on 12 June to review the annex.",
        "Negotiators will return to Geneva on 20 June for a sixth round.",
        "The two sides will hold more technical talks in the coming weeks.",
    )
    assert len(steps) == 2


def _briefed_nexts(*paragraphs: str) -> list[str]:
    article = Article(url="https://x.test/a", title="", paragraphs=paragraphs, published=PUBLISHED)
    return [f.text for f in summarize(article).next]


def test_a_firm_step_in_a_quote_is_told_as_reported_speech() -> None:
    nexts = _briefed_nexts(
        LEDE,
        '"The sixth round of talks is due to take place in the coming month," the ministry said.',
    )
    assert nexts == [
        "The ministry said the sixth round of talks is due to take place in the coming month."
    ]


def test_a_quoted_we_is_told_as_they_with_the_speaker() -> None:
    nexts = _briefed_nexts(
        LEDE,
        "Trade Minister Ana Ruiz spoke to reporters after the signing.",
        '"We will meet again in Geneva on 12 June," she said.',
    )
    assert nexts == ["Ana Ruiz said they will meet again in Geneva on 12 June."]


@pytest.mark.parametrize(
    "quote",
    [
        '"I will travel to Geneva on 12 June," Ruiz said.',  # who "I" is the report cannot say
        '"The deal will boost exports next year," Ruiz said.',  # a claim, no event
        '"We hope to meet again soon," Ruiz said.',  # a hope
        '"Talks could resume in Geneva next month," Ruiz said.',  # a guess
    ],
)
def test_a_quote_without_a_firm_timed_step_is_no_next(quote: str) -> None:
    assert _briefed_nexts(LEDE, quote) == []


@pytest.mark.parametrize(
    "sentence",
    [
        # a hope that wraps a firm step
        "The Norland presidency hopes that the treaty will be signed at the summit in July.",
        # a first future told negated, with no time it waits for
        "The dispute over dairy quotas will not be resolved by the 30 June deadline.",
        # what a step will be like, told by its event
        "The discussion will be conducted by video link and cover customs rules.",
        "The fresh round of talks between the negotiators will extend over a period of five days.",
        "The most important vote will be on a budget for the next six months, putting off a "
        "shutdown until early next year.",
        # the days of a past clause are no time of the step
        "The premier is expected to sign the bill into law after the assembly passed it on 2 June.",
    ],
)
def test_a_hope_a_negation_a_detail_or_a_past_clause_is_no_next_step(sentence: str) -> None:
    assert _nexts(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Talks on the customs annex will not resume until 30 June.",
        "The vote on the annex will take place on Thursday in Lindau.",
        "The next round of talks will be held in Lindau on 18 June.",
    ],
)
def test_a_step_waiting_for_its_time_or_happening_is_a_next_step(sentence: str) -> None:
    assert _nexts(sentence) == [sentence]


def test_two_sentences_on_one_event_keep_the_one_with_its_day() -> None:
    steps = _steps(
        LEDE,
        "The Norland envoy, Maria Berg, will meet Aldoria's premier next week, officials said.",
        "Berg will meet the premier of Aldoria on Thursday in Lindau.",
        "The Westmark foreign minister will meet Berg on Tuesday in Oslo.",
    )
    assert steps == [
        "Berg will meet the premier of Aldoria on Thursday in Lindau.",
        "The Westmark foreign minister will meet Berg on Tuesday in Oslo.",
    ]


def test_a_visit_told_by_its_noun_is_the_same_event() -> None:
    steps = _steps(
        LEDE,
        "The Aldorian envoy Jon Haug will visit Norland and Westmark, the ministry said.",
        "Haug's visit will take place on 20 June.",
    )
    assert steps == ["Haug's visit will take place on 20 June."]


def test_meetings_of_one_person_with_others_are_two_events() -> None:
    steps = _steps(
        LEDE,
        "Berg will meet the Aldorian premier in Lindau next week.",
        "Berg will meet the Westmark trade minister in Oslo next month.",
    )
    assert len(steps) == 2


def test_later_this_week_and_the_end_of_this_week_are_one_time() -> None:
    from briefings.facts.stepdays import times

    assert times("Negotiators will meet later this week.") == times(
        "They will meet at the end of this week."
    )
