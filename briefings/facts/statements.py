"""The article's own statements: its sentences outside quotes, tidied for a bullet."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from briefings.quotes.mask import MASK, mask
from briefings.quotes.textcache import TextCache
from briefings.reading.dateline import split_dateline
from briefings.reading.dates import DATE_PREFIX
from briefings.reading.headline import TRAILING_ATTRIBUTION

# Openers that only link a sentence to the one before it.
_OPENER = re.compile(
    r"^(?:however|meanwhile|in reality|in reality, however|this time around|separately|also|"
    r"moreover|in addition|additionally|still|nonetheless|nevertheless)\s*,\s*",
    re.IGNORECASE,
)
# A sentence with a short partial quote ('called the talks "frank"') is still the article's
# own statement; one that is mostly quoted words is a quote.
QUOTED_SHARE = 0.35
# The lede tells the news even when it carries a quote ("... today signed an agreement that
# will "strengthen supply chains"").
LEDE_QUOTED_SHARE = 0.6
_OPENING_MARKS = frozenset('"“‘«「')
_ANY_MARKS = ('"', "“", "”")
_PRONOUN_START = re.compile(r"^(?:He|She)\b")


class Statement(NamedTuple):
    """One sentence (a tuple: an article has dozens, and only a few become bullets)."""

    paragraph: int
    order: int  # its position in the article, counting every sentence
    raw: str  # the sentence as written
    subject: str = ""  # who a leading he/she is

    @property
    def words(self) -> int:
        """Its length in words (counted only for the sentences a rule looks at)."""
        return len(self.raw.split())

    @property
    def text(self) -> str:
        """The sentence tidied for a bullet (computed only for the sentences chosen)."""
        return tidy(self.raw, self.subject)


def statements(
    paragraphs: Sequence[str], subject: str = "", cache: TextCache | None = None
) -> list[Statement]:
    """Sentences that hold no quote, in order. ``subject`` replaces a leading he/she."""
    cache = cache or TextCache()
    out: list[Statement] = []
    count = 0
    for p, paragraph in enumerate(paragraphs):
        text = split_dateline(paragraph)[1] if p == 0 else paragraph
        if date := DATE_PREFIX.match(text):
            text = text[date.end() :]
        masked = mask(text, cache.spans(text))
        quoted = MASK in masked or '"' in masked or "“" in masked
        for a, b in cache.sentences(masked):
            count += 1
            share = LEDE_QUOTED_SHARE if count == 1 else QUOTED_SHARE
            if quoted and _holds_quote(masked, a, b, share):
                continue
            raw = text[a:b].strip()
            if raw:
                out.append(Statement(p, count, raw, subject))
    return out


def _holds_quote(masked: str, start: int, end: int, share: float = 0.35) -> bool:
    """Whether the sentence is a quote rather than the article's own statement: it opens
    with one, quoted words are a large part of it, or a quote mark is left unpaired."""
    masked_chars = masked.count(MASK, start, end)
    if masked_chars == 0:
        return any(masked.find(mark, start, end) >= 0 for mark in _ANY_MARKS)
    head = masked[start:end].lstrip()
    if head[:1] in _OPENING_MARKS or head[:1] == MASK:
        return True
    return masked_chars > share * (end - start)


def tidy(sentence: str, subject: str = "") -> str:
    """Drop linking openers and a trailing attribution; name a leading he/she."""
    text = _OPENER.sub("", sentence.strip())
    text = TRAILING_ATTRIBUTION.sub(r"\1", text)
    if subject:
        text = _PRONOUN_START.sub(subject, text)
    if text and text[0].islower():
        text = text[0].upper() + text[1:]
    return text
