"""Firm steps and the words a next step needs: how a sentence tells a step as fixed
(``STRONG_NEXT``, ``firm``), and one scan of its spaced words for the words every next-step
pattern needs (``step_words``), which passes over most sentences before any pattern runs."""

from __future__ import annotations

import re

from briefings.facts.cues import (
    DUE_TO,
    NEXT_OR_HOPE_WHOLE_WORDS,
    holds_none_of,
    scan_next_or_hope,
    spaced_words,
)
from briefings.reading.scanning import WordPattern, holds_any

EVENTS = (
    r"meet|hold|travel|visit|return|resume|vote|sign|host|begin|start|reconvene|convene|launch|"
    r"attend|participate|take part|chair|preside|lead(?! to\b)|arrive|depart|gather|head|"
    r"publish|announce|decide|enter into force|take effect|come into force|lapse|expire|"
    # a court's steps: "will hear the case on 28 April", "will rule on Monday"
    r"hear(?! from\b)|rule on|"
    r"be held|be published|be led|be conducted|be signed|be announced|be presented|be debated|"
    r"be put to a vote|be voted|debate|continue (?:talks|negotiations)|"
    # what is done to a tariff or a text on its day: "will be imposed on Aug. 1"
    r"be imposed|be lifted|be implemented|be discussed|be ratified|be formali[sz]ed|"
    r"be finali[sz]ed|be unveiled|be tabled"
)
# "will meet", "will travel": an event to come, told firmly.
FIRM_EVENT = re.compile(rf"(?:will|shall) (?:{EVENTS})\b")
# "due in Lindau", "due on 3 May": a step to come, as "due to meet" is (see ``DUE_TO``).
_WHEN = r"(?:in(?! (?:large |no small |great )?part\b)|at|on|for|next|later|this)\b"
STRONG_NEXT = WordPattern(
    r"\b(?=[adefinpstwy])"  # the letters its phrases start with: most places fail at once
    # and then the words they start with ("will ", "due "): most words that pass the letters
    # fail here, before each phrase is tried
    r"(?=s(?:cheduled|lated|et to)|to be held|due |expected |yet to be |w(?:ill|ould) |is |are |"
    r"plan|agreed to |intend|future |next )"
    rf"(?:scheduled(?! (?:a|an|the|his|her|their|its)\b)|to be held|slated|set to|"
    rf"{DUE_TO}|due {_WHEN}|"
    rf"expected (?:(?:by|on|in|during|at) (?=[A-Z\d]|the [A-Z]|(?:early|mid|late|next|coming|this|"
    rf"the (?:end|middle|coming|next))\b)|later|next)|"
    rf"yet to be (?:set|decided|scheduled|agreed|announced|confirmed|signed)|"
    rf"(?:will|would|is to|are to|plans? to|agreed to|intends? to) (?:{EVENTS})\b|"
    rf"(?:is|are) (?:[a-z]+ly )?expected to (?:{EVENTS})\b|"
    rf"(?:will|is to|are to) take place\b|"  # "would take place" may tell how, not when
    rf"plans (?:\w+ ){{0,2}}for (?:[\w-]+ ){{1,3}}to (?:{EVENTS})\b|"
    rf"(?:future|next) (?:meeting|round|session|meet))"
)

# A whole word each match of the patterns ``next_steps`` tests first holds: of a next-step cue
# or a hope (``next_or_hope``; "is to" and "are to" are looked for apart), of a step told in
# the present with its day (``present_schedule``: a weekday or a day's number), of a step
# being readied (``being_arranged``) and of one a few days on (``days_before_step``).
STEP_WORDS = NEXT_OR_HOPE_WHOLE_WORDS | frozenset(
    [
        word.encode()
        for word in (
            "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
            "Arrangements", "arrangements", "Preparations", "preparations", "before", "ahead",
        )
    ]
    + [str(day).encode() for day in range(100)]
    + [f"{day:02d}".encode() for day in range(10)]
)  # fmt: skip


def _spaced_words_scan(words: list[bytes], numbers: bool) -> re.Pattern[bytes]:
    """One scan of a text's spaced words (see ``spaced_words``) for ``words``, and for every
    number of one or two digits if ``numbers``, each match a whole word (or words: "is to"),
    its text the match's group: the letters the words start with are looked at first, then
    the words of that letter."""
    groups: dict[int, list[bytes]] = {}
    for word in sorted(words):
        groups.setdefault(word[0], []).append(word[1:])
    firsts = bytes(sorted(groups))
    alternation = b"|".join(
        b"%c(?:%b)" % (first, b"|".join(rests)) for first, rests in groups.items()
    )
    if numbers:
        return re.compile(b" (?=[%b0-9])(%b|[0-9][0-9]?)(?= )" % (firsts, alternation))
    return re.compile(b" (?=[%b])(%b)(?= )" % (firsts, alternation))


# The words of ``STEP_WORDS`` (its numbers are all those of one or two digits), and "is to"
# and "are to", in one scan.
_STEP_WORD = _spaced_words_scan(
    [word for word in STEP_WORDS if not word.isdigit()] + [b"is to", b"are to"], numbers=True
)
# The words of a next-step cue or a hope (see ``NEXT_OR_HOPE_WHOLE_WORDS``), and "is to" and
# "are to", in one scan.
_CUE_WORD = _spaced_words_scan([*NEXT_OR_HOPE_WHOLE_WORDS, b"is to", b"are to"], numbers=False)


def next_cue(text: str) -> bool:
    """Whether ``text`` holds a next-step cue (see ``next_or_hope``): the words each cue
    needs are looked for first, in one scan of its spaced words (see ``step_words`` for a
    text with letters outside ASCII)."""
    return _CUE_WORD.search(spaced_words(text)) is not None and scan_next_or_hope(text)[0]


def step_words(spaced: bytes) -> list[bytes]:
    """The words of ``STEP_WORDS`` a text holds (``spaced``: see ``spaced_words``), and each
    "is to" and "are to" in it, in its order: empty only when it holds none of the words a
    next-step cue, a hope word, a step told in the present, being readied or a few days on
    needs (but for a number written in other digits, see ``other_digit``), a test far
    cheaper than their scans. A text with letters outside ASCII is read so too: each of its
    bytes outside ASCII is a space there, so a word the patterns find whole is a word of its
    spaced words (the test may pass a word they do not find, "will" in "éwill", no more)."""
    return _STEP_WORD.findall(spaced)


# A digit outside ASCII: what ``\d`` reads but for "0" to "9".
_OTHER_DIGIT = re.compile(r"[^\D\x00-\x7f]")


def other_digit(text: str) -> bool:
    """Whether ``text`` holds a digit outside ASCII (an Arabic-Indic or a Devanagari one),
    which a pattern's ``\\d`` reads and the spaced words do not."""
    return not text.isascii() and _OTHER_DIGIT.search(text) is not None


# The words of ``STEP_WORDS`` that name a day: a weekday, or a day's number.
_DAY_WORDS = frozenset(word for word in STEP_WORDS if word.isdigit() or word.endswith(b"day"))


def may_name_a_day(said: list[bytes], text: str) -> bool:
    """Whether a text (``said``: its step words) may name a weekday or a day's number, as a
    step told in the present needs (see ``present_schedule``)."""
    return not _DAY_WORDS.isdisjoint(said) or other_digit(text)


def has_is_to(said: list[bytes]) -> bool:
    """Whether a text's step words ``said`` (see ``step_words``) hold "is to" or "are to"."""
    return b"is to" in said or b"are to" in said


# A whole word each match of ``STRONG_NEXT`` holds, but for the phrases whose last word may
# run on ("scheduled", "to be held", "slated") and for "is to" and "are to".
STRONG_NEXT_WORDS = frozenset(
    word.encode()
    for word in (
        "set", "due", "expected", "yet", "will", "would", "plan", "plans", "agreed", "intend",
        "intends", "future", "next",
    )
)  # fmt: skip
_STRONG_NEXT_TEXTS = ("scheduled", "to be held", "slated", "is to ", "are to ")


def _strong_next_text(text: str) -> bool:
    """Whether ``text`` holds a text one of the phrases of ``STRONG_NEXT`` needs that is not
    a whole word of ``STRONG_NEXT_WORDS``."""
    return holds_any(text, _STRONG_NEXT_TEXTS)


def may_be_firm(text: str, said: list[bytes] | None) -> bool:
    """Whether ``text`` holds a word or a text each match of ``STRONG_NEXT`` needs (false:
    the pattern finds nothing in it); ``said``: its step words, when read (see
    ``step_words``)."""
    if said is None:
        none = holds_none_of(text, STRONG_NEXT_WORDS)
    else:
        none = STRONG_NEXT_WORDS.isdisjoint(said)
    return not none or _strong_next_text(text)


def firm(text: str, said: list[bytes] | None = None) -> bool:
    """Whether ``text`` tells a step as fixed ("is due in Lindau", "agreed to reconvene"),
    not as yet to be fixed; ``said``: its step words, when read (see ``step_words``)."""
    if not may_be_firm(text, said):
        return False
    cue = STRONG_NEXT.search(text)
    return cue is not None and not cue.group().startswith("yet")
