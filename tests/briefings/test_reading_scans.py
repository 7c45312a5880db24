"""Lines that the cheap tests before the reader's searches must let through: a sources credit
in capitals or with a dotted capital I, with trailing white space; sentences glued at a stop
of each kind."""

from __future__ import annotations

import pytest

from briefings.reading.captions import SOURCES_CREDIT_SCAN, may_be_sources_credit
from briefings.reading.furniture import LineKind, line_kind
from briefings.reading.paragraphs import _unglued


@pytest.mark.parametrize(
    "line",
    [
        "REPORTING IN THIS ARTICLE CAME FROM THE NORTHWIND AGENCY",
        "\u0130nformation for this report was supplied by Northwind Wire.",
        "\u017fome material for this story comes from the agency",
        "Jane Roe and Bo Lind contributed reporting to this Story.  ",
        "Ana Ruiz contributed to this ARTICLE\u2003",
    ],
)
def test_a_sources_credit_passes_the_cheap_test(line: str) -> None:
    assert SOURCES_CREDIT_SCAN.search(line) is not None
    assert may_be_sources_credit(line)


def test_a_sources_credit_in_capitals_is_a_credit() -> None:
    assert line_kind("JANE ROE CONTRIBUTED TO THIS REPORT.") is LineKind.CREDIT


def test_ordinary_lines_fail_the_cheap_test() -> None:
    assert not may_be_sources_credit("The ministry said talks would resume in May.")
    assert not may_be_sources_credit("Fishing quotas were cut by a fifth")


@pytest.mark.parametrize(
    ("line", "unglued"),
    [
        (
            "They signed a trade deal.Trade officials said so.",
            "They signed a trade deal. Trade officials said so.",
        ),
        ("Why wait?Nobody knows.", "Why wait? Nobody knows."),
        ("It is done!“We are glad”, she said.", "It is done! “We are glad”, she said."),
        ("The U.S. and E.U. agreed.", "The U.S. and E.U. agreed."),
    ],
)
def test_sentences_glued_at_any_stop_are_parted(line: str, unglued: str) -> None:
    assert _unglued(line) == unglued
