"""Reading a page apart from its furniture: a made-up report with every kind of furniture
around and inside it, as scraped text and as an HTML page, and the line rules one by one."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from briefings.reading.captions import has_photo_credit
from briefings.reading.furniture import LineKind, line_kind
from briefings.reading.page import read_page
from briefings.reading.text import paragraph_lines, parse_text
from briefings.sources.read import read_source
from briefings.summarize import summarize

PAGES = Path(__file__).resolve().parents[1] / "data" / "furniture"
NEWS = Path(__file__).resolve().parents[1] / "data" / "news"
BODY = (
    "OTTAWA (Agency) - Canada and Norland ended a third round of trade talks on Tuesday without "
    "agreeing to lift tariffs on steel, officials said.",
    "Negotiators narrowed their differences on dairy quotas but failed to settle the steel "
    "dispute, according to a joint statement.",
    "Canada wants Norland to cut its 25 percent steel tariff to 10 percent, while Norland seeks "
    "wider access for its dairy exports.",
    "The fourth round of talks is scheduled to be held in Oslo on July 14.",
)
FURNITURE = (
    "Trade ministers pose before the meeting in Ottawa",
    "Photo",
    "FILE",
    "Sign up",
    "Download our app",
    "Read more",
    "Related",
    "Most popular",
    "Share",
    "comments",
    "Logo",
    "Updated",
    "correspondent",
    "Steel remains the sticking point",
    "Northwind Herald",
    "Dairy quotas explained",
)


@pytest.mark.parametrize("form", ["txt", "html"])
def test_the_article_is_read_apart_from_its_furniture(form: str) -> None:
    article = read_source(str(PAGES / f"northwind-talks.{form}"))
    assert article.title == "Ministers end third round without a tariff deal"
    assert article.paragraphs == BODY
    assert (article.dateline, article.authors) == ("OTTAWA", ("Jane Roe",))
    assert article.summary.startswith("Negotiators from Canada and Norland closed a third round")


@pytest.mark.parametrize("form", ["txt", "html"])
def test_no_furniture_reaches_a_bullet_or_the_headline(form: str) -> None:
    briefing = summarize(read_source(str(PAGES / f"northwind-talks.{form}")))
    bullets = [briefing.headline] + [f.text for f in briefing.outcomes + briefing.next]
    for bullet in bullets:
        assert not any(bit in bullet for bit in FURNITURE), bullet
    assert [f.text for f in briefing.next] == [BODY[3]]
    assert briefing.outcomes[0].text.startswith("Canada and Norland ended a third round")


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("(Photo: Jane Roe/Agency)", LineKind.CAPTION),
        ("FILE - A container ship is loaded at the port of Halifax.", LineKind.CAPTION),
        ("Photo credit: Northwind Herald", LineKind.CAPTION),
        ("Kenya's President Amara Osei witnesses the launch of talks in Nairobi, July 8, 2020.",
         LineKind.CAPTION),
        ("Sign up for our Asia morning briefing", LineKind.PROMPT),
        ("Download our app", LineKind.PROMPT),
        ("To read the letter sent to the Speaker, click here.", LineKind.PROMPT),
        ("12 comments", LineKind.PROMPT),
        ("Share", LineKind.PROMPT),
        ("Logo", LineKind.LABEL),
        ("Updated 3 hours ago", LineKind.TIMESTAMP),
        ("June 3, 2025", LineKind.TIMESTAMP),
        ("Published 12 June 2025", LineKind.TIMESTAMP),
        ("Jane Roe is a trade correspondent for the Northwind Herald.", LineKind.BIO),
        ("By Jane Roe", LineKind.BYLINE),
        ("Home > News > Trade > Third round", LineKind.LABEL),
        ("An official website of the United States government", LineKind.PROMPT),
        ("Type: News Reference: 123 Duration: 00:00:44 Place: Brussels", LineKind.LABEL),
        ("The Estrian Trade Office is an equal opportunity provider, employer, and lender.",
         LineKind.PROMPT),
        ("ARCHIVE", LineKind.LABEL),
        ("Breadcrumb", LineKind.LABEL),
        ("Content on this archived webpage is NOT UPDATED, and external links may not function.",
         LineKind.PROMPT),
        ("Click here to go to the CURRENT TRADE.ESTRIA.EXAMPLE WEBSITE", LineKind.PROMPT),
        ("To watch a recording of the press conference that the two chief negotiators gave in "
         "Tallvik at the close of the fourth round of the fisheries negotiations, with questions "
         "from the press, please click here.", LineKind.PROMPT),
    ],
)  # fmt: skip
def test_a_furniture_line_is_known_by_its_shape(line: str, kind: LineKind) -> None:
    assert line_kind(line) is kind


@pytest.mark.parametrize(
    "line",
    [
        "Canada and Norland ended a third round of trade talks on Tuesday.",
        "Parliament decides on Wednesday whether to approve the agreement with Singapore.",
        "China says it is impossible to hold talks while the tariffs are in place.",
        "The agreement was signed in Santiago on March 8, 2018.",
        "“But we have not found any point of agreement.”",
    ],
)
def test_article_sentences_are_not_furniture(line: str) -> None:
    assert line_kind(line) is None


def test_a_single_line_break_keeps_a_caption_off_the_next_sentence() -> None:
    text = (
        "Talks end without a deal\n\n"
        "Trade ministers pose before the meeting in Ottawa.\n"
        "OTTAWA - The talks ended on Tuesday without an agreement on tariffs, officials said.\n"
        "A fourth round is scheduled for July in Oslo, the ministry said in a statement.\n"
    )
    article = parse_text(text)
    assert article.paragraphs[0].startswith("OTTAWA - The talks ended")
    assert all("pose" not in p for p in article.paragraphs)


def test_the_headline_is_the_title_line_that_shares_words_with_the_lede() -> None:
    lines = paragraph_lines(
        "Accessibility links\nBreaking News\nTop trade official praises deal with Norland\n"
        "Top trade official praises deal with Norland please wait\n"
        "No media source currently available\n"
        "The country's top trade negotiator praised a deal with Norland on Sunday, saying it "
        "was done.\nThe deal was announced on Friday after two years of talks between them.\n"
    )
    page = read_page(lines)
    assert page.title == "Top trade official praises deal with Norland"


def test_a_standfirst_above_the_byline_is_kept_apart_from_the_body() -> None:
    lines = paragraph_lines(
        "Ministers end third round\n"
        "Negotiators closed a third round of talks in Ottawa with no agreement on steel.\n"
        "By Jane Roe\nJune 3, 2025\n"
        "OTTAWA - Canada and Norland ended a third round of trade talks on Tuesday, officials "
        "said.\nThe fourth round is scheduled to be held in Oslo on July 14, officials said.\n"
    )
    page = read_page(lines)
    assert page.standfirst.startswith("Negotiators closed a third round")
    assert page.body[0].startswith("OTTAWA - Canada and Norland")


def test_teasers_after_a_related_heading_are_not_the_article() -> None:
    lines = paragraph_lines(
        "Talks end\nOTTAWA - Canada and Norland ended a third round of trade talks on Tuesday "
        "without a deal, officials said.\nRelated\nDairy quotas explained\n"
        "Who gains from a steel deal as talks drag on into the summer months\n"
    )
    assert read_page(lines).body == (
        "OTTAWA - Canada and Norland ended a third round of trade talks on Tuesday without a "
        "deal, officials said.",
    )


def test_a_list_joins_the_sentence_that_leads_into_it() -> None:
    lines = [
        "Ministers meet in Ottawa",
        "Trade ministers of Estria and Norrvik met in Ottawa on Tuesday to review their "
        "trade agreement.",
        "The minister led discussions of the ongoing negotiations for:",
        "• the Estria-Norrvik fisheries agreement",
        "• the Estria-Canada free trade agreement",
        "Ministers said the talks would go on through the summer in both capitals.",
    ]
    page = read_page(lines)
    assert page.body[1] == (
        "The minister led discussions of the ongoing negotiations for: the Estria-Norrvik "
        "fisheries agreement; the Estria-Canada free trade agreement."
    )


def test_a_schedule_at_the_foot_is_article_text() -> None:
    lines = [
        "Parliament to vote on fisheries deal",
        "Parliament votes on Wednesday on the fisheries agreement between Estria and Norrvik.",
        "The agreement removes almost all duties on fish within five years of its entry.",
        "Debate: Tuesday, 10 June",
        "Vote: Wednesday, 11 June (TBC)",
    ]
    page = read_page(lines)
    assert page.body[-2:] == ("Debate: Tuesday, 10 June", "Vote: Wednesday, 11 June (TBC)")


@pytest.mark.parametrize(
    ("closing", "kept"),
    [
        ("Ministers agreed to reconvene quarterly.", True),
        ("The council will meet again in May.", True),
        ("Both sides failed to set a date.", True),
        ("Ana Berg reports.", False),
        ("All rights reserved.", False),
        ("Read the full statement.", False),
        ("Share this story", False),
    ],
)
def test_a_short_closing_decision_is_article_text(closing: str, kept: bool) -> None:
    lines = [
        "Norland group meets on port rules",
        "The Norland Trade Group met in Ostby on Monday to discuss the new port rules.",
        "Ministers discussed the herring quota for the coming season and the harbour fees.",
        closing,
    ]
    page = read_page(lines)
    assert (page.body[-1] == closing) is kept


def test_a_row_of_fields_is_not_joined_to_the_paragraph_after_it() -> None:
    text = (
        "Vote on the fisheries agreement: extracts\n\n"
        "Type: News   Reference: 1234   Duration: 00:00:44  Place: Oslo\n"
        "End production: 23/05/2013   First transmission: 23/05/2013\n"
        "Parliament must be kept informed of the fisheries talks, it warns in a resolution "
        "voted on Thursday.\n"
    )
    lines = paragraph_lines(text)
    assert lines[-1].startswith("Parliament must be kept informed")


# The photo credit as one pattern, searched where a bracket, a colon, a slash or an agency's
# name stands: what the three patterns of has_photo_credit must find alike.
_ONE_CREDIT_PATTERN = re.compile(
    r"[(\[](?:photo|photograph|image|picture|video|file|credit)s?\b[^)\]]{0,80}[)\]]|"
    r"\b(?:photo|photograph|image|picture|video) ?(?:credit|courtesy|by|source)?\s*:\s|"
    r"\b(?:getty images|afp via getty|ap photo|reuters/|/reuters|/afp\b|/ap\b|/epa\b|"
    r"xinhua/|shutterstock|istock|alamy|pool photo|handout)\b",
    re.IGNORECASE,
)
_AGENCY_HINTS = ("getty", "ap photo", "pool photo", "shutterstock", "istock", "alamy", "handout")


def _one_credit_search(line: str) -> bool:
    folded = line.casefold()
    marked = "(" in line or "[" in line or ":" in line or "/" in line
    return (marked or any(h in folded for h in _AGENCY_HINTS)) and bool(
        _ONE_CREDIT_PATTERN.search(line)
    )


def test_photo_credits_are_found_as_by_one_pattern() -> None:
    lines = [
        line for path in sorted(NEWS.glob("*.txt")) for line in paragraph_lines(path.read_text())
    ]
    lines += [
        "(Photo: Jane Roe/Agency)", "Photo credit: Jane Roe", "REUTERS/Jane Roe", "AP Photo",
        "Ministers meet (AP Photo/Jane Roe)", "A meeting (ıStock)", "İSTOCK: a meeting",
        "Talks (file) went on: ıstock", "A handout picture", "Video : the talks", "(FILE)",
        "Trade talks resumed (see below): no deal", "Pool photo via Getty Images",
    ]  # fmt: skip
    for line in lines:
        assert has_photo_credit(line, line.casefold()) == _one_credit_search(line), line


def test_a_line_that_introduces_a_statement_is_article_text() -> None:
    text = "\n\n".join(
        (
            "Newsroom",
            "Statement on the Trade Talks",
            "June 3, 2026",
            "From the Norrvik Trade Minister Ana Lindqvist:",
            "“Today our negotiators concluded a productive round with Estria. The talks will "
            "continue next week in Oslo, and both sides agreed to keep working on steel.",
        )
    )
    article = parse_text(text)
    assert article.paragraphs[0] == "From the Norrvik Trade Minister Ana Lindqvist:"
    assert article.paragraphs[1].startswith("“Today our negotiators")


ARCHIVED_STATEMENT = (
    "Statement by Estrian Trade Minister Ana Lindqvist at the Close of the Fourth Round of "
    "Estria-Norrvik Fisheries Negotiations"
)


@pytest.mark.parametrize("form", ["txt", "html"])
def test_an_archived_statement_is_its_quoted_words_by_the_person_its_title_names(
    form: str,
) -> None:
    briefing = summarize(read_source(str(PAGES / f"estria-statement.{form}")))
    assert briefing.headline == ARCHIVED_STATEMENT
    assert [(q.speaker, q.role) for q in briefing.quotes] == [
        ("Ana Lindqvist", "Estrian Trade Minister")
    ]
    assert briefing.quotes[0].text.startswith("The fourth round of the Estria-Norrvik fisheries")
    bullets = [f.text for f in briefing.outcomes + briefing.next]
    bullets += [q.text for q in briefing.quotes]
    for bullet in bullets:
        assert not any(bit in bullet for bit in ("ARCHIVE", "archived", "click here", "Breadcrumb"))


def test_a_title_shown_again_in_two_halves_is_not_the_headline() -> None:
    lines = [
        "Breadcrumb",
        "Statement by Minister Ana Lindqvist at the Close of the Fisheries Round",
        "March 4, 2016",
        "Statement by Minister Ana Lindqvist",
        "at the Close of the Fisheries Round",
        "The fisheries round closed today in Tallvik with a deal on herring quotas, the "
        "ministry said.",
    ]
    page = read_page(lines)
    assert page.title == lines[1]
    assert page.kinds[3:5] == (LineKind.TITLE, LineKind.TITLE)
    assert page.body == (lines[5],)


def test_a_list_of_participants_is_not_the_article() -> None:
    lines = [
        "Fisheries Council, Tallvik, 4 March 2016",
        "The Council authorised the Commission to open talks on a fisheries agreement with "
        "Norrvik.",
        "The Council also welcomed the progress made on port access in the last round.",
        "PARTICIPANTS",
        "Estria:",
        "Ms Ana LINDQVIST Deputy Prime Minister and Minister for Trade, Fisheries and Ports",
        "Norrvik:",
        "Mr Tomas BERG Permanent Representative",
    ]
    assert read_page(lines).body == tuple(lines[1:3])


def test_the_first_of_two_forms_of_the_title_is_the_headline() -> None:
    lines = [
        "Remarks by Minister Ana Lindqvist at the Fisheries Talks with Norrvik",
        "March 4, 2016",
        "Remarks by Trade Minister Ana Lindqvist at the Opening of the Fisheries Talks with "
        "Norrvik in Tallvik",
        "Minister Ana Lindqvist opened the fisheries talks with Norrvik in Tallvik on Friday, "
        "the ministry said.",
    ]
    assert read_page(lines).title == lines[0]


def test_a_title_split_over_three_lines_with_its_own_marks_is_a_repeat() -> None:
    lines = [
        "Joint Statement: Fourth Round of the Estria-Norrvik Fisheries Talks, Tallvik",
        "Joint Statement",
        "Fourth Round of the Estria-Norrvik Fisheries Talks —",
        "Tallvik",
        "The fourth round of the fisheries talks closed in Tallvik on Friday with a deal on "
        "herring quotas.",
    ]
    page = read_page(lines)
    assert page.title == lines[0]
    assert page.kinds[1:4] == (LineKind.TITLE,) * 3


def test_a_shot_list_is_read_without_its_time_codes() -> None:
    text = (
        "Fisheries Council: extracts from the press conference by the Estrian minister\n\n"
        "Type: News   Reference: 4321   Duration: 00:02:10  Place: Oslo\n"
        "00:00:00 Title 00:00:05\n"
        "00:00:05 Arrival of the speakers 00:00:09\n"
        "00:00:14 SOUNDBITE by Lena Vik, Estrian Minister for Fisheries: We agreed a mandate to "
        "open talks with Norrvik on fishing quotas. The first round takes place in June. 00:00:31\n"
        "00:00:45 Cutaway 00:00:05\n"
    )
    article = parse_text(text)
    assert len(article.paragraphs) == 1
    assert article.paragraphs[0].endswith("The first round takes place in June.")
    assert paragraph_lines("00:00:45 Cutaway 00:00:05\n10:30 a.m. EST") == [
        "Cutaway",
        "10:30 a.m. EST",
    ]


def test_a_caption_in_two_lines_stays_off_the_lede() -> None:
    lines = paragraph_lines(
        "Estria and Norrvik to tackle steel capacity\nBy Staff\nMay 17, 2021\n"
        "FILE PHOTO: Lena Vik testifies before a committee in Estria City\n"
        "Trade Minister Lena Vik says both sides are ‘partners with shared interests.’\n"
        "Estria and Norrvik have begun talks on steel capacity and suspended tariffs while the "
        "talks go on.\nThe statement was issued on Monday after virtual talks last week.\n"
    )
    page = read_page(lines)
    assert page.body[0].startswith("Estria and Norrvik have begun talks")
    assert all("says both sides" not in p for p in page.body)


def test_a_lede_in_the_present_tense_under_a_caption_is_the_lede() -> None:
    lines = paragraph_lines(
        "Estria rules out new talks\n"
        "Toy ships carrying Estrian flags are on display at a shop in Estria City, July 13, 2018.\n"
        "Estria says it is impossible to hold trade talks with Norrvik while tariffs stand.\n"
        "Norrvik imposed duties on $20 billion worth of Estrian goods, which took effect Monday.\n"
    )
    assert read_page(lines).body[0].startswith("Estria says it is impossible")


def test_talks_after_a_preposition_are_no_picture() -> None:
    lines = paragraph_lines(
        "Vote on the fisheries agreement\nType: News Reference: 1 Duration: 00:00:44 Place: Oslo\n"
        "Parliament must be kept on board in talks with Norrvik on the fisheries deal, it warns "
        "in a resolution. MEPs favour starting the talks.\nPDF version\n"
        "The Vice-President opens the vote on the fisheries agreement with Norrvik.\n"
    )
    assert read_page(lines).body[0].startswith("Parliament must be kept on board")


def test_a_numbered_or_spoken_lede_gives_the_headline_its_words_not_its_label() -> None:
    from briefings.reading.headline import headline_from_lede

    lede = "1. Trade ministers of Estria and Norrvik met in the capital on 3 June 2024."
    assert headline_from_lede(lede).startswith("Trade ministers of Estria")
    turn = "MS ROE: The minister will travel to Norrvik on Monday for the fisheries talks."
    assert headline_from_lede(turn).startswith("The minister will travel")


def test_an_honourable_member_ends_no_sentence() -> None:
    from briefings.reading.sentences import sentences

    text = "My right hon. Friend will set those out. The hon. Lady asked about it."
    assert sentences(text) == [
        "My right hon. Friend will set those out.",
        "The hon. Lady asked about it.",
    ]


def test_an_initial_in_lower_case_and_senators_end_no_sentence() -> None:
    from briefings.reading.sentences import sentences

    text = (
        "Talks were led by Andrew l. Roe on Friday. Voting yes: Sens. Berg and Dahl. "
        "Reps. Lind and Moe voted no. He chose plan b. Norland agreed."
    )
    assert sentences(text) == [
        "Talks were led by Andrew l. Roe on Friday.",
        "Voting yes: Sens. Berg and Dahl.",
        "Reps. Lind and Moe voted no.",
        "He chose plan b.",
        "Norland agreed.",
    ]


def test_a_speaker_s_label_in_capitals_is_not_the_outlet() -> None:
    article = parse_text(
        "Press conference by Minister Roe\n\nMINISTER ROE:\n\n"
        "We agreed on the text of the farm deal today after two years of talks with Norland.\n"
    )
    assert article.outlet == ""


def test_a_timestamp_line_is_not_the_outlet() -> None:
    article = parse_text(
        "• 12/27/2013 4:25 PM\n"
        "Estria and Norrvik agree to review their trade pact\n"
        "Estria and Norrvik agreed on Tuesday to review their trade pact, the trade minister "
        "said in a statement.\n"
        "The review will start in March and end by the close of the year, officials said.\n"
    )
    assert article.outlet == ""
    assert article.title == "Estria and Norrvik agree to review their trade pact"


def test_a_transcript_without_a_title_line_is_not_headed_by_its_greeting() -> None:
    article = parse_text(
        "MS ROE: Good afternoon.\n"
        "Okay, got a couple of things at the top.\n"
        "Estria and Norrvik agreed on Tuesday to review their trade pact and its quotas.\n"
        "The review will start in March and end by the close of the year, officials said.\n"
    )
    assert article.title == (
        "Estria and Norrvik agreed on Tuesday to review their trade pact and its quotas"
    )


def test_an_office_name_as_the_page_title_is_not_the_headline() -> None:
    from briefings.reading.extract import parse_html

    body = (
        "Estria and Norrvik agreed on Tuesday to review their trade pact and its quotas, the "
        "two trade ministers said after a day of talks in the Estrian capital."
    )
    more = (
        "The review will start in March and end by the close of the year, officials of both "
        "countries said, and it will cover steel, dairy and the rules for small firms."
    )
    page = (
        "<html><head><title>Ministry of Foreign Affairs of Estria</title></head><body>"
        "<header>Ministry of Foreign Affairs of Estria</header><article>"
        "<h1>Estria and Norrvik agree to review their trade pact</h1>"
        f"<p>{body}</p><p>{more}</p></article></body></html>"
    )
    article = parse_html(page, "https://x.test/release")
    assert article.title == "Estria and Norrvik agree to review their trade pact"
