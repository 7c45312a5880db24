"""Sentences of a report that are no outcome though they read like one: a standing claim or
a purpose ("The deal aims to cut ...", "Tariffs are meant to protect ...", "The U.S. accuses
China of ..."), what is still to come told as expected or scheduled ("An announcement is
expected this weekend"), a source that gave nothing ("did not offer further details"), and a
step told with "then" after what came before the report."""

from __future__ import annotations

import re

from briefings.facts.stepdays import times
from briefings.reading.scanning import holds_any

# A clause that describes a thing before the verb: its verb is not the sentence's own.
_RELATIVE = re.compile(r"\b(?:which|who|that|whose|where|what)\b|,")
# Reported speech: "Trump said the move was aimed at ...".
_REPORTED_END = re.compile(r"\b(?:said|says|argued|argues|added|insisted)(?: that)? [^,]{0,50}$")

# A purpose or aim told as the sentence's verb: what a thing is for, not what happened.
_PURPOSE = re.compile(
    r"\baims? to\b|\b(?:is|are|was|were) aimed (?:to|at)\b|"
    r"\b(?:is|are) (?:meant|intended|designed) to\b"
)
_PURPOSE_PARTS = (" aim", " meant ", " intended ", " designed ")
# A standing charge told in the present: "The U.S. accuses China of ...".
_STANDING_CHARGE = re.compile(
    r"^(?:[\w.’'-]+ ){1,6}?(?:accuses|accuse|blames|blame|contends|contend|maintains|argue)\b"
)
_CHARGE_PARTS = ("accuse", "blame", "contend", "maintain", "argue ")

# What is still to come, told as the sentence's verb: "An announcement is expected as early
# as this weekend", "The debate is scheduled for the morning" (never "due to the strike": a
# cause).
_TO_COME = re.compile(
    r"\b(?:(?:is|are) (?:now |also )?(?:expected|scheduled|slated|due|set)|(?:was|were) expected)"
    r"(?! to (?:the|a|an|its|their|his|her|this|that|[A-Z]))(?! in (?:\w+ )?part\b)"
    r" (?:to|for|on|in|at|later|as early|next|this|by|within)\b"
)
_TO_COME_PARTS = (" expected ", " scheduled ", " slated ", " due ", " set to ")
# A figure of money or a share: an estimate with its figure ("is expected to cut duties by
# €4bn") tells a term.
_FIGURE = re.compile(
    r"[$€£]\s?\d|\d\s?(?:%|percent\b|per cent\b|thousand\b|billion\b|million\b|bn\b|"
    r"trillion\b)"
)

# A source that gave nothing: "did not offer further details", "gave no details" (not "...,
# but answered yes": what follows the "but" tells something).
_NO_DETAILS = re.compile(
    r"\b(?:did not|didn[’']t|would not|wouldn[’']t|declined to) (?:offer|give|provide|"
    r"disclose|reveal|share) (?:any )?(?:further |more |other )?details?\b|"
    r"\b(?:gave|offered|provided) no (?:further |more |other )?details?\b|"
    r"\bdid not elaborate\b|"
    # A pointer to where a text can be read: "They are available online and in the Library."
    r"^(?:[\w.’'-]+ ){1,5}?(?:is|are|will be) (?:now |also )?available (?:online|on|at|here|"
    r"from|in|after)\b[^,;]{0,60}$|"
    # How a source stays unnamed: "... prompted officials to speak on condition of anonymity."
    r"\b(?:to speak|spoke|speaking|to talk|talked) on (?:the )?condition of anonymity\.?$"
)
_NO_DETAILS_PARTS = ("detail", "elaborate", "anonymity", "available")

# "The Commission then published ...": a step that goes on from the sentence before.
_THEN = re.compile(r"^(?:[\w.’'-]+ ){1,5}?then (?:\w+ )?\w+ed\b")


def _own_verb(text: str, start: int) -> bool:
    """Whether the words at ``start`` belong to the sentence's own clause (or to reported
    speech after its verb of saying), not to a clause that describes a thing."""
    head = text[:start]
    return _RELATIVE.search(head) is None or _REPORTED_END.search(head) is not None


def names_background(text: str) -> bool:
    """Whether a sentence says itself that it tells the background ("The background to the
    vote is ...", "As background, ...", "As a reminder, ...")."""
    return text.startswith(_BACKGROUND_OPENINGS)


_BACKGROUND_OPENINGS = (
    "The background to ",
    "Background: ",
    "As background, ",
    "By way of background",
    "As a reminder, ",
)


def standing_claim(text: str) -> bool:
    """Whether a sentence tells a purpose or a standing charge, not an event: "The deal aims
    to cut tariffs", "The talks are meant to ease tensions", "The U.S. accuses China of ...",
    "Trump said the move was aimed at protecting jobs"."""
    if holds_any(text, _PURPOSE_PARTS):
        match = _PURPOSE.search(text)
        if match is not None and _own_verb(text, match.start()):
            return _FIGURE.search(text) is None  # "We aim to cover 80% of trade": a target
    if holds_any(text, _CHARGE_PARTS):
        charge = _STANDING_CHARGE.match(text)
        if charge is not None and "," not in charge.group():
            return True
    return False


def still_to_come(text: str) -> bool:
    """Whether a sentence tells only what is still to come, as expected or scheduled ("A
    final agreement was expected later in the day"): never an outcome."""
    if not holds_any(text, _TO_COME_PARTS):
        return False
    match = _TO_COME.search(text)
    if match is None or not _own_verb(text, match.start()):
        return False
    return _FIGURE.search(text) is None


# A time of day: "13:30", "11:00–13:00", "3 pm", "10.30 a.m.".
_CLOCK = re.compile(
    r"\b(?:[01]?\d|2[0-3]):[0-5]\d\b|\b\d{1,2}(?:[.:][0-5]\d)? ?(?:[ap]m|[ap]\.m\.)"
)


def scheduled_with_its_time(text: str) -> bool:
    """Whether a sentence tells what is still to come (see ``still_to_come``), in the
    present, with its time: a time of day ("A press statement is scheduled for 13:30.") or a
    day or period to come ("An announcement is expected as early as this weekend"): a step,
    told in Next."""
    if not still_to_come(text):
        return False
    match = _TO_COME.search(text)
    if match is None or not match.group().startswith(("is ", "are ")):
        return False  # "was expected later in the day": a plan told as it was
    if match.group().endswith(("expected to", "set to")):
        return False  # "is expected to cost farmers billions": a forecast, no event
    if _CLOCK.search(text) is not None or _COMING.search(text, match.end()) is not None:
        return True
    return bool(times(text))


# A time to come: "this weekend", "next week", "tomorrow", "on Friday".
_COMING = re.compile(
    r"\b(?:(?:this|next|coming) (?:week(?:end)?|month)|tomorrow|tonight|later today|"
    r"on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b"
)


def no_details(text: str) -> bool:
    """Whether a sentence only tells that a source gave no details (nothing after a "but")."""
    if " but " in text or not holds_any(text, _NO_DETAILS_PARTS):
        return False
    return _NO_DETAILS.search(text) is not None


def told_then(text: str) -> bool:
    """Whether a sentence goes on with "then" after its subject and a past verb ("The
    Commission then published ..."): as old as the sentence before it."""
    return " then " in text and _THEN.match(text) is not None


# A state that stands, told as the sentence's own present verb: "Tensions remain high",
# "Inflation remains elevated", "The commission has yet to publish its findings", "China is
# Canada's second-largest trading partner" (after an opening source: "According to X, ...").
# Not an open point of the news ("Differences remain", "work remains on cars", "The date has
# yet to be set"): what the talks left unsettled.
_STANDING_STATE = re.compile(
    r"^(?:According to [^,]{1,60}, |Currently, |For now, |Still, )?"
    r"(?P<subject>(?:[\w’'.-]+ ){1,6}?)"
    r"(?:(?:remains?|continues? to be) (?:\w+ )?(?:high|elevated|tense|strained|fragile|"
    r"complex|volatile|uncertain|unclear|weak|strong|robust|stable|intact|unchanged|elusive|"
    r"in place|in force|in effect|committed|ready|determined|hopeful|optimistic|confident|"
    r"concerned|cautious)\b|"
    r"ha(?:s|ve) yet to (?!be\b)[a-z]+|"
    r"(?:is|are) (?:the |its |their |[\w.-]+[’']s )(?:(?:second|third|fourth|fifth)[- ])?"
    r"(?:largest|biggest) (?:\w+ )?(?:partners?|suppliers?|buyers?|markets?|"
    r"exporters?|importers?|producers?|sources?|destinations?|investors?)\b)"
)
_STATE_PARTS = ("remain", "continues to be", "continue to be", " yet to ", "largest", "biggest")
# The open points of talks, as a subject: what they left unsettled is their result; and a
# verb of saying before the state.
_OPEN_POINTS = re.compile(
    r"\b(?:issues?|differences?|gaps?|obstacles?|questions?|points?|hurdles?|work|problems?|"
    r"disagreements?|divisions?|matters?|chapters?|areas?|date|details?|terms?|"
    # a state someone tells of ("Ministers agreed that tariffs remain high"): what they said
    r"that|said|says|agreed|noted|warned|believes?|thinks?)\b",
    re.IGNORECASE,
)


def standing_state(text: str) -> bool:
    """Whether a sentence tells only a state that stands (see ``_STANDING_STATE``), with no
    figure: not what happened."""
    if not holds_any(text, _STATE_PARTS):
        return False
    match = _STANDING_STATE.match(text)
    if match is None or "," in match["subject"] or _OPEN_POINTS.search(match["subject"]):
        return False
    return _FIGURE.search(text) is None


# A forecast as the sentence's own verb: "Analysts expect the pact to be approved easily",
# "Observers predict that the vote will fail" (not "expect growth of 2%": a figure).
_FORECAST = re.compile(
    r"^(?:[\w’'.-]+ ){1,4}?(?:expects?|predicts?|anticipates?|forecasts?) (?:that )?"
    r"(?:[\w’'.-]+ ){1,4}?(?:to|will|would)\b"
)
_FORECAST_PARTS = ("expect", "predict", "anticipate", "forecast")


def a_forecast(text: str) -> bool:
    """Whether a sentence only tells what someone expects to happen (see ``_FORECAST``),
    with no figure: a guess, not what happened."""
    if not holds_any(text, _FORECAST_PARTS):
        return False
    match = _FORECAST.match(text)
    return match is not None and "," not in match.group() and _FIGURE.search(text) is None
