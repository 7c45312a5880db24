"""Heading-shaped lines that are not article text, judged by their shape and their page.

- a title shown again split over two lines ("Statement by the Minister" then "at the Close of
  the Talks"): the two halves together repeat another line of the page, so neither half is the
  headline nor the article;
- a line of names and titles with no sentence in it ("Ms Jane ROE Minister for Trade and
  Industry"), one per line in a list of participants: every word capitalized but the small
  words that join a title, and no stop.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefings.reading.lineshape import ends_sentence, word_set, words

# Small words that join the words of a name or a title ("Minister for Trade and Industry").
_JOINERS = word_set(
    "and of the for to in on at with de la le van der von bin al da di du y del des et"
)
_PIECE_MAX_CHARS = 300
_MAX_PIECES = 3
_WHOLE_MIN_WORDS = 4
_REPEAT_SHARE = 0.66
_REPEAT_SHARE_OTHER = 0.5
_REPEAT_MIN_WORDS = 5
_WORD = re.compile(r"\w+")
_NAMES_MIN_WORDS = 4
_NAMES_MAX_WORDS = 30


def split_title_pieces(lines: Sequence[str]) -> list[int]:
    """Indexes of two or three lines in a row that together repeat another line of the page
    word for word (a title shown whole and again split over lines): punctuation and case
    aside, as a page may set the pieces apart with a colon or a dash. Only lines of a title's
    length and shape, with no stop at the end, are read: most lines of a page are sentences."""
    keys = [
        _key(line) if len(line) <= _PIECE_MAX_CHARS and not ends_sentence(line) else ""
        for line in lines
    ]
    whole = {key for key in keys if key.count(" ") >= _WHOLE_MIN_WORDS - 1}
    if len(whole) < 2:
        return []
    found: list[int] = []
    for i in range(len(lines) - 1):
        if not keys[i]:
            continue
        joined = keys[i]
        for j in range(i + 1, min(len(lines), i + _MAX_PIECES)):
            if not keys[j]:
                break
            joined = f"{joined} {keys[j]}"
            if len(joined) > _PIECE_MAX_CHARS:
                break
            if joined in whole:
                found += range(i, j + 1)
                break
    return found


def _key(line: str) -> str:
    """A line's words, case-folded, without punctuation."""
    return " ".join(_WORD.findall(line.casefold()))


def first_of_repeats(lines: Sequence[str], candidates: Sequence[int], best: int) -> int:
    """The first of the candidate headlines that repeats most words of line ``best``: a page
    shows its title first, and a statement's heading may give it again, longer or shorter
    ("... Representative Froman at Meetings ..." then "... Representative Michael Froman At
    Outset of Meetings ...")."""
    own = set(_WORD.findall(lines[best].casefold()))
    if len(own) < _REPEAT_MIN_WORDS:
        return best  # a short line repeats too few words to tell
    for i in sorted(candidates):
        if i >= best:
            break
        other = set(_WORD.findall(lines[i].casefold()))
        shared = len(own & other)
        if shared >= _REPEAT_SHARE * len(own) and shared >= _REPEAT_SHARE_OTHER * len(other):
            return i
    return best


def is_names_and_titles(line: str) -> bool:
    """A line of a person's name and titles, no sentence: every word capitalized except the
    small words that join a title, no stop at its end ("Mr Didier ROE Deputy Prime Minister
    and Minister for Foreign Affairs")."""
    if ends_sentence(line) or not _NAMES_MIN_WORDS <= words(line) <= _NAMES_MAX_WORDS:
        return False
    capitals = 0
    for word in line.split():
        head = word.lstrip("(“\"'‘")[:1]
        if not head.isalpha():
            continue
        if head.isupper():
            capitals += 1
        elif word.casefold() not in _JOINERS:
            return False
    return capitals >= _NAMES_MIN_WORDS


# An organisation that issues releases: "Office of the United States Trade Representative",
# "Ministry of Foreign Affairs of Japan", "Permanent Mission of Estria to the United Nations".
_ISSUER = re.compile(
    r"^(?:The\s+)?(?:[A-Z][\w.'’&-]*\s+){0,3}(?:Office|Ministry|Department|Embassy|Mission|"
    r"Delegation|Consulate(?: General)?|High Commission|Secretariat|Directorate(?:-General)?)"
    r"\s+(?:of|for|to)\s"
)
# A country by its long name: "United States of America", "Republic of Estria", "People's
# Republic of China", "United Arab Emirates", "Trinidad and Tobago".
_COUNTRY = re.compile(
    r"^(?:The\s+)?(?:(?:[A-Z][\w'’-]*\s+){0,3}(?:Republic|Kingdom|Federation|Emirates|States|"
    r"Union|Commonwealth|Principality|Sultanate|Confederation|Islands)"
    r"(?:\s+of(?:\s+the)?(?:\s+[A-Z][\w'’-]*){1,3})?|[A-Z][\w'’-]*\s+and\s+(?:the\s+)?"
    r"[A-Z][\w'’-]*)$"
)
# Words ending in -s or -ed that name, not tell: an organisation's name holds no verb ("Announces").
_NAME_WORDS = word_set(
    "affairs states nations relations services industries resources islands emirates works "
    "communications customs statistics rights forces veterans americas netherlands philippines "
    "territories regions communities countries commons lords fisheries forests finances "
    "economics sciences studies arts laws operations programs programmes united"
)
_NAME_MAX_WORDS = 14


def names_an_organisation(line: str) -> bool:
    """A line that is only an organisation's or a country's name, never a headline: every
    word capitalized but the small words that join a name, no stop, no word that reads as a
    verb ("Office of the Estrian Trade Representative", "Republic of Estria")."""
    text = line.strip()
    if ends_sentence(text) or not 2 <= words(text) <= _NAME_MAX_WORDS:
        return False
    if _ISSUER.match(text) is None and _COUNTRY.match(text) is None:
        return False
    for word in text.split()[1:]:
        folded = word.casefold()
        if not word[:1].isupper():
            if folded not in _JOINERS:
                return False
        elif folded.endswith(("ed", "s")) and folded not in _NAME_WORDS:
            return False  # "Ministry of Trade Welcomes ...", "... Agreed"
    return True


_INTRO_JOINERS = _JOINERS | word_set("from by")
_INTRO_MAX_WORDS = 12
# A question a FAQ page or an explainer sets over its answer: "What does the agreement cover?"
_QUESTION = re.compile(
    r"^(?:what|how|why|when|where|who|which|whose|is|are|was|were|does|do|did|can|could|will|"
    r"would|should|has|have)\s[^.!?:;\"“”]*\?$",
    re.IGNORECASE,
)
_QUESTION_MAX_WORDS = 14


def is_heading_with_colon(line: str) -> bool:
    """A heading over a statement, ending in a colon, with no sentence in it: every word
    capitalized but the small words that join a title ("Statement from Ambassador Jane
    Roe:")."""
    text = line.rstrip()
    if not text.endswith(":") or not 2 <= words(text) <= _INTRO_MAX_WORDS:
        return False
    return all(
        word[:1].isupper() or not word[:1].isalpha() or word.casefold() in _INTRO_JOINERS
        for word in text.split()
    )


def is_question_subhead(line: str) -> bool:
    """A short question on a line of its own, no quote in it: a FAQ page's or an explainer's
    subhead ("What does the agreement cover?")."""
    return words(line) <= _QUESTION_MAX_WORDS and _QUESTION.match(line.strip()) is not None
