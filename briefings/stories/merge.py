"""Several briefings of one story (one per outlet) -> one briefing with all its sources."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime

from briefings.model import Briefing, Fact, Quote, SourceRef
from briefings.stories.storywords import CALENDAR, STOPWORDS

MAX_OUTCOMES = 4
MAX_NEXT = 2
# A quote of this many words is one remark whoever each outlet names as the speaker ("the
# ministry", "the trade ministry"); shorter ones ("We will appeal") need the same speaker.
LONG_QUOTE_WORDS = 6
_WORD = re.compile(r"[\w’']+")
_NEAR_DUPLICATE = 0.6
# Two outlets' facts are one when most of the shorter one's content words (lower-case words
# and numbers; names left out, every report on the story carries them) are in the other.
_SAME_FACT_SHARE = 0.6
_SAME_FACT_WORDS = 3
_SAME_NUMBERS_SHARE = 0.5
# A next step without its time is one another outlet gives with it when this share of its
# words (at least this many) is in that one.
_SAME_STEP_SHARE = 0.7
_SAME_STEP_WORDS = 3
_LATEST = datetime.max.replace(tzinfo=UTC)


def merge_briefings(briefings: Sequence[Briefing]) -> Briefing:
    """Merge briefings of the same story. The earliest report gives headline and link;
    outcomes and next steps are merged without near-duplicates; a quote said once is listed
    once; every source is kept. Raises ValueError on an empty sequence."""
    if not briefings:
        raise ValueError("merge_briefings needs at least one briefing")
    ordered = sorted(briefings, key=_order_key)
    lead = ordered[0]
    outcomes = _facts((f for b in ordered for f in b.outcomes), MAX_OUTCOMES)
    return Briefing(
        headline=lead.headline,
        url=lead.url,
        outlet=lead.outlet,
        published=lead.published,
        authors=_unique(a for b in ordered for a in b.authors),
        dateline=next((b.dateline for b in ordered if b.dateline), ""),
        outcomes=outcomes,
        next=_facts((f for b in ordered for f in b.next), MAX_NEXT, outcomes, next_steps=True),
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


def _facts(
    facts: Iterable[Fact], limit: int, said: Sequence[Fact] = (), *, next_steps: bool = False
) -> tuple[Fact, ...]:
    """``facts`` without near-duplicates, and without what another outlet's fact or one of
    ``said`` (the outcomes, for next steps) already says; ``next_steps``: two outlets' steps
    at the same time are one."""
    kept: list[tuple[Fact, set[str], set[str]]] = []
    already = [(f, _words(f.text), _content_words(f.text)) for f in said]
    for fact in facts:
        words = _words(fact.text)
        content = _content_words(fact.text)
        if not words or any(
            not _numbers_differ(content, other_content)
            and (
                _similar(words, other)
                or (fact.source_url != earlier.source_url and _same_fact(content, other_content))
            )
            for earlier, other, other_content in kept + already
        ):
            continue
        if next_steps and any(
            fact.source_url != earlier.source_url and _same_time_and_event(content, other_content)
            for earlier, _, other_content in kept + already
        ):
            continue
        if next_steps and _told_with_its_time(fact, words, kept, already):
            continue
        kept.append((fact, words, content))
    return tuple(fact for fact, _, _ in kept[:limit])


def _told_with_its_time(
    fact: Fact,
    words: set[str],
    kept: list[tuple[Fact, set[str], set[str]]],
    already: Sequence[tuple[Fact, set[str], set[str]]],
) -> bool:
    """Whether ``fact``, a next step, and a kept one are one step told with and without its
    time ("A fifth round is due in Lindau", "A fifth round is planned for mid-March in
    Lindau"). The timed telling stays: a kept step without a time gives way to ``fact``."""
    for index, (_, other, _) in enumerate(kept):
        if _same_step_untimed(other, words):
            kept[index] = (fact, words, _content_words(fact.text))
            return True
    return any(_same_step_untimed(words, other) for _, other, _ in kept + list(already))


def _same_step_untimed(untimed: set[str], timed: set[str]) -> bool:
    """``untimed`` names no time, ``timed`` does, and most of what ``untimed`` says (its words
    other than stop words, names included) is in ``timed``."""
    if _numbers(untimed) or not _numbers(timed):
        return False
    said = untimed - STOPWORDS
    shared = len(said & timed)
    return shared >= _SAME_STEP_WORDS and shared >= _SAME_STEP_SHARE * len(said)


def _numbers(words: set[str]) -> set[str]:
    return {w for w in words if w[0].isdigit() or w in CALENDAR}


def _content_words(text: str) -> set[str]:
    """Lower-case words, numbers and dates: what a fact says, not whom it names."""
    return {
        w.casefold()
        for w in _WORD.findall(text)
        if (w[0].islower() and w.casefold() not in STOPWORDS)
        or w[0].isdigit()
        or w.casefold() in CALENDAR
    }


def _numbers_differ(a: set[str], b: set[str]) -> bool:
    """True when both give numbers or dates and neither's are all in the other: "a deadline
    of 1 April" is not "a deadline of 1 May"; "from 25 % to 15 %" may be "to 15 %"."""
    numbers_a, numbers_b = _numbers(a), _numbers(b)
    return bool(numbers_a and numbers_b) and not (numbers_a <= numbers_b or numbers_b <= numbers_a)


def _same_fact(a: set[str], b: set[str]) -> bool:
    """Most of the smaller one's content words are in the other; or, when both state numbers
    or dates and the one's are all in the other's, half of them are ("moved the deadline to
    1 May on Monday" and "agreed on Monday to extend the deadline to 1 May")."""
    shared = len(a & b)
    smaller = min(len(a), len(b))
    if shared < _SAME_FACT_WORDS:
        return False
    share = shared / smaller
    if share >= _SAME_FACT_SHARE:
        return True
    numbers_a, numbers_b = _numbers(a), _numbers(b)
    same_numbers = bool(numbers_a and numbers_b) and (
        numbers_a <= numbers_b or numbers_b <= numbers_a
    )
    return same_numbers and share >= _SAME_NUMBERS_SHARE


def _same_time_and_event(a: set[str], b: set[str]) -> bool:
    """Two outlets' next steps are one when they name the same time (dates and calendar
    words, one's all in the other's) and share a word of what happens then ("a fifth round
    is planned for mid-March", "the next round is expected in the middle of March")."""
    times_a, times_b = _numbers(a), _numbers(b)
    if not (times_a and times_b) or not (times_a <= times_b or times_b <= times_a):
        return False
    return bool((a - times_a) & (b - times_b))


def _similar(a: set[str], b: set[str]) -> bool:
    return len(a & b) / len(a | b) >= _NEAR_DUPLICATE


def quote_key(quote: Quote) -> tuple[str, str]:
    """Same speaker and same words, whatever the trailing punctuation or case."""
    text = " ".join(quote.text.casefold().split()).rstrip(" ,.;:!?…")
    return quote.speaker.casefold(), text


def same_quote(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """Whether two :func:`quote_key` keys are one remark: the same words (one within the
    other), said by the same speaker or long enough to be one remark whoever said it."""
    (speaker, text), (other_speaker, other_text) = a, b
    if not (text in other_text or other_text in text):
        return False
    return speaker == other_speaker or min(len(text.split()), len(other_text.split())) >= (
        LONG_QUOTE_WORDS
    )


def _quotes(quotes: Iterable[Quote]) -> tuple[Quote, ...]:
    kept: list[Quote] = []
    keys: list[tuple[str, str]] = []
    for quote in quotes:
        key = quote_key(quote)
        if any(same_quote(key, other) for other in keys):
            continue
        kept.append(quote)
        keys.append(key)
    return tuple(kept)


def _sources(sources: Iterable[SourceRef]) -> tuple[SourceRef, ...]:
    seen: dict[str, SourceRef] = {}
    for source in sources:
        seen.setdefault(source.url, source)
    return tuple(seen.values())


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))
