from __future__ import annotations

from datetime import UTC, datetime

import pytest

from briefings.reading.pagemeta import (
    PageMeta,
    _may_hold_standfirst,
    read_byline,
    read_meta,
    read_standfirst,
)

PAGE = """<html><head>
<title>Talks end | The Daily Example</title>
<meta property="og:site_name" content="The Daily Example">
<meta name="author" content="Ana Ruiz">
<meta name='description' content='Ministers &amp; envoys met.'>
<link rel="canonical" href="https://daily.example/a?utm_source=x">
</head><body><p class="byline">By <a href="/ana">Ana Ruiz</a>, Daily</p>
<time datetime="2025-06-07T10:00:00+02:00">June 7</time></body></html>"""


def test_read_meta() -> None:
    assert read_meta(PAGE) == PageMeta(
        title="Talks end | The Daily Example",
        sitename="The Daily Example",
        author="Ana Ruiz",
        canonical="https://daily.example/a?utm_source=x",
        published=datetime(2025, 6, 7, 8, 0, tzinfo=UTC),
        description="Ministers & envoys met.",
    )
    assert read_byline(PAGE) == "By Ana Ruiz, Daily"


def test_og_title_and_meta_date_win() -> None:
    page = (
        '<meta property="og:title" content="Real title">'
        '<meta property="article:published_time" content="2025-06-07T09:12:00Z"><title>x</title>'
    )
    meta = read_meta(page)
    assert (meta.title, meta.published) == ("Real title", datetime(2025, 6, 7, 9, 12, tzinfo=UTC))


def test_nothing_to_read() -> None:
    assert read_meta("") == PageMeta()
    assert read_meta("<<meta content=>") == PageMeta()
    assert read_byline("<p>No byline</p>") == ""


def test_a_standfirst_class_is_read_in_any_case() -> None:
    for name in ("standfirst", "Sub-Headline", "DEK", "ſtandfirst", "SUBTİTLE", "subtıtle"):
        page = f'<div class="x {name}">The talks <b>ended</b> .</div><p class="y">No.</p>'
        assert read_standfirst(page) == "The talks ended.", name
    assert read_standfirst('<p class="lead">The talks ended.</p>') == ""
    assert read_standfirst('<p class="\u0345dek">The talks ended.</p>') == "The talks ended."


@pytest.mark.parametrize(
    ("markup", "holds"),
    [
        ('<p CLASS="Lede Dek">', True),
        ("<p cla\u00df='dek'>", True),  # the sharp s folds to "ss"
        ('<p clas\u017f="x standfirst">', True),  # the long s folds to "s"
        ("<p class=\"intro class='dek'\">", True),  # a value holding "class=" is read on
        ('<p data-class="subtitle">', True),
        ('<p class="lead">', False),
        ('<p klass="dek">', False),
        ('<p class= "dek">', False),  # no quote right after "="
        ('<p class="a" title="dek">', False),
    ],
)
def test_a_standfirst_class_is_looked_for_as_in_folded_markup(markup: str, holds: bool) -> None:
    assert _may_hold_standfirst(markup) is holds


def test_the_first_byline_element_of_the_page_is_read() -> None:
    page = (
        '<div id="top"><a href="/">Home</a></div>'
        '<p class="byline">By Ana Ruiz</p><span class="author">Bo Lind</span>'
    )
    assert read_byline(page) == "By Ana Ruiz"
    # The class must stand in the element's own tag, before the tag closes.
    assert read_byline('<a title="x>y" class="byline">By Ana Ruiz</a>') == ""
    assert read_byline('<p class="note"></p><SPAN Class="Author">Bo Lind</SPAN>') == "Bo Lind"


@pytest.mark.parametrize(
    ("title", "site"),
    [
        ("Estria and Norland agree to halve farm tariffs | Northern Wire", "Northern Wire"),
        ("Talks end without a deal | World | Northern Wire", "Northern Wire"),
        ("Talks end without a deal | the daily news", ""),  # no name in capitals
        ("Talks end | Trade talks live: what we know so far about the deal", ""),  # too long
        ("Talks end without a deal - Northern Wire", ""),  # a dash may be the headline's own
    ],
)
def test_a_site_named_after_a_bar_in_the_title_is_the_outlet(title: str, site: str) -> None:
    page = f"<html><head><title>{title}</title></head><body></body></html>"
    assert read_meta(page).sitename == site


def test_a_site_name_tag_wins_over_the_title() -> None:
    page = (
        '<html><head><meta property="og:site_name" content="The Wire">'
        "<title>Talks end without a deal | Northern Wire</title></head></html>"
    )
    assert read_meta(page).sitename == "The Wire"
