"""One article -> one :class:`~briefings.model.Briefing` (pure: no I/O, no clock)."""

from __future__ import annotations

from collections import Counter

from briefings.facts.outcomes import find_facts
from briefings.facts.quotedsteps import who_said
from briefings.model import Article, Briefing, Quote, SourceRef
from briefings.quotes import find_quotes
from briefings.quotes.lexicon import NON_PERSON
from briefings.quotes.textcache import TextCache
from briefings.reading.headline import headline_from_lede

MAX_QUOTES = 8


def summarize(article: Article) -> Briefing:
    """The briefing of ``article``: headline, outcomes, next steps, quotes and its source."""
    cache = TextCache()  # quote spans and sentences, shared by quotes and facts
    found = find_quotes(article.paragraphs, article.link, cache, title=article.title)
    quotes = _not_shown_twice(found)[:MAX_QUOTES]
    speakers = [who_said(q) for q in quotes]
    facts = find_facts(article, _main_speaker(quotes), cache, [q.text for q in quotes], speakers)
    headline = article.title or (
        headline_from_lede(article.paragraphs[0]) if article.paragraphs else ""
    )
    return Briefing(
        headline=headline,
        url=article.link,
        outlet=article.outlet,
        published=article.published,
        authors=article.authors,
        dateline=article.dateline,
        outcomes=facts.outcomes,
        next=facts.next,
        quotes=quotes,
        sources=(SourceRef(url=article.link, outlet=article.outlet, title=headline),),
    )


def _not_shown_twice(quotes: tuple[Quote, ...]) -> tuple[Quote, ...]:
    """``quotes`` without those whose words a quote shown in its sentence already shows
    (``said the talks "went just fine," and that they "had been a good one"``: one bullet)."""
    kept: list[Quote] = []
    for quote in quotes:
        if any(
            shown.in_sentence and shown.speaker == quote.speaker and quote.text in shown.context
            for shown in kept
        ):
            continue
        kept.append(quote)
    return tuple(kept)


def _main_speaker(quotes: tuple[Quote, ...]) -> str:
    """Surname of the person quoted most: who a leading he/she most likely is."""
    named = Counter(
        q.speaker
        for q in quotes
        if not q.unnamed and " " in q.speaker and q.speaker.split()[-1] not in NON_PERSON
    )
    if not named:
        return ""
    return named.most_common(1)[0][0].split()[-1]
