"""Briefings to and from plain JSON-able dicts (the CLI's ``--format json`` and the store)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from briefings.model import Briefing, Fact, Quote, SourceRef


def briefing_to_dict(briefing: Briefing) -> dict[str, Any]:
    """The JSON shape of a briefing; ``outcomes`` and ``next`` are lists of strings."""
    return {
        "headline": briefing.headline,
        "url": briefing.url,
        "outlet": briefing.outlet,
        "published": briefing.published.isoformat() if briefing.published else None,
        "authors": list(briefing.authors),
        "dateline": briefing.dateline,
        "outcomes": [fact.text for fact in briefing.outcomes],
        "next": [fact.text for fact in briefing.next],
        "quotes": [_quote_to_dict(quote) for quote in briefing.quotes],
        "sources": [{"url": s.url, "outlet": s.outlet, "title": s.title} for s in briefing.sources],
        "topics": list(briefing.topics),
        "outcome_sources": [fact.source_url for fact in briefing.outcomes],
        "next_sources": [fact.source_url for fact in briefing.next],
    }


def briefing_from_dict(data: dict[str, Any]) -> Briefing:
    """Inverse of :func:`briefing_to_dict`."""
    published = data.get("published")
    return Briefing(
        headline=data["headline"],
        url=data["url"],
        outlet=data.get("outlet", ""),
        published=datetime.fromisoformat(published) if published else None,
        authors=tuple(data.get("authors", ())),
        dateline=data.get("dateline", ""),
        outcomes=_facts(data.get("outcomes", ()), data.get("outcome_sources", ())),
        next=_facts(data.get("next", ()), data.get("next_sources", ())),
        quotes=tuple(_quote_from_dict(q) for q in data.get("quotes", ())),
        sources=tuple(
            SourceRef(url=s["url"], outlet=s.get("outlet", ""), title=s.get("title", ""))
            for s in data.get("sources", ())
        ),
        topics=tuple(data.get("topics", ())),
    )


def _quote_to_dict(quote: Quote) -> dict[str, Any]:
    return {
        "text": quote.text,
        "speaker": quote.speaker,
        "role": quote.role,
        "source_url": quote.source_url,
        "unnamed": quote.unnamed,
        "partial": quote.partial,
        "context": quote.context,
    }


def _quote_from_dict(data: dict[str, Any]) -> Quote:
    return Quote(
        text=data["text"],
        speaker=data.get("speaker", ""),
        role=data.get("role", ""),
        source_url=data.get("source_url", ""),
        unnamed=bool(data.get("unnamed", False)),
        partial=bool(data.get("partial", False)),
        context=data.get("context", ""),
    )


def _facts(texts: Any, sources: Any) -> tuple[Fact, ...]:
    urls = list(sources) + [""] * (len(texts) - len(sources))
    return tuple(Fact(text=t, source_url=u) for t, u in zip(texts, urls, strict=False))
