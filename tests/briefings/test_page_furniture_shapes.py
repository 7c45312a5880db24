"""Furniture shapes around a made-up report: a credit joined by slashes after a caption's
stop, a caption that names its picture ("In this photo dated ..."), a paywall's pitch however
long, a teaser's excerpt shown again in full, a columnist's teaser glued to the name in
capitals, a label's timestamp, readers' comments and an excerpt of another page, an author's
bio under its heading, a video card under its length, a list of teasers above the title, a
full date with a dash before the lede, a caption's agency after its stop and a link's card
glued after a name; and the article's own lines that must stay."""

from __future__ import annotations

import pytest

from briefings.reading.boilerplate import is_boilerplate
from briefings.reading.captions import is_caption
from briefings.reading.dateline import split_dateline
from briefings.reading.furniture import LineKind, line_kind
from briefings.reading.gluedmarks import without_glued_marks
from briefings.reading.page import read_page
from briefings.reading.sitemarks import ends_with_picture_credit
from briefings.reading.text import paragraph_lines
from tests.briefings.farm_deal import LEDE, SECOND, THIRD, TITLE


@pytest.mark.parametrize(
    ("line", "credited"),
    [
        ("Farmers queue at the border post near Lindau. -/Northwire/dpa", True),
        ("Norland's trade minister Jane Roe.—Agency/Wire Photo |", True),
        ("Ministers met in Lindau. Jane Roe/Agency", True),
        # a pair of names or a fraction after a stop is no credit
        ("The deal covers cars. EU/US", False),
        ("The rate is 3.5/4 per cent. AB/CD", False),
        ("Prices rose 5 per cent in 2024/25.", False),
    ],
)
def test_a_credit_joined_by_slashes_after_a_captions_stop(line: str, credited: bool) -> None:
    assert ends_with_picture_credit(line) is credited


def test_a_caption_ending_in_its_slashed_credit_is_no_hard_wrapped_paragraph() -> None:
    text = "\n".join(
        [
            TITLE,
            "Jane Roe, Norland's trade minister, waves to farmers during a visit to Lindau,"
            " one day before the talks. -/Northwire/dpa",
            LEDE,
        ]
    )
    lines = paragraph_lines(text)
    assert lines[0] == TITLE
    page = read_page(lines)
    assert page.title == TITLE
    assert page.body[0] == LEDE


@pytest.mark.parametrize(
    "line",
    [
        "In this photo dated March 3, 2019, Norland's trade minister Jane Roe speaks in Lindau.",
        "In this file photo, Estria's negotiator arrives for talks in Lindau.",
        "In this undated handout photo, farmers block a road near the border.",
        "Media caption, Jane Roe says the deal will protect farmers",
        "Ministers from Estria and Norland met in Lindau on Monday. (NWA Video: Jane Roe)",
    ],
)
def test_captions_that_name_their_picture_or_video(line: str) -> None:
    assert is_caption(line)
    assert line_kind(line) is LineKind.CAPTION


@pytest.mark.parametrize(
    "line",
    [
        "In this year's talks, Estria asked for a longer transition for dairy.",
        "The U.S. Trade Representative (USTR) said the talks would resume.",
        "Officials (Finance Ministry staff) said the talks would go on.",
    ],
)
def test_sentences_with_such_words_stay_article_text(line: str) -> None:
    assert line_kind(line) is None


_PAYWALL = (
    "You have reached the end of the free preview of this article. To continue reading, "
    "subscribe to the Lindau Courier for unlimited access to our reporting on trade, politics "
    "and business. Subscribers get every story on our website and app, the daily newsletter "
    "in their inbox, and the e-paper edition each morning. Already a subscriber? Log in to "
    "your account to keep reading. Your subscription supports independent journalism."
)
_MEMBERS_ONLY = (
    "This article is for subscribers only. The Lindau Courier has covered the farm dispute "
    "between Norland and Estria since the first tariffs were announced, with correspondents in "
    "Lindau, Ostby and the border towns where the blockade began, and with analysis of what "
    "every new round of talks means for prices, jobs and exports across the region and beyond, "
    "from the first blockade of the border crossings to the latest offer on dairy quotas."
)


@pytest.mark.parametrize("notice", [_PAYWALL, _MEMBERS_ONLY])
def test_a_paywalls_pitch_however_long_is_no_article_text(notice: str) -> None:
    assert len(notice) > 400
    assert line_kind(notice) is LineKind.PROMPT
    body = read_page([TITLE, LEDE, SECOND, notice, THIRD]).body
    assert notice not in body
    assert THIRD in body


def test_a_long_paragraph_about_accounts_in_the_news_stays() -> None:
    paragraph = (
        "Farmers who sold grain to Estria last year will be paid through the new fund, the "
        "ministry said, and those who have not yet registered with the customs office have "
        "until May to do so. Officials said about 4,000 farms had applied so far, most of them "
        "in the border districts where the blockade cut exports for six weeks, and that a "
        "second round of payments would follow in the autumn if the budget allows it."
    )
    assert len(paragraph) > 400
    assert not is_boilerplate(paragraph)
    assert line_kind(paragraph) is None


def test_a_teasers_excerpt_shown_again_in_full_is_read_once() -> None:
    excerpt = SECOND.rsplit(" ", 3)[0] + "..."
    body = read_page([TITLE, excerpt, LEDE, SECOND, THIRD]).body
    assert excerpt not in body
    assert body[:3] == (LEDE, SECOND, THIRD)


def test_an_excerpt_shown_once_leaves_the_text_around_it() -> None:
    excerpt = "Dairy farmers in Ostby asked the ministry for a longer transition period before..."
    page = read_page([TITLE, LEDE, SECOND, excerpt, THIRD])
    assert LEDE in page.body
    assert THIRD in page.body


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("JANE ROE:Why Norland's farmers should fear the next round of talks", LineKind.TEASER),
        ("JANE ROE: ‘Farmers will pay the price for this deal’", LineKind.TEASER),
        # a speaker's turn and a dateline glued to a lede are text
        ("JANE ROE: We agreed to meet again in May.", None),
        ("MINISTER ROE: Thank you all for coming", None),
        ("LINDAU:The talks resumed on Monday after a pause of six months.", None),
        ("JANE ROE: ‘We agreed to meet again.’", None),
    ],
)
def test_a_columnists_teaser_glued_to_the_name_in_capitals(
    line: str, kind: LineKind | None
) -> None:
    assert line_kind(line) is kind


def test_a_columnists_teaser_is_never_the_headline() -> None:
    teaser = "JANE ROE:Why Norland's farmers should fear the next round of talks"
    page = read_page([TITLE, LEDE, teaser, SECOND, THIRD])
    assert page.title == TITLE
    assert teaser not in page.body


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Story first published: Wednesday, September 19, 2018, 10:36 [IST]", LineKind.TIMESTAMP),
        ("Article updated: 3 hours ago", LineKind.TIMESTAMP),
        ("Report published on Monday shows farm prices rising.", None),
        (
            "Please join the Lindau Courier WhatsApp Channel to get the latest news.",
            LineKind.PROMPT,
        ),
        ("Please share the road with tractors, the minister urged drivers.", None),
        ("[…] post Estria and Norland agree first appeared on Lindau Courier […]", LineKind.TEASER),
    ],
)
def test_labels_prompts_and_excerpts_of_other_pages(line: str, kind: LineKind | None) -> None:
    assert line_kind(line) is kind


def test_readers_comments_under_a_new_comment_heading_are_no_article_text() -> None:
    notice = "Please refrain from adding links to unrelated websites. This site is moderated."
    body = read_page([TITLE, LEDE, SECOND, THIRD, "Add new comment", notice]).body
    assert notice not in body
    assert THIRD in body


def test_a_blogs_entry_note_is_no_article_text() -> None:
    note = "This entry was posted in Trade News and tagged by Jane Roe. Bookmark the permalink."
    assert is_boilerplate(note)


@pytest.mark.parametrize("heading", ["About Jane Roe", "About the author: Jane Roe"])
def test_an_authors_bio_under_its_heading_ends_the_article(heading: str) -> None:
    bio = "Jane Roe is a blogging enthusiast who began writing for the web on a whim."
    body = read_page([TITLE, LEDE, SECOND, THIRD, heading, bio]).body
    assert bio not in body
    assert THIRD in body


def test_a_heading_about_the_story_keeps_the_text_under_it() -> None:
    heading = "About Estria Dairy"
    line = "The dairy sector employs some 40,000 people in Estria, the ministry said on Friday."
    body = read_page([TITLE, LEDE, SECOND, heading, line, THIRD]).body
    assert line in body
    assert THIRD in body


def test_video_cards_under_their_length_after_the_article_are_no_text() -> None:
    card = "'Talks were a waste of time,' Ostby's mayor says after the vote"
    lines = [TITLE, LEDE, SECOND, THIRD, "01:33", card, "00:59", "Port of Ostby reopens"]
    body = read_page(lines).body
    assert card not in body
    assert THIRD in body


def test_a_list_of_teasers_above_the_title_is_never_the_headline() -> None:
    lines = [
        "Estria, Norland cut farm tariffs",
        "Ostby's central bank holds rates steady",
        "Port workers end strike after pay deal",
        "Norland court upholds ban on fishing",
        TITLE,
        LEDE,
        SECOND,
        THIRD,
    ]
    page = read_page(lines)
    assert page.title == TITLE
    assert page.body[0] == LEDE


def test_a_title_and_its_summaries_without_stops_keep_the_title() -> None:
    lines = [
        "Home / Trade / Estria and Norland agree to halve farm tariffs",
        TITLE,
        "Estria and Norland agreed on Friday to cut tariffs on farm goods by half over five years",
        "The trade ministers said the deal would be signed in Lindau after lawyers check",
        LEDE,
        SECOND,
    ]
    assert read_page(lines).title == TITLE


@pytest.mark.parametrize(
    ("paragraph", "rest"),
    [
        (
            "June 27, 2013 -- Estria and Norland agreed on Friday.",
            "Estria and Norland agreed on Friday.",
        ),
        ("May 5-7 talks were held in Lindau.", "May 5-7 talks were held in Lindau."),
    ],
)
def test_a_full_date_and_a_dash_before_the_lede(paragraph: str, rest: str) -> None:
    assert split_dateline(paragraph) == ("", rest)


def test_a_caption_shown_twice_with_its_agency_after_the_stop_is_never_the_headline() -> None:
    caption = "Trade ministers of Estria and Norland agreed to halve farm tariffs on Friday. (NWA)"
    lines = ["Home", TITLE, caption, caption, LEDE, SECOND, THIRD]
    page = read_page(lines)
    assert page.title == TITLE
    assert caption not in page.body


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "A victory for Sen. Jane RoeJane Ann RoeRoe: Talks resume in Lindau Port fees rise"
            " MORE (Lindau), the lead sponsor.",
            "A victory for Sen. Jane Roe (Lindau), the lead sponsor.",
        ),
        (
            "Chairman John DoeJohn Paul DoeDairy farmers block the border MORE declared: “We"
            " agreed.”",
            "Chairman John Doe declared: “We agreed.”",
        ),
        # capitals that are no card stay
        ("The MORE Act passed. Officials said MORE funding was needed.", None),
    ],
)
def test_a_links_card_glued_after_a_name(line: str, expected: str | None) -> None:
    assert without_glued_marks(line) == (expected or line)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("NWA January 10/2019… Jane Roe held talks in Lindau.", "Jane Roe held talks in Lindau."),
        ("Nwa May 7/2019Jane Roe left for Lindau today.", "Jane Roe left for Lindau today."),
        ("Talks May 5/2019 were held in Lindau.", "Talks May 5/2019 were held in Lindau."),
    ],
)
def test_an_agencys_name_and_date_before_the_lede(line: str, expected: str) -> None:
    assert without_glued_marks(line) == expected
