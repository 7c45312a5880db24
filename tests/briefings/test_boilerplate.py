from __future__ import annotations

import pytest

from briefings.reading.boilerplate import credit_authors, is_boilerplate, is_caption, split_authors

BOILERPLATE = [
    "(This article was written by Chinami Tajika, and correspondent Ken Sakakibara.)",
    "Read more: Yen slips as tariff talks drag on",
    "We use cookies to improve your experience. Accept all",
    "Sign up for our newsletter.",
    "© 2025 Pacific Wire. All rights reserved.",
    "Most read",
    "Share",
    "",
    "This is a provisional translation for reference only.",
]
PROSE = [
    "The provisional translation of the treaty was published on Monday.",
    "Akazawa was visiting the United States for the third consecutive week.",
    "By Tuesday evening, rescuers had found twelve people alive.",
    "The company said it would read more widely into the data.",
]


@pytest.mark.parametrize("text", BOILERPLATE)
def test_boilerplate(text: str) -> None:
    assert is_boilerplate(text)


@pytest.mark.parametrize("text", PROSE)
def test_prose_is_kept(text: str) -> None:
    assert not is_boilerplate(text)


def test_caption() -> None:
    assert is_caption("Ryosei Akazawa speaks to reporters in Washington on June 6. (Asahi Shimbun)")
    assert not is_caption(PROSE[0])


def test_authors() -> None:
    assert credit_authors(BOILERPLATE[0]) == ("Chinami Tajika", "Ken Sakakibara")
    assert credit_authors("By Mara Whitfield, Pacific Wire", "Pacific Wire") == ("Mara Whitfield",)
    assert credit_authors(PROSE[0]) is None
    assert split_authors("Chinami Tajika; Ken Sakakibara") == ("Chinami Tajika", "Ken Sakakibara")
