"""Sections a page sets apart from its news under a heading of their own ("Background",
"Editor's note"): the readers mark their paragraphs, and the facts stage gives none of them as
an outcome or a next step while the news tells its own; the issuer's blurb ("About the Lindau
Trade Office") ends the release.
Made-up pages, in scraped text and in HTML."""

from __future__ import annotations

import pytest

from briefings.model import Article
from briefings.reading.backmatter import names_a_section_apart, names_the_issuer
from briefings.reading.extract import parse_html
from briefings.reading.text import parse_text
from briefings.summarize import summarize
from tests.briefings.farm_deal import LEDE, SECOND, THIRD, TITLE

EARLIER = (
    "In March 2023, Estria and Norland launched talks on a farm-trade pact after a dispute "
    "over dairy quotas."
)
THEN = "The Norland Commission then published two draft laws to carry out the pact."
COVERS = (
    "The pact covers 1,200 farm products, from cheese and butter to apples, and sets up a joint "
    "committee on food safety."
)
BLURB = (
    "The Lindau Trade Office promotes exports of farm goods from Norland and advises small "
    "producers on foreign markets."
)


@pytest.mark.parametrize(
    "line",
    [
        "Background",
        "Background:",
        "BACKGROUND:",
        "On Background:",
        "Background information",
        "Editor's note",
        "Editors' notes",
        "Context",
        "Key facts",
        "Facts and figures",
        "About the Lindau Trade Office",
        "About NORTRADE",
    ],
)
def test_a_heading_that_sets_a_section_apart(line: str) -> None:
    assert names_a_section_apart(line)


@pytest.mark.parametrize(
    "line",
    [
        "About the agreement",  # explains the news itself
        "Background checks were carried out on all delegates.",
        "The context of the talks is a long dispute over dairy.",
        "Next steps",
        "Key facts about the deal were kept secret until Friday, officials said",
    ],
)
def test_a_line_that_sets_no_section_apart(line: str) -> None:
    assert not names_a_section_apart(line)


def _release(*closing: str) -> str:
    return "\n\n".join([TITLE, LEDE, SECOND, THIRD, *closing])


def test_the_paragraphs_under_a_background_heading_are_marked() -> None:
    article = parse_text(_release("Background", EARLIER, THEN, "Vote: Thursday 26 March"))
    marked = [article.paragraphs[i] for i in article.background]
    assert marked == [EARLIER, THEN]
    assert "Vote: Thursday 26 March" in article.paragraphs  # a record's line ends the section


def test_a_heading_that_names_no_such_section_ends_it() -> None:
    article = parse_text(_release("Background", COVERS, "What the deal covers", EARLIER))
    assert [article.paragraphs[i] for i in article.background] == [COVERS]
    assert EARLIER in article.paragraphs


def test_the_issuers_blurb_ends_the_release() -> None:
    article = parse_text(_release("About the Lindau Trade Office", BLURB))
    assert article.paragraphs == (LEDE, SECOND, THIRD)
    assert names_the_issuer("About the Lindau Trade Office")
    assert not names_the_issuer("About the agreement")
    assert not names_the_issuer("Background")


def test_a_background_heading_before_the_news_marks_nothing() -> None:
    article = parse_text("\n\n".join([TITLE, "Background", LEDE, SECOND, THIRD]))
    assert article.background == ()


def test_an_html_heading_sets_its_section_apart() -> None:
    page = (
        f"<html><head><title>{TITLE}</title></head><body><article><h1>{TITLE}</h1>"
        f"<p>{LEDE}</p><p>{SECOND}</p><p>{THIRD}</p>"
        f"<h2>Background</h2><p>{EARLIER}</p><p>{THEN}</p>"
        "</article></body></html>"
    )
    article = parse_html(page, "https://news.example/farm-deal")
    assert [article.paragraphs[i] for i in article.background] == [EARLIER, THEN]


def test_a_bold_paragraph_heading_of_the_issuer_ends_the_release() -> None:
    page = (
        f"<html><head><title>{TITLE}</title></head><body><article><h1>{TITLE}</h1>"
        f"<p>{LEDE}</p><p>{SECOND}</p><p>{THIRD}</p>"
        f"<p><strong>About the Lindau Trade Office</strong></p><p>{BLURB}</p>"
        "</article></body></html>"
    )
    assert parse_html(page, "https://news.example/farm-deal").paragraphs == (LEDE, SECOND, THIRD)


def test_a_background_sentence_is_no_outcome() -> None:
    briefing = summarize(parse_text(_release("Background", COVERS, THEN)))
    shown = " ".join(fact.text for fact in (*briefing.outcomes, *briefing.next))
    assert "then published" not in shown
    assert "1,200 farm products" not in shown
    assert any("cut tariffs on farm goods" in fact.text for fact in briefing.outcomes)


def test_the_same_sentences_with_no_heading_are_outcomes() -> None:
    briefing = summarize(parse_text(_release(COVERS, THEN)))
    assert any("1,200 farm products" in fact.text for fact in briefing.outcomes)


def test_with_nothing_else_to_tell_the_background_tells_it() -> None:
    paragraphs = (
        "The Minister of Agriculture issued the following statement today.",
        "\u201cThis is a good day for our farmers,\u201d said Minister Ana Berg.",
        "The pact cuts tariffs on Norland dairy exports to Estria by half over five years.",
        "Farm exports to Estria reached 2.4 billion euros last year, the ministry said.",
    )
    article = Article("https://news.example/a", TITLE, paragraphs, background=(2, 3))
    outcomes = " ".join(fact.text for fact in summarize(article).outcomes)
    assert "cuts tariffs on Norland dairy" in outcomes


def test_a_dated_step_in_the_background_is_a_next_only_when_the_news_has_none() -> None:
    step = "Ministers will sign the pact in Lindau on 14 March."
    own = (LEDE, "The two sides will meet again in Lindau on 2 April to settle the dairy quotas.")
    with_own = Article("https://news.example/a", TITLE, (*own, step), background=(2,))
    assert all("sign the pact" not in fact.text for fact in summarize(with_own).next)
    alone = Article("https://news.example/a", TITLE, (LEDE, THIRD, step), background=(2,))
    assert any("sign the pact" in fact.text for fact in summarize(alone).next)


def test_an_html_heading_of_contacts_ends_the_article() -> None:
    page = (
        f"<html><head><title>{TITLE}</title></head><body><article><h1>{TITLE}</h1>"
        f"<p>{LEDE}</p><p>{SECOND}</p><p>{THIRD}</p>"
        f"<h2>Media contacts</h2><p>{BLURB}</p>"
        "<p>Ana Berg, press officer, +47 555 0100, press@lindau.example</p>"
        "</article></body></html>"
    )
    assert parse_html(page, "https://news.example/farm-deal").paragraphs == (LEDE, SECOND, THIRD)


def test_a_heading_in_capitals_is_no_speakers_label() -> None:
    article = parse_text(_release("BACKGROUND:", EARLIER))
    assert [article.paragraphs[i] for i in article.background] == [EARLIER]


def test_an_about_heading_over_a_reported_line_is_a_subhead() -> None:
    line = "The dairy sector employs 40,000 people in Estria, the ministry said on Friday."
    article = parse_text("\n\n".join([TITLE, LEDE, SECOND, "About Estria Dairy", line, THIRD]))
    assert line in article.paragraphs
