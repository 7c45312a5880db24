from __future__ import annotations

from datetime import UTC, datetime

from briefings.facts.meetings import find_meeting
from briefings.facts.outcomes import HOPE_CUE, NEXT_CUE, find_facts, next_or_hope
from briefings.facts.statements import statements
from briefings.model import Article
from tests.wikinews import articles

PUBLISHED = datetime(2025, 6, 7, tzinfo=UTC)


def _facts(*paragraphs: str) -> tuple[list[str], list[str]]:
    article = Article(url="https://x.test/a", title="", paragraphs=paragraphs, published=PUBLISHED)
    facts = find_facts(article, "Akazawa")
    assert all(f.source_url == "https://x.test/a" for f in facts.outcomes + facts.next)
    return [f.text for f in facts.outcomes], [f.text for f in facts.next]


def test_lede_is_the_first_outcome_without_dateline_or_attribution() -> None:
    outcomes, _ = _facts(
        "WASHINGTON--Japan and the United States failed to find common ground in their fifth "
        "round of talks, according to Japan’s top negotiator Ryosei Akazawa.",
    )
    assert outcomes == [
        "Japan and the United States failed to find common ground in their fifth round of talks."
    ]


def test_negations_stay_explicit() -> None:
    outcomes, _ = _facts(
        "Ministers met in Paris on Monday.",
        "The two sides did not reach an agreement on tariffs.",
    )
    assert "The two sides did not reach an agreement on tariffs." in outcomes


def test_meeting_with_pronoun_subject_and_durations() -> None:
    outcomes, _ = _facts(
        "The talks ended on Friday.",
        "This time around, he met with U.S. Treasury Secretary Scott Bessent for 45 minutes and "
        "then with Commerce Secretary Howard Lutnick for 1 hour and 50 minutes.",
        "Akazawa also met with Lutnick for 1 hour and 50 minutes the day before.",
    )
    assert outcomes[1] == (
        "Akazawa met U.S. Treasury Secretary Scott Bessent for 45 minutes and Commerce Secretary "
        "Howard Lutnick for 1 hour and 50 minutes."
    )
    assert len(outcomes) == 2  # the repeat meeting with Lutnick is not a second bullet


def test_next_steps_with_dates_and_schedules() -> None:
    _, nexts = _facts(
        "The talks ended without a deal on Friday.",
        "The leaders are scheduled to meet at the G7 summit in Canada on June 15-17.",
        "The talks began on May 2 after weeks of delay.",
        "Officials said the economy could suffer.",
    )
    assert nexts == ["The leaders are scheduled to meet at the G7 summit in Canada on June 15-17."]


def test_quotes_are_not_outcomes() -> None:
    outcomes, nexts = _facts(
        "The council voted to close the plant.",
        '"We will never agree to this deal," the mayor said.',
    )
    assert outcomes == ["The council voted to close the plant."]
    assert nexts == []


def test_find_meeting() -> None:
    meeting = find_meeting("She met with Foreign Minister Taro Kono for two hours.", "Lee")
    assert meeting is not None
    assert meeting.sentence() == "Lee met Foreign Minister Taro Kono for two hours."
    assert find_meeting("The panel met on Monday.", "Lee") is None


def test_one_scan_finds_next_steps_and_hopes_as_the_two_patterns_do() -> None:
    sentences = [s.raw for a in articles() for s in statements(a.paragraphs)]
    sentences += ["They are set to be held in May.", "A casino deal meets rules.", "Intends."]
    for text in sentences:
        cue, hope = next_or_hope(text)
        assert cue == (NEXT_CUE.search(text) is not None), text
        if not cue:
            assert hope == (HOPE_CUE.search(text) is not None), text


def test_what_is_yet_to_be_fixed_needs_its_own_time() -> None:
    _, steps = _facts(
        "Negotiators from Estria and Norrvik ended their fourth round of talks in Oslo on Friday.",
        "The exact dates of the ministers' visit are yet to be confirmed by both governments.",
        "The date of the signing ceremony is yet to be set, but it will be held next month.",
    )
    assert steps == [
        "The date of the signing ceremony is yet to be set, but it will be held next month."
    ]
