"""Sections a page sets apart from its news under a heading of their own.

A press release or a report often closes with what a reader may want to know besides the news:
"Background", "Notes to editors", "Editor's note", "Context", "Key facts", and the issuer's
blurb under "About the Trade Office". Their paragraphs are the page's own background, never
its news; the issuer's blurb is the release's boilerplate, where its article ends. Such a section
opens with a heading (a short line with no sentence stop, standing as its own paragraph, a
colon at most after it) that names it, after the body has begun; it runs over the paragraphs
of running text after it and ends at the next line shaped as a heading or a record ("Vote:
Thursday 26 March") that names no such section.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefings.reading.furniture import LineKind

_HEADING_MAX_CHARS = 60
_HEADING_MAX_WORDS = 8
# What such a heading says (one signal; the heading's shape and place are the others).
_SECTION_NAME = re.compile(
    r"^(?:on\s+|the\s+)?(?:background(?:\s+(?:information|notes?|briefing))?|backgrounder|"
    r"context|key\s+facts(?:\s+and\s+figures)?|facts\s+and\s+figures|"
    r"editor['’]?s['’]?\s+notes?|notes?\s+(?:to|for)\s+(?:the\s+)?editors?)\s*:?$",
    re.IGNORECASE,
)
# "About" and a name ("About the Trade Office", "About NORTRADE"): the issuer's own blurb. A
# heading about a thing in lower case ("About the agreement") explains the news itself.
_ABOUT_NAME = re.compile(
    r"^About\s+(?:the\s+)?[A-Z][\w&.'’-]*(?:\s+(?:(?:of|and|for|the|on|de|du)\s+)*"
    r"[A-Z][\w&.'’-]*)*\s*:?$"
)
_HEADING_KINDS = frozenset({LineKind.BODY, LineKind.LABEL, LineKind.SUBHEAD})
_LIST_ITEM = re.compile(r"^(?:[•·▪◦‣∙*–-]|\(?\w{1,3}[.)])\s")  # "- item", "1. item", "(a) item"


def names_a_section_apart(line: str) -> bool:
    """Whether ``line`` is the heading of a section set apart from the news: heading-shaped
    (short, no sentence stop) and naming background, notes to editors, context, key facts or
    the issuer ("About the Trade Office")."""
    text = _heading_text(line)
    return bool(text) and (
        _SECTION_NAME.match(text) is not None or _ABOUT_NAME.match(text) is not None
    )


def names_the_issuer(line: str) -> bool:
    """Whether ``line`` is the heading of the issuer's own blurb ("About the Lindau Trade
    Office", "About NORTRADE"): what follows is the release's boilerplate, no article text."""
    text = _heading_text(line)
    return text[:1] == "A" and _ABOUT_NAME.match(text) is not None


def _heading_text(line: str) -> str:
    """``line`` stripped, when it may be such a heading (short, and opening with a letter
    that such a heading opens with: the cheap test first); else ""."""
    text = line.strip()
    if not text or len(text) > _HEADING_MAX_CHARS or text.count(" ") >= _HEADING_MAX_WORDS:
        return ""
    return text if text[0] in "AaBbCcEeFfKkNnOoTt" else ""


def lines_set_apart(
    lines: Sequence[str], kinds: Sequence[LineKind], start: int = 0
) -> frozenset[int]:
    """Indexes of the body lines (``kinds`` BODY) under a heading of a section set apart from
    the news (see :func:`names_a_section_apart`), once the body has begun at or after
    ``start``; a section ends at the next heading-shaped line that names none."""
    under: set[int] = set()
    begun = False  # whether a paragraph of news came before
    apart = False  # whether the lines now read are under such a heading
    for i in range(start, len(lines)):
        kind = kinds[i]
        if kind not in _HEADING_KINDS:
            continue  # furniture between paragraphs neither opens nor closes a section
        line = lines[i]
        if _heading_shaped(line):
            apart = begun and names_a_section_apart(line)
        elif kind is LineKind.BODY:
            begun = True
            if apart:
                under.add(i)
    return frozenset(under)


def _heading_shaped(line: str) -> bool:
    """A short line with no sentence stop (a colon at most at its end), not a list's item nor
    a long lead-in to one: a heading, or a record's line ("Vote: Thursday 26 March")."""
    text = line.rstrip()
    if not text or len(text) > 2 * _HEADING_MAX_CHARS or text[-1] in '.!?…;,"”’)':
        return False
    if ". " in text or (text[-1] == ":" and text.count(" ") >= _HEADING_MAX_WORDS):
        return False  # a sentence before a list's lead-in ("... agreements. Specifically:")
    return _LIST_ITEM.match(text) is None
