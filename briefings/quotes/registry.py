"""The people an article names, filled in while reading it in order: each with the role it
gives them ("Treasury Secretary Scott Bessent"), so that later mentions ("Bessent", "the
secretary") resolve to them."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from briefings.quotes.lexicon import (
    DOCUMENTS,
    HONORIFICS,
    NOT_NAMES,
    PREPOSITIONS,
    ROLE_NOUNS,
    SKIPPABLE,
    SUFFIXES,
    TITLES,
    word_set,
)
from briefings.quotes.offices import PARTICLES
from briefings.quotes.people import (
    SPEECH_VERB_SET,
    Mention,
    appositive_after,
    capitalized,
    joined_office,
    mentions,
    role_apposed,
    role_before,
)
from briefings.quotes.tokens import Tokens, bare_word, tokenize

# A title after these in a role is someone else's: "assistant to the president".
_OWN_ROLE_STOPS = word_set("to for")
_SENTENCE_ENDS = frozenset(".!?:")
_LINE_ENDS = frozenset(".!?;,)")
_PUNCTUATION = ".,;:!?()[]\"'\u201c\u201d\u2018\u2019"
# Title words that only qualify a title: "Foreign Affairs" before a name is no role yet.
_TITLE_MODIFIERS = word_set("foreign vice deputy prime acting executive senior")


# A court or tribunal named in full: "the Court of Session", "the Estrian High Court".
_BODY_NAME = re.compile(r"(?:[A-Z][\w'’.-]* )*(Court|Tribunal)(?: of(?: the)?(?: [A-Z][\w'’-]*)+)*")
_NAME_OPENERS = frozenset({"The", "A", "An", "In", "On", "At", "But", "And", "When", "After"})
BODY_NOUNS = frozenset({"court", "tribunal"})


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    role: str = ""


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

    def named_body(self, noun: str) -> str:
        """The full name of the court or tribunal the text names before where the reader is
        ("the Court of Session", "the High Court"), for a bare "the court": the one named
        most, the first of those named as often; "" when it names none."""
        names: dict[str, int] = {}
        for text in self.texts[: self.now[0] + 1]:
            if noun.title() not in text:
                continue
            for found in _BODY_NAME.finditer(text):
                words = found.group(0).split()
                while words and words[0] in _NAME_OPENERS:
                    words = words[1:]
                if found.group(1).lower() == noun and len(words) >= 2:
                    name = " ".join(words)
                    names[name] = names.get(name, 0) + 1
        return max(names, key=names.__getitem__) if names else ""

    def _tokens(self, p: int) -> Tokens:
        """The tokens of text ``p``: the reader's, or made now."""
        return self.tokens[p] if p < len(self.tokens) else tokenize(self.texts[p])

    def add(self, name: str, role: str = "", at: tuple[int, int] | None = None) -> Person:
        return self.add_known(name, role, at, self.lookup(name))

    def add_known(
        self, name: str, role: str, at: tuple[int, int] | None, known: Person | None
    ) -> Person:
        """:meth:`add`, given what :meth:`lookup` gives ``name`` now."""
        role = clean_role(role)
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
            plain = unaccented(words[-1])
            if plain != words[-1]:
                self.by_word.setdefault(plain, name)  # "Sefcovic" for "Maroš Šefčovič"
        return person

    def lookup(self, name: str) -> Person | None:
        if " " not in name:  # one word (names are words joined by spaces), the common case
            if not name or name.lower() in HONORIFICS:
                return None
            known = self.people.get(name)
            if known is None and name in self.by_word:
                known = self.people[self.by_word[name]]
            return known
        words, full = _without_honorifics(name)
        if not words:
            return None
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
        bare: Person | None = None  # "President Trump" for "the president", before
        for person in reversed(self.people.values()):  # "Commission President Juncker"
            words = person.role.lower().split()
            if needle not in words or self.seen.get(person.name, (0, 0)) > self.now:
                continue
            if not _OWN_ROLE_STOPS.isdisjoint(words[: words.index(needle)]):
                continue
            if wanted and all(m in words for m in wanted):
                return person
            found = found or person
            if words == [needle]:
                bare = bare or person
        return (bare or found) if not wanted else found


@lru_cache(maxsize=4096)
def _without_honorifics(name: str) -> tuple[tuple[str, ...], str]:
    """The words of ``name`` that are no honorific ("Dr", "Mr"), and those words joined."""
    words = tuple(w for w in name.split() if w.lower() not in HONORIFICS)
    return words, " ".join(words)


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
        if not brk[j - 1] and following in SPEECH_VERB_SET:
            return True
        if j == k + 1 and brk[k] == "," and (following.endswith("ing") or following == "who"):
            return True  # "Holm, speaking to reporters, said", "Holm, who led the talks,"
        if j == k + 1 and tokens.possessive[k] and _document_speaks(tokens, j):
            return True  # "Holm's statement said:": the owner speaks through it
        if _after_open_quote(text, tokens.start[k]):
            return True
    return False


def _document_speaks(tokens: Tokens, j: int) -> bool:
    """Whether token ``j`` is a document that speaks: "statement said", "full statement:"."""
    words, brk = tokens.word, tokens.brk
    if j < len(words) and words[j] not in DOCUMENTS and words[j].islower() and not brk[j]:
        j += 1  # "Holm's full statement:"
    if j >= len(words) or words[j].lower() not in DOCUMENTS or brk[j - 1]:
        return False
    return brk[j] == ":" or (j + 1 < len(words) and not brk[j] and words[j + 1] in SPEECH_VERB_SET)


def _after_open_quote(text: str, at: int) -> bool:
    """Whether a quote's closing mark, with no sentence end kept before it, comes right
    before ``at`` in a masked text (quoted words are NULs there)."""
    before = text[max(0, at - 4) : at].rstrip()
    return len(before) >= 2 and before[-1] in "\"”»'’" and before[-2] in "\x00,"


def register(
    registry: Registry, tokens: Tokens, found: list[Mention] | None = None, paragraph: int = 0
) -> None:
    """Add the people named in ``tokens`` (paragraph number ``paragraph``, quotes masked)."""
    if paragraph < len(registry.texts) and _title_line(registry.texts[paragraph]):
        return  # "Working Groups Promoting Trade and Economic Negotiations": no people
    for mention in mentions(tokens) if found is None else found:
        if not mention.person:
            continue
        known: Person | None = registry.lookup(mention.name)
        if known is not None and known.role:
            continue  # known with a role: nothing said here can change that
        role = mention.role
        # A role after the name, or set off before it, is closed by a comma after the name.
        apposed = tokens.brk[mention.last][:1] == ","
        if not _office(role):
            seed = tuple(role.split())
            role = role_before(tokens, mention.first, seed) or (
                (
                    appositive_after(tokens, mention.last)
                    or role_apposed(tokens, mention.first, mention.last)
                    or role
                    or role_in_relative(tokens, mention.last)
                )
                if apposed
                else role
            )
        else:
            role = _place_of_office(
                tokens, mention.first, joined_office(tokens, mention.first, role)
            )
        if not role:
            role = role_in_copula(tokens, mention.last)  # "Ken Holm is the director of X."
        if not role and mention.first == 0 and not registry.people and paragraph:
            role = _lede_role(registry, paragraph)  # "The minister ... said" named next
        if known is not None or len(mention.name.split()) >= 2:
            at = (paragraph, tokens.start[mention.first])
            registry.add_known(mention.name, role, at, known)
        elif (
            role
            and not (apposed and role == appositive_after(tokens, mention.last))
            and mention.name[-2:] != "ly"
        ) or _speaks_here(tokens, mention):
            at = (paragraph, tokens.start[mention.first])
            registry.add_known(
                mention.name, role, at, known
            )  # "President Trump", not "Officially, ..."


# Verbs of a relative clause that give a post, and the post: "who heads the ministry".
_POST_VERBS = {
    "heads": "head",
    "leads": "leader",
    "chairs": "chair",
    "runs": "head",
    "directs": "director",
    "manages": "manager",
    "coaches": "coach",
    "represents": "representative",
}
_POST_WORDS = 6  # at most this many words name what the post is of


def role_in_relative(tokens: Tokens, last: int) -> str:
    """The post a relative clause set off after a name gives ("Lars Berg, who heads the
    trade ministry, said" gives "head of the trade ministry"); "" when it gives none."""
    word, brk = tokens.word, tokens.brk
    k = last + 1
    if brk[last] != "," or k + 2 >= len(word) or word[k] != "who" or brk[k]:
        return ""
    post = _POST_VERBS.get(word[k + 1])
    if post is None or brk[k + 1]:
        return ""
    end = k + 2
    while end < len(word) and end < k + 2 + _POST_WORDS and not brk[end]:
        end += 1
    if end >= len(word) or brk[end] != ",":
        return ""  # the clause must close where the office's name does
    return " ".join([post, "of", *word[k + 2 : end + 1]])


_COPULAS = frozenset({"is", "was"})
_COPULA_ARTICLES = frozenset({"the", "a", "an"})
_RELATIVE_STOPS = frozenset({"who", "which", "that", "whose", "where", "when"})


def role_in_copula(tokens: Tokens, last: int) -> str:
    """The post a sentence gives a name it opens with, "is the director of Cal Fire"; ""
    when it gives none (the words up to the sentence's end must hold a role word first)."""
    word, brk = tokens.word, tokens.brk
    k = last + 1
    if k + 2 >= len(word) or brk[last] or word[k] not in _COPULAS or brk[k]:
        return ""
    if word[k + 1] not in _COPULA_ARTICLES or brk[k + 1]:
        return ""
    begin = end = k + 2
    while end < len(word) and end < begin + _POST_WORDS + 2 and not brk[end]:
        if word[end] in _RELATIVE_STOPS:
            return ""
        end += 1
    if end >= len(word) or brk[end][:1] != ".":
        return ""  # the role must end the sentence
    if not any(w.lower() in ROLE_NOUNS for w in word[begin : begin + 3]):
        return ""
    return " ".join(word[begin : end + 1])


_LEDE_REACH = 2  # paragraphs back
_LEDE_ROLE_WORDS = 12


def _lede_role(registry: Registry, paragraph: int) -> str:
    """The role a lede gives the person it does not name yet ("The minister responsible for
    trade with Estria said ..."), for the first person the next paragraph opens with."""
    for p in range(paragraph - 1, max(-1, paragraph - 1 - _LEDE_REACH), -1):
        words = registry.texts[p].split()[: _LEDE_ROLE_WORDS + 1]
        if len(words) < 3 or words[0] != "The":
            continue
        if words[1].lower() not in TITLES and words[1].lower() not in ROLE_NOUNS:
            return ""
        for k in range(2, len(words)):
            if words[k] in SPEECH_VERB_SET:
                role = " ".join(words[1:k])
                return "" if any(c in role for c in ',;:."') else role
        return ""
    return ""


def _speaks_here(tokens: Tokens, mention: Mention) -> bool:
    """Whether a one-word name opens its sentence right before a speech verb ("Holm
    tweeted that ...", "Holm said") or a relative clause about it ("Holm, who ..."): a
    person the text turns to, though named no fuller."""
    k = mention.first
    if k and tokens.brk[k - 1][-1:] not in _SENTENCE_ENDS:
        return False
    nxt = mention.last + 1
    if nxt >= len(tokens.word) or tokens.word[mention.first] in NOT_NAMES:
        return False
    if tokens.brk[mention.last] == "," and tokens.word[nxt] == "who":
        return True  # "Berg, who met Holm on Monday, said": Berg's clause, Berg's sentence
    return not tokens.brk[mention.last] and tokens.word[nxt] in SPEECH_VERB_SET


def _place_of_office(tokens: Tokens, first: int, role: str) -> str:
    """A title's office named with "of" before the run it opens: "House of" + "Commons
    Speaker" (the run stops at the lower-case "of")."""
    k = first - 1
    if k < 1 or tokens.word[k] != "of" or tokens.brk[k] or tokens.brk[k - 1]:
        return role
    if not tokens.cap[k - 1] or tokens.word[k - 1].lower() in TITLES:
        return role  # "Secretary of": an office read whole already
    if not role.startswith(tokens.word[first]):
        return role
    return role_before(tokens, first, tuple(role.split())) or role


def register_headline(registry: Registry, headline: str) -> None:
    """Add the people a sentence-case headline names with their office ("Trade Minister Ana
    Lindqvist hails talks"), as named before the article's first paragraph: "the minister"
    in the body is then that person. A headline in title case is not read: its capitalized
    words run into each other."""
    if not headline or not _sentence_case(headline):
        return
    tokens = tokenize(headline)
    for mention in mentions(tokens, people_only=True):
        role = (
            mention.role
            or role_before(tokens, mention.first)
            or appositive_after(tokens, mention.last)  # "Jane Roe, Estria's trade minister,"
        )
        if len(mention.name.split()) < 2 or not _office(role):
            continue
        registry.add(mention.name, role, (-1, tokens.start[mention.first]))


def _title_line(text: str) -> bool:
    """A line in title case that ends no sentence (a subheading): its capitalized words run
    together, so it is not read for people."""
    last = text[-1:]
    if last.isspace():
        last = text.rstrip()[-1:]
    if ":" in text or last in _LINE_ENDS:
        return False  # "Ambassador Quist: "..."": a speaker's label
    count = 0  # the words of four letters or more, all capitalized so far
    for chunk in text.split():
        word = chunk.strip(_PUNCTUATION)
        if len(word) >= 4 and word.isalpha():
            if not word[:1].isupper():
                return False  # most lines: a long word in lower case comes soon
            count += 1
    return count >= 3


def _sentence_case(headline: str) -> bool:
    """Whether ``headline`` writes its longer words in lower case ("hails", "talks"): title
    case capitalizes every word of five letters or more."""
    return any(
        len(w) >= 5 and w.isalpha() and w.islower() and w not in PREPOSITIONS
        for w in headline.split()
    )


@lru_cache(maxsize=4096)
def _office(role: str) -> bool:
    """Whether ``role`` holds an office's title word ("Trade Minister"), not only a place."""
    return any(
        (w in TITLES and w not in _TITLE_MODIFIERS) or w in ROLE_NOUNS for w in role.lower().split()
    )


def unaccented(word: str) -> str:
    """``word`` without its accents ("Šefčovič" -> "Sefcovic"); ASCII words as they are."""
    if word.isascii():
        return word
    folded = unicodedata.normalize("NFKD", word)
    return "".join(c for c in folded if not unicodedata.combining(c))


def clean_role(role: str) -> str:
    """A role without what is no role: a dateline run into it ("TOKYO--Japanese Minister"
    gives "Japanese Minister") or a lone possessive place ("Colombia's" gives "")."""
    if "--" in role:
        role = role.rpartition("--")[2]
    if " " not in role and role.endswith(("'s", "\u2019s")):
        return ""
    return role
