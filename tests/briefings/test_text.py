from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from briefings.reading.text import parse_text

DATA = Path(__file__).resolve().parents[1] / "data"


def test_asahi_text_metadata_and_body() -> None:
    article = parse_text((DATA / "asahi-2025-06-07-tariff-talks.txt").read_text("utf-8"), "u")
    assert (article.outlet, article.published, article.authors, article.dateline) == (
        "The Asahi Shimbun",
        datetime(2025, 6, 7, 8, 46, tzinfo=UTC),
        ("Chinami Tajika", "Ken Sakakibara"),
        "WASHINGTON",
    )
    assert len(article.paragraphs) == 16
    assert article.paragraphs[-1].startswith("In reality, however")
    assert article.title.startswith("Japan and the United States failed to find common ground")


def test_title_byline_and_blank_line_paragraphs() -> None:
    text = (
        "PACIFIC WIRE\n\nTalks end without a deal\n\nBy Mara Whitfield\n\n"
        "June 7, 2025 09:12 UTC\n\nTOKYO — The talks ended.\nIt was late.\n\nRead more: x"
    )
    article = parse_text(text)
    assert (article.outlet, article.title, article.authors, article.dateline) == (
        "Pacific Wire",
        "Talks end without a deal",
        ("Mara Whitfield",),
        "TOKYO",
    )
    # A single line break ends a paragraph: scraped text keeps no blank lines between them.
    assert article.paragraphs == ("TOKYO — The talks ended.", "It was late.")


def test_body_only_text_gets_a_lede_headline() -> None:
    article = parse_text("The council approved the budget on Monday after a long debate.")
    assert article.outlet == ""
    assert article.published is None
    assert article.title == "The council approved the budget on Monday after a long debate"


def test_empty_text() -> None:
    assert parse_text("  \n").paragraphs == ()


def test_an_attribution_on_the_line_after_a_quote_joins_it() -> None:
    text = (
        "Bloc seeks matching cuts in levies\n\n"
        "Trade chief Ana Berg said reciprocity must work for both sides of the talks.\n"
        "\u201cWe will be ready to look at how we can lower duties on all industrial goods,\u201d\n"
        "she stated.\n"
        "Berg will meet her counterpart in Norrvik next week to discuss the levies.\n"
    )
    paragraphs = parse_text(text).paragraphs
    assert paragraphs[1] == (
        "\u201cWe will be ready to look at how we can lower duties on all industrial goods,\u201d"
        " she stated."
    )
