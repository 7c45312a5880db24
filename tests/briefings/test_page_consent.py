"""Consent notices, captions glued by a copyright mark, glued agency credits, notes that more
will follow, stamped dates and a title row's site and date: each shape with made-up lines, and
the article's own lines that must stay."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from briefings.reading.boilerplate import is_boilerplate
from briefings.reading.captions import is_caption
from briefings.reading.dateline import split_dateline
from briefings.reading.furniture import LineKind, line_kind
from briefings.reading.gluedmarks import stamp_date, without_glued_marks
from briefings.reading.pagemeta import without_author, without_site_and_date
from briefings.reading.text import parse_text
from tests.briefings.farm_deal import LEDE, SECOND, THIRD, TITLE


@pytest.mark.parametrize(
    "line",
    [
        "This website uses cookies. Some help our site work and cannot be switched off, others "
        "improve your browsing experience. To manage your cookie choices, open the settings.",
        "To run well, we use small text files called cookies. When you visit our pages they are "
        "stored on your device. You can change your browser settings at any time.",
        "We need your consent to load this player's contentWe use a player that can set cookies "
        "on your device. Please review its details and accept them to load the content.",
        "More information to follow for details of the next meeting of the council.",
        "More information to follow.",
    ],
)
def test_consent_notices_and_notes_about_the_page_are_furniture(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "The data regulator said the site uses cookies to follow readers without asking them.",
        "Regulators will discuss cookie banners at a meeting on Tuesday, the ministry said.",
        "More talks are to follow in March, the two delegations said after the meeting.",
        "Ministers agreed to allow the grain to move through the port from Monday.",
    ],
)
def test_news_about_cookies_and_consent_stays(line: str) -> None:
    assert not is_boilerplate(line)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Ministers meet in Lindau; Crown copyrightMinister Jane Roe said the talks had ended.",
         "Minister Jane Roe said the talks had ended."),
        ("Delegates arrive for talks. © Jane RoeThe talks ended on Monday without a deal.",
         "The talks ended on Monday without a deal."),
        ("The talks, which the Copyright Office joined, ended on Monday.",
         "The talks, which the Copyright Office joined, ended on Monday."),
    ],
)  # fmt: skip
def test_a_caption_glued_by_a_copyright_mark_is_cut(line: str, expected: str) -> None:
    assert without_glued_marks(line) == expected


@pytest.mark.parametrize(
    ("paragraph", "place", "rest"),
    [
        ("Lindau (ABC)Negotiators ended three days of talks on Tuesday without a deal.",
         "Lindau", "Negotiators ended three days of talks on Tuesday without a deal."),
        ("Lindau, Feb 4 (Agency) Negotiators ended three days of talks on Tuesday.",
         "Lindau", "Negotiators ended three days of talks on Tuesday."),
        ("(Site- Agency) Lindau, Feb 4 (Agency) Negotiators ended the talks on Tuesday.",
         "Lindau", "Negotiators ended the talks on Tuesday."),
        ("Jane Roe (MP) said on Tuesday that the talks had ended without a deal.",
         "", "Jane Roe (MP) said on Tuesday that the talks had ended without a deal."),
    ],
)  # fmt: skip
def test_a_glued_agency_credit_after_a_place_is_a_dateline(
    paragraph: str, place: str, rest: str
) -> None:
    assert split_dateline(paragraph) == (place, rest)


def test_a_stamped_date_is_the_page_s_date() -> None:
    assert stamp_date(" date 2023-06-16 Workers ended their strike.") == datetime(
        2023, 6, 16, tzinfo=UTC
    )
    assert stamp_date("2023 was a year of long talks.") is None
    article = parse_text(
        " date 2023-06-16 Workers at the Lindau port ended their strike on Friday after the "
        "union and the operators agreed on a new contract, the union said.\n\n"
        "The contract runs for three years, a spokesperson for the operators said.\n"
    )
    assert article.published == datetime(2023, 6, 16, tzinfo=UTC)
    assert article.paragraphs[0].startswith("Workers at the Lindau port")


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Talks resume in Geneva | Site | 19.01.2020", "Talks resume in Geneva"),
        ("Talks resume in Geneva | 2020-01-19", "Talks resume in Geneva"),
        ("Talks resume in Geneva | Northern Wire", "Talks resume in Geneva | Northern Wire"),
        ("Talks resume in Geneva", "Talks resume in Geneva"),
    ],
)
def test_a_title_row_s_site_and_date_are_cut(title: str, expected: str) -> None:
    assert without_site_and_date(title) == expected


def _body(*lines: str) -> tuple[str, ...]:
    return parse_text("\n\n".join(lines) + "\n").paragraphs


def test_the_site_s_pitch_under_a_prompt_is_no_article_text() -> None:
    prompt = "Sign up for a free trial to unlock the rest of this article"
    pitch = (
        "Fast, plain coverage of tariff rulings and customs cases. Each day, Farm Ledger "
        "subscribers receive a morning email and an archive of every ruling."
    )
    assert _body(TITLE, LEDE, prompt, pitch, SECOND, THIRD) == (LEDE, SECOND, THIRD)


def test_a_report_on_subscriptions_under_a_prompt_stays() -> None:
    prompt = "Sign up for a free trial to unlock the rest of this article"
    line = "Farm groups said their subscribers pay less for the tariff reports than last year."
    assert line in _body(TITLE, LEDE, prompt, line, SECOND)


@pytest.mark.parametrize(
    "line",
    [
        "The full site is only available with a subscription. Your subscription gives you "
        "access to the archive.",
        "Each day, our subscribers receive a digest of the top stories.",
    ],
)
def test_the_site_s_pitch_is_furniture(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "Clockwise from top: a farm gate in Lindau; sacks of grain; the port's old crane.",
        "From left: Jane Roe, John Doe and Mary Major at the signing in Lindau.",
    ],
)
def test_a_caption_that_walks_through_the_picture_is_furniture(line: str) -> None:
    assert line_kind(line) is LineKind.CAPTION


def test_a_sentence_from_the_left_of_a_party_stays() -> None:
    line = "From left and right, lawmakers criticised the deal on Tuesday, the agency said."
    assert line_kind(line) is None


def test_a_bracketed_prompt_to_get_a_newsletter_is_furniture() -> None:
    assert is_boilerplate("[What you need to know today: Get Lindau Daily in your inbox.]")


def test_a_title_loses_its_author_s_name_after_a_bar() -> None:
    title = "Tribes fear whale strandings | Jane Roe"
    assert without_author(title, "Jane Roe") == "Tribes fear whale strandings"
    assert without_author(title, "John Doe") == title
    assert without_author("Jane Roe", "Jane Roe") == "Jane Roe"


@pytest.mark.parametrize("line", ["More details to come ...", "More to come."])
def test_a_note_that_more_will_come_is_furniture(line: str) -> None:
    assert is_boilerplate(line)


def test_more_talks_to_come_stays() -> None:
    assert not is_boilerplate("More talks are to come in March, the two delegations said.")


def test_a_sentence_of_the_body_shown_above_the_title_is_no_headline() -> None:
    excerpt = "Roe said the two sides will set up a working group to assess the farm tariffs"
    page = "\n\n".join(
        [
            excerpt,
            TITLE,
            LEDE,
            SECOND,
            f"{excerpt} “by the end of June”. Talks resume next week.",
        ]
    )
    assert parse_text(page + "\n").title == TITLE


def test_a_title_named_again_inside_the_body_stays_the_headline() -> None:
    title = "Estria and Norland ministers sign the farm tariff deal in Lindau"
    page = "\n\n".join([title, LEDE, SECOND, f"Officials said {title} on Friday."])
    assert parse_text(page + "\n").title == title


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Inside the farm ministry's new building in Lindau. [Farm Ministry]", True),
        ("The talks resume on Monday. [AP]", False),
        ("The ministry said the chance was lost. [Northwire]", False),
    ],
)
def test_an_owner_in_square_brackets_after_a_short_description_makes_a_caption(
    line: str, expected: bool
) -> None:
    assert is_caption(line) is expected


def test_a_short_line_in_a_row_of_credited_pictures_is_a_caption() -> None:
    row = [
        "Minister Jane Roe arrives for the farm talks in Lindau.",
        "Image Credit: Northwire",
        "Delegates around the table at the farm talks in Lindau.",
        "Image Credit: Agency",
    ]
    assert "Delegates around the table at the farm talks in Lindau." not in _body(
        TITLE, LEDE, SECOND, *row, THIRD
    )


def test_a_sentence_of_the_report_above_a_lone_credit_stays() -> None:
    line = "The fourth round of farm talks is scheduled to be held in Lindau on July 14."
    assert line in _body(TITLE, LEDE, SECOND, line, "Photo credit: Northwire", THIRD)


TEASER = "Farm goods tariffs cut by half over five years, ending talks"


@pytest.mark.parametrize(
    "page",
    [
        ["Business", TITLE, "Related", TEASER, "Estria farmers welcome the farm goods cut", LEDE],
        [TITLE, "By Jane Roe", TEASER, LEDE],
        [TITLE, TEASER, "Estria farmers welcome the farm goods cut", LEDE],
    ],
)
def test_the_title_stays_the_headline_over_teasers_under_it(page: list[str]) -> None:
    assert parse_text("\n\n".join([*page, SECOND, THIRD]) + "\n").title == TITLE
