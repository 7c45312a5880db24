"""The words that tell one news event from another: a signature of a title and its lede."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


STOPWORDS = frozenset(
    _words(
        """a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each few
    for from further had has have having he her here hers him his how i if in into is it its
    itself just me more most my no nor not now of off on once only or other our out over own
    said same says she should so some such than that the their them then there these they
    this those through to too under until up very was we were what when where which while who
    whom why will with would you your yet new news report reports reported according told
    amid after says say week day days year years time times one two three"""
    )
)
# In order, so that a word's position gives its number ("fifth" -> 5).
ORDINAL_WORDS = _words(
    """first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth
    thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"""
)
ORDINALS = frozenset(ORDINAL_WORDS)
# Nouns whose ordinal names one occurrence of a recurring event: a "fifth round" is not the
# "fourth round".
EVENT_NOUNS = frozenset(
    _words(
        """round rounds meeting session summit leg stage game match vote ballot debate
        quarter term phase wave"""
    )
)
# Capitalized, but naming no one: calendar words every report carries.
CALENDAR = frozenset(
    _words(
        """january february march april may june july august september october november
        december monday tuesday wednesday thursday friday saturday sunday"""
    )
)
_TOKEN = re.compile(r"[A-Za-z][A-Za-z.'’-]*[A-Za-z]|[A-Za-z]|\d+(?:[.,]\d+)*(?:%|st|nd|rd|th)?")
_NUMERIC_ORDINAL = re.compile(r"^(\d+)(st|nd|rd|th)$")
_POSSESSIVE = re.compile(r"['’]s$")


@dataclass(frozen=True, slots=True)
class Signature:
    """Distinctive tokens, the heavier ones (names, numbers), and event occurrences."""

    tokens: frozenset[str] = frozenset()
    heavy: frozenset[str] = frozenset()
    events: frozenset[tuple[str, str]] = field(default_factory=frozenset)

    def weight(
        self, tokens: frozenset[str] | None = None, rarity: Mapping[str, float] | None = None
    ) -> float:
        """The summed weight of ``tokens`` (all by default): names and numbers count double,
        each scaled by its ``rarity`` when given."""
        chosen = self.tokens if tokens is None else tokens
        return sum(
            (2.0 if token in self.heavy else 1.0) * (rarity.get(token, 1.0) if rarity else 1.0)
            for token in chosen
        )

    @property
    def names(self) -> frozenset[str]:
        """The heavy tokens that are words (names of people, places, bodies), not numbers."""
        return frozenset(
            t for t in self.heavy if t[0].isalpha() and t not in ORDINALS and t not in CALENDAR
        )

    def conflicts_with(self, other: Signature) -> bool:
        """True when the two cannot report one event: both name people or places and share
        none, or both name an occurrence of the same kind of event and none in common."""
        if self.names and other.names and not self.names & other.names:
            return True
        for noun in {n for _, n in self.events} & {n for _, n in other.events}:
            mine = {o for o, n in self.events if n == noun}
            theirs = {o for o, n in other.events if n == noun}
            if not mine & theirs:
                return True
        return False


def signature(title: str, lede: str) -> Signature:
    tokens: set[str] = set()
    heavy: set[str] = set()
    events: set[tuple[str, str]] = set()
    for text in (title, lede):
        raw = _TOKEN.findall(text)
        words = [_normalize(token) for token in raw]
        for index, (original, word) in enumerate(zip(raw, words, strict=True)):
            if not word or (word in STOPWORDS and not _is_acronym(original)):
                continue
            tokens.add(word)
            if word[0].isdigit() or word in ORDINALS or _is_name(original, index):
                heavy.add(word)
            events |= _event(words, index)
    return Signature(frozenset(tokens), frozenset(heavy), frozenset(events))


def _event(words: list[str], index: int) -> set[tuple[str, str]]:
    """("5", "round") for "fifth round", "5th round" or "round 5" at ``index``."""
    word = words[index]
    following = words[index + 1] if index + 1 < len(words) else ""
    if (word in ORDINALS or _NUMERIC_ORDINAL.match(word)) and following in EVENT_NOUNS:
        return {(_ordinal_value(word), following.removesuffix("s"))}
    if word in EVENT_NOUNS and following.isdigit() and len(following) < 4:
        return {(following, word.removesuffix("s"))}
    return set()


def _normalize(token: str) -> str:
    word = _POSSESSIVE.sub("", token).replace(".", "").lower().strip("'’-")
    if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    return word


def _is_acronym(token: str) -> bool:
    letters = token.replace(".", "")
    return len(letters) >= 2 and letters.isupper()


def _is_name(token: str, index: int) -> bool:
    return index > 0 and token[:1].isupper()


def _ordinal_value(word: str) -> str:
    match = _NUMERIC_ORDINAL.match(word)
    if match:
        return match.group(1)
    if word in ORDINALS:
        return str(ORDINAL_WORDS.index(word) + 1)
    return word
