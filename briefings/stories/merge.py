"""Several briefings of one story (one per outlet) -> one briefing with all its sources."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime

from briefings.model import Briefing, Fact, Quote, SourceRef

MAX_OUTCOMES = 4
MAX_NEXT = 2
_WORD = re.compile(r"[\w’']+")
_NEAR_DUPLICATE = 0.6
_LATEST = datetime.max.replace(tzinfo=UTC)


def merge_briefings(briefings: Sequence[Briefing]) -> Briefing:
    """Merge briefings of the same story. The earliest report gives headline and link;
    outcomes and next steps are merged without near-duplicates; a quote said once is listed
    once; every source is kept. Raises ValueError on an empty sequence."""
    if not briefings:
        raise ValueError("merge_briefings needs at least one briefing")
    ordered = sorted(briefings, key=_order_key)
    lead = ordered[0]
    return Briefing(
        headline=lead.headline,
        url=lead.url,
        outlet=lead.outlet,
        published=lead.published,
        authors=_unique(a for b in ordered for a in b.authors),
        dateline=next((b.dateline for b in ordered if b.dateline), ""),
        outcomes=_facts((f for b in ordered for f in b.outcomes), MAX_OUTCOMES),
        next=_facts((f for b in ordered for f in b.next), MAX_NEXT),
        quotes=_quotes(q for b in ordered for q in b.quotes),
        sources=_sources(s for b in ordered for s in b.sources),
        topics=_unique(t for b in ordered for t in b.topics),
    )


def _order_key(briefing: Briefing) -> tuple[datetime, int]:
    # Earliest first; among equals the more informative (more bullets) first.
    size = len(briefing.outcomes) + len(briefing.next) + len(briefing.quotes)
    return (briefing.published or _LATEST, -size)


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)}


def _facts(facts: Iterable[Fact], limit: int) -> tuple[Fact, ...]:
    kept: list[tuple[Fact, set[str]]] = []
    for fact in facts:
        words = _words(fact.text)
        if not words or any(_similar(words, other) for _, other in kept):
            continue
        kept.append((fact, words))
    return tuple(fact for fact, _ in kept[:limit])


def _similar(a: set[str], b: set[str]) -> bool:
    return len(a & b) / len(a | b) >= _NEAR_DUPLICATE


def quote_key(quote: Quote) -> tuple[str, str]:
    """Same speaker and same words, whatever the trailing punctuation or case."""
    text = " ".join(quote.text.casefold().split()).rstrip(" ,.;:!?…")
    return quote.speaker.casefold(), text


def _quotes(quotes: Iterable[Quote]) -> tuple[Quote, ...]:
    kept: list[Quote] = []
    keys: list[tuple[str, str]] = []
    for quote in quotes:
        speaker, text = quote_key(quote)
        if any(s == speaker and (text in t or t in text) for s, t in keys):
            continue
        kept.append(quote)
        keys.append((speaker, text))
    return tuple(kept)


def _sources(sources: Iterable[SourceRef]) -> tuple[SourceRef, ...]:
    seen: dict[str, SourceRef] = {}
    for source in sources:
        seen.setdefault(source.url, source)
    return tuple(seen.values())


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))
