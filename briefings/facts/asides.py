"""What a sentence's own clause says of the future, apart from what it says on the side: a
look-ahead inside a relative clause describes a thing ("the election, which is scheduled for 3
September"), a plan told negated ("does not plan to", "has no plans to") is no step, a wish or
a call on others ("wants member states to approve", "urged the government to") or a belief
("is hopeful of", "expects that") is a stance, and moving a deadline ("pushes the deadline to
mid-August") is what was done; an open question ("unclear whether ... will") and a plan told
in an earlier month ("said in May that they would meet") are no steps either, nor is a hope
that wraps a step ("hopes that the treaty will be signed in December"), a first future told
negated ("will not be resolved by the deadline") or a detail of a step told by its event
("The discussion will be conducted by video link"). A scheduled
event may also be told in the present tense ("The talks resume in Lindau on Monday"). Each
pattern is scanned only when the sentence holds a word it needs: most hold none."""

from __future__ import annotations

import re
from datetime import date

from briefings.facts.cues import holds_none_of
from briefings.reading.dates import MONTHS
from briefings.reading.scanning import holds_any

# A relative clause that looks ahead: ", which is scheduled for 3 September", "that are going
# to be held in Lindau", "which will decide whether ...". It runs to the next comma.
_RELATIVE_AHEAD = re.compile(
    r",? (?:which|that|who) (?:is |are )?(?:currently |still |now |also )?"
    r"(?:will|would|scheduled|set to|due|expected to|slated|planned|going to|to be)\b[^,;]*"
    # the same with its "which is" left out (", set to take place in Egypt"), and a clause
    # of place (", where they will discuss ...")
    r"|, (?:set|scheduled|due|slated|planned) (?:to|for)\b[^,;]*"
    r"|, where (?:[\w'\u2019-]+ ){1,4}?(?:will|would|is to|are to)\b[^,;]*"
)
# The words an aside opens with: a sentence with none is its own clause throughout.
_ASIDE_OPENERS = (
    "which ", "that ", "who ", ", set ", ", scheduled ", ", due ", ", slated ", ", planned ",
    ", where ",
)  # fmt: skip
# The words of what is still to come, in the clause that is left (see ``NEXT_CUE``).
_OWN_AHEAD = re.compile(
    r"\b(?=[adeinpstuwy])(?:will|shall|would|scheduled|expected|plans?|planned|is to|are to|"
    r"set to|due|"
    r"next|upcoming|tomorrow|to be held|slated|deadline|yet to be|agreed to)\b"
)
# The forms of a step's verb, for a clause with a negated plan: one outside the plan is a step.
_FUTURE_FORM = re.compile(
    r"\b(?=[adeipsw])(?:will|shall|scheduled|(?:is|are) to|set to|due to|expected to|plans?|"
    r"planning|"
    r"intends?|agreed to)\b"
)
# A plan told negated: "does not plan to", "has no plans to", "is not expected to".
_NEGATED_PLAN = re.compile(
    r"\b(?:not|no|never) (?:plans?|planning|intend|intends|intending|expected|scheduled|"
    r"set|due|going) to\b"
)
# A wish or a call on others: "wants member states to", "urged the government to", "called
# on Norland to", "is pushing for"; or a goal: "aims to", "hopes to".
_CALL = re.compile(
    r"\b(?=[achpstuw])(?:wants?|wanted|urges?|urged|urging|calls? on|called on|calling on|"
    r"asks?|asked|"
    r"presses|pressed|pressing|pushing for|pushed for|pushes for|"
    # a goal of one's own: "aims to reach a deal as the deadline nears", "hopes to conclude"
    r"(?:aims?|aiming|hopes?|hoping|seeks?|seeking|strives?|striving|trying) to)\b"
)
# A belief about what will be: "is hopeful of", "expects that", "is confident that".
_BELIEF = re.compile(
    r"\b(?=[bceho])(?:hopeful|optimistic|confident|expects? that|expected that|believes? that|"
    r"believed that)\b"
)
# A whole word each match of ``_CALL`` or ``_BELIEF`` holds.
_CALL_OR_BELIEF_WORDS = frozenset(
    word.encode()
    for word in (
        "want", "wants", "wanted", "urge", "urges", "urged", "urging", "call", "calls",
        "called", "calling", "ask", "asks", "asked", "presses", "pressed", "pressing", "pushing",
        "pushed", "pushes", "aim", "aims", "aiming", "hope", "hopes", "hoping", "seek", "seeks",
        "seeking", "strive", "strives", "striving", "trying",
        "hopeful", "optimistic", "confident", "expect", "expects", "expected", "believe",
        "believes", "believed",
    )
)  # fmt: skip
# A deadline moved or set: the act is what was done, not a step to come.
_DEADLINE_MOVED = re.compile(
    r"\b(?:pushes|pushed|push|extends|extended|extend|moves|moved|shifts|shifted|sets|set)"
    r" (?:the |a |its |his |her |their )?(?:new )?deadline\b|\bdeadline (?:shifts|shifted|"
    r"moves|moved|slips|slipped)\b"
)
# An open question: "It remains unclear whether the talks will resume", "questions over when".
_QUESTION = re.compile(r"\b(?:whether|unclear if|uncertain if|not clear if)\b")
# When a plan was told, in an earlier month: "Ministers said in May that they would meet",
# "In May, ministers said ...".
_MONTH = r"(January|February|March|April|May|June|July|August|September|October|November|December)"
_MONTH_WORDS = frozenset(month.encode() for month in _MONTH[1:-1].split("|"))
_SAID_IN_MONTH = re.compile(
    rf"^In {_MONTH},|\b(?:said|says|announced|told|agreed|decided|pledged|promised|stated|"
    rf"confirmed)\b[^.;]{{0,30}}?\bin {_MONTH}\b(?! \d)"
)
# An event told in the present tense with its day: "The talks resume in Lindau on Monday",
# "Parliament rises for the summer recess on 24 July". The day is found first (it opens with a
# literal word, a fast search), then the verb in the words before it.
_PRESENT_DAY = re.compile(
    r" (?:on|from|until) (?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|\d{1,2} [A-Z][a-z]+|"
    r"[A-Z][a-z]{2,8}\.? \d{1,2}\b)"
)
_PRESENT_VERB = re.compile(
    r"\b(?:resumes?|begins?|starts?|opens?|closes?|ends?|expires?|returns?|meets?|"
    r"convenes?|reconvenes?|votes?|rises?|sits?|arrives?|travels?|leaves?|heads?|"
    r"kicks? off|takes? place|gets? under way|"
    # the present progressive of a coming move: "are traveling to Lindau on Thursday"
    r"(?:is|are) (?:travell?ing|heading|flying|leaving|departing|returning|arriving|visiting|"
    r"meeting|hosting))(?: [\w'\u2019-]+){0,6}$"
)

# A step being readied: "Arrangements are under way for a meeting with the minister on
# Monday", "Preparations are being made for a summit in May".
_ARRANGED = re.compile(
    r"\b(?:[Aa]rrangements|[Pp]reparations) (?:are|were) (?:now )?(?:under ?way|being made|"
    r"in place) for (?:a|an|the)\b"
)
# A step told in the present tense after "before" with its distance in days: "a day before
# his representatives travel to Geneva".
_DAYS_BEFORE = re.compile(
    r"\b(?:a|one|two|three|four|five|\d+) (?:days?|weeks?) (?:before|ahead of when) "
    r"(?:[\w'\u2019-]+ ){1,4}?(?:travel|meet|resume|begin|start|open|vote|return|arrive|"
    r"visit|gather|convene|hold|sign|take part|head|fly)s?\b"
)


def own_clause(text: str) -> str:
    """``text`` without the relative clauses that look ahead ("the levy, which is set to
    expire on 30 June, ...")."""
    if not holds_any(text, _ASIDE_OPENERS):
        return text
    return _RELATIVE_AHEAD.sub("", text)


def ahead_only_aside(text: str) -> bool:
    """Whether all ``text`` says of the future lies in a relative clause that describes a thing
    ("Norland is waiting until the election, which is scheduled for 3 September, ..."), or in
    a plan told negated ("Berg does not plan to extend the truce")."""
    return ahead_only_aside_of(text, own_clause(text))


def ahead_only_aside_of(text: str, own: str) -> bool:
    """As :func:`ahead_only_aside`, for a caller that has the :func:`own_clause` ``own`` of
    ``text``."""
    if own != text and _OWN_AHEAD.search(own) is None:
        return True
    if ("not " in own or "no " in own or "never " in own) and _NEGATED_PLAN.search(own):
        spans = [m.span() for m in _NEGATED_PLAN.finditer(own)]
        return all(
            any(start <= m.start() < end for start, end in spans)
            for m in _FUTURE_FORM.finditer(own)
        )
    return False


def wishes_or_believes(text: str) -> bool:
    """Whether ``text`` tells a wish, a goal or a call on others ("wants member states to
    approve ...", "aims to reach a deal", "urged the government to"), a belief ("is hopeful
    of", "expects that") or a moved deadline ("pushes the deadline to mid-August"), not an
    event still to come."""
    if ("deadline" in text) and _DEADLINE_MOVED.search(text):
        return True
    if holds_none_of(text, _CALL_OR_BELIEF_WORDS):
        return False
    if _CALL.search(text) is not None:
        return True
    return _BELIEF.search(text) is not None


def present_schedule(text: str) -> bool:
    """Whether ``text`` tells an event in the present tense with its day ("The talks resume
    in Lindau on Monday")."""
    if " on " not in text and " from " not in text and " until " not in text:
        return False
    for day in _PRESENT_DAY.finditer(text):
        start = day.start()
        if _PRESENT_VERB.search(text, max(0, start - 70), start):
            return True
    return False


def being_arranged(text: str) -> bool:
    """Whether ``text`` tells a step being readied ("Arrangements are under way for a
    meeting ... on Monday")."""
    if "rrangements " not in text and "reparations " not in text:
        return False
    return _ARRANGED.search(text) is not None


def days_before_step(text: str) -> bool:
    """Whether ``text`` tells a step in the present tense a few days after its own event
    ("..., a day before his representatives travel to Geneva")."""
    if " before " not in text and " ahead of " not in text:
        return False
    if " day" not in text and " week" not in text:
        return False  # "a day before", "two weeks ahead of when": no distance in days
    return _DAYS_BEFORE.search(text) is not None


def asks_whether(text: str) -> bool:
    """Whether what ``text`` tells of the future lies in an open question ("It remains
    unclear whether the talks will resume next week")."""
    if "whether" not in text and " if " not in text:
        return False
    question = _QUESTION.search(text)
    if question is None:
        return False
    return all(m.start() > question.start() for m in _FUTURE_FORM.finditer(text))


def told_in_an_earlier_month(text: str, today: date | None) -> bool:
    """Whether ``text`` tells a plan as said in a month before the report's ("Ministers said
    in May that they would meet again"): what was said then is background."""
    if today is None or "n " not in text or holds_none_of(text, _MONTH_WORDS):
        return False
    said = _SAID_IN_MONTH.search(text)
    if said is None:
        return False
    return MONTHS[(said.group(1) or said.group(2)).lower()] < today.month


# A hope that wraps what follows: "The presidency hopes that the treaty will be signed".
_HOPED = re.compile(r"\b(?:hopes?|hoped|hoping|wish|wishes|wished) that\b")


def hoped_for(text: str) -> bool:
    """Whether what ``text`` tells of the future lies in a hope ("The presidency hopes that
    a deal will be reached in October and that the treaty will be signed in December"): a
    firm word inside a hope makes no step."""
    if " that " not in text:
        return False
    hope = _HOPED.search(text)
    if hope is None:
        return False
    ahead = _FUTURE_FORM.search(text)
    return ahead is None or hope.start() < ahead.start()


_NEGATED_FUTURE = re.compile(r"(?:will|would|shall) not\b")


def negated_step(text: str) -> bool:
    """Whether the first future ``text`` tells is negated and names no time it waits for
    ("The dispute will not be resolved by the 1 March deadline"), unlike "Talks will not
    resume until May", a step in May."""
    if " not " not in text or " until " in text:
        return False
    ahead = _FUTURE_FORM.search(text)
    return ahead is not None and _NEGATED_FUTURE.match(text, ahead.start()) is not None


# A step told by its event, then what it will be like: "The discussion will be conducted by
# video link", "The fresh round of talks will extend over five days", "The most important vote
# will be on the budget". Its happening ("will be held", "will begin") is the step itself.
_EVENT_SUBJECT = re.compile(
    r"(?:The|This|That|These|Those|Its|Their|Such) (?:[\w-]+ ){0,3}?"
    r"(?:discussions?|talks|meetings?|round|votes?|visits?|summit|session|conference|"
    r"negotiations|ceremony|debate|trip|consultations|hearing)"
    r"(?: (?:of|between|with|on|in|at)(?: [\w.'-]+){1,6}?)? (?:will|would|is to|are to) "
    r"(?!(?:be held|take place|begin|start|open|resume|convene|reconvene|go ahead|"
    r"be (?:re)?scheduled|be postponed|be delayed|end|conclude|close)\b)"
)
_EVENT_OPENERS = ("The ", "This ", "That ", "These ", "Those ", "Its ", "Their ", "Such ")
# How long a thing lasts, not when it happens: "for the next six months", "over five days".
_DURATION = re.compile(
    r"\b(?:for|over|during) (?:the |a period of )?(?:(?:next|coming|following) )?"
    r"(?:[\w-]+ )?(?:days|weeks|months|years)\b"
)


# What will happen at a step told before, with the step as its opening phrase: "During this
# round of talks, both sides will discuss ...", "At the meeting, ministers will review ...".
_AT_THE_EVENT = re.compile(
    r"(?:During|At|In the course of|On the sidelines of) (?:the|this|that|these|those|its|"
    r"their|each) (?:[\w-]+ ){0,3}?(?:discussions?|talks|meetings?|rounds?|visits?|summit|"
    r"sessions?|conference|negotiations|ceremony|debate|trip|consultations|hearing)"
    r"(?: of (?:talks|negotiations))?, "
)
_AT_THE_EVENT_OPENERS = ("During ", "At ", "In the course of ", "On the sidelines of ")


def detail_of_a_step(text: str) -> bool:
    """Whether ``text`` tells what a step will be like (its format, length or contents), by
    the event as its subject ("The discussion will be conducted by video link") or as its
    opening phrase ("During this round of talks, both sides will discuss ..."), not a step
    with its time: the step itself is told elsewhere."""
    if text.startswith(_AT_THE_EVENT_OPENERS):
        return _AT_THE_EVENT.match(text) is not None
    if not text.startswith(_EVENT_OPENERS):
        return False
    return _EVENT_SUBJECT.match(text) is not None


# A closing participle clause: what a step brings about (", putting off a shutdown until
# next year"), not when it happens.
_EFFECT_TAIL = re.compile(r", [a-z]{3,}ing\b[^;]*$")


def without_durations(text: str) -> str:
    """``text`` without how long things last ("for the next six months") and a closing
    participle clause (", putting off any shutdown until next year")."""
    if "ing " in text:
        text = _EFFECT_TAIL.sub("", text)
    if " for " not in text and " over " not in text and " during " not in text:
        return text
    return _DURATION.sub("", text)
