from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from pathlib import Path

import pytest

from briefings.model import Article, Briefing, Fact, Quote, SourceRef
from briefings.output.plaintext import render_briefing
from briefings.sources.read import read_source
from briefings.stories.merge import merge_briefings, quote_key
from briefings.summarize import summarize

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture(scope="module")
def asahi() -> Briefing:
    return summarize(read_source(str(DATA / "asahi-2025-06-07-tariff-talks.html")))


@pytest.fixture(scope="module")
def pacific() -> Briefing:
    return summarize(read_source(str(DATA / "pacificwire-2025-06-07-tariff-talks.html")))


def test_summarize_is_a_wire_brief(asahi: Briefing) -> None:
    assert asahi.headline == "Japan, U.S. fail to find common ground in fifth round of tariff talks"
    assert asahi.url == "https://asahi.example/ajw/articles/15800000"
    assert asahi.sources == (SourceRef(asahi.url, "The Asahi Shimbun", asahi.headline),)
    assert 1 <= len(asahi.outcomes) <= 4
    assert 1 <= len(asahi.next) <= 2
    assert all(len(f.text.split()) <= 45 for f in asahi.outcomes + asahi.next)


def test_summarize_empty_article() -> None:
    briefing = summarize(Article(url="u", title="T", paragraphs=()))
    assert briefing.is_empty
    assert briefing.headline == "T"


def test_merge_one_story_from_two_outlets(asahi: Briefing, pacific: Briefing) -> None:
    merged = merge_briefings([pacific, asahi])
    assert merged.headline == asahi.headline  # the earlier report
    assert [s.outlet for s in merged.sources] == ["The Asahi Shimbun", "Pacific Wire"]
    shared = [q for q in merged.quotes if "not found any point of agreement" in q.text]
    assert len(shared) == 1
    assert any(q.unnamed for q in merged.quotes)
    assert len(merged.outcomes) <= 4
    assert len(merged.next) <= 2
    assert set(merged.authors) == {"Chinami Tajika", "Ken Sakakibara", "Mara Whitfield"}


def test_merge_drops_near_duplicate_facts() -> None:
    first = Briefing(
        headline="A",
        url="a",
        published=datetime(2025, 1, 1, tzinfo=UTC),
        outcomes=(Fact("The council voted to close the plant on Monday.", "a"),),
        quotes=(Quote("We will appeal,", "Anna Berg"),),
        sources=(SourceRef("a", "One"),),
    )
    second = Briefing(
        headline="B",
        url="b",
        published=datetime(2025, 1, 2, tzinfo=UTC),
        outcomes=(
            Fact("The council voted on Monday to close the plant.", "b"),
            Fact("Workers protested outside.", "b"),
        ),
        quotes=(Quote("we will appeal.", "Anna Berg"), Quote("We will appeal", "Tom Lee")),
        sources=(SourceRef("b", "Two"),),
    )
    merged = merge_briefings([second, first])
    assert [f.text for f in merged.outcomes] == [
        "The council voted to close the plant on Monday.",
        "Workers protested outside.",
    ]
    assert [(q.speaker, q.text) for q in merged.quotes] == [
        ("Anna Berg", "We will appeal,"),
        ("Tom Lee", "We will appeal"),
    ]
    assert [s.url for s in merged.sources] == ["a", "b"]


def test_merge_needs_a_briefing() -> None:
    with pytest.raises(ValueError, match="at least one"):
        merge_briefings([])


def test_quote_key_ignores_case_and_trailing_punctuation() -> None:
    assert quote_key(Quote("Yes, we can.", "X")) == quote_key(Quote("yes, we can,", "x"))


def test_plain_text_reads_like_a_wire_brief(asahi: Briefing) -> None:
    text = render_briefing(asahi)
    lines = text.splitlines()
    assert lines[0] == asahi.headline
    assert lines[1].startswith("• Outcome: Japan and the United States failed")
    assert any(line.startswith("• Next: ") and "June 15-17" in line for line in lines)
    assert "Quotes" in lines
    assert "• Ryosei Akazawa, minister in charge of economic revitalization: “We confirmed" in text
    assert "• Ryosei Akazawa: “But we have not found any point of agreement”" in lines
    assert lines[-1] == (
        "Source: The Asahi Shimbun, June 7, 2025 — https://asahi.example/ajw/articles/15800000"
    )


def _outlet_briefing(url: str, day: int, outcomes: list[str], quotes: list[Quote]) -> Briefing:
    return Briefing(
        headline=url,
        url=url,
        published=datetime(2026, 3, day, tzinfo=UTC),
        outcomes=tuple(Fact(text, url) for text in outcomes),
        quotes=tuple(quotes),
        sources=(SourceRef(url, url),),
    )


def test_merge_keeps_one_of_two_outlets_wordings_of_one_fact() -> None:
    first = _outlet_briefing(
        "a",
        1,
        [
            "Norland and Aldoria reached an agreement in principle on Friday, with Norland "
            "cutting its tariff on cars from 25 % to 15 %."
        ],
        [],
    )
    second = _outlet_briefing(
        "b",
        2,
        [
            "Norland and Aldoria struck an agreement in principle in Lindau on Friday that "
            "lowers Norland's tariff on cars to 15 %.",
            "Norland and Aldoria will sign the text in Port Elin on Friday.",
        ],
        [],
    )
    merged = merge_briefings([first, second])
    assert [f.source_url for f in merged.outcomes] == ["a", "b"]
    assert merged.outcomes[1].text.startswith("Norland and Aldoria will sign")


def test_merge_one_long_quote_whoever_each_outlet_names_as_its_speaker() -> None:
    words = "One more month is what the negotiators asked for,"
    first = _outlet_briefing("a", 1, [], [Quote(words, "Norland's trade ministry")])
    second = _outlet_briefing("b", 1, [], [Quote(words, "the Norland trade ministry")])
    assert [q.speaker for q in merge_briefings([first, second]).quotes] == [
        "Norland's trade ministry"
    ]


def test_merge_drops_a_next_step_an_outlet_gave_as_an_outcome() -> None:
    first = _outlet_briefing("a", 1, ["The third round is expected next week."], [])
    second = dataclasses.replace(
        _outlet_briefing("b", 1, [], []),
        next=(Fact("A third round is planned for next week.", "b"),),
    )
    assert merge_briefings([first, second]).next == ()


def test_merge_keeps_facts_with_different_dates() -> None:
    first = _outlet_briefing(
        "a", 1, ["The two sides have set a deadline of 1 April for a deal."], []
    )
    second = _outlet_briefing(
        "b", 2, ["The two sides have set a deadline of 1 May for a deal."], []
    )
    assert len(merge_briefings([first, second]).outcomes) == 2


def test_merge_keeps_one_of_two_outlets_wordings_with_the_same_dates() -> None:
    first = _outlet_briefing(
        "a",
        1,
        [
            "Norland and Aldoria moved the deadline for their trade deal from 1 April to 1 May "
            "on Monday, giving negotiators more time to settle the dispute over car tariffs."
        ],
        [],
    )
    second = _outlet_briefing(
        "b",
        2,
        [
            "The governments of Norland and Aldoria agreed on Monday to extend the deadline "
            "for their trade talks to 1 May."
        ],
        [],
    )
    assert [f.source_url for f in merge_briefings([first, second]).outcomes] == ["a"]


def test_merge_keeps_one_next_step_two_outlets_give_for_the_same_time() -> None:
    first = dataclasses.replace(
        _outlet_briefing("a", 1, [], []),
        next=(Fact("A fifth round is planned for mid-March in Lindau.", "a"),),
    )
    second = dataclasses.replace(
        _outlet_briefing("b", 2, [], []),
        next=(
            Fact("The next round is expected in Lindau in the middle of March.", "b"),
            Fact("Ministers will sign the customs annex in March.", "b"),
        ),
    )
    assert [f.text for f in merge_briefings([first, second]).next] == [
        "A fifth round is planned for mid-March in Lindau.",
        "Ministers will sign the customs annex in March.",
    ]


@pytest.mark.parametrize("timeless_first", [True, False])
def test_merge_keeps_a_next_step_with_its_time_over_the_same_step_without(
    timeless_first: bool,
) -> None:
    timed = dataclasses.replace(
        _outlet_briefing("a", 1, [], []),
        next=(Fact("A fifth round is planned for mid-March in Lindau.", "a"),),
    )
    timeless = dataclasses.replace(
        _outlet_briefing("b", 2, [], []),
        next=(
            Fact("A fifth round is due in Lindau.", "b"),
            Fact("Both sides are due to exchange new offers on fishing quotas.", "b"),
        ),
    )
    pair = [timeless, timed] if timeless_first else [timed, timeless]
    texts = [f.text for f in merge_briefings(pair).next]
    assert "A fifth round is planned for mid-March in Lindau." in texts
    assert "A fifth round is due in Lindau." not in texts
    assert "Both sides are due to exchange new offers on fishing quotas." in texts


def test_a_quote_its_sentence_already_shows_is_not_shown_again() -> None:
    article = Article(
        url="https://x.test/a",
        title="Talks end",
        paragraphs=(
            "The talks in Lindau ended on Friday.",
            'Ana Pereira, the chief negotiator, said the round "went fine," and that it '
            '"had been a good one for both of us."',
        ),
        published=datetime(2026, 3, 6, tzinfo=UTC),
    )
    quotes = summarize(article).quotes
    assert [q.text for q in quotes] == ["went fine"]
    assert "had been a good one for both of us" in quotes[0].context
