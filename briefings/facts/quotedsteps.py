"""Next steps told inside a quote: an official's firm step with its time ("The eleventh round
of talks is due to take place in the coming month," the ministry said) is told as reported
speech ("The ministry said the eleventh round of talks is due ..."); the quote stays a quote."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from briefings.facts.firmsteps import next_cue
from briefings.facts.nextsteps import next_steps
from briefings.facts.statements import Statement
from briefings.model import Quote

# A quote's sentences: a stop, a space, then a capital or an opening mark.
_SENTENCE_END = re.compile(r"(?<=[.!?]) +(?=[A-Z\"\u201c])")
# Who speaks in the first person singular or to the reader: the report cannot say who "I" is.
_FIRST_SINGULAR = re.compile(r"\b(?:I|me|my|mine|you|your|I['\u2019]\w+)\b")
# The first person plural as reported speech tells it.
_PLURAL = {"We": "They", "we": "they", "Our": "Their", "our": "their", "us": "them",
           "ours": "theirs"}  # fmt: skip
_PLURAL_WORD = re.compile(r"\b(?:We|we|Our|our|us|ours)\b")
# Words a reported clause opens with in lower case ("said the next round ..."); any other
# capital (a name, "Norland") stays.
_LOWER_OPENERS = frozenset((
    "The", "A", "An", "They", "Their", "There", "This", "These", "That", "Those", "It", "Its",
    "Next", "Talks", "Negotiations", "Both", "Each", "All", "Ministers", "Leaders",
))  # fmt: skip


def quoted_steps(quotes: Sequence[tuple[str, str]], today: date | None) -> list[str]:
    """Reported-speech bullets for the firm, timed steps the ``quotes`` (its words, its
    speaker) tell, in their order."""
    found: list[tuple[Statement, str]] = []
    for text, speaker in quotes:
        if not speaker or not next_cue(text):
            continue  # most quotes hold no next-step word
        sentences = _SENTENCE_END.split(text.strip())
        whole = len(sentences) == 1 and sentences[0] == text  # its cue is found already
        for sentence in sentences:
            if (whole or next_cue(sentence)) and _FIRST_SINGULAR.search(sentence) is None:
                raw = _PLURAL_WORD.sub(lambda m: _PLURAL[m.group()], sentence.rstrip(",. "))
                found.append((Statement(0, len(found), raw + "."), speaker))
    if not found:
        return []
    steps = next_steps([s for s, _ in found], today, quoted=True)
    return [_reported(step.raw, found[step.order][1]) for step in steps]


def _reported(sentence: str, speaker: str) -> str:
    """``sentence`` as ``speaker`` said it: "The ministry said the next round ..."."""
    first, _, rest = sentence.partition(" ")
    if first in _LOWER_OPENERS:
        return f"{speaker} said {first.lower()} {rest}"
    # A name or another capital it cannot tell from one ("Norland will ..."): said after it.
    if speaker.startswith(("The ", "A ", "An ")):
        speaker = speaker[0].lower() + speaker[1:]
    return f"{sentence.rstrip('.')}, {speaker} said."


def who_said(quote: Quote) -> str:
    """Who said ``quote``, as a reported clause opens ("The ministry", "A senior official",
    "Maria Lindqvist"); empty for a fragment, whose words tell no step alone."""
    speaker = quote.speaker
    if quote.partial or not speaker:
        return ""
    if speaker[0].isupper() and not quote.unnamed:
        return speaker
    article = ("An" if speaker[0] in "aeiouAEIOU" else "A") if quote.unnamed else "The"
    return f"{article} {speaker[0].lower()}{speaker[1:]}"
