"""A quote of a few words in a briefing: shown in its sentence, kept through JSON."""

from __future__ import annotations

from briefings.model import Briefing, Quote
from briefings.output.plaintext import render_briefing
from briefings.output.serialize import briefing_from_dict, briefing_to_dict
from briefings.quotes import find_quotes

PARAGRAPHS = [
    'Trade Minister Ana Lindqvist called the talks "frank" and said more rounds would follow.',
    '"We will not sign a deal that hurts our farmers," Lindqvist told reporters.',
]


def _briefing() -> Briefing:
    return Briefing("Talks go on", "https://x.example/a", quotes=find_quotes(PARAGRAPHS))


def test_plain_text_shows_a_short_quote_in_its_sentence() -> None:
    lines = render_briefing(_briefing()).splitlines()
    assert lines[2:4] == [
        "• Ana Lindqvist, Trade Minister: " + PARAGRAPHS[0],
        "• Ana Lindqvist: “We will not sign a deal that hurts our farmers”",
    ]


def test_the_sentence_survives_a_round_trip() -> None:
    briefing = _briefing()
    assert briefing_from_dict(briefing_to_dict(briefing)) == briefing
    assert briefing_from_dict(briefing_to_dict(briefing)).quotes[0].in_sentence


def test_a_stored_quote_without_a_sentence_is_shown_as_its_words() -> None:
    old = briefing_to_dict(Briefing("T", "https://x.example/", quotes=(Quote("frank", "A B"),)))
    del old["quotes"][0]["context"]
    quote = briefing_from_dict(old).quotes[0]
    assert (quote.context, quote.in_sentence) == ("", False)
