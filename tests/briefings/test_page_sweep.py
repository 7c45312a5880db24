"""Furniture found on news pages of many outlets, told by structure: a template's placeholder
left in the text, a close button's sign before the title, a "More:" link, a pointer to more
news elsewhere, a polite prompt to log in, a blurb over a newsletter prompt, a dateline with
its agency and date in brackets before a colon, a title glued to a breadcrumb, a title above
its date and a subtitle, and a standfirst that the lede repeats under the byline: each shape
with made-up lines, and the article's own lines that must stay."""

from __future__ import annotations

import pytest

from briefings.reading.dateline import split_dateline
from briefings.reading.furniture import LineKind, line_kind
from briefings.reading.gluedmarks import without_glued_marks
from briefings.reading.text import parse_text
from tests.briefings.farm_deal import LEDE, SECOND, THIRD, TITLE


def _body(*lines: str) -> tuple[str, ...]:
    return parse_text("\n\n".join(lines)).paragraphs


@pytest.mark.parametrize(
    ("line", "cut"),
    [
        ("{mosads}The remarks came after the vote.", "The remarks came after the vote."),
        ("Talks went on {{ad_slot}} for hours.", "Talks went on for hours."),
        (
            "date 2026-06 Workers at the Lindau port walked out.",
            "Workers at the Lindau port walked out.",
        ),
        ("2026-06 budget shows a deficit of 3%.", "2026-06 budget shows a deficit of 3%."),
        (
            "Both sides agreed to cut tariffs on farm goods, NWA said, citing sources.- NWA",
            "Both sides agreed to cut tariffs on farm goods, NWA said, citing sources.",
        ),
        (
            "The quake was felt as far away as 200 miles to the east and south. - Norland Network",
            "The quake was felt as far away as 200 miles to the east and south.",
        ),
        (
            "Talks resumed in Lindau on Monday after a pause of three weeks in the U.S. - Japan",
            "Talks resumed in Lindau on Monday after a pause of three weeks in the U.S. - Japan",
        ),
        ("× Estria and Norland agree to halve farm tariffs", TITLE),
        # the article's own braces and signs stay
        ("The index rose {in real terms} by 2%.", "The index rose {in real terms} by 2%."),
        ("×2 the rate of last year, officials said.", "×2 the rate of last year, officials said."),
    ],
)
def test_a_placeholder_and_a_close_sign_are_cut(line: str, cut: str) -> None:
    assert without_glued_marks(line) == cut


@pytest.mark.parametrize(
    "line",
    [
        "More: Norland's farmers brace for a long winter",
        "Also Read: Fuel gets costlier in Lindau by 3 crowns a litre: Check details",
        "MORE: Ministers agree to meet again in May",
        "For more news, go to www.estria-farm.example.",
        "For more stories like this, visit estria-farm.example",
        "Please register, subscribe, or log in to comment on this article.",
        "Please log in to join the conversation.",
    ],
)
def test_links_and_prompts_are_furniture(line: str) -> None:
    assert line_kind(line) is not None


@pytest.mark.parametrize(
    "line",
    [
        "More than 40 farmers attended the talks in Lindau on Friday.",
        "For more than a decade, Norland has taxed Estrian grain.",
        "Please, the minister said, let us finish the text first.",
    ],
)
def test_sentences_like_them_stay(line: str) -> None:
    assert line_kind(line) is None


def test_a_blurb_over_a_newsletter_prompt_is_the_prompt_s() -> None:
    blurb = "A newsletter worth reading instead of a pile of links. —Ana"
    prompt = "Sign up to receive the Farm Desk newsletter each weekday morning."
    assert _body(TITLE, LEDE, SECOND, THIRD, blurb, prompt) == (LEDE, SECOND, THIRD)


def test_a_report_on_a_newsletter_stays() -> None:
    line = "The ministry said its newsletter would carry the tariff schedule from May."
    prompt = "Sign up to receive the Farm Desk newsletter each weekday morning."
    assert line in _body(TITLE, LEDE, SECOND, line, prompt)


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


def test_a_title_glued_to_a_breadcrumb_gives_way_to_its_clean_copy() -> None:
    page = "\n".join(
        ["Current:Home > Farm" + TITLE + " -Farm Desk Weekly", TITLE, "View", LEDE, SECOND, THIRD]
    )
    assert parse_text(page).title == TITLE


def test_the_title_above_its_date_and_a_subtitle_is_the_headline() -> None:
    subtitle = "Meeting between the trade ministers of Estria and Norland on farm tariffs"
    page = "\n".join([TITLE, "March 10, 2026", subtitle, LEDE, SECOND, THIRD])
    assert parse_text(page).title == TITLE


def test_a_standfirst_repeated_under_the_byline_is_the_lede() -> None:
    page = "\n".join([TITLE, LEDE, "By Ana Berg", LEDE, SECOND, THIRD])
    article = parse_text(page)
    assert article.summary == LEDE
    assert article.paragraphs == (LEDE, SECOND, THIRD)


def test_a_caption_shown_twice_stays_a_caption() -> None:
    caption = "Farmers gather outside the ministry in Lindau on Friday, May 3, 2026."
    page = "\n".join([TITLE, caption, "By Ana Berg", caption, LEDE, SECOND, THIRD])
    assert caption not in parse_text(page).paragraphs


def test_a_line_kind_is_kept_for_a_prompt() -> None:
    assert line_kind("Please log in to comment.") is LineKind.PROMPT


def test_a_caption_closed_by_a_credit_through_an_agency_is_no_article_text() -> None:
    caption = (
        "In this video, a storm cloud is seen over Lindau on May 13. Credit: Ana Berg via Wire"
    )
    assert caption not in _body(TITLE, LEDE, SECOND, THIRD, caption)


def test_a_sentence_shown_twice_on_a_page_with_nothing_else_is_its_text() -> None:
    line = "Saturday, thousands of people in Lindau woke up to no power after the storm."
    assert parse_text(
        "\n".join(["Storm leaves thousands in Lindau without power", line, line])
    ).paragraphs == (line,)


def test_a_caption_shown_twice_in_a_gallery_stays_a_caption() -> None:
    caption = "Farmers gather outside the ministry in Lindau on Friday. (Northwire Photo/Ana Berg)"
    assert parse_text("\n".join([TITLE, caption, caption])).paragraphs == ()


def test_a_speaker_s_label_alone_on_its_line_goes_before_the_turn() -> None:
    page = "\n\n".join(
        [
            "Press conference by Minister Roe",
            "MINISTER ROE:",
            "We agreed on the text of the farm deal today after two years of talks with Norland.",
            "Q:",
            "When will it be signed?",
            "JANE ROE, MINISTER FOR TRADE:",
            "We will sign it in Lindau next month, on the 12th.",
        ]
    )
    article = parse_text(page)
    assert article.title == "Press conference by Minister Roe"
    assert article.paragraphs == (
        "MINISTER ROE: We agreed on the text of the farm deal today after two years of talks "
        "with Norland.",
        "Q: When will it be signed?",
        "JANE ROE, MINISTER FOR TRADE: We will sign it in Lindau next month, on the 12th.",
    )
    assert article.outlet == ""


@pytest.mark.parametrize(
    "merged",
    [
        f"{TITLE} {LEDE}",
        "Talks resume in Lindau Talks resumed in Lindau on Monday after a pause of three weeks, "
        "the ministry of trade said in a short statement on its website.",
    ],
)
def test_a_title_glued_to_the_lede_is_cut_from_it(merged: str) -> None:
    article = parse_text("\n\n".join([merged, SECOND, THIRD]))
    assert article.paragraphs[0].startswith(("Estria and Norland agreed", "Talks resumed"))
    assert article.title in (TITLE, "Talks resume in Lindau")


@pytest.mark.parametrize(
    "lede",
    [
        "Estria and Norland agreed to cut tariffs while Estria and Norland farmers protested "
        "outside the ministry in Lindau on Friday evening after the talks ended.",
        "The minister said The Times had misquoted him on Friday, and he asked the paper to "
        "print a correction to its report on the talks in Lindau this week.",
    ],
)
def test_a_lede_that_names_its_subject_twice_stays_whole(lede: str) -> None:
    assert parse_text("\n\n".join([TITLE, lede, SECOND, THIRD])).paragraphs[0] == lede


@pytest.mark.parametrize(
    "byline",
    ["Northwire Media Network - Lindau", "Jane Roe, Farm Herald", "Ana Berg, Staff Writer"],
)
def test_a_byline_in_the_headline_s_place_is_no_headline(byline: str) -> None:
    assert parse_text("\n\n".join([byline, LEDE, SECOND, THIRD])).title != byline


def test_a_headline_with_a_dash_and_a_speaker_stays() -> None:
    title = "Farm deal within reach - Norland minister"
    assert parse_text("\n\n".join([title, LEDE, SECOND, THIRD])).title == title


def test_a_question_title_shown_twice_under_a_site_s_motto_is_the_headline() -> None:
    question = "Why are Estria and Norland pushing to cut the tariffs on farm goods?"
    page = "\n".join(
        [
            "Farm Desk Weekly",
            "Focus on the big picture.",
            "Friday, Sep 12, 2025",
            question,
            question,
            LEDE,
            SECOND,
            THIRD,
        ]
    )
    article = parse_text(page)
    assert article.title == question
    assert article.paragraphs == (LEDE, SECOND, THIRD)


def test_a_standfirst_that_the_lede_opens_with_again_is_kept_apart() -> None:
    more = LEDE + " The ministers met in Lindau."
    page = "\n".join([TITLE, LEDE, "NWA | Lindau | Updated: 13-04-2026 23:15", more, SECOND])
    article = parse_text(page)
    assert article.summary == LEDE
    assert article.paragraphs == (more, SECOND)


@pytest.mark.parametrize(
    "line",
    [
        "Update July 3rd, 8:05AM ET: Added a chart of the tariff cuts.",
        "Correction, May 2: This story has been corrected to show the talks end on Friday.",
        "Submit your letter to the editor via this form. Read more Letters to the Editor.",
        "Аdvеrtіѕе wіth thе most visited news site in Nоrlаnd ~ Соntасt uѕ tоdау!",
    ],
)
def test_notes_about_the_page_and_disguised_ads_are_furniture(line: str) -> None:
    assert line_kind(line) is not None


@pytest.mark.parametrize(
    "line",
    [
        "Update at 5:39 p.m.: Ministers have agreed to meet again on Friday in Lindau.",
        "Updates on the talks: added pressure from farmers led ministers to agree.",
        "Министр заявил, что переговоры продолжатся в пятницу.",
    ],
)
def test_live_updates_and_text_in_one_alphabet_stay(line: str) -> None:
    assert line_kind(line) is None


@pytest.mark.parametrize(
    ("line", "cut"),
    [
        ("By Ana Berg: Estria and Norland met.", "Estria and Norland met."),
        ("By Jane K. Roe – Ministers met on Friday.", "Ministers met on Friday."),
        ("By Monday: Ministers must report.", "By Monday: Ministers must report."),
        ("By Friday, ministers had agreed.", "By Friday, ministers had agreed."),
    ],
)
def test_a_byline_glued_before_the_lede_is_cut(line: str, cut: str) -> None:
    assert without_glued_marks(line) == cut


def test_a_promo_glued_to_its_label_is_no_article_text() -> None:
    promo = "Farm fight:Norland's farmers block the border in protest, police say."
    assert line_kind(promo) is LineKind.TEASER
    assert line_kind("Ministers met at 10:30 and agreed to cut tariffs.") is None
    assert line_kind("MINISTER ROE:We agreed on the text.") is None


def test_a_headline_beside_a_section_s_label_in_the_body_is_a_teaser_card() -> None:
    card = "Farm exports from Estria to Norland rebound in July as tariffs fall"
    page = "\n".join([TITLE, LEDE, SECOND, card, "Business", THIRD])
    assert parse_text(page).paragraphs == (LEDE, SECOND, THIRD)


def test_a_schedule_s_item_beside_a_file_number_stays() -> None:
    item = "Debate: Tuesday, 12 February"
    page = "\n".join([TITLE, LEDE, SECOND, "2026/0093(NLE)", item, THIRD])
    assert item in parse_text(page).paragraphs


def test_a_headline_with_names_in_it_is_no_row_of_tags() -> None:
    title = "Strong earthquake hits Estria near Lindau"
    lede = "A strong earthquake hit Estria near Lindau on Saturday, damaging homes and roads."
    more = "Officials said no one was killed, and power was restored to most homes by the evening."
    assert parse_text("\n\n".join([title, lede, more, THIRD])).title == title


def test_a_row_of_tags_is_no_headline() -> None:
    tags = "Estria Central bank Interest rates Food prices"
    assert parse_text("\n\n".join([tags, LEDE, SECOND, THIRD])).title != tags
