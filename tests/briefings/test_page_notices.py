"""Furniture from outlets the rules have not seen, told by structure: present-tense captions
with a plural subject, notices to the reader about access and comments, kickers in mixed case,
a lone place before a colon, drop caps, a section's label on a page without a title, a closing
line that names the service a report came from, a copyright mark glued after the last stop
and a teaser's sentence cut short: each shape with made-up lines, and the article's own lines
that must stay."""

from __future__ import annotations

import pytest

from briefings.reading.captions import describes_picture
from briefings.reading.dateline import split_dateline
from briefings.reading.extract import parse_html
from briefings.reading.furniture import LineKind, line_kind
from briefings.reading.gluedmarks import without_glued_marks, without_kicker
from briefings.reading.text import parse_text
from tests.briefings.farm_deal import LEDE, SECOND, THIRD, TITLE


def _body(*lines: str) -> tuple[str, ...]:
    return parse_text("\n\n".join(lines)).paragraphs


@pytest.mark.parametrize(
    "caption",
    [
        "Trade ministers speak in the Rose Garden on Tuesday.",
        "Delegates arrive for talks in Lindau, Norland, May 3, 2026.",
        "Farmers gather outside the ministry in Lindau.",
        "Dock workers watch as the first ship leaves Port Ostby.",
    ],
)
def test_a_present_tense_caption_above_the_lede_is_no_article_text(caption: str) -> None:
    assert caption not in _body(TITLE, caption, LEDE, SECOND, THIRD)


def test_a_present_tense_caption_inside_the_body_is_no_article_text() -> None:
    caption = "Trade ministers speak in the Rose Garden on Tuesday."
    assert _body(TITLE, LEDE, caption, SECOND, THIRD) == (LEDE, SECOND, THIRD)


@pytest.mark.parametrize(
    "line",
    [
        "Negotiators met in Lindau on Tuesday.",
        "Ministers will speak to reporters after the talks end on Friday.",
        "“We speak for the farmers,” the minister said.",
    ],
)
def test_a_report_s_sentence_about_people_speaking_stays(line: str) -> None:
    assert line in _body(TITLE, LEDE, line, SECOND, THIRD)


def test_a_plural_caption_verb_describes_a_picture() -> None:
    assert describes_picture("Trade ministers speak in the Rose Garden on Tuesday.")
    assert not describes_picture("Trade ministers spoke in the Rose Garden on Tuesday.")


@pytest.mark.parametrize(
    "notice",
    [
        "Subscribe to continue reading.",
        "This article is for subscribers only.",
        "You have reached your limit of free articles.",
        "Learn how your comment data is processed.",
        "Your email address will not be published.",
        "Your email address will not be published. Required fields are marked *",
        "This post is for paying subscribers",
    ],
)
def test_a_notice_to_the_reader_about_access_or_comments_is_furniture(notice: str) -> None:
    assert line_kind(notice) is LineKind.PROMPT
    assert notice not in _body(TITLE, LEDE, SECOND, notice, THIRD)


@pytest.mark.parametrize(
    "line",
    [
        "“You have reached the limit of our patience,” the minister told the envoys.",
        "Exporters said their access to the Estrian market would double under the deal.",
        "The quota limit for dairy will rise to 40,000 tonnes by 2030.",
    ],
)
def test_a_report_s_sentence_about_limits_or_access_stays(line: str) -> None:
    assert line_kind(line) is None


@pytest.mark.parametrize(
    "kicker", ["Exclusive | ", "Analysis: ", "Live updates - ", "Live Updates – ", "Explainer: "]
)
def test_a_kicker_in_mixed_case_before_a_headline_is_cut(kicker: str) -> None:
    assert without_kicker(kicker + TITLE) == TITLE
    assert parse_text("\n\n".join([kicker + TITLE, LEDE, SECOND])).title == TITLE


@pytest.mark.parametrize("label", ["Norland: ", "Roe: ", "Watch: ", "Lindau - "])
def test_a_speaker_or_a_place_before_a_headline_is_no_kicker(label: str) -> None:
    assert without_kicker(label + TITLE) == label + TITLE


def test_a_kicker_in_a_page_title_is_cut() -> None:
    page = (
        f"<html><head><title>Analysis: {TITLE}</title></head><body><article>"
        f"<p>{LEDE}</p><p>{SECOND}</p><p>{THIRD}</p></article></body></html>"
    )
    assert parse_html(page).title == TITLE


@pytest.mark.parametrize(
    ("paragraph", "place"),
    [
        ("Lindau: The Estrian and Norland delegations signed a trade pact on Monday that cuts "
         "tariffs on most goods, officials said.", "Lindau"),
        ("Port Ostby: Trade ministers from the bloc agreed on Friday to extend the deadline for "
         "a deal by one more month.", "Port Ostby"),
    ],
)  # fmt: skip
def test_a_lone_place_in_mixed_case_before_a_colon_is_a_dateline(
    paragraph: str, place: str
) -> None:
    found, rest = split_dateline(paragraph)
    assert found == place
    assert rest == paragraph.split(": ", 1)[1]


@pytest.mark.parametrize(
    ("paragraph", "place"),
    [
        ("Lindau – The Estrian and Norland delegations signed a trade pact on Monday that cuts "
         "tariffs on most goods.", "Lindau"),
        ("Port Ostby D.C. — the two delegations agreed on Friday to extend the deadline for a "
         "deal by one more month.", "Port Ostby D.C."),
    ],
)  # fmt: skip
def test_a_lone_place_in_mixed_case_before_a_long_dash_is_a_dateline(
    paragraph: str, place: str
) -> None:
    assert split_dateline(paragraph)[0] == place


def test_a_headline_from_a_lede_after_a_dash_dateline_opens_with_a_capital() -> None:
    lede = "Lindau – the two delegations agreed on Friday to extend the deadline for a deal."
    assert parse_text(lede + "\n\n" + SECOND).title.startswith("The two delegations agreed")


@pytest.mark.parametrize(
    "paragraph",
    [
        "Trade – the lifeblood of the port for a century and more – fell by a third last year.",
        "Ana Berg — who led the talks for Estria over two years of hard bargaining, said so.",
        "Lindau – Ministers met again.",
    ],
)
def test_an_aside_or_a_short_line_after_a_long_dash_is_no_dateline(paragraph: str) -> None:
    assert split_dateline(paragraph) == ("", paragraph)


@pytest.mark.parametrize(
    "paragraph",
    [
        "Roe: We agreed on the text of the deal at the meeting with the envoys on Monday.",
        "Summary: The talks between the two sides made progress on farm tariffs this week.",
        "Roe: “The deal is done and the farmers will see the benefits within a year.”",
        "Lindau: The port that never sleeps is busier than ever.",
        "Related: Ministers of Westmark will meet in Oslo on 25 June to sign a customs pact.",
        "Timeline: How the two sides went from a tariff truce to a broad deal in six months.",
        "Reporter: The minister said on Monday that the talks would resume after the summer.",
    ],
)
def test_a_speaker_a_label_or_a_short_title_before_a_colon_is_no_dateline(
    paragraph: str,
) -> None:
    assert split_dateline(paragraph) == ("", paragraph)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("L indau (nwa) - Ministers met.", "Lindau (nwa) - Ministers met."),
        ("T he talks ended without a deal.", "The talks ended without a deal."),
        ("A deal was signed on Friday.", "A deal was signed on Friday."),
        ("I think the deal is done.", "I think the deal is done."),
    ],
)
def test_a_drop_cap_set_apart_rejoins_its_word(line: str, expected: str) -> None:
    assert without_glued_marks(line) == expected


def test_a_drop_cap_before_a_dateline_leaves_the_dateline_whole() -> None:
    article = parse_text("\n\n".join([TITLE, "L indau (nwa) - " + LEDE, SECOND]))
    assert article.dateline == "Lindau"
    assert article.paragraphs[0].startswith("Lindau (nwa) - Estria")


def test_a_section_label_is_never_the_headline_of_a_page_without_a_title() -> None:
    page = (
        "<html><head></head><body><article><h2>Trade</h2>"
        f"<p>{LEDE}</p><p>{SECOND}</p><p>{THIRD}</p></article></body></html>"
    )
    assert parse_html(page).title != "Trade"


def test_a_title_above_a_name_and_an_outlet_is_no_article_text() -> None:
    title = "For Norland, it was a summer of tariffs. Here is where the talks stand."
    article = parse_text("\n\n".join([title, "Jane K. Roe | The Northwire Herald", LEDE, SECOND]))
    assert article.paragraphs == (LEDE, SECOND)


def test_the_service_a_report_came_from_is_a_credit() -> None:
    line = "From the Norland Association of Farm Broadcasters News Service."
    assert line_kind(line) is LineKind.CREDIT
    assert _body(TITLE, LEDE, SECOND, line) == (LEDE, SECOND)
    assert line_kind("From White House Press Secretary Jane Roe:") is None


def test_a_copyright_mark_glued_after_the_last_stop_is_cut() -> None:
    line = "The official said it remains unclear how long the envoy will stay.© NWA janedoe"
    assert without_glued_marks(line) == (
        "The official said it remains unclear how long the envoy will stay."
    )


def test_the_article_ends_at_a_glued_copyright_mark() -> None:
    closing = SECOND[:-1] + ".© NWA janedoe"
    reader = "Any tariffs from the Estrian side that Norland would really be willing to drop?"
    assert _body(TITLE, LEDE, closing, reader, THIRD) == (LEDE, SECOND)


def test_a_teaser_s_excerpt_cut_short_is_no_article_text() -> None:
    cut = LEDE + " The ministry confirmed the duties…"
    assert _body(TITLE, cut, "Full Article") == ()
    assert _body(TITLE, cut, SECOND, THIRD)[1:] == (SECOND, THIRD)
