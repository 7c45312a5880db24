"""The honorific pattern, written to open with a letter, finds what the plain one does; the
word test before it passes every text it finds a name in."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from briefings.quotes.gender import _HONORIFIC, HONORIFIC_WORDS
from briefings.reading.scanning import holds_any

_PLAIN = r"\b(Ms|Mrs|Miss|Madam|Dame|Lady|Mr|Sir|Lord)\.? ((?:[A-Z][\w'-]+ ){0,2}[A-Z][\w'-]+)"
_WORDS = ["Mr", "Mrs.", "Ms", "Miss", "Madam", "Dame", "Lady", "Lord", "Sir", "Berg", "Ann",
          "Lee", "said", "xMr", "DrMrs", "Émile", "éMr", "O'Neil", "-", ",", "the"]  # fmt: skip


def test_names_after_honorifics() -> None:
    text = "Mrs. Ann Lee met Sir Tomas Berg; HerrMr Holm and Lady Ostrova spoke."
    assert _HONORIFIC.findall(text) == [
        ("Mrs", "Ann Lee"),
        ("Sir", "Tomas Berg"),
        ("Lady", "Ostrova"),
    ]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=12), st.sampled_from([" ", "", "  "]))
def test_same_as_the_plain_pattern(words: list[str], joint: str) -> None:
    text = joint.join(words)
    for flags in (0, re.ASCII):
        if flags and not text.isascii():
            continue
        assert _HONORIFIC.findall(text) == re.findall(_PLAIN, text, flags)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=12), st.sampled_from([" ", "", "  "]))
def test_word_test_passes_every_match(words: list[str], joint: str) -> None:
    text = joint.join(words)
    if _HONORIFIC.findall(text):
        assert holds_any(text, HONORIFIC_WORDS)


def test_every_honorific_holds_a_word_of_the_test() -> None:
    honorifics = re.search(r"\\b\((.*?)\)", _PLAIN)
    assert honorifics is not None
    for title in honorifics.group(1).split("|"):
        assert holds_any(title, HONORIFIC_WORDS)
        assert _HONORIFIC.findall(f"{title} Berg") == [(title, "Berg")]
        assert _HONORIFIC.findall(f"\u201c{title}. Ann Berg\u201d") == [(title, "Ann Berg")]


def test_text_without_honorific_words_is_not_scanned() -> None:
    assert not holds_any("Minister Dana Berg said on Monday.", HONORIFIC_WORDS)
    assert holds_any("Mrs Berg said on Monday.", HONORIFIC_WORDS)
