"""Sentences that open by pointing back to the one before them ("These include ...", "They
reviewed ...", "The move came after ..."): alone in a bullet they mean nothing to a reader,
so they are shown joined to the sentence they point back to, or not at all."""

from __future__ import annotations

import re

from briefings.facts.statements import Statement

# A pronoun or a "this"/"such" that stands for what the sentence before told; "the move",
# "the decision": nouns that only name an event already told. Not a time ("This week",
# "This afternoon") nor "the same"/"the other".
_POINTS_BACK = re.compile(
    r"^(?:It|Its|This|These|They|Their|That|Those|Such|The (?:move|decision|step|announcement))"
    r"(?:\b|(?<=That)(?=[’']s\b))"
    r"(?! (?:same|other|time|week|weekend|month|year|morning|afternoon|evening|days?|spring|"
    r"summer|autumn|fall|winter|January|February|March|April|May|June|July|August|September|"
    r"October|November|December)\b)"
)
# "It" that stands for nothing: "It is expected that ...", "It was agreed to ...", "It took
# seven years to ...".
_DUMMY_IT = re.compile(
    r"^It(?:[’']s| is| was| has been| had been| remains| seems| appears)"
    r" (?!an?\b|the\b)\w+ (?:that|to|whether|for|if)\b|^It (?:took|takes|will take)\b"
)


# "This agreement", "These talks", "Such measures": a noun the headline may name.
_THIS_NOUN = re.compile(r"^(?:This|These|Those|Such) (\w{4,5})")


# A short sentence that tells nothing but that what the sentence before told was said, or how
# long it lasted: "Treasury Secretary Scott Bessent announced this on Sunday.", "The talks
# lasted two hours.".
_TOLD_THIS = re.compile(
    r"^(?:[\w.’'-]+ ){1,6}?(?:announced|confirmed|said|disclosed|revealed|reported|stated|"
    r"denied|made) (?:this|it|so|the news|the announcement)(?: (?:on|in|at|late|early|during|"
    r"after|via|through|to|from|last|earlier|later|before|when|shortly)\b[^,;]{0,50})?\.?$"
)
_ONLY_LASTED = re.compile(
    r"^The (?:talks|meeting|call|discussions?|session|negotiations|conversation) (?:lasted|ran)"
    r"(?: for)? (?:about |nearly |more than |some |over |almost )?[\w-]+ (?:and a half )?"
    r"(?:hours?|minutes?)\.?$"
)
SHORT_POINTER = 90  # characters: a longer sentence tells more than that


def tells_only_that(text: str) -> bool:
    """Whether a short sentence tells only that what came before was said, or how long it
    lasted (see ``_TOLD_THIS``, ``_ONLY_LASTED``): it means nothing alone."""
    if len(text) > SHORT_POINTER:
        return False
    if (
        text.startswith("The ")
        and (" lasted " in text or " ran " in text)
        and _ONLY_LASTED.match(text) is not None
    ):
        return True
    if " this" in text or " it" in text or " so" in text or " the n" in text or " the a" in text:
        return _TOLD_THIS.match(text) is not None
    return False


def points_back(text: str, headline_stems: set[str] | frozenset[str] = frozenset()) -> bool:
    """Whether ``text`` opens by pointing back to the sentence before it. "This agreement"
    when the headline names an agreement points back to the headline, which a reader has.
    A short sentence that only tells it was said or how long it lasted does too."""
    if text[:1] not in "ITS":  # every such opening starts with one of these letters
        return tells_only_that(text)
    if _POINTS_BACK.match(text) is None or _DUMMY_IT.match(text) is not None:
        return tells_only_that(text)
    noun = _THIS_NOUN.match(text) if headline_stems else None
    return noun is None or noun.group(1).casefold() not in headline_stems


# A short fragment that only adds to the sentence before it ("And good for Canadian
# families.", "But not yet."): it opens with a joining word and has no verb of its own. A
# sentence after it points back past it, and is shown without it.
_FRAGMENT = re.compile(r"^(?:And|But|Or|Nor|Plus|So|Yet)\b")
_VERB = re.compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|will|would|can|could|should|must|may|might|"
    r"do|does|did|said|says|\w+ed)\b|[’']s\b"
)
FRAGMENT_WORDS = 8


def fragment(text: str) -> bool:
    """Whether ``text`` is a verbless fragment that only adds to the sentence before it."""
    return (
        _FRAGMENT.match(text) is not None
        and len(text.split()) <= FRAGMENT_WORDS
        and _VERB.search(text) is None
    )


def antecedent(statement: Statement, before: Statement, number: int) -> Statement | None:
    """The sentence ``statement`` points back to: ``before``, the one found before it, when
    nothing but a list number (of order ``number``) came between. It is shown before it in
    its bullet when the two are short enough to read as one, else in the bullet before."""
    gap = 2 if number == statement.order - 1 else 1
    if before.order != statement.order - gap or statement.paragraph > before.paragraph + gap:
        return None  # a quote or a heading came between
    return None if before.raw.endswith(":") else before
