"""Outcome and next-step bullets: what happened (agreed or not, who met whom and for how
long) and what happens next and when. Sentences are the article's own words, tidied; negations
stay as written ("failed to find common ground")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from briefings.dates import MONTHS
from briefings.meetings import find_meeting
from briefings.model import Article, Fact
from briefings.statements import Statement, statements

MAX_OUTCOMES = 4
MAX_NEXT = 2
MAX_WORDS = 45

OUTCOME_CUE = re.compile(
    r"\b(?:agreed|agreement|deal|failed|fail|reached|signed|approved|rejected|passed|voted|"
    r"won|lost|ruled|decided|killed|died|dead|elected|resigned|arrested|sentenced|convicted|"
    r"charged|withdrew|withdrawn|suspended|banned|declared|launched|announced|ended|closed|"
    r"opened|found|confirmed|no deal|without|refused|denied|accepted|canceled|cancelled|"
    r"injured|destroyed|collapsed|crashed|defeated|beat|struck|cut|raised|imposed|lifted)\b",
    re.IGNORECASE,
)
NEXT_CUE = re.compile(
    r"\b(?:will|shall|scheduled|expected to|plans? to|planned|is to|are to|set to|due to|"
    r"next (?:week|month|year|round|step)|later this|upcoming|tomorrow|to be held|slated|"
    r"deadline|is to be|are to be)\b",
    re.IGNORECASE,
)
PAST_CUE = re.compile(
    r"\b(?:started|began|was|were|had|ended|last (?:year|month|week)|ago|earlier|since)\b",
    re.IGNORECASE,
)
HOPE_CUE = re.compile(r"\b(?:hopes?|aims?|intends?|wants?|meet|meets)\b", re.IGNORECASE)
OUTCOME_REACH = 6  # paragraphs: news puts what happened first
STRONG_NEXT = re.compile(r"\b(?:scheduled|to be held|slated|set to|due to)\b", re.IGNORECASE)
SPECULATION = re.compile(
    r"\b(?:remains to be seen|seen as|being considered|it is unclear|may|might|could|would|"
    r"perhaps|possibly|rumou?r)\b",
    re.IGNORECASE,
)
_DAY = re.compile(
    r"\b(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?\s+(?P<day>\d{1,2})\b",
    re.IGNORECASE,
)
_MEETING_WORD = re.compile(r"\bmet\b")


@dataclass(frozen=True, slots=True)
class Facts:
    outcomes: tuple[Fact, ...]
    next: tuple[Fact, ...]


def find_facts(article: Article, subject: str = "") -> Facts:
    """Outcome and next-step facts of ``article``; ``subject`` names a leading he/she."""
    link = article.link
    found = statements(article.paragraphs, subject)
    today = article.published.date() if article.published else None
    nexts = _next_steps(found, today)
    taken = {s.index for s in nexts}
    outcomes = _outcomes([s for s in found if s.index not in taken], subject)
    return Facts(
        outcomes=tuple(Fact(text, link) for text in outcomes),
        next=tuple(Fact(s.text, link) for s in nexts),
    )


def _outcomes(found: Sequence[Statement], subject: str) -> list[str]:
    chosen: list[str] = []
    met: set[str] = set()
    scored: list[tuple[float, int, str]] = []
    for statement in found:
        if len(statement.text.split()) > MAX_WORDS:
            continue
        if _MEETING_WORD.search(statement.text):
            meeting = find_meeting(statement.raw, subject)
            if meeting is not None:
                if not any(_surname(w) in met for w in meeting.who):
                    met.update(_surname(w) for w in meeting.who)
                    scored.append((2.5, statement.index, meeting.sentence()))
                continue
        if statement.index == 1 or (not chosen and not scored and statement.paragraph == 0):
            scored.append((10.0, statement.index, statement.text))
            continue
        score = _outcome_score(statement)
        if score > 0 and statement.paragraph < OUTCOME_REACH:
            scored.append((score, statement.index, statement.text))
    best = sorted(scored, key=lambda s: (-s[0], s[1]))[:MAX_OUTCOMES]
    chosen = [text for _, _, text in sorted(best, key=lambda s: s[1])]
    return _distinct(chosen)


def _outcome_score(statement: Statement) -> float:
    cues = len(OUTCOME_CUE.findall(statement.text))
    if not cues or SPECULATION.search(statement.text):
        return 0.0
    position = 1.0 / (1 + 0.15 * statement.index)
    numbers = 0.3 if re.search(r"\d", statement.text) else 0.0
    return min(cues, 3) * 0.5 + position + numbers


def _next_steps(found: Sequence[Statement], today: date | None) -> list[Statement]:
    scored: list[tuple[float, Statement]] = []
    for statement in found:
        text = statement.text
        if len(text.split()) > MAX_WORDS or statement.index == 1:
            continue
        future_date = _mentions_future_date(text, today)
        hoped = future_date and HOPE_CUE.search(text) and not PAST_CUE.search(text)
        if not NEXT_CUE.search(text) and not hoped:
            continue
        if SPECULATION.search(text) and not STRONG_NEXT.search(text):
            continue
        score = 1.0 + (2.0 if STRONG_NEXT.search(text) else 0.0)
        score += 1.5 if future_date or _DAY.search(text) else 0.0
        score += 1.0 / (1 + 0.1 * statement.index)
        scored.append((score, statement))
    best = sorted(scored, key=lambda s: (-s[0], s[1].index))[:MAX_NEXT]
    return [s for _, s in sorted(best, key=lambda s: s[1].index)]


def _mentions_future_date(text: str, today: date | None) -> bool:
    if today is None:
        return False
    for match in _DAY.finditer(text):
        try:
            mentioned = date(today.year, MONTHS[match["month"].lower()], int(match["day"]))
        except ValueError:
            continue
        if mentioned > today:
            return True
    return False


def _surname(name: str) -> str:
    return name.split()[-1]


def _distinct(texts: list[str]) -> list[str]:
    out: list[str] = []
    for text in texts:
        words = set(text.lower().split())
        if all(len(words & set(o.lower().split())) < 0.8 * len(words) for o in out):
            out.append(text)
    return out
