"""Small text rules: dates, datelines, sentences, headlines."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from briefings.reading.dateline import split_dateline
from briefings.reading.dates import parse_date_line, parse_iso
from briefings.reading.headline import (
    headline_from_lede,
    headline_from_paragraphs,
    lede_sentence,
)
from briefings.reading.sentences import sentences


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("June 7, 2025 at 17:46 JST", datetime(2025, 6, 7, 8, 46, tzinfo=UTC)),
        ("Monday, January 7, 2019", datetime(2019, 1, 7, tzinfo=UTC)),
        ("Jun. 7, 2025 5:46 pm EDT", datetime(2025, 6, 7, 21, 46, tzinfo=UTC)),
        ("The talks ended on June 7", None),
        ("Smarch 40, 2025", None),
    ],
)
def test_date_lines(line: str, expected: datetime | None) -> None:
    assert parse_date_line(line) == expected


def test_iso_dates_become_utc() -> None:
    assert parse_iso("2025-06-07T17:46:00+0900") == datetime(2025, 6, 7, 8, 46, tzinfo=UTC)
    assert parse_iso("2025-06-07") == datetime(2025, 6, 7, tzinfo=UTC)
    assert parse_iso("yesterday") is None


@pytest.mark.parametrize(
    ("paragraph", "place"),
    [
        ("WASHINGTON--Japan and the United States failed", "WASHINGTON"),
        ("WASHINGTON (Pacific Wire) — Japan's chief negotiator", "WASHINGTON"),
        ("TOKYO, June 6 (Reuters) - Talks ended", "TOKYO"),
        ("Japan and the U.S. - a long story", ""),
        ("OSLO- Talks on the fish quota resumed", "OSLO"),
        ("LIMA (Andes Wire)-Ministers met", "LIMA"),
    ],
)
def test_datelines(paragraph: str, place: str) -> None:
    assert split_dateline(paragraph)[0] == place


@pytest.mark.parametrize(
    "paragraph",
    [
        "U.S.-Norland trade talks opened Monday in Veldt.",
        "EU-Norland talks on fish quotas ended without a deal.",
        "UK-EU ministers agreed a new customs protocol on Friday.",
    ],
)
def test_a_compound_of_two_names_is_no_dateline(paragraph: str) -> None:
    """A hyphen with no space on either side joins two names; the lede keeps both."""
    assert split_dateline(paragraph) == ("", paragraph)


def test_sentences_respect_abbreviations_and_quotes() -> None:
    text = 'Japan and the U.S. met. "It went well." Mr. Smith left at 5 p.m. on Friday.'
    assert sentences(text) == ["Japan and the U.S. met.", '"It went well."', text[40:]]


def test_an_ordinal_ends_a_sentence_where_st_would_not() -> None:
    text = "The levy takes effect on October 1st. Both sides agreed on 15%. Ships left St. Ives."
    assert sentences(text) == [
        "The levy takes effect on October 1st.",
        "Both sides agreed on 15%.",
        "Ships left St. Ives.",
    ]


def test_an_abbreviation_broken_by_a_stray_space_ends_no_sentence() -> None:
    text = "The round ended in Tallvik today, U .S. Trade Representative Ana Berg said. Then."
    assert sentences(text) == [text[:-6], "Then."]


@pytest.mark.parametrize(
    "text",
    [
        "Smt. Ana Berg met the envoy.",
        "Shri. Ravi Roe met the envoy.",
        "Hon. Jane Roe met the envoy.",
        "Dr. Jane Roe met the envoy.",
        "Prof. Jane Roe met the envoy.",
        "Amb. Jane Roe met the envoy.",
        "Sen. Roe and Rep. Doe met Gov. Poe.",
        "Gen. Roe and Lt. Col. Doe met the envoy.",
        "Resolution No. 12 was adopted by the council.",
        "Under Art. 5 the parties consult each other.",
        "As para. 4 of the text says, the quota ends in June.",
    ],
)
def test_titles_and_numbered_references_end_no_sentence(text: str) -> None:
    assert sentences(f"{text} Then it ended.") == [text, "Then it ended."]


def test_no_and_art_end_a_sentence_before_a_word() -> None:
    assert sentences("The minister said no. The talks ended.") == [
        "The minister said no.",
        "The talks ended.",
    ]
    assert sentences("They saw modern art. Then they left.") == [
        "They saw modern art.",
        "Then they left.",
    ]


@pytest.mark.parametrize(
    "paragraphs",
    [
        ["Good afternoon.", "Estria and Norrvik agreed on Tuesday to cut tariffs on steel."],
        ["MODERATOR: Good morning, everyone. Thank you for joining us. Estria and Norrvik "
         "agreed on Tuesday to cut tariffs on steel."],
        ["Okay, got a couple of things at the top.",
         "Estria and Norrvik agreed on Tuesday to cut tariffs on steel."],
    ],
)  # fmt: skip
def test_a_greeting_or_a_spoken_opener_is_no_headline(paragraphs: list[str]) -> None:
    assert headline_from_paragraphs(paragraphs) == (
        "Estria and Norrvik agreed on Tuesday to cut tariffs on steel"
    )


def test_a_lede_that_opens_like_an_opener_is_still_the_headline() -> None:
    lede = "So far, Estria has cut its tariffs on steel by half."
    assert headline_from_paragraphs([lede]) == lede[:-1]


def test_lede_headline() -> None:
    lede = (
        "WASHINGTON--Japan and the United States failed to find common ground in their fifth "
        "round of talks on Washington’s high tariff policy, according to Japan’s top negotiator."
    )
    assert lede_sentence(lede).endswith("tariff policy.")
    assert headline_from_lede(lede) == (
        "Japan and the United States failed to find common ground in their fifth round of talks"
    )
