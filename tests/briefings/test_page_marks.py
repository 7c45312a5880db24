"""Marks glued to a line, embedded posts, captions that tell where people stand, notices of a
site's mailing list, slashed and bulleted datelines: each shape with made-up lines, and the
article's own lines that must stay."""

from __future__ import annotations

import pytest

from briefings.reading.boilerplate import is_boilerplate
from briefings.reading.captions import describes_picture
from briefings.reading.dateline import split_dateline
from briefings.reading.embeds import is_embedded_post, tells_positions
from briefings.reading.furniture import LineKind, line_kind
from briefings.reading.gluedmarks import without_glued_marks
from briefings.reading.lineshape import words
from briefings.reading.text import parse_text
from tests.briefings.farm_deal import LEDE, SECOND


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("date 2024-03-05 Estria and Norland agreed on Friday to cut tariffs.",
         "Estria and Norland agreed on Friday to cut tariffs."),
        ("Published: 2024-03-05T10:30 Talks resume in Lindau", "Talks resume in Lindau"),
        ("The ministers agreed a timetable for the next three rounds. |",
         "The ministers agreed a timetable for the next three rounds."),
        ("|", ""),
        ("“We will keep talking until the deal is done,” the minister added.Northwire",
         "“We will keep talking until the deal is done,” the minister added."),
        ("The bloc groups Estria, Norland and four smaller states since 1967.-ENA",
         "The bloc groups Estria, Norland and four smaller states since 1967."),
        ("Estria Raises Tariffs On Norland Cheese04:12", "Estria Raises Tariffs On Norland Cheese"),
        ("- Negotiators met in Lindau for a third day of talks. 1m 43s",
         "- Negotiators met in Lindau for a third day of talks."),
        ("- The ministers left without a joint statement. 6s",
         "- The ministers left without a joint statement."),
    ],
)  # fmt: skip
def test_marks_glued_to_a_line_are_cut(line: str, expected: str) -> None:
    assert without_glued_marks(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        LEDE,
        "The summit opened at 10:30",
        "The delegation flew on to St.Petersburg",
        "Officials said the talks would resume in the U.S.Army base at Lindau",
        "Negotiators from 12 states",
        "2024 was the year the talks began in earnest, officials said.",
    ],
)
def test_the_article_s_own_lines_keep_their_words(line: str) -> None:
    assert without_glued_marks(line) == line


@pytest.mark.parametrize(
    "line",
    [
        "Jane Roe (@janeroe_est) Good talks today with our Norland partners. More to come!",
        "Proud to open trade talks with @normin. — Jane Roe (@janeroe_est) March 5, 2024",
        "We are taking the next step together. #EstNorTrade @tradeest pic.twitter.com/x1Y2z3",
        "Ministers say the deal is close. https://t.co/AbC123xyz",
        "An exciting day to open free trade talks with @normin.",
    ],
)
def test_an_embedded_post_is_no_article_text(line: str) -> None:
    assert is_embedded_post(line, words(line))
    assert line_kind(line) is LineKind.CAPTION


@pytest.mark.parametrize(
    "line",
    [
        "Trade reporter Jane Roe (@janeroe_est) joins us to explain what the deal means.",
        "Write to the ministry at press@trade.example.gov for the full text of the agreement.",
        "\u201cGood talks with @janeroe on the first tranche of the pact,\u201d Minister Doe "
        "posted on X on Tuesday.",
        LEDE,
    ],
)
def test_a_handle_in_brackets_an_email_address_or_a_quoted_post_stays(line: str) -> None:
    assert not is_embedded_post(line, words(line))


@pytest.mark.parametrize(
    "line",
    [
        "Estrian President Jane Roe (left) and Norland Prime Minister John Doe (right) at a "
        "dinner after the summit in Lindau.",
        "Prime Minister Jane Roe (foreground) at the summit. (From left) Trade Minister John Doe "
        "and Foreign Minister Ann Poe are behind her.",
        "Delegates (second from left) wait for the session to open",
    ],
)
def test_a_caption_that_tells_where_people_stand_is_a_caption(line: str) -> None:
    assert tells_positions(line, words(line))
    assert line_kind(line) is LineKind.CAPTION


@pytest.mark.parametrize(
    "line",
    [
        "Minister Jane Roe (left) met her Norland counterpart for two hours on Friday.",
        "The prime minister (right) said the talks would resume in June.",
        LEDE,
    ],
)
def test_a_sentence_that_tells_an_event_keeps_its_positions(line: str) -> None:
    assert not tells_positions(line, words(line))


def test_a_plural_noun_before_a_past_verb_is_no_picture_description() -> None:
    assert not describes_picture("Estrian and Norland officials concluded a first day of talks.")
    assert describes_picture("Estrian Trade Minister Jane Roe speaks to reporters in Lindau.")


@pytest.mark.parametrize(
    "line",
    [
        "We will use your email address only for sending you newsletters.",
        "Please see our Privacy Notice for details of your data protection rights.",
        "This segment aired on March 5, 2024.",
        "DETAILS TO FOLLOW",
    ],
)
def test_a_mailing_list_notice_or_a_programme_note_is_boilerplate(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "The minister said farmers would get newsletters from the ministry explaining the quotas.",
        "Our farmers will gain most from the deal, the minister said.",
    ],
)
def test_a_sentence_about_newsletters_or_farmers_stays(line: str) -> None:
    assert not is_boilerplate(line)


@pytest.mark.parametrize(
    ("paragraph", "place"),
    [
        ("LINDAU, March 5. /Northwire/. Estria and Norland agreed on Friday to cut tariffs.",
         "LINDAU"),
        ("LINDAU • Estria and Norland agreed on Friday to cut tariffs.", "LINDAU"),
    ],
)  # fmt: skip
def test_a_slashed_or_bulleted_dateline_is_split(paragraph: str, place: str) -> None:
    found, body = split_dateline(paragraph)
    assert found == place
    assert body == "Estria and Norland agreed on Friday to cut tariffs."


def test_a_page_with_stamps_posts_and_captions_gives_the_article() -> None:
    text = "\n".join(
        [
            f"date 2024-03-05 {LEDE}",
            "Estrian President Jane Roe (left) and Norland Prime Minister John Doe (right) at "
            "the signing in Lindau.",
            "Jane Roe (@janeroe_est) A good day for our farmers. pic.twitter.com/x1Y2z3",
            SECOND,
            "We will use your email address only for sending you newsletters.",
            "DETAILS TO FOLLOW",
        ]
    )
    article = parse_text(text)
    assert article.paragraphs == (LEDE, SECOND)
    assert article.title.startswith("Estria and Norland agreed")
    assert article.outlet == ""


def test_a_page_laid_out_in_table_cells_gives_its_paragraphs() -> None:
    text = "\n".join([f"{LEDE} |", "|", f"{SECOND} |", "|"])
    assert parse_text(text).paragraphs == (LEDE, SECOND)


def test_a_caption_shown_twice_is_not_the_headline() -> None:
    caption = (
        "Jane Roe speaks to John Doe, the Norland chief negotiator, who said concessions were "
        "needed by midnight"
    )
    text = "\n".join(
        [
            "Clock ticking on Estria deal as Norland sets a deadline",
            "Ann Poe",
            caption,
            caption,
            LEDE,
            SECOND,
        ]
    )
    assert parse_text(text).title == "Clock ticking on Estria deal as Norland sets a deadline"


def test_a_headline_shown_twice_stays_the_headline() -> None:
    title = "Estria and Norland agree to halve farm tariffs after two years of talks"
    text = "\n".join([title, title, LEDE, SECOND])
    assert parse_text(text).title == title


def test_the_title_of_a_picture_above_its_credited_caption_is_not_the_headline() -> None:
    text = "\n".join(
        [
            "Estria and Norland agree to halve farm tariffs",
            "Norland And Estria Agree Farm Tariff Cut After Two Years Of Talks",
            "Norland's trade envoy announced the deal in Lindau [Jane Roe/Northwire Images]",
            LEDE,
            SECOND,
        ]
    )
    assert parse_text(text).title == "Estria and Norland agree to halve farm tariffs"


def test_a_headline_above_its_credited_caption_is_the_headline_when_alone() -> None:
    text = "\n".join(
        [
            "Estria and Norland agree to halve farm tariffs",
            "Farm goods wait at the port of Lindau [Jane Roe/Northwire Images]",
            LEDE,
            SECOND,
        ]
    )
    assert parse_text(text).title == "Estria and Norland agree to halve farm tariffs"


def test_scraped_text_with_its_markup_gives_each_block_apart() -> None:
    text = (
        "<h6><strong>Jane Roe</strong></h6> <h4><strong>Estria's minister welcomed the "
        "deal.</strong></h4> " + LEDE + " <h5><strong>The signing</strong></h5> " + SECOND
    )
    article = parse_text(text)
    assert LEDE in article.paragraphs
    assert SECOND in article.paragraphs
    assert not any("<" in paragraph for paragraph in article.paragraphs)


@pytest.mark.parametrize(
    "line",
    [
        "5 Mar 2024 10.30 GMT",
        "Tue 5 Mar 2024 10.30 GMT",
        "10:30 GMT, 5 March 2024",
        "05.03.2024 | 10:30",
        "Reading time: 3 minutes",
    ],
)
def test_a_stamp_in_any_style_is_a_timestamp(line: str) -> None:
    assert line_kind(line) is LineKind.TIMESTAMP


@pytest.mark.parametrize(
    "line",
    [
        "Be the first to know. Get breaking news alerts.",
        "Enjoy unlimited access to Northwire for $1 a week.",
        "Stay ahead with Northwire Premium.",
        "Support independent journalism. Donate today.",
        "Already a subscriber? Log in",
        "Got a news tip? Contact us.",
        "Have a story tip? Email us at tips@northwire.example",
        "Story continues below advertisement",
        "Article continues after this ad",
    ],
)
def test_a_promotion_or_a_box_s_placeholder_is_a_prompt(line: str) -> None:
    assert line_kind(line) is LineKind.PROMPT


@pytest.mark.parametrize(
    "line",
    [
        "Support for the deal grew among farmers in 2024, polls showed.",
        "Start of the talks was delayed by a week.",
        "Report says exports to Norland fell by 12 percent in March.",
        "Stay in the union was the main demand of the farmers.",
        "Be patient, the minister told reporters.",
        "2024 was a difficult year for the trade talks in Lindau.",
        "The talks continue on Monday in Lindau with a session on farm quotas.",
    ],
)
def test_a_report_s_sentence_is_no_promotion_or_stamp(line: str) -> None:
    assert line_kind(line) is None


@pytest.mark.parametrize(
    "crumbs",
    [
        "Home / News / World / Estria and Norland agree to halve farm tariffs",
        "Business » Economy » Estria and Norland agree to halve farm tariffs",
        "News > World > Estria and Norland agree to halve farm tariffs",
    ],
)
def test_the_title_that_closes_a_breadcrumb_is_the_headline(crumbs: str) -> None:
    article = parse_text("\n\n".join([crumbs, LEDE, SECOND]))
    assert article.title == "Estria and Norland agree to halve farm tariffs"


@pytest.mark.parametrize(
    "crumbs", ["Home / Business / Economy", "Home › World › Europe › Trade", "World / Europe"]
)
def test_a_breadcrumb_of_sections_only_is_never_the_headline(crumbs: str) -> None:
    title = "Norland and Estria seal the farm deal after two years"
    assert parse_text("\n\n".join([crumbs, title, LEDE, SECOND])).title == title


@pytest.mark.parametrize(
    "kicker", ["BREAKING: ", "EXCLUSIVE: ", "UPDATE 2-", "ANALYSIS-", "LIVE UPDATES: ",
               "Lindau Talks Live Updates: "],
)  # fmt: skip
def test_a_kicker_before_the_lede_is_cut(kicker: str) -> None:
    assert without_glued_marks(kicker + LEDE) == LEDE


@pytest.mark.parametrize("label", ["WATCH: ", "MS ROE: ", "NOTE: ", "UN: "])
def test_a_video_s_label_or_a_speaker_s_stays(label: str) -> None:
    assert without_glued_marks(label + LEDE) == label + LEDE


@pytest.mark.parametrize(
    "line",
    [
        "Jane Roe covers trade and the economy for Northwire.",
        "Jane Roe writes about trade policy for the Northwire Herald.",
        "Jane Roe reports on Asian trade for Northwire from Lindau.",
    ],
)
def test_an_author_s_beat_is_a_bio(line: str) -> None:
    assert line_kind(line) is LineKind.BIO


@pytest.mark.parametrize(
    "line",
    [
        "Trade Minister Jane Roe covers the costs for Norland farmers.",
        "Estria covers half the cost for the Norland farmers, officials said.",
    ],
)
def test_a_sentence_of_the_report_is_no_bio(line: str) -> None:
    assert line_kind(line) is None


@pytest.mark.parametrize(
    "line",
    [
        "This is a provisional translation by an outside firm for reference only.",
        "This is an unofficial translation.",
        "This content has already been edited and is awaiting review.",
    ],
)
def test_a_note_about_the_page_s_translation_or_content_is_boilerplate(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "This is a translation of the agreement that ministers signed on Friday.",
        "This content of the agreement was agreed by ministers in Lindau.",
    ],
)
def test_a_sentence_about_a_translation_or_the_content_of_a_deal_stays(line: str) -> None:
    assert not is_boilerplate(line)
