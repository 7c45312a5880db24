"""A briefing as a person reads it in a terminal or a plain-text chat."""

from __future__ import annotations

from datetime import datetime

from briefings.model import Briefing, Quote, SourceRef

BULLET = "•"


def render_briefing(briefing: Briefing) -> str:
    """Headline, outcome and next bullets, quotes, then the source line(s)."""
    lines = [briefing.headline]
    lines += [f"{BULLET} Outcome: {fact.text}" for fact in briefing.outcomes]
    lines += [f"{BULLET} Next: {fact.text}" for fact in briefing.next]
    if briefing.quotes:
        lines.append("Quotes")
        introduced: set[str] = set()
        for quote in briefing.quotes:
            lines.append(f"{BULLET} {_quote(quote, quote.speaker in introduced)}")
            introduced.add(quote.speaker)
    sources = briefing.sources or (SourceRef(briefing.url, briefing.outlet, briefing.headline),)
    if len(sources) == 1:
        lines.append(f"Source: {_source(sources[0], briefing.published)}")
    else:
        lines.append("Sources:")
        lines += [
            f"  - {_source(s, briefing.published if i == 0 else None)}"
            for i, s in enumerate(sources)
        ]
    return "\n".join(lines)


def _quote(quote: Quote, introduced: bool) -> str:
    """The speaker with their role the first time, by name alone after that (the whole name:
    a last word is no surname in "He Lifeng" or "White House")."""
    speaker = quote.speaker_label
    if quote.role and not introduced:
        speaker = f"{speaker}, {quote.role}"
    if quote.in_sentence:  # a quote of a few words is shown in its sentence
        return f"{speaker}: {quote.context}"
    return f"{speaker}: “{quote.display_text}”"


def _source(source: SourceRef, published: datetime | None) -> str:
    parts = [p for p in (source.outlet, format_date(published)) if p]
    head = ", ".join(parts)
    return f"{head} — {source.url}" if head else source.url


def format_date(moment: datetime | None) -> str:
    """``June 7, 2025`` (the day in UTC)."""
    if moment is None:
        return ""
    return f"{moment:%B} {moment.day}, {moment.year}"
