"""The shape of one line of a page: its words, whether it ends a sentence, whether it reads
as prose or as a title. The furniture and caption tests and the page reader judge lines by
these."""

from __future__ import annotations

import re


def word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


_STOPS = ".!?…:।。！？"
_CLOSERS = "\"'“”‘’»)]"
_CLOSING_QUOTES = '"”’»'
_WORD = re.compile(r"[A-Za-z][\w'’-]*")


TITLE_MIN_WORDS = 3
TITLE_MAX_WORDS = 30
PROSE_MIN_WORDS = 8
_FIRST_WORDS = 8


def words(line: str) -> int:
    """Words of a line: counted by its spaces, as page lines come with single spaces."""
    text = line.strip()
    return text.count(" ") + 1 if text else 0


def ends_sentence(line: str) -> bool:
    """Whether ``line`` ends a sentence: a stop (. ! ? … or a colon that introduces a quote)
    before any closing quotes or brackets, or a closing quote mark itself."""
    text = line.rstrip()
    if not text:
        return False
    if text[-1] in _CLOSING_QUOTES:
        return True
    core = text.rstrip(_CLOSERS)
    return bool(core) and core[-1] in _STOPS


_FOUR_DIGITS = re.compile(r"\d\d\d\d")  # not \d{4}: a pattern opening with a class scans faster
# The same for a text of ASCII characters, where the only digits are these ten.
_ASCII_FOUR_DIGITS = re.compile(r"[0-9][0-9][0-9][0-9]")
_ASCII_DIGITS = "0123456789"


def holds_four_digits(line: str) -> bool:
    """Whether four digits stand in a row in ``line`` (a year, most often). A line of ASCII
    characters (most) is first asked whether it holds a digit at all: ten quick searches of
    one character each, cheaper than the pattern's scan, and most lines hold none."""
    if not line.isascii():
        return _FOUR_DIGITS.search(line) is not None
    for digit in _ASCII_DIGITS:
        if digit in line:
            return _ASCII_FOUR_DIGITS.search(line) is not None
    return False


def is_prose(line: str) -> bool:
    """A line that reads as article text: a sentence of some length."""
    return words(line) >= PROSE_MIN_WORDS and ends_sentence(line) and _has_lower_words(line)


def is_title_like(line: str) -> bool:
    """A headline's shape: a few words, no sentence stop (a question or exclamation may)."""
    count = words(line)
    if not TITLE_MIN_WORDS <= count <= TITLE_MAX_WORDS:
        return False
    stripped = line.rstrip()
    if stripped.endswith((".", ":", ";", ",")) and not stripped.endswith("..."):
        return False
    if stripped[-1:] == ")" and _CREDITED_STOP.search(stripped):
        return False  # "... the labor issue. (Agency)": a caption's stop, then its credit
    return len(_WORD.findall(line)) >= TITLE_MIN_WORDS


# A sentence's stop, then a short name in brackets that closes the line: a caption's credit.
_CREDITED_STOP = re.compile(r"[.!?][\"”’']?\s*\([^()]{1,40}\)$")


def _has_lower_words(line: str) -> bool:
    """At least two words that start in lower case: running text, not a list of names."""
    found = 0
    for word in line.split(None, _FIRST_WORDS)[:_FIRST_WORDS]:
        if word[0].islower():
            found += 1
            if found == 2:
                return True
    found = 0  # not among the first words: the whole line is read
    for word in line.split():
        if word[0].islower():
            found += 1
            if found == 2:
                return True
    return False
