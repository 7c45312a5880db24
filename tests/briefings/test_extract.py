from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from briefings.reading.extract import parse_html

DATA = Path(__file__).resolve().parents[1] / "data"


def _page(name: str) -> str:
    return (DATA / name).read_text(encoding="utf-8")


def test_asahi_page() -> None:
    article = parse_html(_page("asahi-2025-06-07-tariff-talks.html"))
    assert (article.title, article.outlet, article.published, article.authors) == (
        "Japan, U.S. fail to find common ground in fifth round of tariff talks",
        "The Asahi Shimbun",
        datetime(2025, 6, 7, 8, 46, tzinfo=UTC),
        ("Chinami Tajika", "Ken Sakakibara"),
    )
    assert article.canonical_url == "https://asahi.example/ajw/articles/15800000"
    assert article.url == article.canonical_url
    assert len(article.paragraphs) == 16
    body = article.text
    for noise in (
        "(Asahi Shimbun)",
        "This article was written by",
        "SPECIAL COVERAGE",
        "hibakusha",
    ):
        assert noise not in body


def test_pacific_wire_page_byline_and_noise() -> None:
    article = parse_html(_page("pacificwire-2025-06-07-tariff-talks.html"), "https://x.test/p")
    assert (article.outlet, article.authors, article.dateline) == (
        "Pacific Wire",
        ("Mara Whitfield",),
        "WASHINGTON",
    )
    assert article.published == datetime(2025, 6, 7, 9, 12, tzinfo=UTC)
    assert article.url == "https://x.test/p"
    assert article.canonical_url == (
        "https://pacificwire.example/world/2025/06/07/japan-us-tariff-talks-fifth-round"
    )
    for noise in ("We use cookies", "Subscribe for $1", "Read more", "Ten gadgets", "newsletter"):
        assert noise not in article.text
    assert len(article.paragraphs) == 5


def test_page_without_article() -> None:
    article = parse_html("<html><body><nav>Home</nav></body></html>", "https://x.test/")
    assert article.paragraphs == ()


def test_garbage_does_not_raise() -> None:
    assert parse_html("\x00<<<>>>").paragraphs == ()


def test_page_the_precise_pass_misses_is_extracted_again() -> None:
    """Text in a bare ``<div>``, a table cell or a heading, not in paragraphs: the precise
    pass finds nothing or a few words there, and the balanced pass with trafilatura's rescues
    is tried."""
    body = " ".join(
        f"Round {i} of the talks ended without a deal, officials said." for i in range(6)
    )
    for layout in (
        f"<div class='content'>{body}</div>",
        f"<table><tr><td>{body}</td></tr></table>",
        f"<h2>{body}</h2><p>Short.</p>",
    ):
        page = f"<html><head><title>Talks</title></head><body>{layout}</body></html>"
        article = parse_html(page, "https://x.test/talks")
        assert "Round 5 of the talks ended without a deal" in article.text
