"""A press conference's summary of the questions, in brackets before the answer, is read as
article text: it often names the news the answer is about. Made-up pages."""

from __future__ import annotations

from briefings.reading.officialdom import question_summary
from briefings.reading.page import read_page

SUMMARY = (
    "(On the Prime Minister's reaction to the news that an agreement was reached on a tariff "
    "of 12 percent in the talks with Norland; and on whether he will call the Norland "
    "President this week)"
)


def test_a_question_summary_reads_as_the_first_paragraph() -> None:
    lines = [
        "Press Conference by the Prime Minister on the Talks with Norland",
        SUMMARY,
        "I have received a first report from the minister. I will study the details with care.",
        "We will defend our farmers' interests in every step that follows.",
    ]
    body = read_page(lines).body
    assert body[0] == (
        "On the Prime Minister's reaction to the news that an agreement was reached on a "
        "tariff of 12 percent in the talks with Norland; and on whether he will call the "
        "Norland President this week."
    )


def test_short_notes_in_brackets_are_no_question_summary() -> None:
    assert question_summary("(On the record unless noted)") is None
    assert question_summary("(Provisional translation)") is None
    assert question_summary("(Video) Press Conference by the Foreign Minister") is None
    assert question_summary(SUMMARY) is not None
