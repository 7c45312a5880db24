"""Cheaper scans of the patterns read over every sentence.

Python's regex engine tries a pattern that opens with ``\\b`` at every position of a text,
and checks each character against Unicode's tables to tell word characters. Two things make
such scans cheaper without changing what they find:

- :class:`WordPattern` compiles a pattern twice, as written and with ``re.ASCII``, and scans
  a text of ASCII characters only (most sentences) with the second, which tells word
  characters by a small table. On such a text both find the same matches, for a pattern with
  no letter outside ASCII (case-insensitive matching differs there). Unicode counts four
  ASCII control characters as space: a pattern with ``\\s`` or ``\\S`` is scanned so only
  in a text with no control character.
- :func:`literal_words` lists the words one of which every match of an alternation holds,
  read from the alternation itself: a sentence that holds none of them is not scanned.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from typing import Any

_META = frozenset("\\()[]{}|?*+.^$")
_QUANTIFIERS = frozenset("?*+{")


class WordPattern:
    """A compiled pattern that scans ASCII texts with its ``re.ASCII`` twin (see above)."""

    __slots__ = ("ascii", "pattern", "spaces", "unicode")

    def __init__(self, pattern: str) -> None:
        if not pattern.isascii():
            raise ValueError("a WordPattern holds ASCII characters only")
        self.pattern = pattern
        self.unicode = re.compile(pattern)
        self.ascii = re.compile(pattern, re.ASCII)
        self.spaces = "\\s" in pattern or "\\S" in pattern

    def _for(self, text: str) -> re.Pattern[str]:
        """The twin that scans ``text``."""
        if text.isascii() and (not self.spaces or text.isprintable()):
            return self.ascii
        return self.unicode

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self._for(text).search(text, pos, endpos)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self._for(text).finditer(text)

    def findall(self, text: str) -> list[Any]:
        """As :meth:`re.Pattern.findall`: strings, or tuples of them for several groups."""
        return self._for(text).findall(text)


def literal_words(alternation: str) -> tuple[str, ...]:
    """The literal text each alternative of ``alternation`` opens with (after any
    lookbehind), less a last letter a quantifier makes optional ("plans? to": "plan"): one
    of them is in every match. Words that hold another of them are left out (it is in them).
    Raises ``ValueError`` for an alternative that opens with no literal text."""
    words = set()
    for alternative in _alternatives(alternation):
        word = _leading_literal(alternative)
        if not word:
            raise ValueError(f"no literal text opens {alternative!r}")
        words.add(word)
    return tuple(sorted(w for w in words if not any(o != w and o in w for o in words)))


def holds_any(text: str, words: tuple[str, ...]) -> bool:
    """Whether ``text`` holds one of ``words`` (see :func:`literal_words`)."""
    for word in words:  # noqa: SIM110 (a plain loop: cheaper per word than any())
        if word in text:
            return True
    return False


def _alternatives(alternation: str) -> list[str]:
    """``alternation`` split at its top-level bars."""
    parts: list[str] = []
    depth = start = k = 0
    while k < len(alternation):
        char = alternation[k]
        if char == "\\":
            k += 1  # an escaped character
        elif char == "[":
            k = _class_end(alternation, k)
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(alternation[start:k])
            start = k + 1
        k += 1
    parts.append(alternation[start:])
    return parts


def _leading_literal(alternative: str) -> str:
    k = 0
    while alternative.startswith(("(?<!", "(?<="), k):  # a lookbehind: no text of the match
        k = _group_end(alternative, k)
    end = k
    while end < len(alternative) and alternative[end] not in _META:
        end += 1
    if end < len(alternative) and alternative[end] in _QUANTIFIERS:
        end -= 1  # the quantifier makes the letter before it optional
    return alternative[k:end]


def _group_end(text: str, k: int) -> int:
    """Where the group that opens at ``k`` ends (the index after its closing bracket)."""
    depth = 0
    while True:
        char = text[k]
        if char == "\\":
            k += 1  # an escaped character
        elif char == "[":
            k = _class_end(text, k)
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return k + 1
        k += 1


def _class_end(text: str, k: int) -> int:
    """Where the class that opens at ``k`` closes (the index of its "]")."""
    k += 2 if text.startswith("[^", k) else 1
    k += text[k] == "]"  # a first "]" is a member
    while text[k] != "]":
        k += 2 if text[k] == "\\" else 1
    return k
