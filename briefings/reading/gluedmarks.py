"""Marks a page glues to a line of text that are not the line's words: a date stamp before it
("date 2019-02-24 Ministers met ..."), a kicker ("BREAKING: ...", "UPDATE 2-..."), a
newsroom's label ("Web Desk: ..."), a table
cell's bar after it ("... in July. |"), an
agency's sign-off glued after its last stop ("... he added.Agency", "... in 1967.-VNA"), a
clip's length glued to its title ("Talks End Without A Deal05:24") and a video's offsets after
the items of its outline ("... do the same. 1m 43s").

Each mark is looked for only where a cheap test of the line's first or last characters says it
can stand: most lines of a page have none.
"""

from __future__ import annotations

import re

# A date stamp, alone or with its label, before the text: "2025-01-22 Talks end", "date
# 2025-01-22 Talks end", "Published: 2025-01-22T10:00 Talks end".
LEADING_STAMP = re.compile(
    r"^(?:(?:date|updated|published|posted)\s*:?\s*)?\d{4}-\d{2}-\d{2}"
    r"(?:[T ]\d{2}:\d{2}(?::\d{2})?)?\s+(?=\S)",
    re.IGNORECASE,
)
_STAMP_OPENINGS = "0123456789dDuUpP"
# A table cell's bar after the text (a page laid out in a table): "... in July. |".
_CELL_BAR = re.compile(r"\s*\|\s*$")
# An agency's sign-off glued to the last stop: "... he added.Agency", "... in 1967.-VNA".
_GLUED_SIGN_OFF = re.compile(r"(?<=[.!?”\"])[-–—]?[A-Z][A-Za-z]{1,14}$")
# A clip's length glued to its title: "... On U.S. Imports05:24".
_GLUED_LENGTH = re.compile(r"(?<=[A-Za-z.])\d{1,2}:\d{2}$")
# A video's offset after a sentence of its outline: "... do the same. 6s", "... 1m 43s".
_OFFSET = re.compile(r"(?<=[.!?”\"])\s+(?:\d{1,2}m(?:\s+\d{1,2}s)?|\d{1,2}s)$")
_SIGN_OFF_MIN_WORDS = 8
# A kicker in capitals before a story's first words ("BREAKING: ...", "UPDATE 2-...",
# "ANALYSIS-...") or a live page's label ("Trade Talks Live Updates: ..."); a video's or a
# picture's label ("WATCH: ...") says what the line is and stays.
_KICKER = re.compile(
    r"^(?:(?:BREAKING|EXCLUSIVE|UPDATED?|ANALYSIS|LIVE|URGENT|FLASH|REFILE|CORRECTED|"
    r"EXPLAINER|INSIGHT)(?: NEWS| UPDATES?| \d{1,2})?\s*(?::\s*|-(?=\S)|\s[—–-]\s)|"
    r"(?:[A-Z][\w'’.-]*\s){0,5}(?:Live Updates?|LIVE UPDATES?|Live Blog|Live):\s+)"
    r"(?=[A-Z“\"‘'])"
)


# The same kickers in mixed case, set off by a colon, a bar or a spaced dash ("Exclusive |
# ...", "Analysis: ...", "Live updates - ..."): the word alone says nothing, its place and its
# separator before a title in capitals make it a kicker.
_MIXED_KICKER = re.compile(
    r"^(?:Breaking(?: [Nn]ews)?|Exclusive|Updated?|Analysis|Live(?: [Uu]pdates?| [Bb]log)?|"
    r"Explainer|Insight|Opinion|Fact [Cc]heck|Just [Ii]n)(?:\s*[:|]\s*|\s[—–-]\s)(?=[A-Z“\"‘'])"
)
_MIXED_KICKER_INITIALS = "BEUALIOFJ"
# A drop cap set apart from the rest of its word ("P eking (Agency) - ...", "T he talks"): a
# capital alone, then small letters. "A" and "I" are words of their own.
_DROP_CAP = re.compile(r"^[B-HJ-Z] (?=[a-z]{1,20}\b)")
# A copyright mark glued after the last stop with the owner's name ("... capital.© Agency"), and
# whatever the scrape ran on after it without a stop.
_GLUED_COPYRIGHT = re.compile(r"(?<=[.!?”\"])\s*©[^.!?]{0,60}$")
_COPYRIGHT_REACH = 70


# A newsroom's label before a story's first words: "Web Desk: ...", "News Desk: ...",
# "Northwire web: ...".
_DESK = re.compile(r"^(?:[A-Z][\w'’.-]*\s){0,2}(?:[Ww]eb|[Dd]esk)\s*:\s+(?=[A-Z“\"‘'])")
_DESK_REACH = 30


def without_glued_marks(line: str) -> str:
    """``line`` without the marks a page glued to it (the line itself when it has none)."""
    text = line
    if not text:
        return text
    if text[:1] in _STAMP_OPENINGS:
        text = LEADING_STAMP.sub("", text, count=1)
    if text[:2].isupper() or "Live" in text[:60]:
        text = _KICKER.sub("", text, count=1)
    text = without_kicker(text)
    if text[1:2] == " " and text[:1].isupper():
        text = _DROP_CAP.sub(text[:1], text, count=1)
    head = text[:_DESK_REACH]
    if "eb:" in head or "esk:" in head or "eb :" in head or "esk :" in head:
        text = _DESK.sub("", text, count=1)
    if "©" in text[-_COPYRIGHT_REACH:]:
        text = _GLUED_COPYRIGHT.sub("", text)
    last = text[-1:]
    if last == "|":
        text = _CELL_BAR.sub("", text)
    elif last.isdigit():
        text = _without_length(text)
    elif last in "sm" and text[-2:-1].isdigit():
        text = _OFFSET.sub("", text)
    elif last.isalpha() and text.count(" ") >= _SIGN_OFF_MIN_WORDS:
        text = _without_sign_off(text)
    return text


def without_kicker(text: str) -> str:
    """``text`` without a kicker in mixed case before its first words ("Analysis: ...")."""
    if text[:1] not in _MIXED_KICKER_INITIALS or text[1:2].isupper():
        return text  # the cheap test first: no kicker's initial, or capitals (see _KICKER)
    return _MIXED_KICKER.sub("", text, count=1)


def _without_length(text: str) -> str:
    """A title without the clip's length glued to it (a sentence keeps its numbers)."""
    if text[-3:-2] != ":":
        return text
    return _GLUED_LENGTH.sub("", text)


def _without_sign_off(text: str) -> str:
    """A paragraph without the agency's name glued after its last stop ("... added.Agency"):
    a stop right before the name, no space between."""
    tail = text[-17:]
    if "." not in tail and "!" not in tail and "?" not in tail and "”" not in tail:
        return text  # the cheap test first: no stop near the end
    found = _GLUED_SIGN_OFF.search(text, max(0, len(text) - 17))
    if found is None:
        return text
    before = text[max(0, found.start() - 4) : found.start() - 1]
    if not (before.isalnum() and before == before.lower()) and before[-1:] not in _CLOSERS:
        return text  # "... in St.Petersburg", "... the U.S.Army": a name, not a sign-off
    return text[: found.start()]


_CLOSERS = "”\")’'"
