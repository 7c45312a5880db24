"""Facts told in the first person in a transcript name their speaker before the words as
written; a questioner's or a host's first-person words are no fact."""

from __future__ import annotations

import pytest

from briefings.facts.outcomes import find_facts
from briefings.facts.statements import Statement
from briefings.facts.voices import Spoken, Voice, first_person, voices, with_speakers
from briefings.model import Article
from briefings.quotes.statement import transcript_speaker


def _facts(*paragraphs: str, title: str = "") -> tuple[list[str], list[str]]:
    article = Article(url="https://example.org/t", title=title, paragraphs=paragraphs)
    facts = find_facts(article)
    return [f.text for f in facts.outcomes], [f.text for f in facts.next]


def test_a_turns_first_person_outcome_names_its_speaker() -> None:
    outcomes, _ = _facts(
        "MINISTER OSTROVA: I held a meeting with Trade Commissioner Lena Varga in Lindau "
        "this morning on the fisheries accord.",
        "REPORTER: What was decided at the meeting?",
        "MINISTER OSTROVA: We agreed to cut cod quotas by 10 percent and to share data on "
        "catches with Estria.",
    )
    assert outcomes[0] == (
        "Minister Ostrova: I held a meeting with Trade Commissioner Lena Varga in Lindau "
        "this morning on the fisheries accord."
    )
    assert outcomes[1] == (
        "Ostrova: We agreed to cut cod quotas by 10 percent and to share data on catches with "
        "Estria."
    )


def test_an_office_is_shown_once_and_a_label_of_the_office_alone_is_that_person() -> None:
    outcomes, nexts = _facts(
        "Minister for Fisheries, Jon Berg: This is my second visit to Lindau this year to "
        "conclude the fisheries accord with Estria.",
        "On this occasion we were not able to finalise the accord.",
        "Journalist: What is the main sticking point?",
        "Minister for Fisheries: We continue to argue that Norland needs access for its "
        "trawlers to the northern grounds.",
        "We plan to meet again in Ostby on 14 August to finish the text.",
    )
    assert outcomes[0].startswith("Jon Berg, Minister for Fisheries: This is my second visit")
    assert "Jon Berg: On this occasion we were not able to finalise the accord." in outcomes
    assert nexts == ["Jon Berg: We plan to meet again in Ostby on 14 August to finish the text."]


def test_an_unnamed_speaker_is_named_as_the_label_gives_it() -> None:
    outcomes, _ = _facts(
        "SENIOR ADMINISTRATION OFFICIAL: We signed an agreement with Estria on cod quotas "
        "after four rounds of talks.",
    )
    assert outcomes == [
        "Senior Administration Official: We signed an agreement with Estria on cod quotas "
        "after four rounds of talks."
    ]


def test_a_heading_with_a_colon_names_no_speaker() -> None:
    said_by = voices(["In Lindau: We signed the accord.", "MR BERG: We signed it."], "")
    assert said_by == (None, Voice("Mr Berg"))


def test_a_questioners_first_person_words_are_no_fact() -> None:
    outcomes, _ = _facts(
        "Q: The two sides did not reach an agreement on cod quotas in Lindau on Tuesday. I "
        "would also like to ask you about the shipping levy.",
        "A: We held two rounds of talks with Estria this week and agreed on port inspections.",
        title="Press Conference by Minister Ostrova (Excerpt)",
    )
    assert not any("I would also like" in o for o in outcomes)
    assert "The two sides did not reach an agreement on cod quotas in Lindau on Tuesday." in (
        outcomes
    )
    assert (
        "Minister Ostrova: We held two rounds of talks with Estria this week and agreed on "
        "port inspections." in outcomes
    )


def test_an_answer_with_no_speaker_known_keeps_its_words_without_a_label() -> None:
    outcomes, _ = _facts(
        "Q: What happened at the talks?",
        "A: We held two rounds of talks with Estria this week and agreed on port inspections.",
    )
    assert outcomes == [
        "We held two rounds of talks with Estria this week and agreed on port inspections."
    ]


def test_remarks_without_labels_are_the_titles_speakers() -> None:
    outcomes, _ = _facts(
        "I am happy to say that after three days of talks we have made real progress on the "
        "fisheries accord with Estria.",
        "Norland and Estria will sign the accord in Ostby.",
        title="Press Conference by Prime Minister OSTROVA Lena Regarding the Fisheries Accord",
    )
    assert outcomes[0] == (
        "Prime Minister Ostrova Lena: I am happy to say that after three days of talks we "
        "have made real progress on the fisheries accord with Estria."
    )


def test_third_person_sentences_and_news_articles_are_left_as_they_are() -> None:
    outcomes, _ = _facts(
        "MINISTER OSTROVA: Norland and Estria signed the fisheries accord in Lindau this "
        "morning after four rounds of talks.",
    )
    assert outcomes[0].startswith("Norland and Estria signed the fisheries accord")
    news, _ = _facts(
        "Norland and Estria signed the fisheries accord in Lindau on Tuesday, ending four "
        "rounds of talks.",
        "Our correspondent in Lindau said the mood was calm.",
        title="Norland and Estria sign fisheries accord",
    )
    assert not any(": " in o[:30] for o in news)


def test_a_bullet_of_two_speakers_turns_is_not_given_one_name() -> None:
    said_by = (Voice("Ostrova", "Minister"), Voice("Berg", "Minister"))
    texts = with_speakers(
        [Spoken("The talks ended. We agreed.", (0, 1)), Spoken("We agreed.", (1,))],
        said_by,
        set(),
    )
    assert texts == ["The talks ended. We agreed.", "Minister Berg: We agreed."]


@pytest.mark.parametrize(
    ("text", "spoken"),
    [
        ("I held a meeting with the envoy.", True),
        ("Although it took long, we confirmed every point.", True),
        ("It was good to see all of our partners.", True),
        ("I’m happy to say that progress was made.", True),
        ("The US and Norland signed the accord.", False),
        ("Talks resume in Lindau on Monday.", False),
    ],
)
def test_first_person(text: str, spoken: bool) -> None:
    assert first_person(text) is spoken


@pytest.mark.parametrize(
    ("title", "name", "role"),
    [
        ("Press Conference by Minister Ostrova (Excerpt)", "Ostrova", "Minister"),
        ("Remarks by Ambassador Lena Varga at the Ministerial", "Lena Varga", "Ambassador"),
        (
            "Digital Press Briefing with Secretary of Fisheries Jon Berg",
            "Jon Berg",
            "Secretary of Fisheries",
        ),
        ("Press Conference by Foreign Minister OSTROVA Lena", "Ostrova Lena", "Foreign Minister"),
    ],
)
def test_the_speaker_a_transcripts_title_names(title: str, name: str, role: str) -> None:
    speaker = transcript_speaker(title)
    assert speaker is not None
    assert (speaker.name, speaker.role) == (name, role)


@pytest.mark.parametrize(
    "title",
    [
        "Press Conference by Minister Ostrova and Minister Berg",
        "Press Conference with NFTA Lena Varga",
        "Norland and Estria sign fisheries accord",
    ],
)
def test_no_one_speaker_in_the_title(title: str) -> None:
    assert transcript_speaker(title) is None


def test_a_question_is_its_own_paragraph_and_a_hosts_turn_runs_on() -> None:
    said_by = voices(
        [
            "MODERATOR: Welcome to the call.",
            "We will take questions after the minister.",
            "MINISTER OSTROVA: We signed the accord.",
            "Q (Norrvik Times): I have a question on quotas.",
            "And another on the levy.",
        ],
        "",
    )
    asks = [voice is not None and voice.asks for voice in said_by]
    assert asks == [True, True, False, True, False]
    assert said_by[2] == Voice("Ostrova", "Minister")
    assert said_by[4] is None


def test_a_statement_keeps_its_turn_label_out_of_its_words() -> None:
    assert Statement(0, 1, "A: We agreed.").text == "We agreed."
    assert Statement(0, 1, "Q: The talks ended.").text == "The talks ended."


def test_a_speaker_named_in_full_by_the_title_is_not_introduced_again_by_a_label() -> None:
    bullets = with_speakers(
        [
            Spoken("I met the envoy of Estria this morning.", (0,)),
            Spoken("We agreed to cut cod quotas by 10 percent.", (1,)),
        ],
        [Voice("Berg Jon", "Minister for Fisheries"), Voice("Berg", "Minister")],
        set(),
    )
    assert bullets == [
        "Berg Jon, Minister for Fisheries: I met the envoy of Estria this morning.",
        "Berg: We agreed to cut cod quotas by 10 percent.",
    ]
