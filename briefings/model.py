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
    ``background`` holds the indexes into ``paragraphs`` of those the page itself sets apart
    from its news, under a heading of their own ("Background", "Notes to editors", "About the
    Trade Office"): what they tell is no news of the report.
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
    background: tuple[int, ...] = ()

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


@dataclass(frozen=True, slots=True)
class StatedFact:
    """A fact a report states about its story: ``kind`` ("rate", "amount", "deadline",
    "agreement", "lead"), ``subject`` (what it is about: "car tariff", "deadline") and
    ``value`` as written for a reader ("15 %", "1 September", "agreement in principle")."""

    kind: str
    subject: str
    value: str
    source_url: str = ""

    @property
    def key(self) -> tuple[str, str]:
        return (self.kind, self.subject)


@dataclass(frozen=True, slots=True)
class Change:
    """A fact of a development that differs from what an earlier one in its thread stated."""

    kind: str
    subject: str
    before: str
    after: str
    source_url: str = ""

    @property
    def line(self) -> str:
        """``Changed: car tariff 25 % → 15 %`` (the subject left out for an agreement)."""
        subject = "" if self.kind == "agreement" else f"{self.subject} "
        return f"Changed: {subject}{self.before} → {self.after}"


@dataclass(frozen=True, slots=True)
class Development:
    """One event: the reports of every outlet about it merged into one briefing.

    ``report_ids`` name the reports merged (the earliest first); ``facts`` are the facts they
    state; ``changes`` what moved since earlier developments of its thread;
    ``quote_sources`` the URLs of every report carrying each quote, in the quotes' order;
    ``lede`` the first words of the earliest report (what threads are matched on);
    ``first_hour_outlets`` how many outlets reported it within an hour of the first.
    """

    key: str
    briefing: Briefing
    report_ids: tuple[str, ...]
    published: datetime
    facts: tuple[StatedFact, ...] = ()
    changes: tuple[Change, ...] = ()
    quote_sources: tuple[tuple[str, ...], ...] = ()
    lede: str = ""
    first_hour_outlets: int = 1

    @property
    def sources_of(self) -> dict[Quote, tuple[str, ...]]:
        """Each quote of the briefing with the URLs of every report that carried it."""
        return dict(zip(self.briefing.quotes, self.quote_sources, strict=False))

    @property
    def outlets(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(s.outlet for s in self.briefing.sources if s.outlet))


@dataclass(frozen=True, slots=True)
class Thread:
    """A negotiation or running story: its developments, the oldest first."""

    key: str
    developments: tuple[Development, ...]

    @property
    def started(self) -> datetime:
        return self.developments[0].published

    @property
    def last(self) -> datetime:
        return self.developments[-1].published

    @property
    def latest(self) -> Development:
        return self.developments[-1]
