"""Marks a page glues to a line of text that are not the line's words: a date stamp before it
("date 2019-02-24 Ministers met ..."), a kicker ("BREAKING: ...", "UPDATE 2-..."), a
newsroom's label ("Web Desk: ..."), a table
cell's bar after it ("... in July. |"), an
agency's sign-off glued after its last stop ("... he added.Agency", "... in 1967.-VNA"), a
clip's length glued to its title ("Talks End Without A Deal05:24"), a video's offsets after
the items of its outline ("... do the same. 1m 43s"), a view counter ("Views: 29The ..."), a
picture's label and caption glued before the lede, a caption glued before it by a copyright
mark ("...; Crown copyrightMinister ..."), a live page's label inside a title and a
promise to the reader after a teaser ("Here's what you need to know.").

Each mark is looked for only where a cheap test of the line's first or last characters says it
can stand: most lines of a page have none.
"""

from __future__ import annotations

import re
from datetime import datetime

from briefings.reading.dates import parse_iso
from briefings.reading.lineshape import word_set

# A date stamp, alone or with its label, before the text: "2025-01-22 Talks end", "date
# 2025-01-22 Talks end", "Published: 2025-01-22T10:00 Talks end", "date 2025-01 Talks end" (a
# month only, after its label).
LEADING_STAMP = re.compile(
    r"^(?:(?:date|updated|published|posted)\s*:?\s*\d{4}-\d{2}(?:-\d{2})?|\d{4}-\d{2}-\d{2})"
    r"(?:[T ]\d{2}:\d{2}(?::\d{2})?)?\s+(?=\S)",
    re.IGNORECASE,
)
_STAMP_OPENINGS = "0123456789dDuUpP"
# An agency's short name and the date, its year after a slash, before the lede, glued or cut
# off by an ellipsis: "NWA January 10/2019… Prime Minister ...", "Nwa May 7/2019The talks ...".
_AGENCY_DATE = re.compile(
    r"^[A-Z][A-Za-z]{1,9}\s+(?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December)\s+\d{1,2}\s*/\s*\d{4}\s*(?:…|\.\.\.|[-–—:])?\s*(?=[A-Z“\"])"
)
_AGENCY_DATE_REACH = 40
# The full date of such a stamp: "date 2025-01-22 Talks end" -> "2025-01-22".
_STAMP_DATE = re.compile(
    r"^(?:(?:date|published|posted)\s*:?\s*)?(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2})?\s", re.I
)
# A table cell's bar after the text (a page laid out in a table): "... in July. |".
_CELL_BAR = re.compile(r"\s*\|\s*$")
# An agency's sign-off glued to the last stop: "... he added.Agency", "... in 1967.-VNA".
_GLUED_SIGN_OFF = re.compile(r"(?<=[.!?”\"])[-–—]?[A-Z][A-Za-z]{1,14}$")
# The same after a dash, spaced or not, one or two words: "... sources.- Agency", "... south. -
# Agency Network".
_DASHED_SIGN_OFF = re.compile(
    r"(?<=[.!?”\"])\s?[-–—]\s?[A-Z][A-Za-z]{1,14}(?: [A-Z][A-Za-z]{1,14})?$"
)
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


# A page's counter glued to the text: "Views: 29The EU ..." before it, "... in May. Views: 29"
# after it. A count after a one-word label and a colon, on text that goes on without a space or
# after a stop: no sentence reads so.
_LEADING_COUNTER = re.compile(
    r"^(?:Views|Reads|Hits|Visits|Plays)\s*:\s*\d[\d,.]*\s*(?=[A-Z\u201c\"])"
)
_TRAILING_COUNTER = re.compile(
    r"(?<=[.!?\u201d\"])\s*(?:Views|Reads|Hits|Visits|Plays)\s*:\s*\d[\d,.]*$"
)
_COUNTER_INITIALS = "VRHP"
# A picture's label and its caption glued before the lede, the caption's words said again as
# the lede opens ("File photo: Minister Jane Roe Minister Jane Roe said on Monday ...").
_PHOTO_LABEL = re.compile(r"^(?:File )?(?:[Pp]hoto|[Ii]mage|[Pp]icture)\s*:\s+")
_PHOTO_INITIALS = "FPIp"
_CAPTION_MIN_WORDS = 2
_CAPTION_MAX_WORDS = 25
# A live page's label in the middle of its title: "Talks collapse; EU retaliates: Live updates
# - What the leaders said ...": the title is what stands before it.
_MID_LIVE = re.compile(r"\s*[:|\u2013\u2014-]\s*Live (?:[Uu]pdates?|[Bb]log)\b.*$")
_MID_LIVE_MIN_WORDS = 4
# A promise to the reader closing a teaser paragraph: "... a trade war. Here's what you need
# to know." It tells no news.
_KNOW_TEASE = re.compile(
    r"(?<=[.!?\u201d\"])\s+(?:Here(?:'|\u2019)s|Here is) (?:what|everything|all) you "
    r"(?:need|should|want) to know\b[^.!?]{0,40}[.:]$"
)


# A caption glued before the lede by its credit, a copyright mark, with no space after it:
# "Ministers meet in Lindau; Crown copyrightMinister Jane Roe said ...", "... talks. ©
# AgencyThe talks ...".
_CAPTION_COPYRIGHT = re.compile(
    r"^[^.!?]{8,200}?[;,.|]\s*(?:[A-Z][\w'’&-]*\s){0,3}(?:[Cc]opyright|©)"
    r"(?:\s?[A-Z][\w'’&-]*?){0,3}(?<=[a-z])(?=[A-Z][a-z])"
)
_CAPTION_COPYRIGHT_REACH = 260


_CLOSE_SIGNS = "×✕✖"
_WHEN = word_set(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May "
    "June July August September October November December Then Now Noon Midnight"
)
# A byline glued before the lede with a colon or a dash: "By Jane Roe: The talks ...".
_GLUED_BYLINE = re.compile(
    r"^By [A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,3}\s*(?::|\s[–—-])\s+(?=[A-Z“\"‘'])"
)
# A template's placeholder the page printed as it was, braces and all ("{mosads}",
# "{{ad_slot}}"): a word in braces with no space in it is no text.
_PLACEHOLDER = re.compile(r"\s?\{\{?[A-Za-z_][\w-]{0,30}\}\}?")


def without_glued_marks(line: str) -> str:
    """``line`` without the marks a page glued to it (the line itself when it has none)."""
    text = line
    if not text:
        return text
    if "{" in text:
        text = _PLACEHOLDER.sub("", text).lstrip()
    if text[:1] in _STAMP_OPENINGS:
        text = LEADING_STAMP.sub("", text, count=1)
    if "/" in text[:_AGENCY_DATE_REACH] and text[:1].isupper():
        text = _AGENCY_DATE.sub("", text, count=1)
    if text[:1] in _CLOSE_SIGNS and text[1:2] == " ":
        text = text[2:]  # a close button's sign before the title: "× Talks resume ..."
    if text[:3] == "By ":
        text = _without_glued_byline(text)
    if text[:2].isupper() or "Live" in text[:60]:
        text = _KICKER.sub("", text, count=1)
    text = without_kicker(text)
    if text[1:2] == " " and text[:1].isupper():
        text = _DROP_CAP.sub(text[:1], text, count=1)
    head = text[:_DESK_REACH]
    if ":" in head and ("eb:" in head or "esk:" in head or "eb :" in head or "esk :" in head):
        text = _DESK.sub("", text, count=1)
    if text[:1] in _COUNTER_INITIALS and ":" in text[:8]:
        text = _LEADING_COUNTER.sub("", text, count=1)
    if text[:1] in _PHOTO_INITIALS and ":" in text[:12]:
        text = _without_photo_label(text)
    if text.find("Live ", 1) >= 0:
        text = _without_mid_live(text)
    if "know" in text[-40:]:
        text = _KNOW_TEASE.sub("", text)
    head = text[:_CAPTION_COPYRIGHT_REACH]
    if "opyright" in head or "©" in head:
        text = _CAPTION_COPYRIGHT.sub("", text, count=1)
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
    if " MORE" in text:
        text = _NAME_CARD.sub(r"\g<last>", text)
    return text


# A link's card glued after a name in the text: the surname, the full name again, the headlines
# of other stories about the person, "MORE" ("Sen. Jane RoeJane Ann RoeRoe: Talks resume in
# Lindau Port fees rise MORE (Lindau) said ..."). A report never glues a name to itself.
_NAME_CARD = re.compile(
    r"(?P<last>\b[A-Z][a-z'’-]+)(?=[A-Z])[A-Z][\w.'’() -]{0,60}? (?P=last)(?=[A-Z:])\S.*? MORE\b"
)


def stamp_date(line: str) -> datetime | None:
    """The date of the stamp glued before ``line`` ("date 2025-01-22 Talks end"), or None; a
    stamp that says the page was updated gives no date of publication."""
    text = line.lstrip()
    if text[:1] not in _STAMP_OPENINGS:
        return None
    found = _STAMP_DATE.match(text)
    return parse_iso(found.group(1)) if found is not None else None


def _without_glued_byline(text: str) -> str:
    """``text`` without the byline glued before it ("By Jane Roe: The talks ..."); a time is
    no name ("By Monday: ...")."""
    byline = _GLUED_BYLINE.match(text)
    if byline is None or not _WHEN.isdisjoint(re.findall(r"[A-Za-z]+", byline.group())):
        return text
    return text[byline.end() :]


def without_kicker(text: str) -> str:
    """``text`` without a kicker in mixed case before its first words ("Analysis: ...")."""
    if text[:1] not in _MIXED_KICKER_INITIALS or text[1:2].isupper():
        return text  # the cheap test first: no kicker's initial, or capitals (see _KICKER)
    return _MIXED_KICKER.sub("", text, count=1)


def _without_photo_label(text: str) -> str:
    """The lede without a picture's label and caption glued before it, where the caption's
    words open the lede again (the label alone cannot tell where the caption ends)."""
    found = _PHOTO_LABEL.match(text)
    if found is None:
        return text
    rest = text[found.end() :].split(" ")
    for size in range(_CAPTION_MIN_WORDS, min(_CAPTION_MAX_WORDS, len(rest) // 2) + 1):
        if rest[:size] == rest[size : 2 * size]:
            return " ".join(rest[size:])
    return text


def _without_mid_live(text: str) -> str:
    """A title without a live page's label and what follows it, when a title stands before."""
    found = _MID_LIVE.search(text)
    if found is None or len(text[: found.start()].split()) < _MID_LIVE_MIN_WORDS:
        return text
    return text[: found.start()]


def _without_length(text: str) -> str:
    """A title without the clip's length glued to it (a sentence keeps its numbers), or a
    line without a page's counter glued after its last stop ("... in May. Views: 29")."""
    if ":" in text[-12:] and _TRAILING_COUNTER.search(text):
        return _TRAILING_COUNTER.sub("", text)
    if text[-3:-2] != ":":
        return text
    return _GLUED_LENGTH.sub("", text)


def _without_sign_off(text: str) -> str:
    """A paragraph without the agency's name glued after its last stop ("... added.Agency"):
    a stop right before the name, no space between, or a dash ("... added. - Agency")."""
    tail = text[-_DASHED_REACH:]
    if "." not in tail and "!" not in tail and "?" not in tail and "”" not in tail:
        return text  # the cheap test first: no stop near the end
    found = _GLUED_SIGN_OFF.search(text, max(0, len(text) - 17))
    if found is None and ("-" in tail or "–" in tail or "—" in tail):
        found = _DASHED_SIGN_OFF.search(text, max(0, len(text) - _DASHED_REACH))
    if found is None:
        return text
    before = text[max(0, found.start() - 4) : found.start() - 1]
    if not (before.isalnum() and before == before.lower()) and before[-1:] not in _CLOSERS:
        return text  # "... in St.Petersburg", "... the U.S.Army": a name, not a sign-off
    return text[: found.start()]


_CLOSERS = "”\")’'"
_DASHED_REACH = 34
