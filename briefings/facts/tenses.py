"""A past perfect that is not a look back: in a clause about a noun, or in reported speech
that tells the result of the talks (its tense moved back a step)."""

from __future__ import annotations

import re

from briefings.reading.scanning import holds_any

# A clause about a noun with no "that" before its subject: "the goods Beijing had agreed
# to buy", "the terms they had set" (not "as China had agreed", "officials said it had").
_CONTACT_CLAUSE_END = re.compile(
    r"\b(?!(?:and|but|or|as|after|when|because|since|that|which|who|while|before|if|though|"
    r"although|once|until|where|how|what|why|so|said|says|say|told|tells|reports|notes|"
    r"believe|believes|think|thinks|claims|insists|argues|adds|know|knows|the|of|to|in|on|"
    r"for|with|by|from|at|then|also|now|both|von|van|der|den|del|della|des|dos|das|bin|ibn)\b)"
    r"[a-z]{3,}(?<!ed) (?:(?:the )?[A-Z][\w.-]*(?: [A-Z][\w.-]*){0,2}|they|he|she|it|we) $"
)
# Reported speech, its tense moved back a step: "Trump said no deal had been struck",
# "making it clear that no agreement had been finalized": what was said of the news.
_REPORTED_END = re.compile(
    r"\b(?:said|declared|announced|confirmed|stated|conceded|admitted|acknowledged|"
    r"emphasi[sz]ed|stressed|ma(?:de|king) (?:it )?clear|told (?:reporters|journalists))"
    r"(?: that)?(?: [^,.;:\"\u201c\u201d]{0,40}?)? $"
)
# The result reported speech may tell ("had been reached", "had agreed"): what was said of
# the talks; "said the bloc had treated it unfairly" tells what came before.
_RESULT_TOLD = re.compile(
    r"had (?:been )?(?:reached|struck|agreed|finali[sz]ed|made|achieved|concluded|settled|"
    r"resolved|signed)\b"
)

# A time that dates the saying before the report: "Back in October, Trump said the two had
# agreed ...", "said in October that", "said last week that".
_EARLIER_TIME = re.compile(
    r"\b(?:[Bb]ack in|last (?:week|month|year)|earlier|ago|(?:[Ii]n|[Oo]n) (?:January|February|"
    r"March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|"
    r"Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.))"
)


def said_of_the_news(text: str, start: int) -> bool:
    """Whether the past perfect at ``start`` ("had agreed", "had been") belongs to a clause
    about a noun ("the goods Beijing had agreed to buy") or to reported speech of a result
    ("Trump said no deal had been struck"): what the report tells, not what came before."""
    head = text[max(0, start - 60) : start]
    if _CONTACT_CLAUSE_END.search(head) is not None:
        return True
    return (
        _REPORTED_END.search(head) is not None
        and _RESULT_TOLD.match(text, start) is not None
        and _EARLIER_TIME.search(text) is None
    )


# A time told from the sentence before: "a month later", "the next day", "soon after".
_FROM_THE_ONE_BEFORE = re.compile(
    r"\b(?:(?:a|an|one|two|three|four|five|six|several|a few|some) (?:days?|weeks?|months?|"
    r"years?) later|(?:days|weeks|months|years) later|the (?:next|following) (?:day|week|"
    r"month|year)|(?:shortly|soon) after(?:wards)?)\b"
)
_FROM_THE_ONE_BEFORE_WORDS = ("later", "next ", "following ", "after")


def timed_from_the_one_before(text: str) -> bool:
    """Whether ``text`` tells its time from the sentence before it ("Norland retaliated a
    month later."): it is as old as that sentence's news."""
    if not holds_any(text, _FROM_THE_ONE_BEFORE_WORDS):
        return False
    return _FROM_THE_ONE_BEFORE.search(text) is not None


# A sentence that goes on with what its subject did in the sentence before: "Members also
# recognized that ...", "The two sides also signed ...": as old as that sentence's news.
_GOES_ON = re.compile(r"^(?:[\w.’'-]+ ){1,4}?also (?:\w+ )?\w+ed\b")


_SAYINGS = (
    "said", "stated", "noted", "cited", "reported", "quoted", "added", "confirmed", "claimed",
    "explained", "warned", "argued", "stressed", "emphasised", "emphasized",
)  # fmt: skip


def goes_on_from_the_one_before(text: str) -> bool:
    """Whether ``text`` goes on with the sentence before it (see ``_GOES_ON``): "also" after
    its subject, then a verb in the past (not a saying: "also said" tells a new statement)."""
    if " also " not in text:
        return False
    match = _GOES_ON.match(text)
    return match is not None and not match.group().endswith(_SAYINGS)
