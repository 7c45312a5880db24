"""Furniture shapes met on real pages of many outlets, each with made-up lines: wire credits,
disclaimers, page notes, prompts to read elsewhere, readers' comments, teaser lists, picture
labels that repeat the headline, datelines in brackets and date stamps before a headline."""

from __future__ import annotations

import pytest

from briefings.reading.boilerplate import is_boilerplate, is_caption
from briefings.reading.captions import is_picture_description
from briefings.reading.dateline import split_dateline
from briefings.reading.furniture import LineKind, line_kind
from briefings.reading.page import read_page
from briefings.reading.spoken import unquoted_statement
from briefings.reading.text import paragraph_lines, parse_text
from briefings.summarize import summarize

LEDE = (
    "The Estrian central bank kept its main lending rate at 4.25 percent on Thursday and said "
    "food prices had started to cool."
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
        ("• The ministry denied that the quota figures were wrong. “That claim is wi...\"",
         LineKind.TEASER),
        ("A porter carries fish past the harbour office in Oslo, July 14, 2015. [Photo/Agencies]",
         LineKind.CAPTION),
    ],
)  # fmt: skip
def test_a_furniture_line_is_known_by_its_shape(line: str, kind: LineKind) -> None:
    assert line_kind(line) is kind


@pytest.mark.parametrize(
    "line",
    [
        "Everything on these pages belongs to Northwind Media and is protected by copyright.",
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
            "The Northwind agency has offices in forty capitals and sells its wire to papers "
            "across the region, its owner says.",
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
                "Nobody in my town believes the bank will lower anything before the harvest is "
                "in, and the minister knows it well.",
            ]
        )
        assert page.body == (LEDE, SECOND), heading


def test_a_comment_count_in_the_share_bar_does_not_end_the_article() -> None:
    page = read_page(["Estria holds rates", LEDE, "12 comments", SECOND])
    assert page.body == (LEDE, SECOND)


def test_a_picture_label_that_repeats_the_headline_is_not_the_headline() -> None:
    page = read_page(
        [
            "Estria sets out one template for all its tariff talks",
            "Apr 26, 2025 08:14",
            "Estria sets out one template for all its tariff talks - 1",
            "Estria's trade office has written one template for its tariff talks with a dozen "
            "partners, a newspaper in the capital reported.",
            SECOND,
        ]
    )
    assert page.title == "Estria sets out one template for all its tariff talks"


def test_a_caption_shown_twice_with_its_credit_glued_on_is_not_the_headline() -> None:
    page = read_page(
        [
            "Estria and Norrvik set to sign fisheries pact",
            "By Jane Roe, Trade Correspondent",
            "Estria's president waits for the Norrvik delegation to sign the fisheries pact",
            "Estria's president waits for the Norrvik delegation to sign the fisheries "
            "pactJANE ROE/AFP/Getty Images",
            "Estria's president and Norrvik's prime minister will sign the fisheries pact at a "
            "ceremony in the capital this week, officials said.",
            SECOND,
        ]
    )
    assert page.title == "Estria and Norrvik set to sign fisheries pact"
    assert page.body[0].startswith("Estria's president and Norrvik's prime minister")


def test_a_lede_shown_twice_is_read_once() -> None:
    lede = (
        "(Agency) – Estria's trade minister wants the Norrvik talks wrapped up by spring so "
        "that parliament can vote on the deal in June."
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
        " date 2025-01-22 Estrian prices rise less than feared\n"
        "Prices in Estria rose by 2.1% in the year to December, less than feared, which leaves "
        "room for a rate cut next week, economists said.\n"
        f"{SECOND}\n"
    )
    assert read_page(lines).title == "Estrian prices rise less than feared"


def test_a_widget_that_says_its_words_twice_is_not_the_headline() -> None:
    lines = [
        "left corner left corner",
        "Behind the lens: a year of pictures",
        "Updated: 2015-12-24 14:53",
        "For a year I took pictures from the corner of a meeting room, left of the table where "
        "the ministers sat.",
        SECOND,
    ]
    assert read_page(lines).title == "Behind the lens: a year of pictures"


def test_list_marks_and_excerpt_marks_are_not_the_sentence() -> None:
    page = read_page(
        [
            "Workers end strike",
            "- More than 9,000 dock workers at six ports walked out in May after pay talks broke "
            "down.",
            "Members of the dockers' union backed the new contract by 58% to 42% on Tuesday. [...]",
        ]
    )
    assert page.body == (
        "More than 9,000 dock workers at six ports walked out in May after pay talks broke down.",
        "Members of the dockers' union backed the new contract by 58% to 42% on Tuesday.",
    )


def test_the_caption_under_a_picture_label_is_not_the_headline() -> None:
    page = read_page(
        [
            "Envoy calls for a truce before the winter talks",
            "Envoy calls for a truce before the winter talks - photo 1",
            "Peace envoy Jane Roe of Estria",
            "(Agency) - Peace envoy Jane Roe on Monday called for a truce before the winter "
            "talks in the Estrian capital, her office said.",
            SECOND,
        ]
    )
    assert page.title == "Envoy calls for a truce before the winter talks"


def test_of_two_headline_lines_the_shorter_is_the_headline() -> None:
    page = read_page(
        [
            "Fisheries deal agreed in Oslo",
            "'This text opens a new chapter,' Fisheries Council President Jane Roe in Oslo "
            "has said",
            "The fisheries deal has been agreed in Oslo, council president Jane Roe announced.",
            "'This text opens a new chapter,' Jane Roe said at the fisheries council.",
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
        "Ministers stand on the steps of the assembly hall in Estria City in March. Photo: Agency\n"
        "‘Hard but useful’ fisheries talks worth the effort, says Estrian minister\n"
        "- Jane Roe is the first minister from Estria to speak in public about the rounds held "
        "in Oslo and Estria City\n"
        "- The two leaders could sign a fisheries deal when they meet in the spring in Oslo\n"
        "Ministers stand on the steps of the assembly hall in Estria City in March. Photo: Agency\n"
    )
    lines = paragraph_lines(text)
    assert len(lines) == 5
    page = read_page(lines)
    assert page.body[0].startswith("Jane Roe is the first minister from Estria")


def test_teasers_under_a_topic_label_are_not_key_points() -> None:
    page = read_page(
        [
            "Estria and Norrvik agree on the outline of a deal",
            "- The announcement from the ministry followed a phone call between the two "
            "ministers late on Friday",
            "Topic | Estria fisheries talks",
            "Why Estria may turn to its neighbours now that the Oslo forum is off",
            "- With the forum gone, a trade fair in the spring gives both sides another chance "
            "to talk",
        ]
    )
    assert page.body == (
        "The announcement from the ministry followed a phone call between the two ministers late "
        "on Friday",
    )


def test_a_headline_under_the_last_sentence_is_not_article_text() -> None:
    page = read_page(
        [
            "Talks stall",
            LEDE,
            SECOND,
            "Estrian fisheries minister: the stalled talks are “only a pause”",
        ]
    )
    assert page.body == (LEDE, SECOND)


def test_sentences_a_page_glued_together_are_apart_again() -> None:
    page = read_page(
        [
            "Talks resume",
            "Estria and Norrvik resumed talks on Wednesday in Oslo on a fisheries deal.The two "
            "ministers did not comment during a photo session with Jane Roe.“We are here to "
            "work,” she said.",
        ]
    )
    assert page.body[0] == (
        "Estria and Norrvik resumed talks on Wednesday in Oslo on a fisheries deal. The two "
        "ministers did not comment during a photo session with Jane Roe. “We are here to work,” "
        "she said."
    )


@pytest.mark.parametrize(
    ("line", "furniture"),
    [
        ("ACCOUNTS HAVE CHANGED: Create a profile once, then you can comment on any story. Your "
         "password must have eight letters! Thank you for reading.", True),
        ("With your donation, our correspondents stay on the road this winter.", True),
        ("Your support makes all the difference.THE talks on fisheries were due to start in "
         "Oslo on Monday, covering quotas and tariffs.", False),
        ("“If you want a deal, you have to register your interest,” the minister told reporters.",
         False),
        ("The Herald has no owner but its readers. Nothing it publishes sits behind paywalls. "
         "Independent journalism is for every reader in the valley.", True),
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


def test_talks_after_a_word_in_lower_case_are_the_talks() -> None:
    assert not is_picture_description(
        "Estria's trade office has written one template for its tariff talks with a dozen partners."
    )
    assert is_picture_description("Minister Jane Roe talks with reporters in Oslo")


def test_a_present_tense_lede_under_a_caption_about_its_speaker_is_the_lede() -> None:
    caption = "FILE - Trade Minister Lena Vik speaks in Estria City, Oct. 10, 2019."
    lede = "Trade Minister Lena Vik says Estria will not lift its fish tariffs before the summit."
    page = read_page(["Estria keeps fish tariffs", caption, caption, lede, SECOND])
    assert page.body[0] == lede


def test_thanks_for_support_in_a_speech_is_not_boilerplate() -> None:
    assert not is_boilerplate("I want to thank the ministers of Norrvik for your support.")
    assert is_boilerplate("Your support helps us keep the lights on in the newsroom.")


@pytest.mark.parametrize(
    "line",
    [
        "Some information for this report was provided by Northwind Wire and Agency.",
        "Material for this story came from the Northwind agency.",
        "Jane Roe in Oslo contributed to this report.",
    ],
)
def test_the_sources_named_at_a_report_end_are_a_credit(line: str) -> None:
    assert line_kind(line) is LineKind.CREDIT


def test_a_prompt_to_find_more_elsewhere_is_boilerplate() -> None:
    assert is_boilerplate("You can find more information in our fisheries top story.")
    assert not is_boilerplate("As you can see, the quota figures are better than last year.")


# Official sites: who issued a release, pointers to other pages, names under their honours,
# portfolios, notes in brackets, teasers cut before their link.
@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Jointly issued by the Ministry of Trade, Estria; and the Ministry of Industry, Norrvik",
         LineKind.LABEL),
        ("The press release issued by the Department for Trade on 3 May 2025.", LineKind.LABEL),
        ("To learn more about the Estria talks, please visit https://trade.example/talks.",
         LineKind.PROMPT),
        ("For further information on the tariff schedule, see the department's website.",
         LineKind.PROMPT),
        ("Read the minister's column on the fisheries pact in the Norrvik Times, here.",
         LineKind.PROMPT),
        ("Senator the Hon Jane Roe", LineKind.LABEL),
        ("The Honourable John Doe MP", LineKind.LABEL),
        ("Minister for Trade and Tourism", LineKind.LABEL),
        ("Assistant Minister for Foreign Affairs and Special Minister of State", LineKind.LABEL),
        ("(On the Record Unless Otherwise Noted)", LineKind.LABEL),
        ("[Provisional Translation]", LineKind.LABEL),
        ("Page last updated: 3 March 2025", LineKind.TIMESTAMP),
        ("Last modified on 12 May 2024", LineKind.TIMESTAMP),
        ("Date modified: 2024-05-01", LineKind.TIMESTAMP),
        ("Estria welcomes Norrvik's bid to join the customs union and will back it ... Read More»",
         LineKind.TEASER),
    ],
)  # fmt: skip
def test_an_official_site_furniture_line_is_known_by_its_shape(line: str, kind: LineKind) -> None:
    assert line_kind(line) is kind


@pytest.mark.parametrize(
    "line",
    [
        "To learn more, reporters asked officials to visit the port on Tuesday.",
        "For more information, the minister said, the two sides will need another round.",
        "The minister for trade visits Norrvik next week to sign the pact.",
        "The statement was issued by the ministry late on Friday, hours after the talks ended.",
        "The Honourable member for Kent asked whether farmers would be paid.",
        "Officials said the tariff (which took effect in May) would stay in place.",
        "Amended tariffs will apply from 2025, the ministry said.",
    ],
)
def test_article_sentences_are_no_official_furniture(line: str) -> None:
    assert line_kind(line) is None


def test_a_contact_block_closes_the_release() -> None:
    for heading in ("Media contacts", "For more information contact:", "Notes to editors"):
        page = read_page(
            [
                "Estria holds rates",
                LEDE,
                SECOND,
                heading,
                "Journalists who wish to attend the briefing must apply for accreditation with "
                "the bank's press office by noon on Friday.",
                "Questions about the rate decision can be sent to the press office, which "
                "answers them within two working days.",
            ]
        )
        assert page.body == (LEDE, SECOND), heading


def test_a_contact_link_in_the_menu_above_the_release_does_not_end_it() -> None:
    page = read_page(["Home", "Contact us", "Estria holds rates", LEDE, SECOND])
    assert page.body == (LEDE, SECOND)


def test_a_speaker_label_or_a_numbered_item_is_not_the_headline() -> None:
    for label in ("MS ROE: Good afternoon", "14. Estria rates and the bank (90113)"):
        page = read_page(["Estria holds rates at the central bank", label, LEDE, SECOND])
        assert page.title == "Estria holds rates at the central bank", label


def test_a_name_under_its_honours_is_not_the_headline() -> None:
    page = read_page(
        [
            "Joint media release",
            "Senator the Hon Jane Roe",
            "Minister for Trade and Tourism",
            "Estria and Norrvik agree to review their trade pact",
            "Estria and Norrvik agreed on Tuesday to review their trade pact, Senator Roe said "
            "in a statement.",
            SECOND,
        ]
    )
    assert page.title == "Estria and Norrvik agree to review their trade pact"


THIRD = "Most economists had expected the bank to hold its rate until the autumn, a survey showed."


def test_a_transcript_greeting_is_not_the_headline() -> None:
    page = read_page(["Press briefing", "Good afternoon, everyone", LEDE, SECOND], title="")
    assert page.title != "Good afternoon, everyone"


@pytest.mark.parametrize(
    "name",
    [
        "Office of the Estrian Trade Representative",
        "Ministry of Foreign Affairs of Estria",
        "Department of Foreign Affairs and Trade",
        "Permanent Mission of Estria to the United Nations",
        "United States of America",
        "Republic of Estria",
    ],
)
def test_an_organisation_or_a_country_alone_is_not_the_headline(name: str) -> None:
    page = read_page([name, "Estria holds rates at the central bank", LEDE, SECOND])
    assert page.title == "Estria holds rates at the central bank"
    page = read_page(["Home", name, LEDE, SECOND])
    assert page.title == ""  # none: the headline is then made from the lede


@pytest.mark.parametrize(
    "headline",
    [
        "Ministry of Trade Welcomes Estrian Rate Decision",
        "Estrian Central Bank Holds Rates",
    ],
)
def test_a_title_case_headline_naming_a_ministry_is_the_headline(headline: str) -> None:
    page = read_page(["Home", headline, LEDE, SECOND])
    assert page.title == headline


def test_a_statement_heading_over_no_quote_is_not_body_text() -> None:
    page = read_page(
        ["Estria holds rates at the central bank", LEDE, SECOND,
         "Statement from Ambassador Jane Roe:", THIRD]
    )  # fmt: skip
    assert page.body == (LEDE, SECOND, THIRD)


def test_link_labels_after_the_last_sentence_are_not_sentence_text() -> None:
    lede = (
        "The Estrian trade pact, which removes tariffs on most goods traded between the two "
        "countries and their ports, entered into force for Norrvik on 1 March 2006."
    )
    page = read_page(
        ["Estria and Norrvik mark the pact", f"{lede} (More) (Trade Pact Webpage)",
         "United States of America", SECOND]
    )  # fmt: skip
    assert page.body[0] == lede
    assert page.title == "Estria and Norrvik mark the pact"


def test_a_wire_credit_in_brackets_is_no_link_label() -> None:
    from briefings.reading.officialdom import without_link_labels

    assert without_link_labels("Talks ended on Friday. (Northwind)") == (
        "Talks ended on Friday. (Northwind)"
    )
    assert without_link_labels("Talks ended on Friday. (Full text)") == "Talks ended on Friday."


def test_listing_excerpts_cut_short_at_the_page_end_are_not_the_article() -> None:
    excerpt = (
        "Norrvik's port workers voted on Monday to accept a new contract after three weeks of "
        "talks with the..."
    )
    page = read_page(["Estria holds rates at the central bank", LEDE, SECOND, excerpt])
    assert page.body == (LEDE, SECOND)


def test_a_site_widget_message_is_furniture() -> None:
    assert line_kind("The edit just sent has not been saved.") is LineKind.PROMPT


def test_a_faq_question_is_a_subhead_not_a_bullet() -> None:
    page = read_page(
        ["Estria holds rates at the central bank", LEDE, SECOND, "What does the decision mean?",
         THIRD]
    )  # fmt: skip
    assert page.body == (LEDE, SECOND, THIRD)
    assert page.kinds[3] is LineKind.SUBHEAD


@pytest.mark.parametrize(
    ("paragraph", "place", "rest"),
    [
        ("NORRVIK: The Estrian central bank kept its rate.", "NORRVIK", "The Estrian central"),
        ("PORT ESTRIA: Ministers met on Monday.", "PORT ESTRIA", "Ministers met on Monday."),
        ("Port Estria, May 28: Ministers met.", "Port Estria", "Ministers met."),
        ("Norrvik, June 7, 2023: Ministers met.", "Norrvik", "Ministers met."),
        ("( - The Estrian pact was signed.", "", "The Estrian pact was signed."),
    ],
)
def test_a_place_before_a_colon_and_an_emptied_agency_bracket_are_datelines(
    paragraph: str, place: str, rest: str
) -> None:
    found, body = split_dateline(paragraph)
    assert found == place
    assert body.startswith(rest)


@pytest.mark.parametrize(
    "paragraph",
    [
        "AMBASSADOR ROE: Good morning, everyone.",
        "UPDATE: The talks resumed on Monday.",
        "MODERATOR: Our next question comes from Norrvik.",
        "Note: The figures are provisional.",
        "Norrvik: The port that never sleeps is busier than ever.",
    ],
)
def test_a_speaker_a_note_or_a_place_in_mixed_case_without_a_date_is_no_colon_dateline(
    paragraph: str,
) -> None:
    assert split_dateline(paragraph) == ("", paragraph)


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        (
            "Ministers Jane Roe (left) and Ann Poe attend a ceremony in Norrvik, May 3, 2021. "
            "— Northwind pic",
            LineKind.CAPTION,
        ),
        ("Delegates arrive at the harbour office. – Picture by Jane Roe", LineKind.CAPTION),
        (
            "Distributed by Northwind Wire on behalf of the Ministry of Trade of Estria.",
            LineKind.CREDIT,
        ),
        ("The full text of the communique is found here.", LineKind.PROMPT),
        ("The ministry's statement can be read here.", LineKind.PROMPT),
    ],
)
def test_picture_credits_release_notes_and_link_notices_are_furniture(
    line: str, kind: LineKind
) -> None:
    assert line_kind(line) is kind


@pytest.mark.parametrize(
    "line",
    [
        "The grain was distributed by the Red Cross on behalf of the Estrian government.",
        "The minister said the photo was taken in Norrvik - not in Port Estria.",
        "Ministers said a deal was here.",
        "The new tariffs are here to stay, the minister said.",
    ],
)
def test_sentences_about_distribution_photos_or_here_stay_body_text(line: str) -> None:
    assert line_kind(line) is None


def test_a_help_widget_question_is_never_the_headline() -> None:
    page = read_page(["How can we help you?", "Login", LEDE, SECOND])
    assert page.title == ""
    assert page.body == (LEDE, SECOND)


def test_a_question_headline_to_no_reader_stays_the_headline() -> None:
    page = read_page(["Will Estria cut rates soon?", LEDE, SECOND])
    assert page.title == "Will Estria cut rates soon?"


def test_a_headline_ending_in_an_initialism_is_the_headline() -> None:
    headline = "Estrian Central Bank Holds Rates As Prices Cool In U.S."
    page = read_page(["Listen Live", headline, LEDE, SECOND])
    assert page.title == headline


def test_a_caption_closed_by_its_credit_is_never_the_headline() -> None:
    caption = (
        "Governor Jane Roe (left) attends a meeting at the central bank in Norrvik, "
        "March 3, 2024. — Northwind pic"
    )
    page = read_page(["Estrian central bank holds rates", caption, caption, LEDE, SECOND])
    assert page.title == "Estrian central bank holds rates"
    assert page.body == (LEDE, SECOND)


REMARKS = (
    "“Thank you all for coming. We have worked on this agreement with our partners for many "
    "months.",
    "“The talks in Norrvik resume next week, and we expect progress on the tariff schedule.”",
)


def test_remarks_whose_paragraphs_all_open_with_a_quote_mark_are_the_text() -> None:
    page = read_page(["Remarks on the Estrian trade talks", *REMARKS])
    assert page.body == (
        "Thank you all for coming. We have worked on this agreement with our partners for many "
        "months.",
        "The talks in Norrvik resume next week, and we expect progress on the tariff schedule.",
    )


@pytest.mark.parametrize(
    ("title", "paragraphs"),
    [
        ("Remarks by Ambassador Jane Roe on the Estrian trade talks", REMARKS),
        ("Estrian bank holds rate", ("“We will not rush,” the governor said on Thursday.", LEDE)),
        ("Estrian bank holds rate", ("“We will not rush,” the governor said on Thursday.",)),
    ],
)
def test_quotes_with_a_speaker_keep_their_marks(title: str, paragraphs: tuple[str, ...]) -> None:
    assert unquoted_statement(paragraphs, title) == list(paragraphs)


@pytest.mark.parametrize(
    "paragraph",
    [
        "Oct 15 (Reuters) - The Estrian central bank kept its rate.",
        "March 3 (AP) — The Estrian central bank kept its rate.",
        "15 October (AFP) - The Estrian central bank kept its rate.",
        "Oct. 15, 2025 (Northwind Wire) -- The Estrian central bank kept its rate.",
    ],
)
def test_a_date_first_wire_dateline_is_split_from_the_lede(paragraph: str) -> None:
    assert split_dateline(paragraph) == ("", "The Estrian central bank kept its rate.")


@pytest.mark.parametrize(
    "paragraph",
    [
        "May 5 people were hurt when the roof fell in, police said.",
        "March 3 - the day the talks began - is a holiday in Estria.",
    ],
)
def test_a_sentence_that_opens_with_a_date_keeps_it(paragraph: str) -> None:
    assert split_dateline(paragraph) == ("", paragraph)


def test_a_date_first_dateline_is_no_part_of_a_bullet() -> None:
    article = parse_text(f"Estrian bank holds rate\n\nOct 15 (Reuters) - {LEDE}\n\n{SECOND}\n")
    briefing = summarize(article)
    assert briefing.outcomes
    assert not any("Reuters" in fact.text for fact in briefing.outcomes + briefing.next)


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Don't miss daily games from the Northwind Herald, including the crossword.",
         LineKind.PROMPT),
        ("Stay updated with the latest news from Estria and around the world.", LineKind.PROMPT),
        ("Follow us on social media for more stories.", LineKind.PROMPT),
        ("Get the latest news on trade and the economy delivered to your inbox.",
         LineKind.PROMPT),
        ("This Information System is provided by the Estrian Ministry of Trade.",
         LineKind.PROMPT),
        ("Press Office: +1 202 555 0147", LineKind.LABEL),
        ("Media contact: Jane Roe, +44 20 7946 0958, jane.roe@example.org", LineKind.LABEL),
        ("Date: 12 May 2025 Description: Trade ministers meet in Norrvik before the talks. "
         "© Northwind Office / photo by Jane Roe", LineKind.CAPTION),
    ],
)  # fmt: skip
def test_a_site_prompt_footer_contact_or_photo_record_is_furniture(
    line: str, kind: LineKind
) -> None:
    assert line_kind(line) is kind


@pytest.mark.parametrize(
    "line",
    [
        "Don't miss the chance to settle this, the minister told the negotiators on Thursday.",
        "The ministry said it would stay updated on the talks and follow them closely.",
        "Exporters can get the latest tariff figures from the ministry on Monday.",
        "Callers to the hotline, +1 800 555 0100, reported long waits, the agency said.",
        "The minister told the press office that the talks would go on until 12 May 2025.",
    ],
)
def test_sentences_like_site_lines_stay_body_text(line: str) -> None:
    assert line_kind(line) is None


@pytest.mark.parametrize(
    "above",
    [
        ["Home News World Estrian Bank Rates"],
        ["Home > News > Economy"],
        ["Home / Business"],
        ["Estria Central bank Interest rates Food prices"],
        ["U.S. Permanent Representative to the United Nations"],
    ],
)
def test_a_breadcrumb_a_tag_line_or_an_office_is_never_the_headline(above: list[str]) -> None:
    page = read_page([*above, LEDE, SECOND])
    assert page.title == ""
    assert page.body == (LEDE, SECOND)


def test_the_site_name_is_never_the_headline() -> None:
    page = read_page(["The Daily Example", LEDE, SECOND], outlet="The Daily Example")
    assert page.title == ""


@pytest.mark.parametrize(
    "line",
    [
        "Estrian bank holds its rate as food prices cool | The Daily Example",
        "The Daily Example | Estrian bank holds its rate as food prices cool",
    ],
)
def test_the_story_part_of_a_title_with_the_site_name_is_the_headline(line: str) -> None:
    page = read_page([line, LEDE, SECOND])
    assert page.title == "Estrian bank holds its rate as food prices cool"


@pytest.mark.parametrize(
    "lines",
    [
        ["Will the Estrian central bank cut its rate?", LEDE, SECOND],
        ["Business", "Will the Estrian central bank cut its rate?", "By Jane Roe", LEDE, SECOND],
    ],
)
def test_a_question_titling_the_page_is_the_headline(lines: list[str]) -> None:
    page = read_page(lines)
    assert page.title == "Will the Estrian central bank cut its rate?"
    assert page.body == (LEDE, SECOND)


def test_a_question_that_shares_no_words_with_the_lede_is_not_the_headline() -> None:
    page = read_page(["What happens to our savings now, and who decides?", LEDE, SECOND])
    assert page.title != "What happens to our savings now, and who decides?"
