"""Who holds the floor in a transcript: a paragraph that opens with a speaker's label
("MINISTER AKAZAWA: I think ...", "Minister for Trade, Don Farrell: ...") begins that
person's turn, and the turn runs on over the paragraphs after it until the next label. A
quote a first person introduces in a turn ('I told him, "..."') is the turn's speaker's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefings.quotes.lexicon import ROLE_NOUNS, TITLES, word_set
from briefings.quotes.people import read_run
from briefings.quotes.registry import Registry
from briefings.quotes.speakers import Speaker
from briefings.quotes.tokens import tokenize

# A label: up to nine words, each capitalized or a small word of an office, then a colon.
_LABEL = re.compile(
    r"^((?:[A-Z][\w.'\u2019-]*|of|for|and|the|de|van|von)"
    r"(?:,? (?:[A-Z][\w.'\u2019-]*|of|for|and|the|de|van|von)){0,8}):\s"
)
FIRST_PERSON = frozenset({"i", "we"})
_NO_SPEAKERS = word_set("question answer moderator operator host audience participant q a")


def turn_speakers(paragraphs: Sequence[str]) -> list[str]:
    """The label of the turn each paragraph belongs to ("" outside any turn)."""
    out: list[str] = []
    label = ""
    for text in paragraphs:
        label = turn_label(text) or label
        out.append(label)
    return out


def turn_label(text: str) -> str:
    """The speaker's label a paragraph opens with ("MINISTER SATO"), or ""."""
    found = _LABEL.match(text) if ":" in text[:90] else None
    return found.group(1) if found is not None else ""


def turn_speaker(label: str, registry: Registry) -> Speaker | None:
    """The person a turn's label names, with the role it gives ("SECRETARY ROSS" -> Ross,
    Secretary; "Tim Ayres, Assistant Trade Minister" -> Tim Ayres), known by the full name
    the article gives them; None for a label that names no one ("Reporter", "Q")."""
    name, role = "", ""
    for part in label.split(", "):
        words = " ".join(w.capitalize() if w.isupper() and len(w) > 1 else w for w in part.split())
        lows = words.lower().split()
        if lows[0] in TITLES and ("for" in lows or "of" in lows):
            role = role or words  # an office: "Minister for Foreign Affairs"
            continue
        part_name, part_role, person = read_run(tokenize(words).records(0, len(lows)))
        if person and not name and _names_someone(part_name, part_role, registry):
            name, role = part_name, part_role or role
        elif not part_name or any(w in TITLES for w in lows):
            role = role or words
    if not name:
        return None
    known = registry.lookup(name)
    if known is not None:
        if known.role and _within(role, known.role):
            role = known.role  # "MINISTER CARTER" named before as "Trade Minister Jon Carter"
        return Speaker(known.name, role or known.role, person=True)
    return Speaker(name, role, person=True)


def _names_someone(name: str, role: str, registry: Registry) -> bool:
    """Whether a label's name is a person's: with a title, of two words or more, or named in
    the article; never a questioner ("Reporter", "Q") nor a place ("In Brussels")."""
    if len(name) < 3 or name.lower() in ROLE_NOUNS or name.lower() in _NO_SPEAKERS:
        return False
    return bool(role) or " " in name or registry.lookup(name) is not None


def _within(role: str, whole: str) -> bool:
    """Whether every word of ``role`` is in the fuller ``whole`` ("Minister" of "Trade
    Minister")."""
    words = set(whole.lower().split())
    return all(w in words for w in role.lower().split())
