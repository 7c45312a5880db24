"""The quote finder: every direct quote of an article with its speaker.

Reads the paragraphs in order, so pronouns resolve to the person the text is about at that
point. A quoted span is kept only when a speaker is found for it (its own attribution, the
quote before or after it in the paragraph, or the quote that ended the previous paragraph);
short or title-like spans need their own attribution, so scare quotes and titles drop out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from briefings.model import Quote
from briefings.quotes.attribution import (
    LABEL,
    Attribution,
    after_quote,
    before_quote,
    introducer,
    label_before,
    may_follow,
    may_precede,
)
from briefings.quotes.lexicon import word_set
from briefings.quotes.marks import Span
from briefings.quotes.mask import mask
from briefings.quotes.owners import SPEECH_NOUNS
from briefings.quotes.people import Mention, mentions
from briefings.quotes.registry import Registry, register, register_headline
from briefings.quotes.reported import joint_document, predicate_quote, reported_before
from briefings.quotes.runs import RUN_ON_REACH, find_chains
from briefings.quotes.shown import Found, shown_quotes
from briefings.quotes.signature import dash_signature, signature
from briefings.quotes.speakers import Speaker, resolve
from briefings.quotes.statement import document_before
from briefings.quotes.subject_events import Speakers, paragraph_last_event, subject_events
from briefings.quotes.textcache import TextCache
from briefings.quotes.tokens import Tok, Tokens, between, token_range, tokenize
from briefings.quotes.turns import FIRST_PERSON, turn_speaker, turn_speakers

_AFTER_QUOTE = frozenset(',"”»')
# Words that introduce a name in quotes: 'the so-called "green lane"', 'known as "..."'.
_NAMING_BEFORE = re.compile(
    r"(?:so-called|known as|dubbed|nicknamed|entitled|titled|named|the term|the slogan)\s*$",
    re.IGNORECASE,
)
# The last letter of each of those words, in any case IGNORECASE matches ("\u017f" is a long s):
# the only letter that can stand last before the spaces ahead of a quote they introduce.
_NAMING_LAST = frozenset("dsmnDSMN\u017f")
# A document or scheme named in quotes after an article: 'signed the "memorandum of
# understanding"', 'a "Green Corridor Programme"': a name, not speech.
_DOCUMENT_KINDS = word_set(
    "memorandum understanding agreement deal act law bill programme program plan framework "
    "declaration charter treaty accord initiative strategy protocol roadmap pact package "
    "mechanism scheme"
)
_ARTICLE_BEFORE = re.compile(r"\b(?:the|a|an)\s*$", re.IGNORECASE)
# Words of a page's buttons and consent widgets, in no person's or body's name.
_PAGE_CONTROLS = word_set(
    "preferences settings cookie cookies consent subscribe newsletter login manage accept reject"
)
_NAME_WORDS = 6  # at most this many words in a quoted name
_LABEL_WORDS = 6  # at most this many words in a transcript's speaker label
_FOLLOWING = re.compile(r"\bthe following (joint )?(?:statement|remarks|comments|message)\b")
# "the U.S." or "A.B." at the end of a quote: its full stop belongs to the word.


def find_quotes(
    paragraphs: Sequence[str],
    source_url: str = "",
    cache: TextCache | None = None,
    *,
    title: str = "",
) -> tuple[Quote, ...]:
    """Quotes of the article whose body is ``paragraphs``; texts are verbatim substrings.
    ``title``: the article's headline, which may name the one person a statement is by."""
    cache = cache or TextCache()
    spans = [cache.speech_spans(p) for p in paragraphs]
    # Paragraphs after the last quote cannot attribute anything: leave them unread, unless
    # that quote is left open and may run on into them.
    reach = max((i + 1 for i, found in enumerate(spans) if found), default=0)
    if reach and not spans[reach - 1][-1].closed:
        reach = min(len(paragraphs), reach + RUN_ON_REACH)
    ends = reach == len(paragraphs)  # whether the article ends with the paragraphs read
    beyond = "" if ends else paragraphs[reach]  # the paragraph after those read
    paragraphs, spans = paragraphs[:reach], spans[:reach]
    chains = find_chains(paragraphs, spans, ends)
    masked = [mask(p, s) for p, s in zip(paragraphs, spans, strict=True)]
    tokens = [tokenize(m) for m in masked]
    named = [mentions(toks, people_only=True) for toks in tokens]
    registry = Registry(texts=masked, tokens=tokens)
    register_headline(registry, title)
    for index, (toks, found_here) in enumerate(zip(tokens, named, strict=True)):
        register(registry, toks, found_here, index)
    words = _Words(tokens, named, registry, cache, beyond, tuple(turn_speakers(paragraphs)))
    found = _attribute(paragraphs, spans, chains, masked, words)
    return shown_quotes(found, paragraphs, source_url, title)


@dataclass(frozen=True, slots=True)
class _Words:
    """What the finder knows of the article's words (quotes masked), paragraph by paragraph."""

    tokens: list[Tokens]
    named: list[list[Mention]]  # the people each paragraph names
    registry: Registry
    cache: TextCache
    beyond: str = ""  # the paragraph after the last one read, if any
    turns: tuple[str, ...] = ()  # the label of the transcript turn of each paragraph
    speakers: Speakers = field(default_factory=dict)  # the known people as speakers

    def events(self, p: int, masked: str) -> list[tuple[int, Speaker]]:
        bounds = sentences(self.cache, masked)
        return subject_events(self.tokens[p], self.named[p], bounds, self.registry, self.speakers)

    def last_event(self, p: int, masked: str) -> tuple[int, Speaker] | None:
        bounds = sentences(self.cache, masked)
        return paragraph_last_event(
            self.tokens[p], self.named[p], bounds, self.registry, self.speakers
        )


_ENDS_ASKING = ("!", "?")


def _attribute(
    paragraphs: Sequence[str],
    spans: list[list[Span]],
    chains: dict[tuple[int, int], int],
    masked: list[str],
    words: _Words,
) -> list[Found]:
    registry = words.registry
    found: list[Found] = []
    subject: Speaker | None = None  # who a he/she refers to at this point of the text
    last: Speaker | None = None
    unread = 0  # the first paragraph after the last one read
    for p, text in enumerate(paragraphs):
        if not spans[p]:
            continue  # nothing to attribute: only its last subject may matter, read below
        subject = _latest_subject(words, masked, range(p - 1, unread - 1, -1)) or subject
        unread = p + 1
        toks = words.tokens[p]
        bounds = sentences(words.cache, masked[p])
        events = words.events(p, masked[p])
        for index, span in enumerate(spans[p]):
            at = max(span.open, 0)  # a quote running on from the paragraph before opens at -1
            while events and events[0][0] < at:
                subject = events.pop(0)[1]
            sent_start, sent_end = next(((a, b) for a, b in bounds if a <= at < b), (0, len(text)))
            if text[span.close - 1 : span.close] in _ENDS_ASKING and sent_end <= span.close + 1:
                sent_end = _run_on(bounds, sent_end)  # '"... now!" Berg said.'
            prev_close = spans[p][index - 1].close if index else -1
            next_open = spans[p][index + 1].open if index + 1 < len(spans[p]) else len(text)
            after = token_range(toks, span.after, min(sent_end, next_open))
            if _introduces_next(toks, after, index + 1 < len(spans[p])):
                after = (after[0], after[0])  # '"...?" Lind replied: "..."': the next quote's
            quoted = text[span.start : span.close].strip()
            short = _is_short(quoted) or _bracketed(text, span)
            if (
                _naming_before(text, at)
                or _names_document(text, at, quoted)
                or _owned_title(text, at, quoted)
            ):
                attribution = None  # "the so-called "green lane"": a name, not speech
                short = True
            else:
                attribution = _attribution(toks, after, (sent_start, prev_close, at), short)
                if attribution is None and predicate_quote(text, quoted, span, sent_end):
                    attribution = reported_before(toks, bounds, sent_start)
            opens = not text[:at].strip()
            if attribution is None and p and opens:
                attribution = _introduced(words, masked[p - 1], p - 1, short)
            if attribution is None and not text[span.after :].strip() and quoted[-1:] == ",":
                attribution = _broken_off(words, masked, p + 1, short)
            if attribution is None and opens and not text[span.after :].strip():
                attribution = signature(masked[p + 1] if p + 1 < len(masked) else words.beyond)
            if attribution is None and not short and _dash_after(text, span.after):
                attribution = dash_signature(masked[p][span.after :])  # '"..." – Lee Clark'

            registry.now = (p, at)
            speaker = (
                _named_he(attribution, text, registry)
                or _first_person(attribution, words, p)
                or _resolve(attribution, registry, subject, last)
            )
            if speaker is not None and _page_control(speaker.name):
                speaker = None  # "Manage Preferences", "Cookie Settings": the page's, no one's
            if speaker is not None and " and " in speaker.name:
                nxt = masked[p + 1] if p + 1 < len(masked) else words.beyond
                speaker = joint_document(speaker, masked[p], nxt, (sent_start, sent_end))
            owned = attribution is not None and attribution.verb in SPEECH_NOUNS
            if speaker is not None and not owned:
                last = subject = speaker  # not the owner of "his announcement that "...""
                # the sentence is about who speaks in it, not a name a clause of it holds
                events = [e for e in events if e[0] != sent_start]
            alone = opens and not text[span.after :].strip()
            if alone and subject is not None and _page_control(subject.name):
                alone = False  # the paragraph before was a button ("Cookie Settings")
            found.append(
                Found(p, span, quoted, speaker, speaker is not None and not owned, short,
                       chains.get((p, index), -1), opens,
                       (sent_start, sent_end), subject if alone and index == 0 else None)
            )  # fmt: skip
        if events:
            subject = events[-1][1]
    return found


_DASHES = frozenset("—–―-")


def _dash_after(text: str, at: int) -> bool:
    """Whether a dash set off by spaces follows the quote that closes at ``at``."""
    return text[at : at + 1] == " " and text[at + 1 : at + 2] in _DASHES


def _introduces_next(toks: Tokens, after: tuple[int, int], more: bool) -> bool:
    """Whether the words after a quote end on a colon before another quote of the paragraph
    ('"Will you sign?" Lind replied: "We will see."'): they introduce that quote."""
    first, last = after
    return more and last > first and toks.brk[last - 1][-1:] == ":"


def _broken_off(words: _Words, masked: list[str], p: int, short: bool) -> Attribution | None:
    """The attribution a quote closing on a comma left for the next line: '"...,"' then
    'he stated during his visit.' (a line that opens in lower case)."""
    line = masked[p] if p < len(masked) else words.beyond  # no quote in the line beyond
    if not line[:1].islower():
        return None
    toks = words.tokens[p] if p < len(masked) else tokenize(line)
    bounds = sentences(words.cache, line)
    return after_quote(between(toks, 0, bounds[0][1] if bounds else len(line)), short)


def _run_on(bounds: list[tuple[int, int]], end: int) -> int:
    """The end of the sentence after ``end``: a quote that closes on "!" or "?" does not end
    its sentence when its attribution follows ('"Why wait?" Holm asked.')."""
    return next((b for a, b in bounds if a >= end), end)


def _introduced(words: _Words, masked: str, p: int, short: bool) -> Attribution | None:
    """The speaker a paragraph's last sentence introduces for the quote that opens the next
    one: "X said:", "X, speaking in Y, said," or "X issued the following statement"."""
    bounds = sentences(words.cache, masked)
    if not bounds:
        return None
    first, end = bounds[-1]
    sentence = masked[first:end].rstrip()
    if not (sentence.endswith((":", ",")) or _FOLLOWING.search(sentence)):
        return None
    tokens = between(words.tokens[p], first, end)
    following = _FOLLOWING.search(sentence)
    if following is not None and _joint(tokens, following.group(1)):
        return _joint_statement(tokens)
    if sentence.endswith(":") or following is not None:
        return before_quote(tokens, short) or introducer(tokens)
    return before_quote(tokens, short)


def _joint(tokens: list[Tok], joint: str | None) -> bool:
    """Whether a statement is issued jointly: "the following joint statement", or by
    several people ("X, Y and Z released the following statement")."""
    if joint:
        return True
    cut = max((k for k, t in enumerate(tokens) if t.lower == "following"), default=len(tokens))
    before = tokens[:cut]
    people = [m for m in mentions(Tokens.of(before), people_only=True) if " " in m.name]
    return len(people) >= 2 and any(t.lower == "and" for t in before)


def _joint_statement(tokens: list[Tok]) -> Attribution | None:
    """The speaker "joint statement", named by the sentence's own word for it."""
    doc = next((t for t in tokens if t.lower == "statement"), None)
    if doc is None:
        return None
    joint = Tok(doc.start, doc.start, "joint", "", "joint", False, False)
    return Attribution((joint, doc))


def _latest_subject(words: _Words, masked: list[str], back: range) -> Speaker | None:
    """The subject a run of paragraphs without quotes leaves: the last event of the latest one
    that has any. Only attributing a quote changes the registry, so reading these paragraphs
    when the next quote comes, rather than in passing, gives the same events."""
    for p in back:
        event = words.last_event(p, masked[p])
        if event is not None:
            return event[1]
    return None


def sentences(cache: TextCache, text: str) -> list[tuple[int, int]]:
    """Sentence bounds of ``text`` as the quote finder reads them (see
    :meth:`TextCache.name_sentences`)."""
    return cache.name_sentences(text)


def _attribution(
    toks: Tokens, after: tuple[int, int], bounds: tuple[int, int, int], short: bool
) -> Attribution | None:
    """Words after the quote (the tokens ``after`` spans) first; then the clause before it,
    then its whole sentence. "according to" after a quote names a source only when nothing
    before names a speaker. Tokens are made into records only where a pattern may match."""
    sent_start, prev_close, open_at = bounds
    word = toks.word
    following = after_quote(toks.records(*after), short) if may_follow(word, *after) else None
    if following is not None and following.verb != "according":
        return following
    first, last = token_range(toks, max(sent_start, prev_close), open_at)
    whole = token_range(toks, sent_start, open_at)
    preceding = None
    if may_precede(word, first, last):
        preceding = before_quote(toks.records(first, last), short)
    if prev_close > sent_start and _set_off_participle(preceding) and may_precede(word, *whole):
        # 'X said he held an "A" with Y, calling it "B"': the participle is X's, not Y's
        preceding = before_quote(toks.records(*whole), short) or preceding
    if preceding is None and prev_close > sent_start and may_precede(word, *whole):
        preceding = before_quote(toks.records(*whole), short)
    if following is not None:
        return preceding or following
    if preceding is None and prev_close < sent_start and 1 <= last - first <= _LABEL_WORDS:
        preceding = label_before(toks.records(first, last))
    if preceding is None and first < last and toks.brk[last - 1][-1:] == ":":
        preceding = introducer(toks.records(first, last))  # 'Lindqvist was more cautious: "..."'
        if preceding is None and prev_close > sent_start:
            # 'The ministry called it "defensive" in nature: "..."': the sentence's subject
            preceding = introducer(toks.records(*whole))
    return preceding


def _page_control(name: str) -> bool:
    """Whether ``name`` is a control of the page (a consent or settings button), not a
    speaker."""
    return not _PAGE_CONTROLS.isdisjoint(name.lower().split())


def _set_off_participle(attribution: Attribution | None) -> bool:
    """Whether ``attribution`` was read from a participle set off by a comma (", calling"),
    whose subject is the main clause's."""
    if attribution is None or not attribution.verb.endswith("ing"):
        return False
    clause = attribution.clause
    at = next((k for k, t in enumerate(clause) if t.lower == attribution.verb), 0)
    return at > 0 and clause[at - 1].brk[-1:] == ","


def _resolve(
    attribution: Attribution | None,
    registry: Registry,
    subject: Speaker | None,
    last: Speaker | None,
) -> Speaker | None:
    if attribution is None:
        return None
    if attribution.verb == LABEL:  # "MINISTER CARTER:" is Jon Carter, "Trade Minister"
        labelled = turn_speaker(" ".join(t.word for t in attribution.phrase), registry)
        if labelled is not None:
            return labelled
        if _dateline_label(attribution.phrase, registry):
            return None  # "GENEVA: "..."": the story's place, no speaker
    speaker = resolve(attribution.phrase, attribution.role, registry, subject, last)
    if speaker is not None and speaker.person:
        return speaker
    if speaker is None and len(attribution.phrase) == 1 and attribution.phrase[0].lower == "it":
        return document_before(registry)  # '"...", it reads': the declaration named before
    lead = attribution.lead()
    if lead and lead[0] < attribution.phrase[0] and not _speaks_as_itself(attribution, speaker):
        return resolve(lead, attribution.role, registry, subject, last) or speaker
    return speaker


def _dateline_label(phrase: tuple[Tok, ...], registry: Registry) -> bool:
    """Whether a label is the first paragraph's dateline ("GENEVA:"): one word in capitals,
    used as a label nowhere else (a transcript's speaker is labelled turn after turn)."""
    if len(phrase) != 1 or registry.now[0] != 0 or not phrase[0].word.isupper():
        return False
    label = phrase[0].word + ":"
    return sum(text.count(label) for text in registry.texts) == 1


def _first_person(attribution: Attribution | None, words: _Words, p: int) -> Speaker | None:
    """'I told him, "..."' in a transcript: the speaker whose turn it is."""
    if attribution is None or len(attribution.phrase) != 1 or not words.turns[p]:
        return None
    if attribution.phrase[0].lower not in FIRST_PERSON:
        return None
    return turn_speaker(words.turns[p], words.registry)


def _named_he(attribution: Attribution | None, text: str, registry: Registry) -> Speaker | None:
    """'"...," He said' after a quote: the surname He (a pronoun there is lower case)."""
    if attribution is None or len(attribution.phrase) != 1:
        return None
    tok = attribution.phrase[0]
    if tok.word != "He" or text[: tok.start].rstrip()[-1:] not in _AFTER_QUOTE:
        return None
    known = registry.lookup("He")
    return Speaker(known.name, known.role, person=True) if known else None


def _speaks_as_itself(attribution: Attribution, speaker: Speaker | None) -> bool:
    """An organisation named as the subject of its own clause ("as the White House said")
    is the speaker; one after "of" ("Smith of the ministry said") is where the person works."""
    if speaker is None or not speaker.name[:1].isupper():
        return False
    clause = attribution.clause
    at = clause.index(attribution.phrase[0]) if attribution.phrase[0] in clause else 0
    return at > 0 and clause[at - 1].lower in {"as", "when", "while", "and", "but"}


def _naming_before(text: str, at: int) -> bool:
    """Whether a word that introduces a name ("so-called", "dubbed") ends right before ``at``."""
    begin = max(0, at - 16)
    if text[begin:at].rstrip()[-1:] not in _NAMING_LAST:
        return False  # the common case, told without the search
    return _NAMING_BEFORE.search(text, begin, at) is not None


def _names_document(text: str, at: int, quoted: str) -> bool:
    """Whether the quoted span at ``at`` names a document or scheme after an article ('the
    "memorandum of understanding"'): a few words ending in a kind of document, no stop."""
    if quoted[-1:] in ".,!?…":
        return False
    words = quoted.split(None, _NAME_WORDS)  # words past a name's most are left in one
    if not words or len(words) > _NAME_WORDS:
        return False
    if words[-1].lower() not in _DOCUMENT_KINDS:
        return False
    return _ARTICLE_BEFORE.search(text, max(0, at - 6), at) is not None


def _owned_title(text: str, at: int, quoted: str) -> bool:
    """Whether the quoted span at ``at`` is a title after its owner or "on" ('told CBS's
    "Face the Nation"', 'said on "Morning Report"'): a few capitalized words, no stop."""
    if quoted[-1:] in "!?…":
        return False
    # the stop or comma of American style inside; words past a name's most are left in one
    words = quoted.rstrip(".,").split(None, _NAME_WORDS)
    if not words or len(words) > _NAME_WORDS:
        return False
    if not all(w[:1].isupper() for w in words if len(w) > 3):
        return False
    before = text[max(0, at - 4) : at].rstrip()
    return before.endswith(("'s", "\u2019s", "s'", "s\u2019", " on"))


def _bracketed(text: str, span: Span) -> bool:
    """A span in brackets, ("..."), names or titles something: it needs its own attribution."""
    before = text[span.open - 1 : span.open] if span.open > 0 else ""
    return before == "(" and text[span.after : span.after + 1] == ")"


def _is_short(quoted: str) -> bool:
    """Scare quotes and titles: up to three words, or a capitalized phrase without an end."""
    words = quoted.split(None, 8)  # words past the eighth are left in one: none is read
    if len(words) <= 3:
        return True
    if quoted[-1:] in ".,!?…" or len(words) > 8:
        return False
    significant = [w for w in words if len(w) > 3]
    return bool(significant) and all(w[:1].isupper() for w in significant)
