"""Where a paragraph turns to a person: the subject a pronoun or a bare title later refers
to. A sentence that opens with a known person (a he/she first means the sentence does not
say), or a known person named right before a speech verb ("Akazawa noted ...") that no
earlier speech verb of the clause governs."""

from __future__ import annotations

from bisect import bisect_left
from itertools import chain, compress, product
from typing import NamedTuple

from briefings.quotes.gender import honorific_gender, other_bearer
from briefings.quotes.lexicon import PREPOSITIONS, PRONOUNS, SKIPPABLE
from briefings.quotes.people import Mention
from briefings.quotes.registry import Person, Registry
from briefings.quotes.speakers import Speaker
from briefings.quotes.tokens import Tokens
from briefings.quotes.verbs import VERBS

_SUBJECT_REACH = 20
_CLAUSE_END = frozenset(".!?;,")
_COORDINATORS = frozenset({"while", "whereas", "but", "and"})
# A writer's verb before "that": "The Globe's Robert Fife writes that Mr. Carney ..." is
# about Carney; the writer is not the one a later "he told reporters" means.
_WRITER_VERBS = frozenset({"writes", "wrote", "reports", "reported", "reporting"})
# Every way of writing a pronoun (he, He, HE, ...): the words whose lower case is one. No
# character but the ASCII letters lowers to those (only the Kelvin sign lowers to "k").
_PRONOUN_FORMS = frozenset(
    "".join(letters)
    for pronoun in PRONOUNS
    for letters in product(*((c, c.upper()) for c in pronoun))
)


# Each known person as a speaker, by name and role: one article's speakers made so far.
Speakers = dict[tuple[str, str], Speaker]


def subject_events(
    toks: Tokens,
    named: list[Mention],
    bounds: list[tuple[int, int]],
    registry: Registry,
    speakers: Speakers | None = None,
) -> list[tuple[int, Speaker]]:
    """Where the text turns to a person: a sentence that opens with them, or their name
    right before a speech verb ("Akazawa noted ..."). Sorted by offset. ``speakers``: the
    article's speakers made so far (speakers are immutable: each is made once)."""
    speakers = {} if speakers is None else speakers
    events: list[tuple[int, Speaker]] = []
    stopping = _stopping(toks, named)
    for a, _ in bounds:
        person = _subject(bisect_left(toks.start, a), stopping, registry, toks)
        if person is not None:
            events.append((a, _speaker(person, speakers)))
    for mention in named:
        event = _verb_event(toks, mention, registry, speakers)
        if event is not None:
            events.append(event)
    events.sort(key=lambda e: e[0])
    return events


def paragraph_last_event(
    toks: Tokens,
    named: list[Mention],
    bounds: list[tuple[int, int]],
    registry: Registry,
    speakers: Speakers | None = None,
) -> tuple[int, Speaker] | None:
    """The last of :func:`subject_events`, read from the end (at one offset, the name before
    a verb comes last there too)."""
    speakers = {} if speakers is None else speakers
    by_verb = next(
        filter(None, (_verb_event(toks, m, registry, speakers) for m in reversed(named))), None
    )
    stopping: _Stops | None = None  # found when a sentence after the verb's is read
    for a, _ in reversed(bounds):
        if by_verb is not None and a <= by_verb[0]:
            return by_verb
        if stopping is None:
            stopping = _stopping(toks, named)
        person = _subject(bisect_left(toks.start, a), stopping, registry, toks)
        if person is not None:
            return (a, _speaker(person, speakers))
    return by_verb


class _Stops(NamedTuple):
    at: list[int]  # token indexes, in order
    people: dict[int, Mention]  # the names among them, by index
    word: list[str]  # the paragraph's words


def _stopping(toks: Tokens, named: list[Mention]) -> _Stops:
    """Where a sentence's subject can be decided: the indexes of people's names and of
    he/she, in order, and the names by index (for :func:`_subject`)."""
    word = toks.word
    people = {m.first: m for m in named if m.person and not toks.possessive[m.last]}
    if _PRONOUN_FORMS.isdisjoint(word):  # most paragraphs: no he/she at all
        return _Stops(sorted(people), people, word)
    pronouns = compress(range(len(word)), map(_PRONOUN_FORMS.__contains__, word))
    return _Stops(sorted(chain(people, pronouns)), people, word)


def _speaker(person: Person, speakers: Speakers) -> Speaker:
    """``person`` as a speaker, made once per article."""
    key = (person.name, person.role)
    speaker = speakers.get(key)
    if speaker is None:
        speaker = speakers[key] = Speaker(person.name, person.role, person=True)
    return speaker


def _verb_event(
    toks: Tokens, mention: Mention, registry: Registry, speakers: Speakers
) -> tuple[int, Speaker] | None:
    """A known person named right before a speech verb: "Akazawa noted ..."."""
    if not mention.person:
        return None
    word = toks.word
    first = mention.first
    if toks.brk[mention.last][:1] == "," and first and not toks.brk[first - 1]:
        return None  # "X, chief of the Office of Emergency Services, said": X's apposition
    k = mention.last + 1
    while k < len(word) and word[k].lower() in SKIPPABLE:
        k += 1
    if k >= len(word) or word[k].lower() not in VERBS or _writes_that(word, k):
        return None
    known = registry.lookup(mention.name)
    if known is None or toks.possessive[mention.last] or _reported(toks, mention.first):
        return None
    known = _bearer(toks, mention, registry) or known
    return toks.start[mention.first], _speaker(known, speakers)


def _reported(toks: Tokens, first: int) -> bool:
    """Whether a speech verb earlier in the clause of token ``first`` governs it: "X said
    the offer fell short of what Y had promised" is about X, not Y; "X spoke, while Y wrote"
    is about Y."""
    word, brk = toks.word, toks.brk
    for k in range(first - 1, -1, -1):
        if _CLAUSE_END.intersection(brk[k]):
            return False
        low = word[k].lower()
        if low in _COORDINATORS:
            return False
        if low in VERBS and not toks.cap[k]:
            return not _writes_that(word, k)
    return False


def _writes_that(word: list[str], k: int) -> bool:
    """Whether token ``k`` of the words ``word`` is a writer's verb followed by "that"
    ("Fife writes that")."""
    return word[k].lower() in _WRITER_VERBS and k + 1 < len(word) and word[k + 1].lower() == "that"


def _writer(word: list[str], last: int) -> bool:
    """Whether the name ending at token ``last`` writes or reports what follows."""
    return last + 1 < len(word) and _writes_that(word, last + 1)


def _determiner(word: list[str], k: int) -> bool:
    """Whether "her" at token ``k`` owns the word after it ("Her father", "her lawyer"),
    rather than standing for a person herself."""
    return word[k].lower() == "her" and k + 1 < len(word) and word[k + 1].islower()


def _subject(first: int, stopping: _Stops, registry: Registry, toks: Tokens) -> Person | None:
    """The person a sentence (from token ``first``) is about: its first name not after a
    preposition nor in what a speech verb reports ("X declared that Y was"), unless a he/she
    comes first. None when the sentence does not say. ``stopping`` is what
    :func:`_stopping` found in the paragraph."""
    stops, people, word = stopping
    end = min(len(word), first + _SUBJECT_REACH)
    for index in range(bisect_left(stops, first), len(stops)):
        k = stops[index]
        if k >= end:
            break
        if word[k] in _PRONOUN_FORMS:
            if _determiner(word, k):
                continue  # "Her father Omar said": the sentence is about the father
            return None
        if k > first and (word[k - 1].lower() in PREPOSITIONS or _reported(toks, k)):
            continue
        if _writer(word, people[k].last):
            continue
        known = registry.lookup(people[k].name)
        if known is not None:
            return _bearer(toks, people[k], registry) or known
    return None


def _bearer(toks: Tokens, mention: Mention, registry: Registry) -> Person | None:
    """ "Mr Hachem" as a person of their own when the article's Hachem is a Ms Hachem (see
    :func:`briefings.quotes.gender.other_bearer`); None otherwise."""
    k = mention.last - 1
    if k < 0 or toks.brk[k] or honorific_gender(toks.word[k]) is None:
        return None  # the common case: no "Mr" or "Ms" right before the surname
    if not other_bearer(toks.word[k], mention.name, registry):
        return None
    return Person(f"{toks.word[k]} {mention.name}")
