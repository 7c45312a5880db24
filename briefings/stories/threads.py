"""Threads: the developments of one negotiation or running story, across days and weeks.

A development joins the thread whose developments it shares the most distinctive words with
(the people, places and bodies named, the subject of the talks), weighed by how rare each
word is among the developments at hand, so that "trade" and "talks" count for little. The
round number may move on ("sixth round" after "fifth round"): numbers and ordinals are left
out. Two talks that name pairs of parties with one in common ("Japan-US talks", "Japan-EU
talks") are never one thread, nor is a development whose headline names no one and nothing
the thread's recent developments name. A thread stays open while developments keep coming:
until its last development plus the thread's own age, and at least :data:`MIN_OPEN` (30
days).

Each development of a thread gets its ``changes``: the facts it states that differ from the
latest value an earlier development of the thread stated. Pure: no clock, ``now`` is passed.
"""

from __future__ import annotations

import dataclasses
import hashlib
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime, timedelta
from functools import lru_cache

from briefings.model import Change, Development, Thread
from briefings.stories.storywords import CALENDAR, ORDINALS, signature

MIN_OPEN = timedelta(days=30)
MIN_SHARED = 2
MIN_OVERLAP = 0.3
# Two developments naming the same two parties need less else in common.
SAME_PARTIES_OVERLAP = 0.1
PRIOR_POOL = 20
RECENT = 6
# Words carried by more developments than this (and than this share of them) do not find
# candidate threads on their own; see ``_Candidates``.
COMMON_FLOOR = 200
COMMON_SHARE = 0.05
_PAIR = re.compile(
    r"\b((?:[A-Z][\w.]*|U\.S\.))\s?[-–/]\s?((?:[A-Z][\w.]*|U\.S\.))"
    r"(?=(?:\s+\w+){0,3}?\s+(?:talks|negotiations?|trade|deal|agreement|accord|summit|"
    r"dialogue|relations|tariffs?|partnership|pact|council|committee))"
)
_BETWEEN = re.compile(
    r"\b(?i:talks|negotiations)\s+between\s+(?:the\s+)?([A-Z][\w.]*(?:\s[A-Z][\w.]*)?)\s+and\s+"
    r"(?:the\s+)?([A-Z][\w.]*(?:\s[A-Z][\w.]*)?)"
)
_AND = re.compile(
    r"^(?:[A-Z ]+ — )?([A-Z][\w.]*)\s*(?:and|,)\s*([A-Z][\w.]*)\s+"
    r"(?:have\s+|had\s+|to\s+|will\s+|(?i:[a-z]+ly)\s+)?"
    r"(?i:open|opened|agree|agreed|reach|reached|sign|signed|push|pushed|move|moved|fail|"
    r"failed|resume|resumed|launch|launched|hold|held|end|ended|strike|struck|begin|began|"
    r"start|started|conclude|concluded|extend|extended|give|gave|make|made|meet|met|talk|"
    r"talked|seal|sealed)\b"
)
_ALIASES = {
    "us": "us",
    "usa": "us",
    "united states": "us",
    "america": "us",
    "washington": "us",
    "european union": "eu",
    "brussels": "eu",
    "uk": "uk",
    "britain": "uk",
    "united kingdom": "uk",
    "beijing": "china",
    "tokyo": "japan",
    "ottawa": "canada",
}


def open_until(thread: Thread) -> datetime:
    """When ``thread`` closes unless a development comes: its last development plus its own
    age, and at least :data:`MIN_OPEN`."""
    return thread.last + max(MIN_OPEN, thread.last - thread.started)


def is_open(thread: Thread, now: datetime) -> bool:
    return now <= open_until(thread)


def open_threads(threads: Iterable[Thread], now: datetime) -> tuple[Thread, ...]:
    """The threads still open at ``now``, the most recently developed first."""
    alive = [t for t in threads if is_open(t, now) and t.started <= now]
    return tuple(sorted(alive, key=lambda t: (t.last, t.key), reverse=True))


def thread_key(first_development_key: str) -> str:
    return "t-" + hashlib.sha256(first_development_key.encode("utf-8")).hexdigest()[:24]


def thread_developments(
    developments: Sequence[Development], known: Sequence[Thread] = ()
) -> tuple[Thread, ...]:
    """Every thread: the ``known`` ones with new developments added, and new ones.

    Developments already in a known thread (same key) are replaced by the new value; a known
    development whose reports now belong to another development is dropped. Each development
    of a thread has its ``changes`` set. Threads come most recent first.
    """
    placed = {d.key for thread in known for d in thread.developments}
    fresh = sorted((d for d in developments if d.key not in placed), key=_chronological)
    updated = {d.key: d for d in developments if d.key in placed}
    incoming = {rid for d in developments for rid in d.report_ids}
    members: dict[str, list[Development]] = {}
    for thread in known:
        group = [
            updated.get(d.key, d)
            for d in thread.developments
            if not _absorbed(d, updated, incoming)
        ]
        if group:
            members[thread.key] = group
    words = {d.key: thread_words(d) for group in members.values() for d in group}
    words |= {d.key: thread_words(d) for d in fresh}
    rarity = _rarity(words.values())
    index = _Candidates(words)
    for key, group in members.items():
        for development in group:
            index.place(development, key)
    for development in fresh:
        candidates = {key: members[key] for key in index.threads_for(development)}
        key = _best_thread(development, candidates, words, rarity) or thread_key(development.key)
        members.setdefault(key, []).append(development)
        index.place(development, key)
    threads = [
        Thread(key, _with_changes(sorted(g, key=_chronological))) for key, g in members.items()
    ]
    return tuple(sorted(threads, key=lambda t: (t.last, t.key), reverse=True))


class _Candidates:
    """The threads a development could join: those sharing one of its words, found by an
    index from word to threads. A word most developments carry (more than
    :data:`COMMON_FLOOR`, and more than :data:`COMMON_SHARE` of them) is not looked up, as a
    match needs distinctive words; threads naming the same two parties are always looked
    at, as they need less in common. Below the floor every shared word counts, so small
    pools compare exactly as a scan of every thread would."""

    def __init__(self, words: Mapping[str, frozenset[str]]) -> None:
        self._words = words
        counts = Counter(token for tokens in words.values() for token in tokens)
        common = max(COMMON_FLOOR, int(len(words) * COMMON_SHARE))
        self._common = frozenset(token for token, n in counts.items() if n > common)
        self._by_word: dict[str, set[str]] = {}
        self._by_parties: dict[frozenset[str], set[str]] = {}

    def place(self, development: Development, key: str) -> None:
        for token in self._words[development.key] - self._common:
            self._by_word.setdefault(token, set()).add(key)
        sides = parties(development)
        if sides:
            self._by_parties.setdefault(sides, set()).add(key)

    def threads_for(self, development: Development) -> list[str]:
        found = {
            key
            for token in self._words[development.key] - self._common
            for key in self._by_word.get(token, ())
        }
        found |= self._by_parties.get(parties(development), set())
        return sorted(found)


def _absorbed(
    development: Development, updated: Mapping[str, Development], incoming: set[str]
) -> bool:
    """True when the reports of a known development were regrouped into another one."""
    return development.key not in updated and bool(incoming & set(development.report_ids))


def thread_words(development: Development) -> frozenset[str]:
    """The words a thread is told by: names and content words of the headline and main
    outcomes, without numbers, ordinals or calendar words."""
    briefing = development.briefing
    lede = " ".join([development.lede, *(f.text for f in briefing.outcomes[:2])])
    tokens = signature(briefing.headline, lede).tokens
    return frozenset(
        t for t in tokens if t[0].isalpha() and t not in ORDINALS and t not in CALENDAR
    )


@lru_cache(maxsize=4096)
def parties(development: Development) -> frozenset[str]:
    """The two sides of the talks when the report names them as a pair ("Japan-US talks",
    "talks between Canada and Mexico"), else empty."""
    briefing = development.briefing
    for text in (briefing.headline, *(f.text for f in briefing.outcomes[:2])):
        for pattern in (_PAIR, _BETWEEN, _AND):
            match = pattern.search(text)
            if match:
                pair = frozenset(_party(match.group(i)) for i in (1, 2))
                if len(pair) == 2:
                    return pair
    return frozenset()


def _party(name: str) -> str:
    plain = name.replace(".", "").casefold()
    return _ALIASES.get(plain, plain)


def _best_thread(
    development: Development,
    members: Mapping[str, Sequence[Development]],
    words: Mapping[str, frozenset[str]],
    rarity: Mapping[str, float],
) -> str:
    mine = words[development.key]
    sides = parties(development)
    best: tuple[float, str] = (0.0, "")
    for key, group in members.items():
        thread = Thread(key, tuple(group))
        if development.published > open_until(thread) or development.published < thread.started:
            continue
        theirs = _thread_parties(group)
        if any(len(sides & pair) == 1 for pair in theirs):
            continue  # Japan-US talks are not Japan-EU talks
        recent = group[-RECENT:]
        if not _names_meet(development, recent):
            continue  # Hurricane Dorian's story is not Hurricane Humberto's
        floor = SAME_PARTIES_OVERLAP if sides and sides in theirs else MIN_OVERLAP
        for other in recent:
            value = _overlap(mine, words[other.key], rarity, floor)
            best = max(best, (value, key))
    return best[1] if best[0] > 0 else ""


@lru_cache(maxsize=4096)
def headline_names(development: Development) -> frozenset[str]:
    """The names in a development's headline (people, places, bodies; not its first word)."""
    return signature(development.briefing.headline, "").names


@lru_cache(maxsize=4096)
def story_names(development: Development) -> frozenset[str]:
    """The names of a development's headline and lede."""
    return signature(development.briefing.headline, development.lede).names | parties(development)


def _names_meet(development: Development, group: Sequence[Development]) -> bool:
    """True unless the development's headline names someone or something and the thread's
    recent developments name none of them."""
    names = headline_names(development) | parties(development)
    return not names or any(names & story_names(d) for d in group)


def _thread_parties(group: Sequence[Development]) -> set[frozenset[str]]:
    return {sides for d in group if (sides := parties(d))}


def _overlap(
    a: frozenset[str], b: frozenset[str], rarity: Mapping[str, float], floor: float
) -> float:
    shared = a & b
    if len(shared) < MIN_SHARED:
        return 0.0
    smaller = min(_weight(a, rarity), _weight(b, rarity))
    value = _weight(shared, rarity) / smaller if smaller else 0.0
    return value if value >= floor else 0.0


def _weight(tokens: Iterable[str], rarity: Mapping[str, float]) -> float:
    return sum(rarity.get(token, 1.0) for token in tokens)


def _rarity(sets: Iterable[frozenset[str]]) -> dict[str, float]:
    sets = list(sets)
    counts = Counter(token for tokens in sets for token in tokens)
    size = max(PRIOR_POOL, len(sets))
    return {token: math.log(1 + size / count) for token, count in counts.items()}


def _with_changes(developments: Sequence[Development]) -> tuple[Development, ...]:
    stated: dict[tuple[str, str], str] = {}
    result = []
    for development in developments:
        changes = tuple(
            Change(f.kind, f.subject, stated[f.key], f.value, f.source_url)
            for f in development.facts
            if f.key in stated and stated[f.key] != f.value
        )
        stated.update({f.key: f.value for f in development.facts})
        result.append(dataclasses.replace(development, changes=_specific(changes)))
    return tuple(result)


def _specific(changes: tuple[Change, ...]) -> tuple[Change, ...]:
    """Without a change of "tariff" that a change of a named tariff ("car tariff") says."""
    named = {(c.kind, c.before, c.after) for c in changes if c.subject != "tariff"}
    return tuple(
        c for c in changes if not (c.subject == "tariff" and (c.kind, c.before, c.after) in named)
    )


def _chronological(development: Development) -> tuple[datetime, str]:
    return (development.published, development.key)
