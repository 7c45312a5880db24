"""Choosing the outcomes: the best candidate first, then one at a time for its worth and for
what it adds to what the briefing already tells, with the sentences that point back to a
chosen one shown beside it."""

from __future__ import annotations

import heapq
import re
from collections.abc import Callable
from datetime import date
from typing import NamedTuple

from briefings.facts.background import looks_back
from briefings.facts.cues import speculates
from briefings.facts.stance import RHETORIC
from briefings.facts.statements import Statement
from briefings.reading.scanning import WordPattern

LEDE = 10.0  # the worth of the lede: it leads whatever the others are worth
NOVELTY = 0.1  # what a sentence's every word the reader has not been told adds to it
# New words counted at most: a bullet's worth. A long sentence of colour or background adds
# many words the reader has not been told, and must not outweigh a short one with a result.
MAX_NEW_WORDS = 12
MAX_JOINED_WORDS = 55  # a sentence and the one that points back to it, in one bullet
# A name (a capitalized word after the first) or a number: what a reader most needs told.
_NAME_OR_NUMBER = WordPattern(r" ([A-Z][\w-]+|\d[\d.,]*)")
# A word's first four or five letters; the rest of the word is read in the same match, so the
# scan goes on after the word instead of trying each of its letters again.
STEM = WordPattern(r"\b(\w{4,5})\w*")
# Stems (see ``STEM``) of words any sentence may hold: they tell nothing of what it adds.
COMMON = frozenset((
    "that", "with", "have", "will", "their", "which", "from", "this", "were", "they", "been",
    "also", "said", "would", "there", "about", "after", "more", "than", "other", "into",
    "over", "these", "those", "such", "what", "when", "them", "both", "some", "most", "only",
    "very", "being", "while", "where", "could", "shoul", "does", "each", "made", "make",
    "many", "much", "must", "even", "just", "under", "until", "upon", "well", "year", "years",
    "today",
))  # fmt: skip


class Candidate(NamedTuple):
    score: float
    order: int
    item: Statement | str  # a statement, or a sentence made for it (who met whom)
    stems: set[str]  # its content stems, then its news words (see ``_weighed``)
    lead: Statement | None = None  # the sentence it points back to (see ``antecedent``)
    joined: bool = False  # whether the bullet shows its lead before it


def news_words(text: str, stems: set[str] | None = None) -> set[str]:
    """What a sentence tells, as words to compare with what the reader has been told: its
    content stems (``stems``, when the caller has them: they are changed in place), and its
    names and numbers once more (they weigh the most)."""
    words = stems if stems is not None else set(STEM.findall(text.casefold()))
    common = words & COMMON  # read over the sentence's few words, not over every common one
    if common:
        words -= common
    words.update([name + "#" for name in _NAME_OR_NUMBER.findall(text)])
    return words


# A sentence that opens by pointing back to the one before it.
_POINTS_BACK = re.compile(
    r"^(?:It|Its|This|These|They|Their|Both|He|She|The (\w+))\b"
    r"(?! (?:same|other|time|week|month|year|morning|afternoon|evening|days?)\b)"
)


def _sequel(
    candidate: Candidate, following: dict[int, Statement], today: date | None
) -> Statement | None:
    """The sentence after a chosen one, when it opens by pointing back to it ("This amendment
    extends the Agreement through 2040.", "They reviewed the Protocol.", "The meeting included
    all 13 partners.") and both are short enough to read as one bullet."""
    statement = candidate.item
    sequel = following.get(candidate.order)
    if sequel is None or isinstance(statement, str):
        return None
    start = _POINTS_BACK.match(sequel.raw)
    if start is None or sequel.paragraph > statement.paragraph + 1:
        return None
    if statement.words + sequel.words > MAX_JOINED_WORDS or sequel.raw.endswith(":"):
        return None  # too long to read as one; a list's lead-in
    noun = start.group(1)
    if noun and not _names(statement.raw, noun):
        return None  # "The meeting" after a sentence that names no meeting
    if len(RHETORIC.findall(sequel.raw)) > 1 or speculates(sequel.raw):
        return None
    return None if looks_back(sequel.raw, today) else sequel


# The verb that tells of a thing without its noun: "met" names a meeting.
_VERB_OF_NOUN = {"meeting": re.compile(r"\b(?:met|convened)\b")}


def _names(text: str, noun: str) -> bool:
    """Whether ``text`` names what ``noun`` points back to (its word, or its verb)."""
    if noun[:5].casefold() in text.casefold():
        return True
    verb = _VERB_OF_NOUN.get(noun.casefold())
    return verb is not None and verb.search(text) is not None


def most_news(
    ranked: list[Candidate],
    budget: int,
    said: set[str],
    news: Callable[[Candidate], bool],
    following: dict[int, Statement],
    today: date | None,
    before_the_news: Callable[[Statement], bool] | None = None,
) -> tuple[list[Candidate], dict[int, Statement]]:
    """Up to ``budget`` outcomes that are ``news``, the best first (any others only when the
    article has nothing newer), and the sentences that go with them (see ``_sequel``), by
    the order of the one they follow. Each is chosen for its worth and for what it adds to
    the ones before it and to what the briefing says elsewhere (``said``): two sentences on
    one point leave room for a third. A sentence ``before_the_news`` tells of is no
    sequel."""
    if not ranked:
        return [], {}
    if ranked[0].score < LEDE and not news(ranked[0]):
        # No lede: the best sentence that tells news of the report leads, not one that
        # tells what came before it.
        first = next((c for c in ranked if news(c)), ranked[0])
        ranked = [first, *(c for c in ranked if c is not first)]
    chosen: list[Candidate] = []
    sequels: dict[int, Statement] = {}
    told = set(said)
    passed_over = False  # whether a sentence was left out for telling what came before
    best: Candidate | None = ranked[0]  # the lede, or the best sentence
    told |= ranked[0].stems
    # What each other sentence is worth with what it adds; a worth only falls as the reader
    # is told more, so only the best one's is brought up to date before it is taken.
    worth = [(-_worth(c, told), rank, c) for rank, c in enumerate(ranked)][1:]
    heapq.heapify(worth)
    while best is not None:
        chosen.append(best)
        told |= best.stems
        sequel = _sequel(best, following, today) if not best.joined else None
        if sequel is not None and before_the_news is not None and before_the_news(sequel):
            sequel = None  # what came before the report: no part of a bullet of news
        if sequel is not None and all(c.order != sequel.order for c in chosen):
            sequels[best.order] = sequel
            worth = [w for w in worth if w[2].order != sequel.order]
            heapq.heapify(worth)
            told |= news_words(sequel.raw)
        best = None
        while worth and best is None and len(chosen) < budget:
            stored, rank, candidate = worth[0]
            now = -_worth(candidate, told)
            if now > stored:  # worth less than when last weighed: weigh again
                heapq.heapreplace(worth, (now, rank, candidate))
                continue
            heapq.heappop(worth)
            if not news(candidate):
                passed_over = True
            elif (shown := _as_shown(candidate, chosen, sequels)) is not None:
                best = shown
    if len(chosen) > 1 or not passed_over:
        return chosen, sequels
    return [c for c in ranked[:budget] if c.lead is None or c.joined], {}


def _worth(candidate: Candidate, told: set[str]) -> float:
    """A candidate's worth with what it adds: its score, and its words the reader has not
    been told (up to a bullet's worth, see ``MAX_NEW_WORDS``)."""
    return candidate.score + NOVELTY * min(len(candidate.stems - told), MAX_NEW_WORDS)


def _as_shown(
    candidate: Candidate, chosen: list[Candidate], sequels: dict[int, Statement]
) -> Candidate | None:
    """``candidate`` as it may be shown beside the ``chosen`` ones, or None. A sentence that
    points back goes with the one it points back to: in its bullet when that one is chosen
    and the two are short enough (see ``sequels``), else in the bullet right after it; when
    that one is not chosen, both in one bullet, or not at all."""
    for other in chosen:
        if other.joined and other.lead is not None and other.lead.order == candidate.order:
            return None  # shown before the sentence that points back to it
    lead = candidate.lead
    if lead is None:
        return candidate
    alone = Candidate(candidate.score, candidate.order, candidate.item, candidate.stems)
    for other in chosen:
        if other.order == lead.order:
            host, item = other.item, candidate.item
            words = len(host.split()) if isinstance(host, str) else host.words
            if (
                isinstance(item, Statement)
                and other.order not in sequels
                and not other.joined
                and words + item.words <= MAX_JOINED_WORDS
            ):
                sequels[other.order] = item
                return None
            return alone
    if any(s.order == lead.order for s in sequels.values()):
        return alone
    return candidate if candidate.joined else None
