"""Furniture told by structure on pages the rules had not seen: a closing line naming the
source a page copied, a broker's disclaimer, a prompt to visit a site, a promise to the reader
with no news, an underscore for a dateline's dash, a country in square brackets after the
place, a view counter glued to the text, a picture's label and caption glued before the lede,
a live page's label inside a title, a picture's record, a service named in lower case, a
"Related:" box right after the lede, a key point that repeats the lede and a copyright line
before readers' comments. Each with made-up lines, and the article's own lines that stay."""

from __future__ import annotations

import pytest

from briefings.reading.boilerplate import is_boilerplate
from briefings.reading.dateline import split_dateline
from briefings.reading.furniture import LineKind, line_kind
from briefings.reading.gluedmarks import without_glued_marks
from briefings.reading.sitemarks import is_source_line
from briefings.reading.text import parse_text
from tests.briefings.farm_deal import LEDE, SECOND, THIRD, TITLE


def _read(*lines: str) -> tuple[str, tuple[str, ...]]:
    article = parse_text("\n\n".join(lines))
    return article.title, article.paragraphs


@pytest.mark.parametrize(
    "line",
    [
        "Article Source – Estria and Norland agree to halve farm tariffs",
        "Source: Lindau Daily Courier",
        "Opinions are the author's; not necessarily those of Northwind Markets Ltd or its staff.",
        "The views expressed herein are those of the writer and not of the publisher.",
        "Visit https://www.northwind.example/ to find out more about the markets.",
        "Here's what you need to know.",
        "Here\u2019s everything you need to know about the deal:",
    ],
)
def test_a_closing_notice_is_boilerplate(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "Sources said the talks would resume in Lindau on Monday.",
        "The views of farmers are divided on the deal, the ministry said.",
        "Visitors to the fair in Lindau saw the new tractors on Friday.",
        "Here is what the ministers agreed on Friday in Lindau.",
    ],
)
def test_a_sentence_like_a_notice_is_article_text(line: str) -> None:
    assert not is_boilerplate(line)


def test_a_legal_notice_is_furniture_however_long() -> None:
    notice = (
        "Content is for general information purposes only. It is not investment advice. "
        + "Opinions are the author's and not those of the publisher or its officers. " * 6
    )
    assert line_kind(notice) is LineKind.PROMPT


@pytest.mark.parametrize(
    ("line", "place", "rest"),
    [
        ("LINDAU _ The talks ended on Friday.", "LINDAU", "The talks ended on Friday."),
        (
            "Lindau [Norland], May 22 (Agency): The talks ended on Friday.",
            "Lindau",
            "The talks ended on Friday.",
        ),
    ],
)
def test_a_dateline_with_an_underscore_or_a_bracketed_country(
    line: str, place: str, rest: str
) -> None:
    assert split_dateline(line) == (place, rest)


def test_a_snake_case_word_is_no_dateline_dash() -> None:
    assert split_dateline("The file_name field was empty.")[0] == ""


@pytest.mark.parametrize(
    ("line", "clean"),
    [
        ("Views: 29The council met on Monday.", "The council met on Monday."),
        ("The council met on Monday. Views: 1,204", "The council met on Monday."),
        (
            "File photo: Trade minister Jane Roe Trade minister Jane Roe said on Monday that "
            "talks were going well.",
            "Trade minister Jane Roe said on Monday that talks were going well.",
        ),
        (
            "Estria raises steel tariffs; Norland answers: Live updates - What the ministers ...",
            "Estria raises steel tariffs; Norland answers",
        ),
        (
            "Norland has dropped its tariff waiver for Estria. Here\u2019s what you need to know.",
            "Norland has dropped its tariff waiver for Estria.",
        ),
    ],
)
def test_a_glued_counter_caption_label_or_promise_is_cut(line: str, clean: str) -> None:
    assert without_glued_marks(line) == clean


@pytest.mark.parametrize(
    "line",
    [
        "Views differ on the deal: 3 of 5 farm groups back it.",
        "Photo: Reuters",
        "Live music played as ministers arrived in Lindau.",
        "The minister said: here's what you need to know about the rules, and read them out.",
    ],
)
def test_a_line_without_such_marks_stays(line: str) -> None:
    assert without_glued_marks(line) == line


def test_a_pictures_record_is_no_headline() -> None:
    record = (
        "Trade ministers sign the farm tariff agreement in Lindau. Shoot location: Lindau - "
        "NORLAND. Shoot date: 22/05/2026. Copyright: Ministry of Trade."
    )
    assert line_kind(record) is LineKind.LABEL
    title, body = _read(record, TITLE, LEDE, SECOND, THIRD)
    assert title == TITLE
    assert record not in body


def test_a_service_named_in_lower_case_closes_the_report() -> None:
    assert is_source_line("From the Norland Farm Broadcasting news service.")
    assert not is_source_line("From the start the farm service was slow.")


@pytest.mark.parametrize(
    "box",
    [
        ("Related:", "Norland dairy farmers fear cheap imports"),
        ("Related Coverage", "Norland dairy farmers fear cheap imports"),
    ],
)
def test_a_related_box_after_the_lede_keeps_the_lede(box: tuple[str, ...]) -> None:
    title, body = _read(TITLE, LEDE, *box, SECOND, THIRD)
    assert title == TITLE
    assert body == (LEDE, SECOND, THIRD)


def test_a_key_point_that_repeats_the_lede_is_read_once() -> None:
    _, body = _read(TITLE, LEDE, "Key Points:", f"\u2022 {LEDE}", f"\u2022 {SECOND}", THIRD)
    assert body.count(LEDE) == 1


def test_a_copyright_line_ends_the_article_before_comments() -> None:
    comment = "Good news for farmers at last, if the deal holds this time."
    _, body = _read(TITLE, LEDE, SECOND, THIRD, "\u00a9 Lindau Courier 2026.", "1 Comment", comment)
    assert body == (LEDE, SECOND, THIRD)


@pytest.mark.parametrize(
    "line",
    [
        "Subjects: Estria-Norland free trade agreement negotiations",
        "Topics: Tariffs, Farm goods, Lindau",
        "Saturday 19 October - The President meets the Prime Minister of Norland in Lindau",
        "Samedi 19 Octobre - Le Président rencontre le Premier ministre à Lindau",
    ],
)
def test_index_terms_and_a_calendar_entry_are_labels(line: str) -> None:
    assert line_kind(line) is LineKind.LABEL


@pytest.mark.parametrize(
    "line",
    [
        "Subject to approval, the deal will enter into force in May.",
        "Saturday 19 October - The President met the Prime Minister of Norland in Lindau.",
    ],
)
def test_a_sentence_that_opens_like_a_label_is_no_label(line: str) -> None:
    assert line_kind(line) is not LineKind.LABEL


def test_a_quoted_title_is_no_bullet_and_a_pull_quote_keeps_the_lede() -> None:
    quoted = "\u2018Estria and Norland to keep talking on a fair farm deal\u2019"
    title, body = _read(quoted, LEDE, SECOND, THIRD)
    assert title == quoted
    assert body == (LEDE, SECOND, THIRD)
    pull = "\u201cA fair deal for farmers\u201d"
    _, body = _read(TITLE, LEDE, pull, SECOND, THIRD)
    assert body[0] == LEDE
