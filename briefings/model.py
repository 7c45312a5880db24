"""Frozen values that cross the seams of the briefing pipeline.

Every datetime is timezone-aware; every collection is a tuple. No SDK objects, no markup.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

# A quote of up to this many words is shown in its sentence.
SHORT_QUOTE_WORDS = 3


@dataclass(frozen=True, slots=True)
class SourceRef:
    """Where a briefing (or one of its bullets) came from."""

    url: str
    outlet: str = ""
    title: str = ""


@dataclass(frozen=True, slots=True)
class Article:
    """One article as read from a text file, a page or a feed entry.

    ``paragraphs`` is the cleaned body: boilerplate removed, one string per paragraph.
    """

    url: str
    title: str
    paragraphs: tuple[str, ...]
    outlet: str = ""
    published: datetime | None = None
    authors: tuple[str, ...] = ()
    dateline: str = ""
    canonical_url: str = ""
    summary: str = ""

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)

    @property
    def link(self) -> str:
        return self.canonical_url or self.url


@dataclass(frozen=True, slots=True)
class Quote:
    """A verbatim quote: ``text`` is an exact substring of the source, quote marks removed
    (and the comma or full stop before the closing mark). ``context`` is the sentence the quote
    stands in, verbatim with its marks: a quote of a few words is shown in it."""

    text: str
    speaker: str
    role: str = ""
    source_url: str = ""
    unnamed: bool = False
    partial: bool = False
    context: str = ""

    @property
    def display_text(self) -> str:
        """The words as a briefing shows them: a trailing comma dropped, a fragment marked."""
        text = self.text.rstrip(",")
        return f"…{text}" if self.partial else text

    @property
    def in_sentence(self) -> bool:
        """Whether the quote says too little alone (``called the talks "frank"``): a briefing
        then shows its sentence, ``context``, rather than the quoted words."""
        return bool(self.context) and len(self.text.split()) <= SHORT_QUOTE_WORDS

    @property
    def speaker_label(self) -> str:
        """The speaker as a briefing names them; an unnamed source says so."""
        if self.unnamed and self.speaker:
            return f"{self.speaker[:1].upper()}{self.speaker[1:]} (unnamed)"
        return self.speaker


@dataclass(frozen=True, slots=True)
class Fact:
    """An outcome or a next step: one sentence-sized statement with the link it came from."""

    text: str
    source_url: str = ""


@dataclass(frozen=True, slots=True)
class Briefing:
    """A short bullet briefing of one story: outcomes, next steps and quotes, with sources."""

    headline: str
    url: str
    outlet: str = ""
    published: datetime | None = None
    authors: tuple[str, ...] = ()
    dateline: str = ""
    outcomes: tuple[Fact, ...] = ()
    next: tuple[Fact, ...] = ()
    quotes: tuple[Quote, ...] = ()
    sources: tuple[SourceRef, ...] = ()
    topics: tuple[str, ...] = field(default=())

    @property
    def is_empty(self) -> bool:
        return not (self.outcomes or self.next or self.quotes)
