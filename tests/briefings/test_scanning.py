"""Cheaper scans find what the plain patterns find (briefings.reading.scanning)."""

from __future__ import annotations

import re

import pytest

from briefings.facts.cues import _HOPE_WORDS, _NEXT_WORDS, next_or_hope
from briefings.reading.scanning import WordPattern, holds_any, literal_words

SENTENCES = [
    "The committee will meet again on Tuesday in Lindau.",
    "Talks ended without a deal after six hours.",
    "Ministers in Norrvik hope to sign the accord, officials said.",
    "The café's owner, Zoë Brandt, plans to reopen next week.",
    "Négociations: la réunion est prévue à Genève.",
    "A vote is to be held in March (the date is not yet set).",
    "“We want a fair result,” said Åsa Lind.",
    "Delegates agreed to reconvene; the schedule is due out soon.",
    "The talks resume next\x1cweek, next\tmonth.",
    "",
]


@pytest.mark.parametrize(
    "pattern",
    [
        r"\b(\w{4,5})",
        r"\b(?=[aw])(?:(?P<w>will|want)|aims?)\b",
        r"(?i:may|june) (\d+)",
        r"\bnext\s+(week|\S+)",
    ],
)
def test_word_pattern_finds_what_the_pattern_finds(pattern: str) -> None:
    plain = re.compile(pattern)
    scan = WordPattern(pattern)
    for text in SENTENCES:
        assert scan.findall(text) == plain.findall(text)
        assert [m.span() for m in scan.finditer(text)] == [m.span() for m in plain.finditer(text)]
        found, expected = scan.search(text, 3), plain.search(text, 3)
        assert (found and found.span()) == (expected and expected.span())


def test_word_pattern_refuses_what_ascii_reads_otherwise() -> None:
    with pytest.raises(ValueError, match="ASCII"):
        WordPattern("(?i:straße)")


def test_literal_words_are_what_every_alternative_opens_with() -> None:
    alternation = r"plans? to|(?<!have )(?<!ha(?:s|d) )agreed to|due (?:in|on)|due to|next\b|meet"
    assert literal_words(alternation) == ("agreed to", "due ", "meet", "next", "plan")
    with pytest.raises(ValueError, match="no literal text"):
        literal_words(r"will|[Pp]rogress")


def test_holds_any() -> None:
    assert holds_any("the plans for Lindau", ("plan", "due "))
    assert not holds_any("the talks ended", ("plan", "due "))


def test_a_sentence_without_the_cue_words_is_no_next_step_nor_hope() -> None:
    words = literal_words(f"{_NEXT_WORDS}|{_HOPE_WORDS}")
    cue = re.compile(rf"\b(?:(?P<next>{_NEXT_WORDS})|{_HOPE_WORDS})\b")
    for text in SENTENCES:
        if not holds_any(text, words):
            assert cue.search(text) is None
            assert next_or_hope(text) == (False, False)
    assert next_or_hope(SENTENCES[0]) == (True, False)
    assert next_or_hope(SENTENCES[2]) == (False, True)
