"""The quote finder: every direct quote of an article with its speaker.

Reads the paragraphs in order, so pronouns resolve to the person the text is about at that
point. A quoted span is kept only when a speaker is found for it (its own attribution, the
quote before or after it in the paragraph, or the quote that ended the previous paragraph);
short or title-like spans need their own attribution, so scare quotes and titles drop out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from briefings.model import Quote
from briefings.quotes.attribution import Attribution, after_quote, before_quote
from briefings.quotes.lexicon import PRONOUNS
from briefings.quotes.marks import Span, find_spans, starts_with_open_mark
from briefings.quotes.mask import mask
from briefings.quotes.people import Person, Registry, mentions, register
from briefings.quotes.speakers import Speaker, resolve
from briefings.quotes.tokens import Tok, tokenize
from briefings.sentences import split_sentences

_SUBJECT_REACH = 12


@dataclass(frozen=True, slots=True)
class _Found:
    paragraph: int
    span: Span
    text: str
    speaker: Speaker | None
    own: bool  # attributed by words around it, not by a neighbour
    short: bool
    chain: int  # quotes of one multi-paragraph quote share a chain number (else -1)


def find_quotes(paragraphs: Sequence[str], source_url: str = "") -> tuple[Quote, ...]:
    """Quotes of the article whose body is ``paragraphs``; texts are verbatim substrings."""
    spans = [find_spans(p) for p in paragraphs]
    chains = _chains(paragraphs, spans)
    masked = [mask(p, s) for p, s in zip(paragraphs, spans, strict=True)]
    tokens = [tokenize(m) for m in masked]
    registry = Registry()
    for toks in tokens:
        register(registry, toks)
    found = _attribute(paragraphs, spans, chains, masked, tokens, registry)
    return _to_quotes(_fill_gaps(found), source_url)


def _chains(paragraphs: Sequence[str], spans: list[list[Span]]) -> dict[tuple[int, int], int]:
    """Unclosed spans that run on into the next paragraph (opening mark, no closing one)."""
    chains: dict[tuple[int, int], int] = {}
    for p in range(len(paragraphs)):
        if not spans[p] or spans[p][-1].closed:
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
            spans[p].pop()  # a stray opening mark: skip it, keep the rest
    return chains


def _attribute(
    paragraphs: Sequence[str],
    spans: list[list[Span]],
    chains: dict[tuple[int, int], int],
    masked: list[str],
    tokens: list[list[Tok]],
    registry: Registry,
) -> list[_Found]:
    found: list[_Found] = []
    subject: Person | None = None
    last: Speaker | None = None
    for p, text in enumerate(paragraphs):
        toks = tokens[p]
        bounds = split_sentences(masked[p])
        done = 0
        for index, span in enumerate(spans[p]):
            sent_start, sent_end = next(
                ((a, b) for a, b in bounds if a <= span.open < b), (0, len(text))
            )
            for a, _ in bounds[done:]:
                if a > span.open:
                    break
                subject = _subject(toks, a, registry) or subject
                done += 1
            prev_close = spans[p][index - 1].close if index else -1
            next_open = spans[p][index + 1].open if index + 1 < len(spans[p]) else len(text)
            before = [t for t in toks if max(sent_start, prev_close) <= t.start < span.open]
            after = [t for t in toks if span.close < t.start and t.end <= min(sent_end, next_open)]
            quoted = text[span.start : span.close].strip()
            short = _is_short(quoted)
            attribution = after_quote(after, short) or before_quote(before, short)
            speaker = _resolve(attribution, registry, subject, last)
            if speaker is not None:
                last = speaker
                if speaker.person:
                    subject = registry.lookup(speaker.name) or subject
            found.append(
                _Found(p, span, quoted, speaker, speaker is not None, short,
                       chains.get((p, index), -1))
            )  # fmt: skip
        for a, _ in bounds[done:]:
            subject = _subject(toks, a, registry) or subject
    return found


def _resolve(
    attribution: Attribution | None,
    registry: Registry,
    subject: Person | None,
    last: Speaker | None,
) -> Speaker | None:
    if attribution is None:
        return None
    return resolve(attribution.phrase, attribution.role, registry, subject, last)


def _subject(toks: list[Tok], start: int, registry: Registry) -> Person | None:
    """The person a sentence is about: its first name before any he/she, if known."""
    head = [t for t in toks if t.start >= start][:_SUBJECT_REACH]
    for tok in head:
        if tok.lower in PRONOUNS:
            return None
        if tok.cap:
            break
    for mention in mentions(head):
        last_tok = head[mention.last]
        if mention.person and not last_tok.possessive:
            known = registry.lookup(mention.name)
            if known is not None:
                return known
        if any(t.lower in PRONOUNS for t in head[: mention.first]):
            return None
    return None


def _is_short(quoted: str) -> bool:
    """Scare quotes and titles: up to three words, or a capitalized phrase without an end."""
    words = quoted.split()
    if len(words) <= 3:
        return True
    if quoted[-1:] in ".,!?…" or len(words) > 8:
        return False
    significant = [w for w in words if len(w) > 3]
    return bool(significant) and all(w[:1].isupper() for w in significant)


def _fill_gaps(found: list[_Found]) -> list[_Found]:
    """Unattributed quotes take the speaker of a neighbour: the quote before in the same
    paragraph or chain, the next one in the paragraph, or the one ending the paragraph before."""
    out = list(found)
    for i, item in enumerate(out):
        if item.speaker is not None or item.short:
            continue
        speaker = _neighbour(out, i)
        if speaker is not None:
            out[i] = _Found(item.paragraph, item.span, item.text, speaker, False, False, item.chain)
    return out


def _neighbour(found: list[_Found], i: int) -> Speaker | None:
    item = found[i]
    if item.chain >= 0:
        for other in found:
            if other.chain == item.chain and other.speaker is not None and other.own:
                return other.speaker
    if i and found[i - 1].paragraph == item.paragraph and found[i - 1].speaker:
        return found[i - 1].speaker
    if i + 1 < len(found) and found[i + 1].paragraph == item.paragraph and found[i + 1].own:
        return found[i + 1].speaker
    first_in_paragraph = not i or found[i - 1].paragraph != item.paragraph
    if first_in_paragraph and i and found[i - 1].paragraph == item.paragraph - 1:
        return found[i - 1].speaker
    return None


def _to_quotes(found: list[_Found], source_url: str) -> tuple[Quote, ...]:
    roles: dict[str, str] = {}
    for item in found:
        if item.speaker and item.own and item.speaker.role:
            roles.setdefault(item.speaker.name, item.speaker.role)
    quotes: list[Quote] = []
    seen: set[str] = set()
    for item in found:
        if item.speaker is None or not item.text or item.text in seen:
            continue
        if not any(c.isalpha() for c in item.text):
            continue
        seen.add(item.text)
        speaker = item.speaker
        quotes.append(
            Quote(
                text=item.text,
                speaker=speaker.name,
                role=roles.get(speaker.name, speaker.role),
                source_url=source_url,
                unnamed=speaker.unnamed,
                partial=item.text[:1].islower(),
            )
        )
    return tuple(quotes)
