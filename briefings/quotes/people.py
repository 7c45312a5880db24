"""The people an article names, with their roles, so later mentions resolve to them.

"Treasury Secretary Scott Bessent" registers Scott Bessent with role "Treasury Secretary";
"Japan's top negotiator Ryosei Akazawa" and "Akazawa, minister in charge of ..." give roles
too; "Akazawa" alone then resolves to "Ryosei Akazawa".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import compress
from typing import NamedTuple

from briefings.quotes.lexicon import (
    DETERMINERS,
    HONORIFICS,
    NON_PERSON,
    NOT_NAMES,
    PLACES,
    PREPOSITIONS,
    ROLE_MODIFIERS,
    ROLE_NOUNS,
    SKIPPABLE,
    SPEECH_VERBS,
    SUFFIXES,
    SURNAMES,
    TITLES,
    word_set,
)
from briefings.quotes.offices import OFFICE_GLUE, PARTICLES, office_run
from briefings.quotes.tokens import Tok, Tokens, bare_word, tokenize

_VERB_WORDS = frozenset(SPEECH_VERBS.split())
_INITIALS = re.compile(r"(?:[A-Z]\.)+")
_LEADING_SURNAMES = word_set("He")
_MAX_ROLE_WORDS = 12
# A title after these in a role is someone else's: "assistant to the president".
_OWN_ROLE_STOPS = word_set("to for")
_SENTENCE_ENDS = frozenset(".!?:")
# Lower-case words a capitalized run never starts with.
# Title words that only qualify a title: "Foreign Affairs" before a name is no role yet.
_TITLE_MODIFIERS = word_set("foreign vice deputy prime acting executive senior")
_RUN_SKIP = HONORIFICS | _VERB_WORDS
# (name, role, person) of a capitalized run: a function of its words alone.
_Reading = tuple[str, str, bool]
# Runs read so far, by their word (one-word runs) or words (a bounded memo: names recur).
_READINGS: dict[str | tuple[str, ...], _Reading] = {}
_READINGS_MAX = 50_000


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    role: str = ""


class Mention(NamedTuple):
    """A capitalized run split into its title part and its name part (a tuple: one is built
    for every capitalized word of an article)."""

    first: int  # token indexes into the tokens it came from
    last: int
    name: str
    role: str
    person: bool


_new_mention = tuple.__new__


@dataclass(slots=True)
class Registry:
    """People of one article, filled while reading it in order."""

    people: dict[str, Person] = field(default_factory=dict)
    by_word: dict[str, str] = field(default_factory=dict)
    texts: Sequence[str] = ()  # the paragraphs read, quotes masked
    tokens: Sequence[Tokens] = ()  # their tokens, when the reader has them (else made here)
    # Where each person is first named, (paragraph, offset), and where the reader is now: a
    # bare title resolves only to someone named before it.
    seen: dict[str, tuple[int, int]] = field(default_factory=dict)
    now: tuple[int, int] = (1 << 30, 0)

    def written_capitalized(self, word: str) -> bool:
        """Whether ``word`` is written capitalized inside a sentence somewhere in the texts:
        a name, not only a sentence opener like "Well". Only an unknown one-word speaker asks
        (a few articles in ten), so rather than noting every capitalized word of every
        paragraph while registering, the paragraphs holding the word are read then."""
        return any(
            _inside_sentence(self._tokens(p), word)
            for p, text in enumerate(self.texts)
            if word in text
        )

    def speaks_by_name(self, word: str) -> bool:
        """Whether ``word`` names a speaker by where it stands, even as a sentence opener:
        right after a quote that did not end its sentence ('"...," Holm said'), or before a
        speech verb ("Holm told reporters", "Holm, speaking in Oslo, said")."""
        if word in NOT_NAMES:
            return False
        return any(
            _speaks_by_name(self._tokens(p), word, text)
            for p, text in enumerate(self.texts)
            if word in text
        )

    def _tokens(self, p: int) -> Tokens:
        """The tokens of text ``p``: the reader's, or made now."""
        return self.tokens[p] if p < len(self.tokens) else tokenize(self.texts[p])

    def add(self, name: str, role: str = "", at: tuple[int, int] | None = None) -> Person:
        known = self.lookup(name)
        self.seen.setdefault(known.name if known else name, at or self.now)
        if known is not None:
            if role and not known.role:
                known = Person(known.name, role)
                self.people[known.name] = known
            return known
        person = Person(name, role)
        self.people[name] = person
        words = [w for w in name.split() if w not in SUFFIXES and w[:1].isupper()]
        for word in words[:-1]:
            self.by_word.setdefault(word, name)
        if words:
            self.by_word[words[-1]] = name  # surnames win over given names
        return person

    def lookup(self, name: str) -> Person | None:
        if " " not in name:  # one word (names are words joined by spaces), the common case
            if not name or name.lower() in HONORIFICS:
                return None
            known = self.people.get(name)
            if known is None and name in self.by_word:
                known = self.people[self.by_word[name]]
            return known
        words = [w for w in name.split() if w.lower() not in HONORIFICS]
        if not words:
            return None
        full = " ".join(words)
        if full in self.people:
            return self.people[full]
        if len(words) == 1 and words[0] in self.by_word:
            return self.people[self.by_word[words[0]]]
        if len(words) > 1 and words[-1] in self.by_word:
            known = self.people[self.by_word[words[-1]]]
            if known.name.split()[0] == words[0]:
                return known
            if len(words) > 2 and full.endswith(" " + known.name) and " " in known.name:
                return known  # "Homeland Security Alejandro Mayorkas": an office, then a name
            if words[0].lower() in PARTICLES and known.name.lower().endswith(full.lower()):
                return known  # "Van der Berg" for "Pieter van der Berg"
        return None

    def by_role(self, title: str, modifiers: Sequence[str] = ()) -> Person | None:
        """The person most recently named before :attr:`now` whose role has the word
        ``title`` as its own (not "adviser to the president"), preferring one whose role has
        all of ``modifiers`` too ("the Chinese president")."""
        needle = title.lower()
        wanted = [m.lower() for m in modifiers]
        found: Person | None = None
        for person in reversed(self.people.values()):
            words = person.role.lower().split()
            if needle not in words or self.seen.get(person.name, (0, 0)) > self.now:
                continue
            if not _OWN_ROLE_STOPS.isdisjoint(words[: words.index(needle)]):
                continue
            if all(m in words for m in wanted):
                return person
            found = found or person
        return found


def _inside_sentence(tokens: Tokens, word: str) -> bool:
    """Whether ``word`` is a capitalized token of ``tokens`` that no sentence end precedes."""
    words, brk = tokens.word, tokens.brk
    return any(
        k and bare_word(words[k]) == word and _SENTENCE_ENDS.isdisjoint(brk[k - 1])
        for k in capitalized(tokens)
    )


def _speaks_by_name(tokens: Tokens, word: str, text: str) -> bool:
    words, brk = tokens.word, tokens.brk
    for k in capitalized(tokens):
        if bare_word(words[k]) != word:
            continue
        j = k + 1  # "Holm has also said"
        while j < len(words) and not brk[j - 1] and words[j] in SKIPPABLE:
            j += 1
        following = words[j] if j < len(words) else ""
        if not brk[j - 1] and following in _VERB_WORDS:
            return True
        if j == k + 1 and brk[k] == "," and (following.endswith("ing") or following == "who"):
            return True  # "Holm, speaking to reporters, said", "Holm, who led the talks,"
        if _after_open_quote(text, tokens.start[k]):
            return True
    return False


def _after_open_quote(text: str, at: int) -> bool:
    """Whether a quote's closing mark, with no sentence end kept before it, comes right
    before ``at`` in a masked text (quoted words are NULs there)."""
    before = text[max(0, at - 4) : at].rstrip()
    return len(before) >= 2 and before[-1] in "\"”»'’" and before[-2] in "\x00,"


def capitalized(tokens: Tokens) -> list[int]:
    """Indexes of the capitalized tokens (the only ones a name can start at)."""
    return list(compress(range(len(tokens)), tokens.cap))


def mentions(tokens: Tokens, people_only: bool = False) -> list[Mention]:
    """Capitalized runs of ``tokens`` ("U.S. Treasury Secretary Scott Bessent"); with
    ``people_only``, only those that name a person."""
    out: list[Mention] = []
    count = len(tokens)
    brk, possessive, cap, word = tokens.brk, tokens.possessive, tokens.cap, tokens.word
    start, end = tokens.start, tokens.end
    done = -1  # the last index of the previous run
    for i in capitalized(tokens):
        if i <= done:
            continue
        j = i
        # A run goes on over capitalized words, and over a particle before one ("von der"),
        # one space apart: "Lighthizer (L)" is two runs.
        while (
            not brk[j]
            and not possessive[j]
            and j + 1 < count
            and (cap[j + 1] or (word[j + 1] in PARTICLES and _name_follows(tokens, j + 2)))
            and start[j + 1] - end[j] == 1
        ):
            j += 1
        reading = _run_reading(tokens, i, j) if j > i else _word_reading(word[i])
        if j - i >= 2 and i and word[i - 1] in OFFICE_GLUE:  # "Secretary of Agriculture X Y"
            reading = office_run(tokens, i, j) or reading
        elif j > i + 1 and reading[2] and _place_opens(tokens, i, reading[0]):
            i += 1  # "the embassy in Lindau Carl Olof Berg": the place, then the person
            reading = _run_reading(tokens, i, j)
        if reading[2] or not people_only:
            out.append(_new_mention(Mention, (i, j, *reading)))
        done = j
    return out


def _place_opens(tokens: Tokens, i: int, name: str) -> bool:
    """Whether the run at ``i`` opens with the place of an office before a person's name:
    "the embassy in Lindau Carl Olof Berg", "Minister of Trade of Estria Tran Van Anh" (a
    name of three words or more, after "in" or "of" that follows a role or an office)."""
    if i < 2 or name.count(" ") < 2 or not name.startswith(tokens.word[i]):
        return False
    if tokens.word[i - 1] not in {"in", "of"} or tokens.brk[i - 2]:
        return False
    before = tokens.word[i - 2]
    return before.lower() in ROLE_NOUNS or before.lower() in TITLES or before in NON_PERSON


def _name_follows(tokens: Tokens, k: int) -> bool:
    """Whether a capitalized word comes at ``k`` after at most one more particle ("van der")."""
    if k < len(tokens) and tokens.word[k] in PARTICLES:
        k += 1
    return k < len(tokens) and tokens.cap[k]


def _word_reading(word: str) -> _Reading:
    """A one-word run, the common case. What a word is (name, title or neither) depends on
    the word alone: it is worked out once."""
    reading = _READINGS.get(word)
    return _remember(word, reading_of(word)) if reading is None else reading


def _run_reading(tokens: Tokens, first: int, last: int) -> _Reading:
    """A run of several words, read once per distinct run of words."""
    words = tuple(tokens.word[first : last + 1])
    reading = _READINGS.get(words)
    if reading is None:
        return _remember(words, read_run(tokens.records(first, last + 1)))
    return reading


def forget_runs() -> None:
    """Empty the memo of capitalized runs read so far (a benchmark reading a corpus again
    starts from what a fresh stream of articles would find)."""
    _READINGS.clear()


def _remember(words: str | tuple[str, ...], reading: _Reading) -> _Reading:
    if len(_READINGS) >= _READINGS_MAX:
        _READINGS.clear()
    _READINGS[words] = reading
    return reading


def reading_of(word: str) -> _Reading:
    """(name, role, person) of a one-word run: :func:`read_run` of one word."""
    lower = word.lower()
    if word in NOT_NAMES or lower in _RUN_SKIP:
        return ("", "", False)
    if lower in TITLES:
        return ("", word, False)
    bare = bare_word(word)
    if bare in NON_PERSON or _acronym(word):
        return (bare, "", False)
    return (bare, "", bare == word)  # a lone possessive ("Japan's") names no person


def split_mention(tokens: Sequence[Tok], first: int, last: int) -> Mention:
    """The run ``tokens[first : last + 1]`` split into its title part and its name part."""
    return _new_mention(Mention, (first, last, *read_run(tokens[first : last + 1])))


def read_run(run: Sequence[Tok]) -> _Reading:
    """(name, role, person) of a capitalized run."""
    while run and (run[0].word in NOT_NAMES or run[0].lower in _RUN_SKIP):
        if run[0].word in _LEADING_SURNAMES and len(run) > 1 and run[1].lower not in TITLES:
            break  # "He Lifang": an East Asian surname first
        run = run[1:]
    cut = -1
    for k, tok in enumerate(run):
        if tok.lower in TITLES or ("/" in tok.word and _slashed_title(tok.lower)):
            cut = k
    role_part, name_part = run[: cut + 1], run[cut + 1 :]
    while len(name_part) > 2 and (
        name_part[0].bare in PLACES
        or name_part[0].bare in NON_PERSON
        or name_part[0].word == "United"
    ):
        role_part, name_part = [*role_part, name_part[0]], name_part[1:]
    while name_part and name_part[0].lower in HONORIFICS:
        name_part = name_part[1:]
    name = " ".join(t.bare if k == len(name_part) - 1 else t.word for k, t in enumerate(name_part))
    person = bool(name_part) and _personal(name_part)
    return name, " ".join(t.word for t in role_part), person


def _slashed_title(word: str) -> bool:
    """ "Representative/Vice-President": two titles held at once."""
    return any(part in TITLES for part in word.split("/"))


def _personal(name_part: Sequence[Tok]) -> bool:
    if len(name_part) == 2 and name_part[0].bare in PLACES:
        return False  # "Turkish Cypriot", "American Airlines"
    for k, tok in enumerate(name_part):
        if tok.bare in NON_PERSON or (tok.word in NOT_NAMES and not _surname(tok.word, k)):
            return False
        if _acronym(tok.word) and not (k + 1 < len(name_part) and _initials(tok.word)):
            return False  # NASA, FSB: organisations; "A.B. Carter" is a person
    return not name_part[-1].possessive or len(name_part) > 1


def _surname(word: str, k: int) -> bool:
    """Whether ``word``, the ``k``-th of a name, may be a surname ("Theresa May", "He Lifang")."""
    return word in SURNAMES and (k > 0 or word in _LEADING_SURNAMES)


def _initials(word: str) -> bool:
    """ "A.B." or "J.": a person's initials (when a name follows them)."""
    return len(word) <= 6 and word.endswith(".") and _INITIALS.fullmatch(word) is not None


def _acronym(word: str) -> bool:
    # Dropping "." and "-" never changes isupper(): test it before building the string.
    return word.isupper() and len(word.replace(".", "").replace("-", "")) > 1


def role_before(tokens: Tokens, first: int, seed: tuple[str, ...] = ()) -> str:
    """A role phrase right before a name: "Japan's top negotiator", "President of" + seed."""
    brk, cap, word = tokens.brk, tokens.cap, tokens.word
    k = first - 1
    words: list[str] = list(reversed(seed))
    while k >= 0 and not brk[k] and len(words) < 7:
        low = word[k].lower()
        role_word = low in ROLE_NOUNS or low in ROLE_MODIFIERS or low in TITLES
        name_word = cap[k] and word[k] not in NOT_NAMES
        if not (role_word or name_word or (low in {"of", "the"} and words)):
            break
        words.append(word[k])
        k -= 1
    while words and (words[-1].lower() in PREPOSITIONS or words[-1].lower() == "the"):
        words.pop()
    words.reverse()
    if not any(w.lower() in ROLE_NOUNS or w.lower() in TITLES for w in words):
        return ""
    return " ".join(words)


def appositive_after(tokens: Tokens, last: int) -> str:
    """The role after "Name, ": "minister in charge of economic revitalization"."""
    brk, word = tokens.brk, tokens.word
    if brk[last][:1] != "," or last + 1 >= len(tokens):
        return ""
    first = end = last + 1
    limit = min(len(tokens), first + _MAX_ROLE_WORDS) - 1
    while end < limit and not brk[end]:
        end += 1  # up to the first word followed by punctuation
    if brk[end][:1] not in {",", "."} or brk[end][:2] == ",”":
        return ""
    head = word[first].lower()
    possessive = tokens.possessive[first]
    if tokens.cap[first] and not possessive and head not in TITLES and word[first] != "The":
        return ""
    opener = head in DETERMINERS or head in TITLES or head in ROLE_NOUNS
    if not (opener or head in ROLE_MODIFIERS or possessive):
        return ""  # "Di Maio, joined the talks as an observer": no apposition
    if ROLE_NOUNS.isdisjoint(map(str.lower, word[first : end + 1])):
        return ""
    if head in {"who", "which", "that", "where", "when", "said", "says"}:
        return ""
    return " ".join(word[first : end + 1])


def register(
    registry: Registry, tokens: Tokens, found: list[Mention] | None = None, paragraph: int = 0
) -> None:
    """Add the people named in ``tokens`` (paragraph number ``paragraph``, quotes masked)."""
    for mention in mentions(tokens) if found is None else found:
        if not mention.person:
            continue
        known = registry.lookup(mention.name)
        if known is not None and known.role:
            continue  # known with a role: nothing said here can change that
        role = mention.role
        if not role or not any(
            (w.lower() in TITLES and w.lower() not in _TITLE_MODIFIERS) or w.lower() in ROLE_NOUNS
            for w in role.split()
        ):
            seed = tuple(role.split())
            role = (
                role_before(tokens, mention.first, seed)
                or appositive_after(tokens, mention.last)
                or role
            )
        if known is not None or len(mention.name.split()) >= 2:
            registry.add(mention.name, role, (paragraph, tokens.start[mention.first]))
        elif role and role != appositive_after(tokens, mention.last) and mention.name[-2:] != "ly":
            at = (paragraph, tokens.start[mention.first])
            registry.add(mention.name, role, at)  # "President Trump", not "Officially, ..."


def register_headline(registry: Registry, headline: str) -> None:
    """Add the people a sentence-case headline names with their office ("Trade Minister Ana
    Lindqvist hails talks"), as named before the article's first paragraph: "the minister"
    in the body is then that person. A headline in title case is not read: its capitalized
    words run into each other."""
    if not headline or not _sentence_case(headline):
        return
    tokens = tokenize(headline)
    for mention in mentions(tokens, people_only=True):
        role = mention.role or role_before(tokens, mention.first)
        if len(mention.name.split()) < 2 or not _office(role):
            continue
        registry.add(mention.name, role, (-1, tokens.start[mention.first]))


def _sentence_case(headline: str) -> bool:
    """Whether ``headline`` writes its longer words in lower case ("hails", "talks"): title
    case capitalizes every word of five letters or more."""
    return any(
        len(w) >= 5 and w.isalpha() and w.islower() and w not in PREPOSITIONS
        for w in headline.split()
    )


def _office(role: str) -> bool:
    """Whether ``role`` holds an office's title word ("Trade Minister"), not only a place."""
    return any(
        (w in TITLES and w not in _TITLE_MODIFIERS) or w in ROLE_NOUNS for w in role.lower().split()
    )
