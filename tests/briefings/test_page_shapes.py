"""Furniture shapes met on real pages of many outlets, each with made-up lines: wire credits,
disclaimers, page notes, prompts to read elsewhere, readers' comments, teaser lists, picture
labels that repeat the headline, datelines in brackets and date stamps before a headline."""

from __future__ import annotations

import pytest

from briefings.reading.boilerplate import is_boilerplate, is_caption
from briefings.reading.dateline import split_dateline
from briefings.reading.furniture import LineKind, line_kind
from briefings.reading.page import read_page
from briefings.reading.text import paragraph_lines

LEDE = (
    "Estria's central bank held its benchmark rate at 2.5 percent on Thursday, in line with "
    "expectations, and said inflation was easing."
)
SECOND = (
    "The bank said it would watch prices closely over the coming months before it decides on "
    "any cut."
)


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("(Reporting by Jane Roe; Editing by John Doe)", LineKind.CREDIT),
        ("Reporting by Jane Roe; additional reporting by Ann Poe", LineKind.CREDIT),
        ("The views and opinions expressed herein are those of the author and do not "
         "necessarily reflect those of Northwind Media, Inc.", LineKind.PROMPT),
        ("This is a developing story, more to follow…", LineKind.PROMPT),
        ("This article was first published on", LineKind.PROMPT),
        ("(This version of the story corrects the spelling of the minister’s name)",
         LineKind.PROMPT),
        ("Based on reporting by Northwind Wire and Agency", LineKind.CREDIT),
        ("• The ministry rejected claims that its figures were “cooked”. “The idea th...\"",
         LineKind.TEASER),
        ("A worker removes a flag from the stage in Oslo, July 14, 2015. [Photo/Agencies]",
         LineKind.CAPTION),
    ],
)  # fmt: skip
def test_a_furniture_line_is_known_by_its_shape(line: str, kind: LineKind) -> None:
    assert line_kind(line) is kind


@pytest.mark.parametrize(
    "line",
    [
        "Content on this site is the property of Northwind Media and protected by copyright.",
        "Head over to the Northwind Herald to read Jane Roe's full story on the deal.",
        "[FULL STORY]",
    ],
)
def test_notices_and_prompts_are_boilerplate(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "This agreement was first published in the official journal on Monday.",
        "Officials said they had not yet seen the full text of the agreement.",
        "• Estria and Norrvik agreed to meet again in June, officials said.",
    ],
)
def test_article_sentences_are_no_notices(line: str) -> None:
    assert line_kind(line) is None
    assert not is_boilerplate(line)


def test_a_wire_credit_closes_the_article() -> None:
    page = read_page(
        [
            "Estria holds rates",
            LEDE,
            f"{SECOND} (Reporting by Jane Roe; Editing by John Doe)",
            "Our Standards: The Northwind Trust Principles.",
            "The Northwind news agency reaches more than a billion people every day, its owner "
            "says on its website.",
        ]
    )
    assert page.body == (LEDE, SECOND)


def test_readers_comments_are_not_the_article() -> None:
    for heading in ("1 comment:", "Leave a Reply", "0 replies", "Comments (3):"):
        page = read_page(
            [
                "Estria holds rates",
                LEDE,
                SECOND,
                heading,
                "Anonymous said...",
                "I think the bank is doing its best, despite everything, and the minister was "
                "supposed to join the talks but does not look likely now.",
            ]
        )
        assert page.body == (LEDE, SECOND), heading


def test_a_comment_count_in_the_share_bar_does_not_end_the_article() -> None:
    page = read_page(["Estria holds rates", LEDE, "12 comments", SECOND])
    assert page.body == (LEDE, SECOND)


def test_a_picture_label_that_repeats_the_headline_is_not_the_headline() -> None:
    page = read_page(
        [
            "Estria drafts a common framework for tariff talks",
            "Apr 26, 2025 08:14",
            "Estria drafts a common framework for tariff talks - 1",
            "Estria's trade office has drafted a common framework for tariff talks with 18 "
            "partners, a newspaper reported.",
            SECOND,
        ]
    )
    assert page.title == "Estria drafts a common framework for tariff talks"


def test_a_caption_shown_twice_with_its_credit_glued_on_is_not_the_headline() -> None:
    page = read_page(
        [
            "Estria ready to sign deal with Norrvik",
            "By Jane Roe, Trade Correspondent",
            "Estria's president is close to signing a trade deal with the leaders of Norrvik",
            "Estria's president is close to signing a trade deal with the leaders of "
            "NorrvikJANE ROE/AFP/Getty Images",
            "Estria's president and Norrvik's prime minister are due to sign a trade deal at a "
            "ceremony in the capital this week.",
            SECOND,
        ]
    )
    assert page.title == "Estria ready to sign deal with Norrvik"
    assert page.body[0].startswith("Estria's president and Norrvik's prime minister")


def test_a_lede_shown_twice_is_read_once() -> None:
    lede = (
        "(Agency) – Estria's trade minister hopes to conclude the talks with Norrvik soon and "
        "send the deal to parliament before the end of the year."
    )
    page = read_page(["Estria hopes talks will conclude", "Share", lede, lede, SECOND])
    assert page.body == (lede, SECOND)


@pytest.mark.parametrize(
    ("paragraph", "place", "rest"),
    [
        ("[OSLO] Estria's minister said ...", "OSLO", "Estria's minister said ..."),
        ("(WASHINGTON, DC) Negotiators met ...", "WASHINGTON, DC", "Negotiators met ..."),
        ("(Agency) - The talks ended ...", "", "The talks ended ..."),
        ("(From left) Ministers meet ...", "", "(From left) Ministers meet ..."),
        ("(Estria City) Workers voted ...", "Estria City", "Workers voted ..."),
        ("OSLO (Agency) — The talks ended ...", "OSLO", "The talks ended ..."),
    ],
)
def test_datelines_in_brackets_are_split_from_the_lede(
    paragraph: str, place: str, rest: str
) -> None:
    assert split_dateline(paragraph) == (place, rest)


def test_a_date_stamp_glued_before_the_headline_is_not_part_of_it() -> None:
    lines = paragraph_lines(
        " date 2025-01-22 Estria inflation points to a rate cut\n"
        "Consumer inflation in Estria rose slightly to 3% in December, reinforcing "
        "expectations of a rate cut next week.\n"
        f"{SECOND}\n"
    )
    assert read_page(lines).title == "Estria inflation points to a rate cut"


def test_a_headline_shown_twice_wins_over_a_widget() -> None:
    lines = [
        "left corner left corner",
        "Yearend: a picture and its story",
        "Updated: 2015-12-24 14:53",
        "Yearend: a picture and its story",
        "For a decade the powers held talks, and I took a different picture every day as "
        "people sat around a table, left and right.",
        SECOND,
    ]
    assert read_page(lines).title == "Yearend: a picture and its story"


def test_list_marks_and_excerpt_marks_are_not_the_sentence() -> None:
    page = read_page(
        [
            "Workers end strike",
            "- Over 10,000 workers at 14 plants went on strike last month after talks failed.",
            "Union members voted 61% to 39% in favour of the new agreement on Wednesday. [...]",
        ]
    )
    assert page.body == (
        "Over 10,000 workers at 14 plants went on strike last month after talks failed.",
        "Union members voted 61% to 39% in favour of the new agreement on Wednesday.",
    )


def test_the_caption_under_a_picture_label_is_not_the_headline() -> None:
    page = read_page(
        [
            "Envoy urges parties to reach a ceasefire",
            "Envoy urges parties to reach a ceasefire - photo 1",
            "Peace envoy Jane Roe of Estria",
            "(Agency) - Peace envoy Jane Roe on Monday urged new ceasefires to build on the "
            "talks held in the capital of Estria.",
            SECOND,
        ]
    )
    assert page.title == "Envoy urges parties to reach a ceasefire"


def test_of_two_headline_lines_the_shorter_is_the_headline() -> None:
    page = read_page(
        [
            "Fisheries deal agreed in Oslo",
            "'This text marks a turning point,' Fisheries Council President Jane Roe in Oslo "
            "has said",
            "The fisheries deal has been agreed in Oslo, council president Jane Roe announced.",
            "'This text marks a turning point,' Jane Roe said at the fisheries council.",
        ]
    )
    assert page.title == "Fisheries deal agreed in Oslo"


def test_a_place_alone_is_not_the_headline() -> None:
    page = read_page(
        [
            "Closing statement at the second round of fisheries talks",
            "September 5, 2017",
            "Estria City, Estria",
            "Thank you, minister, for hosting the second round of the fisheries talks in Estria "
            "City this week.",
            SECOND,
        ]
    )
    assert page.title == "Closing statement at the second round of fisheries talks"


@pytest.mark.parametrize(
    ("line", "caption"),
    [
        ("Small and Medium Enterprises (SMEs)", False),
        ("Estria Trade Office (ETO)", False),
        ("Ministers meet in Oslo on June 6. (Northwind Herald)", True),
        ("Ministers meet in Oslo (AP)", True),
    ],
)
def test_an_abbreviation_in_brackets_is_no_credit(line: str, caption: bool) -> None:
    assert is_caption(line) is caption


def test_a_page_of_key_points_yields_them_and_keeps_its_lines_apart() -> None:
    text = (
        "Ministers pose at the Great Hall in Estria City in February. Photo: Agency\n"
        "‘Very difficult’ fisheries talks should be treasured, says Estrian minister\n"
        "- Jane Roe is the first senior Estrian official to discuss the talks held in Oslo and "
        "Estria City\n"
        "- A fisheries deal could be signed by the two leaders at a meeting planned for March\n"
        "Ministers pose at the Great Hall in Estria City in February. Photo: Agency\n"
    )
    lines = paragraph_lines(text)
    assert len(lines) == 5
    page = read_page(lines)
    assert page.body[0].startswith("Jane Roe is the first senior Estrian official")


def test_teasers_under_a_topic_label_are_not_key_points() -> None:
    page = read_page(
        [
            "Estria and Norrvik reach consensus on principles",
            "- The ministry's announcement came after the ministers spoke by phone on Friday "
            "evening",
            "Topic | Estria fisheries talks",
            "How Estria will look elsewhere after the summit was cancelled in Oslo this week",
            "- Despite the cancellation, the spring forum will offer another place for the two "
            "sides to meet",
        ]
    )
    assert page.body == (
        "The ministry's announcement came after the ministers spoke by phone on Friday evening",
    )


def test_a_headline_under_the_last_sentence_is_not_article_text() -> None:
    page = read_page(
        [
            "Talks stall",
            LEDE,
            SECOND,
            "Estrian fisheries minister: the talks impasse is “just a small setback”",
        ]
    )
    assert page.body == (LEDE, SECOND)


def test_sentences_a_page_glued_together_are_apart_again() -> None:
    page = read_page(
        [
            "Talks resume",
            "Estria and Norrvik resumed talks on Wednesday in Oslo on a fisheries deal.The two "
            "ministers did not comment during a photo session with Jane Roe.“It’s a fine day,” "
            "she said.",
        ]
    )
    assert page.body[0] == (
        "Estria and Norrvik resumed talks on Wednesday in Oslo on a fisheries deal. The two "
        "ministers did not comment during a photo session with Jane Roe. “It’s a fine day,” "
        "she said."
    )


@pytest.mark.parametrize(
    ("line", "furniture"),
    [
        ("THE NEW LOGIN PROCESS: Register once, then log in and you are ready to comment. All "
         "you need is a username and a password! Welcome to the community.", True),
        ("Your donation allows us to keep sending reporters to both sides of the story.", True),
        ("Your support makes all the difference.THE talks on fisheries were due to start in "
         "Oslo on Monday, covering quotas and tariffs.", False),
        ("“If you want a deal, you have to register your interest,” the minister told reporters.",
         False),
        ("The Herald is trusted across the spectrum. Unlike other outlets, we choose not to lock "
         "readers out of our reporting with paywalls. We believe quality journalism is for "
         "everyone.", True),
        ("The ministry said our reporters were not allowed into the room, officials added.",
         False),
        ("We will keep talking, the minister said, and our negotiators will meet readers of the "
         "report.", False),
    ],
)  # fmt: skip
def test_the_site_speaking_to_its_reader_is_boilerplate(line: str, furniture: bool) -> None:
    assert is_boilerplate(line) is furniture


def test_a_photo_source_after_via_is_a_credit() -> None:
    assert line_kind("Friends of Estria via flickr") is LineKind.CAPTION
    assert line_kind("Estria approves the fisheries deal via referendum") is None


def test_a_block_of_the_report_shown_twice_is_read_once() -> None:
    said = "He said the talks were “intensive, focused and constructive”, officials in Oslo added."
    page = read_page(["Fisheries talks", LEDE, said, SECOND, "source: agency", said, SECOND])
    assert page.body[:3] == (LEDE, said, SECOND)


def test_no_comments_heading_ends_the_article() -> None:
    comment = "Anonymous said this was bad news for the fishermen in the north, as usual."
    page = read_page(["Talks stall", LEDE, SECOND, "No comments:", comment])
    assert page.body == (LEDE, SECOND)


def test_a_standfirst_under_the_headline_is_not_the_headline() -> None:
    lines = [
        "Leaked papers expose secret fisheries talks",
        "A fresh batch of papers on the fisheries agreement negotiated between Estria and "
        "Norrvik was released by a group of activists",
        "Updated Feb 18, 2016",
        "Activists on Wednesday released papers revealing details of the fisheries agreement "
        "being negotiated between Estria and Norrvik, leaked by a secret source.",
        SECOND,
    ]
    assert read_page(lines).title == "Leaked papers expose secret fisheries talks"


def test_a_byline_in_lower_case_is_not_joined_to_the_headline() -> None:
    lines = paragraph_lines(
        "Estria and Norrvik begin a new round of fisheries talks\nby The Northwind Agency\n"
        "Posted Apr 30, 2019 10:04 pm EDT\n"
        "OSLO — Negotiators from Estria and Norrvik began a new round of fisheries talks on "
        "Wednesday, officials said.\n"
    )
    assert lines[:2] == [
        "Estria and Norrvik begin a new round of fisheries talks",
        "by The Northwind Agency",
    ]
    assert read_page(lines).title == "Estria and Norrvik begin a new round of fisheries talks"
