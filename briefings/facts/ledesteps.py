"""A lede's step: where a lede turns from its news to a step with a subject of its own
("..., and the next round is due in September"), which is weighed as a Next apart from the
lede; and a lede that tells only what is still to come."""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefings.facts.background import FUTURE
from briefings.facts.claims import claims_the_future
from briefings.facts.cues import spaced_words
from briefings.facts.firmsteps import FIRM_EVENT, STRONG_NEXT, firm, may_be_firm, step_words
from briefings.facts.narration import BEFORE_STEP, PAST_VERB, SAYING
from briefings.facts.onestep import DAY, WEEKDAY, names_a_date
from briefings.facts.statements import Statement
from briefings.facts.stepdays import TIME_EXPRESSION, names_a_time
from briefings.reading.scanning import holds_any

# The order given to the step a lede tells after its news ("..., and the next round is due in
# September"): told first, apart from the lede, which stays the first outcome.
LEDE_STEP = -1

_AND_AHEAD = re.compile(
    r" and (?:will|(?:is|are) (?:due|set|scheduled|expected) to|(?:is|are) to)\b"
)
# ", and the next round is due to take place in the coming month": a clause with its own
# subject that looks ahead, after one about the past.
_AND_CLAUSE_AHEAD = re.compile(
    r", and (?:the |a |an )?(?:[\w-]+ ){1,5}?(?:will|(?:is|are) (?:due|set|scheduled|expected) "
    r"to|(?:is|are) to)\b"
)
# A trailing description of the step: ", the first such trip since 2007".
_DESCRIBED_TAIL = re.compile(
    r", (?:the|its|their|his|her) (?:first|second|third|latest|last|only|biggest|largest)\b[^,]*$"
)
# A trailing clause of what came before the step: ", following up on the talks that ended
# last week without a deal", ", after a round in Geneva last month".
_EARLIER_TAIL = re.compile(r", (?:following|after)\b[^;]*$")


# Where a lede turns from its news to a step with its own subject: ", and the next round is
# due to ...", "..., saying that the next round will ...".
_STEP_AFTER_NEWS = re.compile(
    r"(?:,? and|;|, (?:saying|adding)(?: that)?) (?=(?:the|a|an|its|their|both|[A-Z][\w-]*) "
    r"(?:[\w'\u2019-]+ ){0,6}?(?:will|(?:is|are) (?:[a-z]+ly )?(?:due|set|scheduled|expected|"
    r"slated|to))\b)"
)


_TURNS = (" and ", "; ", ", saying", ", adding")
_AHEAD_WORDS = (" will ", " is ", " are ", " plan", " intend")
# Where a lede turns from its news to a step that shares its subject: "..., and plan to sign
# the agreement at a ceremony in Aldoria on 16 June".
_BARE_STEP_AFTER_NEWS = re.compile(
    r", and (?=(?:[a-z]+ly )?(?:plans? to|intends? to|will|(?:is|are) (?:due|set|scheduled|"
    r"expected|slated) to)\b)"
)
# A stop a scrape ran on after, its next sentence cut to lower case ("... on 16 June 2017.
# plus on 20 April were ...").
_RUN_ON = re.compile(r"(?:(?<=[a-z]{3})|(?<=\d{4}))\. (?=[a-z])")
# The finite verb of a clause: its subject is the words before it.
_FINITE_VERB = re.compile(rf"{PAST_VERB.pattern}|\b(?:is|are|has|have)\b")
# A time told right after a subject: "Trade ministers on 20 April concluded ...".
_TIME_AFTER_SUBJECT = re.compile(r" (?:on|in|last|this|earlier) [^ ]+(?: \d{1,2})?$")


def _shared_subject(news: str) -> str:
    """The subject of the last clause of ``news`` (a lede's news before ", and plan to
    ..."): the words between the clause's start (the lede's, or a "that") and its finite
    verb ("Negotiating parties" in "... stated that negotiating parties are preparing the
    text"), or "" when it does not look like one (a pronoun, a clause too long)."""
    verbs = list(_FINITE_VERB.finditer(news))
    if not verbs:
        return ""
    verb = verbs[-1]
    start = news.rfind(" that ", 0, verb.start())
    start = start + 6 if start >= 0 else 0
    if len(verbs) > 1:  # "An official said the two sides ended talks": after the saying
        start = max(start, verbs[-2].end())
    subject = _TIME_AFTER_SUBJECT.sub("", news[start : verb.start()].strip())
    words = subject.split()
    if not 1 <= len(words) <= 10 or "," in subject:
        return ""
    if not subject[0].isupper() and words[0] != "the":
        return ""
    if words[0] in ("It", "He", "She", "They", "This", "That", "There"):
        return ""
    return subject[0].upper() + subject[1:]


def lede_step(text: str) -> tuple[str, str] | None:
    """A lede that tells its news and then a step with its own subject and its time ("The
    two sides concluded the first round on Friday, and the next round is scheduled for
    September"): the news ("The two sides concluded the first round on Friday.") and the
    step ("The next round is scheduled for September."); None for any other lede."""
    if not holds_any(text, _AHEAD_WORDS):
        return None  # no step to come in a clause of its own
    if not holds_any(text, _TURNS):
        return None
    turn = _STEP_AFTER_NEWS.search(text)
    subject = ""  # the subject a step with none of its own shares with the news
    if turn is None:
        turn = _BARE_STEP_AFTER_NEWS.search(text)
        if turn is None:
            return None
        subject = _shared_subject(text[: turn.start()])
        if not subject:
            return None
    past = [m.group() for m in PAST_VERB.finditer(text, 0, turn.start())]
    if not past:
        return None
    if past[-1] in SAYING and not turn.group().startswith((",", ";")):
        return None  # "An official said the US and China will resume talks": one clause
    step = f"{subject} {text[turn.end() :]}" if subject else text[turn.end() :]
    if ". " in step:  # "... on 16 June 2017. plus on 20 April were ...": the step ends there
        step = _RUN_ON.split(step, 1)[0].rstrip(".") + "."
    if len(step.split()) < 5 or not (names_a_date(step) or names_a_time(step)):
        return None
    news = text[: turn.start()].rstrip(",;")
    return f"{news}.", step[0].upper() + step[1:]


def lede_told_apart(found: list[Statement], steps: Sequence[Statement]) -> list[Statement]:
    """``found`` with its lede cut to its news when ``steps`` (see ``next_steps``) tell the
    step after it apart."""
    if not found or not steps or steps[0].order != LEDE_STEP:
        return found
    split = lede_step(found[0].raw)
    if split is None:
        return found
    return [found[0]._replace(raw=split[0]), *found[1:]]


def coming_lede(text: str) -> bool:
    """A lede that tells only what is to come, and when ("On Thursday, MEPs will adopt
    ...", "The delegation will take part in talks on 17 and 18 May"): a preview's news is its
    next step. Nothing before its "will" is in the past."""
    # "will", or a firm step: "plan to hold talks on Thursday", "are due to meet"
    said = step_words(spaced_words(text)) if text.isascii() else None
    future = FUTURE.search(text) if "will" in text or "shall" in text else None
    if future is None and may_be_firm(text, said):
        future = STRONG_NEXT.search(text)
    if future is None or future.group().startswith("yet"):
        return False
    # "X said on Saturday that talks will resume on Sunday": who said it is no past event
    skip = BEFORE_STEP if firm(text, said) else frozenset()
    if any(m.group() not in skip for m in PAST_VERB.finditer(text, 0, future.start())):
        return False
    day = names_a_date(text)
    if not day and not TIME_EXPRESSION.search(text) and not _event_named(text, future):
        return False  # a lede of what is to come with no time tells an event by its name
    return not claims_the_future(text, dated=day)


def _event_named(text: str, future: re.Match[str]) -> bool:
    """Whether a lede with no time tells an event to come, firm and named ("X will meet Y in
    Washington, the government said"): it is still to come, so its label is no Outcome."""
    return (
        future.group() in ("will", "shall") and FIRM_EVENT.match(text, future.start()) is not None
    )


def coming_clause(text: str) -> str:
    """The clause of ``text`` that tells what is to come, when one is joined to a clause
    about the past ("... and will lapse on 30 April 2021") and names its own day; else all
    of ``text``."""
    joined = _AND_AHEAD.search(text)
    if joined is None or (
        DAY.search(text, joined.end()) is None and WEEKDAY.search(text, joined.end()) is None
    ):
        clause = _AND_CLAUSE_AHEAD.search(text)
        if clause is not None and TIME_EXPRESSION.search(text, clause.end()) is not None:
            return text[clause.start() + 6 :]
        return _EARLIER_TAIL.sub("", _DESCRIBED_TAIL.sub("", text))
    return text[joined.start() + 5 :]
