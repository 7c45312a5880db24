"""Two parties that act together: "The United States and Kenya launched talks", then "Both
countries said ..." or "the two sides agreed to ...". A collective reference resolves to the
latest pair the text named before it."""

from __future__ import annotations

from collections.abc import Sequence

from briefings.quotes.lexicon import PLACES, word_set
from briefings.quotes.people import read_run
from briefings.quotes.registry import Registry
from briefings.quotes.tokens import Tok

# Heads of "both countries", "the two sides": what the pair is.
_PEOPLE = word_set("leaders men women presidents ministers premiers counterparts negotiators")
_PARTIES = word_set("countries nations governments states capitals sides parties delegations")
_COUNTS = word_set("both two")
_REACH = 4  # paragraphs back to look for the pair


def collective(words: Sequence[Tok]) -> str:
    """ "people" or "parties" when ``words`` refer to a pair ("both countries", "the two
    leaders"), else ""."""
    if not 2 <= len(words) <= 3 or words[-2].lower not in _COUNTS:
        return ""
    if len(words) == 3 and words[0].lower != "the":
        return ""
    head = words[-1].lower
    return "people" if head in _PEOPLE else "parties" if head in _PARTIES else ""


def latest_pair(registry: Registry, kind: str) -> str:
    """The latest "X and Y" before where the reader is, as "X and Y" by name: two people for
    ``kind`` "people", two places or organisations for "parties"."""
    p, at = registry.now
    for q in range(min(p, len(registry.texts) - 1), max(-1, p - _REACH), -1):
        tokens = registry.tokens[q] if q < len(registry.tokens) else None
        if tokens is None:
            continue
        records = tokens.records()
        limit = at if q == p else 1 << 30
        for k in range(len(records) - 2, 0, -1):
            if records[k].lower == "and" and records[k].start < limit:
                pair = _pair_at(records, k, registry, kind)
                if pair:
                    return pair
    return ""


def _pair_at(records: list[Tok], k: int, registry: Registry, kind: str) -> str:
    if records[k - 1].brk or records[k].brk or not records[k - 1].cap:
        return ""
    first = k - 1
    while first > 0 and records[first - 1].cap and not records[first - 1].brk:
        first -= 1
    begin = k + 1
    if records[begin].lower == "the" and begin + 1 < len(records):
        begin += 1
    last = begin
    if not records[last].cap:
        return ""
    while last + 1 < len(records) and not records[last].brk and records[last + 1].cap:
        last += 1
    left = _name(records[first:k], registry, kind)
    right = _name(records[begin : last + 1], registry, kind)
    return f"{left} and {right}" if left and right else ""


def _name(run: list[Tok], registry: Registry, kind: str) -> str:
    name, _, person = read_run(run)
    if not name:
        return ""
    # A one-word name nobody in the article bears is a place: "Kenya", "Norway".
    place = name in PLACES or (person and " " not in name and registry.lookup(name) is None)
    if kind == "people":
        known = registry.lookup(name) if person and not place else None
        return known.name if known else ""
    return name if place or not person else ""
