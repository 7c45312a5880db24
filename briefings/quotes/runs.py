"""Quotes that span paragraphs: an opening mark on each paragraph and a closing one on the
last, a quote that runs on through paragraphs without marks (a statement's or transcript's
style), and an opening mark a page's markup left at the end of the paragraph before."""

from __future__ import annotations

from collections.abc import Sequence

from briefings.quotes.marks import (
    Span,
    has_mark,
    lone_close,
    mark_width,
    starts_with_open_mark,
)

RUN_ON_REACH = 6  # paragraphs a quote may run on without marks
_OPENERS = frozenset('“"«')


def find_chains(
    paragraphs: Sequence[str], spans: list[list[Span]], ends: bool
) -> dict[tuple[int, int], int]:
    """Unclosed spans that run on into the next paragraph (opening mark, no closing one).
    ``ends``: whether the article ends with ``paragraphs``."""
    chains: dict[tuple[int, int], int] = {}
    ran_on: set[int] = set()  # paragraphs a run-on quote fills
    _reopen(paragraphs, spans)
    for p in range(len(paragraphs)):
        if not spans[p] or spans[p][-1].closed or p in ran_on:
            continue
        nxt = p + 1
        if (
            nxt < len(paragraphs)
            and starts_with_open_mark(paragraphs[nxt])
            and spans[nxt]
            and not paragraphs[nxt][: spans[nxt][0].open].strip()
        ):
            chain = chains.get((p, len(spans[p]) - 1), len(chains))
            chains[(p, len(spans[p]) - 1)] = chain
            chains[(nxt, 0)] = chain
        else:
            run = _run_on(paragraphs, p, ends)
            if run is None and (p, len(spans[p]) - 1) in chains:
                continue  # a quote over paragraphs whose last closing mark was left out
            if run is None:
                spans[p].pop()  # a stray opening mark: skip it, keep the rest
                continue
            chain = chains.get((p, len(spans[p]) - 1), len(chains))
            chains[(p, len(spans[p]) - 1)] = chain
            for q, span in run:
                spans[q].insert(0, span)
                chains[(q, 0)] = chain
                ran_on.add(q)
    return chains


def _reopen(paragraphs: Sequence[str], spans: list[list[Span]]) -> None:
    """A paragraph ending in an opening mark lost it to the paragraph before it (a page's
    markup split them): the next paragraph's words up to its closing mark are the quote."""
    for p in range(len(paragraphs) - 1):
        text = paragraphs[p]
        if text[-1:] not in _OPENERS and not (
            text[-1:].isspace() and text.rstrip()[-1:] in _OPENERS
        ):
            continue
        last = len(text.rstrip()) - 1
        if any(span.close == last for span in spans[p]):
            continue  # a straight mark that closes a quote
        close = lone_close(paragraphs[p + 1])
        if close > 0:
            spans[p + 1].insert(0, Span(-1, close, trail=mark_width(paragraphs[p + 1], close)))


def _run_on(paragraphs: Sequence[str], p: int, ends: bool) -> list[tuple[int, Span]] | None:
    """A quote left open at the end of paragraph ``p`` that runs on through paragraphs
    without marks (a transcript's or a statement's style) to one that opens with its closing
    mark, or to the end of the article: a span for each of them. None when a paragraph with
    other marks, or too many paragraphs, come first."""
    run: list[tuple[int, Span]] = []
    end = min(len(paragraphs), p + 1 + RUN_ON_REACH)
    for q in range(p + 1, end):
        text = paragraphs[q]
        close = lone_close(text)
        if close >= 0:
            run.append((q, Span(-1, close, trail=mark_width(text, close))))
            return run
        if not text.strip() or has_mark(text):
            return None
        run.append((q, Span(-1, len(text), closed=False)))
    return run if ends and end == len(paragraphs) else None
