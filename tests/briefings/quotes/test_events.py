"""Subject tracking: the last event of a paragraph, read from its end, is the last of all its
events read in order (checked on every paragraph of the corpus, with each article's people)."""

from __future__ import annotations

from briefings.quotes.marks import find_spans
from briefings.quotes.mask import mask
from briefings.quotes.people import mentions
from briefings.quotes.registry import Registry, register
from briefings.quotes.subject_events import paragraph_last_event, subject_events
from briefings.quotes.tokens import tokenize
from briefings.reading.sentences import split_sentences
from tests.wikinews import articles


def test_last_event_is_the_last_of_the_events() -> None:
    checked = 0
    for article in articles():
        texts = [mask(p, find_spans(p)) for p in article.paragraphs]
        tokens = [tokenize(text) for text in texts]
        named = [mentions(toks) for toks in tokens]
        registry = Registry(texts=texts)
        for toks, found in zip(tokens, named, strict=True):
            register(registry, toks, found)
        for text, toks, found in zip(texts, tokens, named, strict=True):
            bounds = split_sentences(text)
            events = subject_events(toks, found, bounds, registry)
            assert paragraph_last_event(toks, found, bounds, registry) == (
                events[-1] if events else None
            )
            checked += bool(events)
    assert checked > 1000
