"""Furniture found on news pages of many outlets, told by structure: a template's placeholder
left in the text, a close button's sign before the title, a "More:" link, a pointer to more
news elsewhere, a polite prompt to log in, a blurb over a newsletter prompt, a dateline with
its agency and date in brackets before a colon, a title glued to a breadcrumb, a title above
its date and a subtitle, and a standfirst that the lede repeats under the byline: each shape
with made-up lines, and the article's own lines that must stay."""

from __future__ import annotations

import pytest

from briefings.reading.dateline import split_dateline
from briefings.reading.gluedmarks import without_glued_marks
from briefings.reading.text import parse_text
from tests.briefings.farm_deal import TITLE


def _body(*lines: str) -> tuple[str, ...]:
    return parse_text("\n\n".join(lines)).paragraphs


@pytest.mark.parametrize(
    ("line", "cut"),
    [
        ("{mosads}The remarks came after the vote.", "The remarks came after the vote."),
        ("Talks went on {{ad_slot}} for hours.", "Talks went on for hours."),
        ("× Estria and Norland agree to halve farm tariffs", TITLE),
        # the article's own braces and signs stay
        ("The index rose {in real terms} by 2%.", "The index rose {in real terms} by 2%."),
        ("×2 the rate of last year, officials said.", "×2 the rate of last year, officials said."),
    ],
)
def test_a_placeholder_and_a_close_sign_are_cut(line: str, cut: str) -> None:
    assert without_glued_marks(line) == cut


@pytest.mark.parametrize(
    ("paragraph", "place", "rest"),
    [
        (
            "LINDAU, (NWA - Norland Wire / Farm News - 25th Nov, 2025 ) :Estria and Norland met.",
            "LINDAU",
            "Estria and Norland met.",
        ),
        ("PORT OSTBY, (Estria Wire): Ministers met.", "PORT OSTBY", "Ministers met."),
        # a speaker's label with a note in brackets is no dateline
        ("MINISTER ROE (via video): We agreed.", "", "MINISTER ROE (via video): We agreed."),
    ],
)
def test_a_dateline_with_its_agency_in_brackets_before_a_colon(
    paragraph: str, place: str, rest: str
) -> None:
    assert split_dateline(paragraph) == (place, rest)
