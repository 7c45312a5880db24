"""Lines of a listing or a digest inside a page's text: an archive's entry with its month in
brackets, the label over a digest's links, and a headline in capitals that a page closed with
a stop. None of them is a sentence of the article."""

from __future__ import annotations

import re

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)"
)
# A listing's entry: a title without a stop, its month and year in brackets after it, as an
# archive lists its items ("STATEMENT : Talks resume in Oslo [August 2023]").
LISTING_ENTRY = re.compile(rf"\w\s+\[{_MONTH}\s+\d{{4}}\]$")
# A label over links to the sources of a digest's item: "Full story:", "Full stories:",
# "Sources:"; the lines under it without a stop are the links' texts.
LINKS_LABEL = re.compile(
    r"^(?:full (?:story|stories|text|report|article)|sources?|links?)\s*:$", re.IGNORECASE
)
_TITLE_CASE_MIN_WORDS = 6


def is_listing_entry(line: str) -> bool:
    """An archive's entry ("STATEMENT : Talks resume in Oslo [August 2023]")."""
    return line[-1:] == "]" and LISTING_ENTRY.search(line) is not None


def is_links_label(line: str) -> bool:
    """The label over a digest's links ("Full story:", "Sources:")."""
    text = line.strip()
    return text[-1:] == ":" and LINKS_LABEL.match(text) is not None


def is_title_cased(line: str) -> bool:
    """A headline's capitals on every word ("Minister Says Talks Will Resume In May"),
    whatever stop a page glued after it: a sentence of a report has words in lower case, and
    a paragraph in capitals has no word in mixed case."""
    if _opens_in_lower_case(line):
        return False  # most lines: told by one of their first words
    words = line.split()
    if any(word[:1].isalpha() and word[0].islower() for word in words):
        return False  # most lines: told at their first word in lower case
    tokens = [word for word in words if word[:1].isalpha()]
    if len(tokens) < _TITLE_CASE_MIN_WORDS:
        return False
    mixed = sum(1 for token in tokens if any(c.islower() for c in token))
    return mixed * 2 > len(tokens)


_FIRST_WORDS = 6


def _opens_in_lower_case(line: str) -> bool:
    """Whether one of the first words of ``line`` starts with a letter in lower case: the
    test of a whole line's words, on a few of them first (a sentence has one early)."""
    for word in line.split(None, _FIRST_WORDS)[:_FIRST_WORDS]:
        if word[0].isalpha() and word[0].islower():
            return True
    return False
