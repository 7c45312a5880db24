"""Acronyms an article spells out."""

from __future__ import annotations

from briefings.quotes.acronyms import expansions


def test_acronyms_spelled_out_before_their_brackets() -> None:
    paragraphs = [
        "The Estrian Farmers Union (EFU) met the Trans-Harbour Partnership (THP).",
        "Officials of the U.S. Trade Representative (USTR) and the Ministry of Ports and Roads "
        "(MPR) came too, as did the talks (XYZ).",
    ]
    assert expansions(paragraphs) == {
        "EFU": "Estrian Farmers Union",
        "THP": "Trans-Harbour Partnership",
        "USTR": "U.S. Trade Representative",
        "MPR": "Ministry of Ports and Roads",
    }


def test_no_brackets_no_acronyms() -> None:
    assert expansions(["Nothing here.", ""]) == {}
