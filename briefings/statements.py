"""The article's own statements: its sentences outside quotes, tidied for a bullet."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from briefings.dateline import split_dateline
from briefings.dates import DATE_PREFIX
from briefings.headline import TRAILING_ATTRIBUTION
from briefings.quotes.marks import find_spans
from briefings.quotes.mask import MASK, mask
from briefings.sentences import split_sentences

# Openers that only link a sentence to the one before it.
_OPENER = re.compile(
    r"^(?:however|meanwhile|in reality|in reality, however|this time around|separately|also|"
    r"moreover|in addition|additionally|still|nonetheless|nevertheless)\s*,\s*",
    re.IGNORECASE,
)
_PRONOUN_START = re.compile(r"^(?:He|She)\b")


@dataclass(frozen=True, slots=True)
class Statement:
    paragraph: int
    index: int  # position in the article, in sentences
    raw: str  # the sentence as written
    subject: str = ""  # who a leading he/she is

    @property
    def text(self) -> str:
        """The sentence tidied for a bullet (computed only for the sentences chosen)."""
        return tidy(self.raw, self.subject)


def statements(paragraphs: Sequence[str], subject: str = "") -> list[Statement]:
    """Sentences that hold no quote, in order. ``subject`` replaces a leading he/she."""
    out: list[Statement] = []
    count = 0
    for p, paragraph in enumerate(paragraphs):
        text = split_dateline(paragraph)[1] if p == 0 else paragraph
        if date := DATE_PREFIX.match(text):
            text = text[date.end() :]
        masked = mask(text, find_spans(text))
        for a, b in split_sentences(masked):
            count += 1
            if MASK in masked[a:b] or '"' in masked[a:b] or "“" in masked[a:b]:
                continue
            raw = text[a:b].strip()
            if not raw:
                continue
            out.append(Statement(p, count, raw, subject))
    return out


def tidy(sentence: str, subject: str = "") -> str:
    """Drop linking openers and a trailing attribution; name a leading he/she."""
    text = _OPENER.sub("", sentence.strip())
    text = TRAILING_ATTRIBUTION.sub(r"\1", text)
    if subject:
        text = _PRONOUN_START.sub(subject, text)
    if text and text[0].islower():
        text = text[0].upper() + text[1:]
    return text
