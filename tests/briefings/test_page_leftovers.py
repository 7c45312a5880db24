"""Datelines in mixed case and past the lede, credits glued after a caption's stop, breadcrumbs
run together, prompts to read elsewhere, blocks of a page's own lines, headlines in capitals
with a stop, names and titles above a lede, a listing's entries and a digest's links: each
shape with made-up lines, and the article's own lines that must stay."""

from __future__ import annotations

import pytest

from briefings.facts.statements import statements
from briefings.reading.boilerplate import is_boilerplate
from briefings.reading.dateline import split_dateline
from briefings.reading.furniture import LineKind, line_kind
from briefings.reading.gluedmarks import without_glued_marks
from briefings.reading.page import read_page
from briefings.reading.text import paragraph_lines, parse_text
from tests.briefings.farm_deal import LEDE, SECOND, THIRD


@pytest.mark.parametrize(
    ("paragraph", "place", "rest"),
    [
        ("Lindau, 28 February (NWA): Ministers met again.", "Lindau", "Ministers met again."),
        (
            "Port Ostby, June 21: Estria's negotiator will travel.",
            "Port Ostby",
            "Estria's negotiator will travel.",
        ),
        (
            "Lindau (NWA) – Members of the bloc met on Monday.",
            "Lindau",
            "Members of the bloc met on Monday.",
        ),
        ("New Ostby City (Northwire) - The talks resume.", "New Ostby City", "The talks resume."),
        # the article's own words stay
        ("Trade Minister: We agreed on the text.", "", "Trade Minister: We agreed on the text."),
        ("Estria (pictured) - the port at dusk.", "", "Estria (pictured) - the port at dusk."),
        (
            "Ministers met in Lindau (NWA) – and agreed.",
            "",
            "Ministers met in Lindau (NWA) – and agreed.",
        ),
        (
            "Lindau, Estria's port, hosted the talks.",
            "",
            "Lindau, Estria's port, hosted the talks.",
        ),
    ],
)
def test_mixed_case_datelines(paragraph: str, place: str, rest: str) -> None:
    assert split_dateline(paragraph) == (place, rest)


def test_a_dateline_after_a_summary_and_a_pull_quote_is_cut_from_the_sentence() -> None:
    paragraphs = [
        "Estria's new negotiator is set to visit Norland for tariff talks.",
        "“We will find a deal that works for both sides.” — Jane Roe",
        "Lindau, June 21: Estria's new negotiator will visit Norland next week, his office said.",
        "Ostby, June 22: that day the port reopened, officials said.",
    ]
    texts = [s.raw for s in statements(paragraphs)]
    assert any(t.startswith("Estria's new negotiator will visit Norland") for t in texts)
    assert not any(t.startswith("Lindau") for t in texts)
    assert any(t.startswith("Ostby, June 22:") for t in texts)  # deep in the body: the text's


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        (f"{LEDE} Credit: Northwire", LineKind.CAPTION),
        (
            "Jane Roe meets reporters in Lindau on the 5th. /Courtesy of Northwire News1",
            LineKind.CAPTION,
        ),
        ("Ministers pose for a picture in Lindau. Photo: Jane Roe", LineKind.CAPTION),
        # the article's own lines stay
        (LEDE, None),
        ("Ministers agreed on credit: Estria will lend Norland $5 billion over ten years.", None),
        ("The bank extended the line to May. Credit: the bank said it would review it.", None),
    ],
)
def test_a_credit_after_a_captions_stop(line: str, kind: LineKind | None) -> None:
    assert line_kind(line) is kind


def test_a_lede_repeated_as_a_credited_caption_keeps_the_lede() -> None:
    text = "\n\n".join(
        ["Estria and Norland cut farm tariffs", LEDE, SECOND, f"{LEDE} Credit: Northwire", THIRD]
    )
    article = parse_text(text)
    assert article.paragraphs[0] == LEDE
    assert not any("Credit" in p for p in article.paragraphs)
    assert article.paragraphs[-1] == THIRD


@pytest.mark.parametrize(
    ("crumb", "title"),
    [
        (
            "HomeNewsWorld NewsEstria and Norland cut farm tariffs",
            "Estria and Norland cut farm tariffs",
        ),
        (
            "Homeland guard joins Estria and Norland farm tariff talks",
            "Homeland guard joins Estria and Norland farm tariff talks",
        ),  # a headline stays
    ],
)
def test_a_breadcrumb_run_together_is_no_headline(crumb: str, title: str) -> None:
    lines = [crumb, "Estria and Norland cut farm tariffs", LEDE, SECOND]
    if crumb.startswith("Homeland"):
        lines = [crumb, LEDE, SECOND]
    assert read_page(lines).title == title


@pytest.mark.parametrize(
    ("line", "furniture"),
    [
        ("Start the conversation, or Read more at Northwire Daily.", True),
        ("Read more at Northwire", True),
        ("Delegates will read more at the next session of the committee.", False),
        ("Ministers want to start the talks again in Lindau next month.", False),
    ],
)
def test_prompts_to_read_elsewhere(line: str, furniture: bool) -> None:
    assert is_boilerplate(line) is furniture


def test_a_block_of_a_pages_own_lines_is_not_joined_as_a_hard_wrap() -> None:
    long_paragraph = (
        f"{SECOND} Dropping the tariffs puts us in a good position for the next round, the "
        "minister added at a press conference in Lindau late on Friday. https://t.co/AbCdEf123"
    )
    text = (
        f"{LEDE}\n{long_paragraph}\n"
        "Minister Says Dropping Tariffs Would Restart The Negotiations\n"
        "Minister Says Dropping Tariffs Would Restart The Negotiations 🇪🇸.\n"
    )
    lines = paragraph_lines(text)
    assert lines[0] == LEDE
    assert lines[1] == long_paragraph
    assert len(lines) == 4


def test_a_hard_wrapped_block_is_still_one_paragraph() -> None:
    text = (
        "Estria and Norland agreed on Friday to cut tariffs on farm\n"
        "goods by half over five years, ending two years of talks that\n"
        "had stalled twice over dairy quotas and the rules of origin for\n"
        "processed food.\n"
    )
    assert paragraph_lines(text) == [" ".join(text.split())]


def test_a_headline_in_capitals_with_a_stop_is_no_body_text() -> None:
    shout = "THE MINISTERS AGREED TO MEET AGAIN IN LINDAU NEXT MONTH."
    lines = [
        "Estria and Norland cut farm tariffs",
        LEDE,
        SECOND,
        "Minister Says Dropping Tariffs Would Restart The Negotiations 🇪🇸.",
        shout,  # a paragraph in capitals stays
        THIRD,
    ]
    body = read_page(lines).body
    assert not any(p.startswith("Minister Says") for p in body)
    assert shout in body
    assert body[-1] == THIRD


def test_names_and_titles_that_open_the_lede_are_no_headline() -> None:
    names = "Hon Jane Roe MP Estria Minister for Trade and Export Growth"
    lede = (
        f"{names}, joined by Hon John Doe MP Estria Minister for Tourism, hosted Norland's "
        "trade minister in Lindau on Monday for the annual talks."
    )
    lines = [
        "Joint statement: Estria and Norland trade talks in Lindau",
        "Joint statement with:",
        names,
        "Hon John Doe MP Estria Minister for Tourism",
        lede,
        SECOND,
    ]
    page = read_page(lines)
    assert page.title == "Joint statement: Estria and Norland trade talks in Lindau"
    assert page.body[0] == lede


def test_a_title_case_headline_stays_the_headline() -> None:
    lines = ["Estria And Norland Agree To Cut Farm Tariffs", LEDE, SECOND]
    assert read_page(lines).title == "Estria And Norland Agree To Cut Farm Tariffs"


def test_a_listings_entry_after_the_article_is_no_body_text() -> None:
    entry = "STATEMENT : Estria announces new rules for port fees [August 2023]"
    lines = [
        "STATEMENT : Estria and Norland cut farm tariffs [August 2023]",
        LEDE,
        SECOND,
        THIRD,
        entry,
        "The statement issued by the Ministry of Trade on 1 August 2023.",
    ]
    page = read_page(lines)
    assert entry not in page.body
    assert THIRD in page.body
    assert page.title == "STATEMENT : Estria and Norland cut farm tariffs [August 2023]"


def test_links_under_a_full_story_label_are_no_body_text() -> None:
    lines = [
        "Farm trade news",
        LEDE,
        "Full stories:",
        "Estria and Norland sign the farm deal in Lindau next month",
        "Norland farm groups welcome the tariff cuts",
        SECOND,
        THIRD,
    ]
    body = read_page(lines).body
    assert not any(p.startswith(("Estria and Norland sign", "Norland farm groups")) for p in body)
    assert SECOND in body
    assert THIRD in body


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        (
            "Jane K Roe is the Chief Visual Editor at Northwire, bringing more than 20 years of "
            "experience in photojournalism to the role. " + "She has covered summits. " * 12,
            LineKind.BIO,
        ),
        ("Jane Roe is the Northwire correspondent in Lindau.", LineKind.BIO),
        # the article's own lines stay
        (
            "Jane K Roe is the chief negotiator for Estria and has led the talks since May, "
            "officials said on Friday. " + "The talks resumed on Monday. " * 12,
            None,
        ),
        (
            "Estria Trade Minister Jane Roe is the editor of the joint report, which found that "
            "tariffs had cost both sides dearly over the two years of the dispute, and she said "
            "on Friday that the findings would be shared with Norland before the talks resume "
            "next month in Lindau, where both delegations hope to close the last chapters of the "
            "deal, including the rules of origin and the dairy quotas.",
            None,
        ),
    ],
)
def test_an_authors_bio_however_long_its_paragraph(line: str, kind: LineKind | None) -> None:
    assert line_kind(line) is kind


def test_a_reading_time_in_capitals_is_not_the_outlet() -> None:
    text = "\n\n".join(["Estria and Norland cut farm tariffs", "3 MIN READ", LEDE, SECOND])
    assert parse_text(text).outlet == ""
    text = "\n\n".join(["NORTHWIRE DAILY", "Estria and Norland cut farm tariffs", LEDE, SECOND])
    assert parse_text(text).outlet == "Northwire Daily"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (f"Web Desk: {LEDE}", LEDE),
        (f"Northwire web: {LEDE}", LEDE),
        (f"News Desk : {LEDE}", LEDE),
        # the article's own words stay
        (
            "Ministers agreed on the web: rules for online shops change in May.",
            "Ministers agreed on the web: rules for online shops change in May.",
        ),
        (
            "Help Desk: the ministry opened a line for exporters.",
            "Help Desk: the ministry opened a line for exporters.",
        ),
    ],
)
def test_a_newsrooms_label_before_the_first_words(line: str, expected: str) -> None:
    assert without_glued_marks(line) == expected
