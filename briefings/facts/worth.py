"""What a candidate outcome is worth: cue words of results, the headline's words, numbers and
an early place, less what a stance or a reaction takes from it; and whether a quote the
briefing shows already tells it."""

from __future__ import annotations

import re

from briefings.facts.choice import Candidate, news_words
from briefings.facts.cues import cue_count
from briefings.facts.stance import (
    DECIDED_WORTH,
    SCENE,
    decided,
    stance_cost,
    tells_worth,
)
from briefings.facts.statements import Statement

_DIGIT = re.compile(r"\d")  # as ``DIGIT`` finds one, with no test of the text first
# The same for an ASCII text, where the two find the same: its characters are told by a table.
_ASCII_DIGIT = re.compile(r"\d", re.ASCII)
QUOTE_SHARE = 0.5  # of a sentence's news words in a quote: the quote already tells it
# A level that changes, from one figure to another ("from 145 percent to 30 percent", "from
# 15% to 7.5%"): the term a reader most needs of a cut or a rise.
_LEVEL_CHANGE = re.compile(
    r"\bfrom (?:about |around )?[$\u20ac\u00a3]?(?!(?:19|20)\d\d\b)\d[^ ]* (?:\w+ ){0,2}"
    r"to [$\u20ac\u00a3]?\d"
)
LEVEL_WORTH = 0.4
# What a deal costs or is worth, with its figure: "The sale price ... is 900 million zlotys",
# "the acquisition is valued at $2 billion" (a term agreed, told with no result word).
_PRICE_OF_A_DEAL = re.compile(
    r"\b(?:[Ss]ale|[Pp]urchase|[Aa]sking|[Tt]akeover|[Pp]urchasing|[Aa]greed) price\b|"
    r"\b(?:deal|sale|acquisition|takeover|purchase|transaction|contract|merger) (?:is |was |"
    r"would be |will be )?(?:worth|valued at)\b"
)
PRICE_WORTH = 1.0  # as a result word and a term together


def weighed(candidate: Candidate) -> Candidate:
    """``candidate`` with its news words (see ``news_words``), less what a stance or a
    reaction takes from its worth (see ``stance_cost``)."""
    item = candidate.item
    text = item if isinstance(item, str) else item.raw
    score = candidate.score
    if score < 2.5:  # not for the lede or a meeting
        score -= stance_cost(text, candidate.stems)
    stems = news_words(text, candidate.stems or None)
    return Candidate(score, candidate.order, item, stems, candidate.lead, candidate.joined)


def says_again(words: set[str], quoted: set[str]) -> bool:
    """Whether half a sentence's news words are a quote's (its names, counted twice, never
    are): the quote tells it, in the speaker's own words."""
    return len(words) > 4 and len(words & quoted) >= QUOTE_SHARE * len(words)


def outcome_score(statement: Statement, topic: set[str], stems: set[str]) -> float:
    """What a sentence is worth as an outcome: cue words of results, the headline's words
    (the story it tells, ``stems``: its own), numbers, and an early place in the article. A
    scene with no result ("While ..., police are preparing ...") is worth nothing."""
    shared = len(stems & topic) if topic else 0
    return score_as_outcome(statement.raw, statement.order, shared)


def score_as_outcome(text: str, order: int, shared: int) -> float:
    """:func:`outcome_score` of the sentence ``text`` at ``order`` that holds ``shared`` of
    the headline's words (for a caller that has counted them)."""
    cues = cue_count(text)
    if cues is None or (cues == 0 and tells_worth(text)):
        return 0.0  # a guess; what a thing is worth ("Trade is key to growth")
    position = 1.0 / (1 + 0.15 * order)
    numbers = 0.3 if (_ASCII_DIGIT if text.isascii() else _DIGIT).search(text) else 0.0
    score = min(cues, 3) * 0.5 + min(shared, 4) * 0.25 + 0.5 * position + numbers
    if numbers:
        if "from " in text and _LEVEL_CHANGE.search(text):
            score += LEVEL_WORTH
        if (" price" in text or " worth" in text or " valued" in text) and _PRICE_OF_A_DEAL.search(
            text
        ):
            score += PRICE_WORTH  # what the deal costs: a term the reader needs
    if cues:
        if decided(text):
            score += DECIDED_WORTH  # "Ministers adopted ...": the result is what it tells
        return score
    return 0.0 if text[0] == "W" and SCENE.match(text) else score
