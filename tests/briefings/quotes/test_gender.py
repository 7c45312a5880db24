"""The honorific pattern, written to open with a letter, finds what the plain one does."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from briefings.quotes.gender import _HONORIFIC

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
