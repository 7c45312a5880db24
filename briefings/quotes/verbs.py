"""Speech verbs that govern a quote: which word before or after a quote is the verb that
attributes it ("said", "told", "according to"; not the noun in "the claims", "Berg's
warning"), and whether a name or he/she is its subject. :mod:`briefings.quotes.attribution`
reads the speaker phrase around the verb found here."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import compress
from operator import attrgetter

from briefings.quotes.lexicon import (
    CLAUSE_WORDS,
    DETERMINERS,
    NAMING_VERBS,
    PRONOUNS,
    ROLE_NOUNS,
    SPEECH_VERB_SET,
    word_set,
)
from briefings.quotes.phrases import phrase_before
from briefings.quotes.subjects import lead_person
from briefings.quotes.tokens import Tok

VERBS = SPEECH_VERB_SET
# The words :func:`is_verb` may accept: a speech verb or "according".
# A court's verbs of finding: "The court found the advice "was unlawful."" (a court's only).
_COURT_VERBS = frozenset({"found", "held"})
_COURTS = word_set("court judge judges tribunal panel justices")
MAY_BE_VERB = VERBS | {"according"} | _COURT_VERBS
_MAY_BE_VERB = MAY_BE_VERB
_LOWER = attrgetter("lower")
ENDS_CLAUSE = frozenset(".;:")
_PASSIVE = word_set("is was are were be been being")
_NOUN_BEFORE = word_set("the a an its their his her these those our my your this")
_NATIONALITY_ENDS = ("an", "ese", "ish", "ch", "i")


def verb_candidates(tokens: list[Tok]) -> Iterator[int]:
    """Indexes of the tokens :func:`is_verb` may accept (a speech verb or "according")."""
    return compress(range(len(tokens)), map(_MAY_BE_VERB.__contains__, map(_LOWER, tokens)))


def is_verb(tokens: list[Tok], k: int, short: bool) -> bool:
    word = tokens[k].lower
    if word == "according":
        return k + 1 < len(tokens) and tokens[k + 1].lower == "to"
    if word in _COURT_VERBS:
        return not tokens[k].cap and _court_before(tokens, k)
    # A capitalized "States" or "Says" is a name, not a verb; "the claims", "its reports"
    # are nouns.
    if word not in VERBS or tokens[k].cap:
        return False
    if k and tokens[k - 1].lower in _NOUN_BEFORE and not tokens[k - 1].brk:
        return False
    if k and owner_word(tokens, k - 1):
        return False  # "Carter's warning", "the German comments": a noun
    if not short or word not in NAMING_VERBS:
        return True
    # "was described by Johnson as": the passive names its speaker after "by"
    if k + 1 < len(tokens) and tokens[k + 1].lower == "by":
        return True
    if k and tokens[k - 1].lower in _PASSIVE:
        return False  # "what is being called "phase one"": nobody says it here
    return _person_before(tokens, k) or _subject_of(tokens, k)


def _court_before(tokens: list[Tok], k: int) -> bool:
    """Whether a court or a judge is the subject of verb ``k`` ("the three-judge court
    found")."""
    phrase, _ = phrase_before(tokens, k)
    return bool(phrase) and phrase[-1].lower in _COURTS


def _subject_of(tokens: list[Tok], k: int) -> bool:
    """Whether the clause before verb ``k`` opens with a person, with no clause word between:
    "Prime Minister Ola Brandt speaking to the council called the deal"."""
    lead = lead_person(tokens[:k])
    if not lead and k and tokens[0].lower in {"he", "she"}:
        lead = (tokens[0],)  # "He criticized the tariffs, calling them": the he/she
    if not lead:
        return False
    after = tokens.index(lead[-1]) + 1
    between = tokens[after:k]
    if between and between[-1].lower == "and" and _own_predicate(between[:-1]):
        return True  # "Holm said the gap had narrowed and called the talks": Holm's second verb
    return not any(
        (t.lower in CLAUSE_WORDS and not _listed(between, j))
        or t.lower == "what"
        or ENDS_CLAUSE.intersection(t.brk)
        for j, t in enumerate(between)
    )


def _listed(words: list[Tok], j: int) -> bool:
    """Whether the "and" at ``j`` closes a list ("cars, steel, and aluminum"), not a clause."""
    return (
        words[j].lower in {"and", "or"}
        and j >= 2
        and words[j - 1].brk == ","
        and words[j - 2].brk == ","
        and j + 1 < len(words)
        and not words[j + 1].cap
        and words[j + 1].lower not in PRONOUNS
    )


def _own_predicate(words: list[Tok]) -> bool:
    """Whether ``words``, right after a person, are that person's own predicate and nothing
    else: a verb first, then no clause word, stop, person, pronoun or title that could be
    the subject of a verb coordinated after them."""
    if not words or words[0].lower not in VERBS:
        return False
    return not any(
        t.cap
        or t.lower in CLAUSE_WORDS
        or t.lower in PRONOUNS
        or t.lower in ROLE_NOUNS
        or ENDS_CLAUSE.intersection(t.brk)
        for t in words
    )


def _person_before(tokens: list[Tok], k: int) -> bool:
    """Whether a name or he/she is the subject of verb ``k``: "Berg called the talks",
    "Berg, sitting across the table, described them as", not "a plan called"."""
    phrase, _ = phrase_before(tokens, k)
    return any(t.cap or t.lower in PRONOUNS for t in phrase)


def owner_word(tokens: list[Tok], j: int) -> bool:
    """Whether token ``j`` owns the noun after it: a possessive ("Carter's"), or a
    nationality after a determiner ("the German comments")."""
    tok = tokens[j]
    if tok.brk:
        return False
    if tok.possessive:
        return True
    return (
        tok.cap
        and j > 0
        and tokens[j - 1].lower in DETERMINERS
        and len(tok.word) > 3
        and tok.word.endswith(_NATIONALITY_ENDS)
    )
