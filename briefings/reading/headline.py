"""A headline from the lede when the source has no title."""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefings.reading.dateline import split_dateline
from briefings.reading.officialdom import without_opening_label
from briefings.reading.sentences import sentences

# Trailing attribution of a lede: ", according to Japan's top negotiator ...", ", police said".
TRAILING_ATTRIBUTION = re.compile(
    r",\s*(?:according to [^,]+?|(?:[\w.'’-]+\s+){1,6}(?:said|says|reported|announced))\s*([.!?]?)$"
)
# Words that every TRAILING_ATTRIBUTION match holds: most sentences have none of them.
_ATTRIBUTION_WORDS = ("according to", "said", "says", "reported", "announced")
_BREAKS = re.compile(r",\s|\s(?:on|in|at|after|over|amid|as|with|while|because)\s")
MAX_WORDS = 16
# What a speaker says before the news: a greeting, thanks, or a spoken opener with its comma
# ("Good afternoon.", "Thank you all for coming.", "Okay, got a couple of things first.").
SPOKEN_OPENING = re.compile(
    r"^(?:good (?:morning|afternoon|evening|day)\b|(?:hello|hi|hey|greetings|welcome|"
    r"thank you|thanks(?! to\b))\b|(?:okay|ok|alright|all right|well|so|um+|uh+|yes|yeah|"
    r"great|right|sure|now|morning|afternoon|evening)\s*(?:[,.!…—-]|$))",
    re.IGNORECASE,
)
_LEDE_REACH = 4  # paragraphs where the first informative sentence is looked for


def lede_sentence(paragraph: str) -> str:
    """The first sentence of ``paragraph`` without dateline or trailing attribution."""
    place, body = split_dateline(paragraph.strip())
    if place and body[:1].islower():
        body = body[:1].upper() + body[1:]  # "Lindau – the talks ...": the lede's first word
    body = without_opening_label(body)
    first = sentences(body)[0] if body else ""
    return drop_trailing_attribution(first.strip())


def drop_trailing_attribution(sentence: str) -> str:
    """``sentence`` without its trailing attribution (", police said.")."""
    if "," not in sentence or not any(word in sentence for word in _ATTRIBUTION_WORDS):
        return sentence  # the cheap test first: the pattern cannot match
    return TRAILING_ATTRIBUTION.sub(r"\1", sentence)


def is_spoken_opening(sentence: str) -> bool:
    """A greeting, thanks or a spoken opener ("Good afternoon", "Okay, ..."): never a
    headline."""
    return SPOKEN_OPENING.match(sentence.lstrip("“\"‘'")) is not None


def headline_from_paragraphs(paragraphs: Sequence[str]) -> str:
    """A short headline from the first informative sentence of the body: a transcript's
    greeting or spoken opener is passed over. Empty when there is no body."""
    for paragraph in paragraphs[:_LEDE_REACH]:
        place, body = split_dateline(paragraph.strip())
        if place and body[:1].islower():
            body = body[:1].upper() + body[1:]
        for sentence in sentences(without_opening_label(body)):
            if sentence.strip() and not is_spoken_opening(sentence):
                return headline_from_lede(sentence)
    return headline_from_lede(paragraphs[0]) if paragraphs else ""


def headline_from_lede(paragraph: str) -> str:
    """A short headline: the lede's first clause, cut at a phrase boundary."""
    sentence = lede_sentence(paragraph).rstrip(".!? ")
    if len(sentence.split()) <= MAX_WORDS:
        return sentence
    cut = sentence
    for match in _BREAKS.finditer(sentence):
        count = len(sentence[: match.start()].split())
        if count > MAX_WORDS:
            break
        if count >= 8:
            cut = sentence[: match.start()]  # the longest clause that still fits
    words = cut.split()
    return " ".join(words[:MAX_WORDS]) + ("…" if len(words) > MAX_WORDS else "")
