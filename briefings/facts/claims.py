"""Claims about the future that are no next step: what a deal will do for someone ("the
agreement will help small firms", "will boost exports"), a stance or a purpose ("will continue
to work closely together", "will seek to build"), or what would happen on a condition ("if
the talks fail, tariffs would rise"). A next step is an event still to come: a meeting, a
vote, a signing, a date on which something takes effect."""

from __future__ import annotations

import re

from briefings.facts.cues import holds_none_of, is_to, spaced_words, speculates

# The future a sentence tells, and the verb it governs (adverbs and "continue to", "help
# to", "seek to", "work to" passed over: the verb after them is what is to happen).
_GOVERNED = re.compile(
    r"\b(?=[ahipsvw])(?:will|shall|would|(?:is|are) (?P<forecast>expected|forecast|projected|"
    r"predicted|"
    r"estimated) to|(?:is|are) (?:set|due|likely|poised|going|about) to|"
    r"(?:aims?|seeks?|hopes?|wants?|intends?|plans?|agreed|agrees?|pledged|promised|vowed|"
    r"(?:is|are) committed) to|(?:is|are) to)"
    r"(?P<skipped>(?:\s+(?:now|also|further|then|soon|eventually|jointly|each|both|still|not|never|"
    r"first|again|significantly|greatly|ultimately|continue to|help to|seek to|work to|"
    r"try to)\b)*)"
    r"\s+(?P<verb>[a-z]+)(?:\s+(?P<after>[a-z]+)(?:\s+(?P<third>[a-z]+))?)?"
)
# What a thing does for someone, or a stance: no event.
_EFFECTS = frozenset((
    "help", "boost", "benefit", "support", "strengthen", "create", "promote", "foster",
    "enhance", "improve", "contribute", "drive", "fuel", "ensure", "enable", "allow", "deepen",
    "bolster", "spur", "unlock", "pave", "work", "deliver", "provide", "bring", "give",
    "generate", "grow", "transform", "safeguard", "protect", "preserve", "reinforce",
    "advance", "expand", "build", "facilitate", "encourage", "attract", "offer", "mean",
    "play", "lead", "result", "cement", "underpin", "stimulate", "accelerate", "diversify",
    "modernize", "modernise", "empower", "save",
    "cooperate", "collaborate", "engage", "strive", "endeavour", "endeavor", "pursue",
    "welcome", "value", "accept", "tolerate", "hesitate", "stand", "fight", "defend",
    "insist", "compromise", "bow", "yield", "succeed", "prevail", "win", "lose", "fail",
))  # fmt: skip
# What talks or a plan will be about ("the talks will focus on excess capacity"): no event,
# unless the sentence names the day it happens.
_CONTENTS = frozenset(("focus", "center", "centre", "concentrate", "revolve", "involve", "include"))
# What a deal's own life holds: events of the deal, not effects of it.
_LIFE_EVENTS = frozenset((
    "enter", "take", "come", "lapse", "expire", "apply", "begin", "start", "end", "run",
    "go", "need", "require", "have", "face", "undergo", "return", "move", "proceed", "cover",
    "replace", "last",
))  # fmt: skip
_MEETING_VERBS = frozenset(("meet", "negotiate", "talk", "discuss", "hold"))
# What a forecast ("is expected to ...") may tell as a step to come: an event someone holds
# or takes part in, or a decision; "is expected to cost farmers billions" is a claim.
_FORECAST_EVENTS = frozenset((
    "meet", "hold", "sign", "vote", "announce", "attend", "visit", "travel", "arrive", "resume",
    "begin", "start", "decide", "rule", "publish", "release", "present", "unveil", "host",
    "convene", "reconvene", "launch", "conclude", "finish", "end", "take", "be", "enter",
    "come", "approve", "adopt", "ratify", "debate", "discuss", "testify", "speak", "deliver",
    "address", "raise", "cut", "lower", "impose", "lift", "issue", "name", "nominate", "submit",
    "table", "hand", "report", "continue", "return", "leave", "join", "complete",
))  # fmt: skip
# "will have a major impact", "will take years": a claim; "will have tabled", "will take
# effect", "will take place": an event.
_HAVE_CLAIM = re.compile(r"(?:a|an|the|no|little|major|significant|big|huge|real|an)$")
_TAKE_CLAIM = re.compile(r"(?:years|months|weeks|decades|time|longer|years?)$")
# "will be held", "will be in Brussels", "will be coming": an event; "will be a boost",
# "will be important", "will be big enough": a claim.
_BE_EVENT = re.compile(
    r"(?:\w+(?:ed|en|ing)|held|led|put|set|made|done|met|paid|sent|cut|shut|built|brought|"
    r"sought|told|run|kept|left|hit|spent|sold|struck|won|drawn|known|found|bound|begun|"
    r"in|at|on|back|there|here|present|up|out)$"
)
_REMAIN_CLAIM = re.compile(r"(?:committed|open|engaged|focused|ready|determined|firm|strong)$")
# The thing a sentence is about, when it is a deal, a policy or a plan: what it "will" do is
# its effect or its terms, unless the verb is an event of its own life ("will enter into
# force", "will be signed", "will lapse").
_DEAL_SUBJECT = re.compile(
    r"^(?:[^,;]{0,60}, )?(?:[Tt]he|[Tt]his|[Tt]hat|[Tt]hese|[Tt]hose|[Ii]ts|[Tt]heir|[Oo]ur|"
    r"[Ss]uch an?|An?)\s+(?:(?!(?:will|would|shall|is|are|was|were|has|have|had)\b)"
    r"[\w’'-]+\s+){0,5}?"
    r"(?:agreements?|deals?|pacts?|accords?|partnership|treaty|treaties|FTAs?|framework|"
    r"arrangements?|amendments?|protocol|initiatives?|programmes?|programs?|plans?|reforms?|"
    r"rules|regulations?|measures?|law|legislation|policy|policies|strategy|investments?|"
    r"funding|project|cooperation|relationship|annex(?:es)?|chapters?|provisions?|bill)\b"
)
# A condition: an opening "If ...," or one after a comma; a bare "if" mid-sentence only
# beside a guess ("tariffs would rise if talks fail"), as "decide if" asks whether.
_CONDITION = re.compile(r"(?:^|[,;] )(?:If|if|Unless|unless)\b")
_CONDITION_ANYWHERE = re.compile(r"\b(?:if|unless)\b")
# A condition mid-sentence with a clause of its own ("if no deal is reached"), not a
# participle ("which would if used suspend ...") nor "whether" ("decide within a month if").
_BARE_CONDITION = re.compile(
    r"\b(?:if|unless) (?!(?:used|needed|necessary|approved|required|possible|any|so|not|"
    r"applicable|appropriate)\b)"
)
_ASKS_IF = re.compile(
    r"\b(?:decid|determin|see|ask|know|assess|check|consider|judg|review|wonder)\w*\b"
    r"[^,.;]{0,30}\bif\b"
)
_SCHEDULED = re.compile(r"\b(?:scheduled|slated|to be held|takes? place|due (?:in|on|for|at))\b")
_PURPOSE = re.compile(
    r"\b(?:aim|goal|objective|purpose|ambition|intention|mission)s? (?:[\w’'-]+ ){0,6}?"
    r"(?:is|are|was|will be) to\b"
)
_LIKELY = re.compile(r"\b(?:un)?likely to\b")


def claims_the_future(text: str, *, dated: bool = False) -> bool:
    """Whether ``text`` claims what will be (an effect, a stance, a purpose) or what would be
    on a condition, rather than telling an event still to come. ``dated``: it names a day,
    which keeps a condition with "will" a next step ("if approved, the rules apply from 1
    May"); a guess on a condition ("if ..., tariffs would rise") never is one."""
    # Each pattern is scanned only when the text holds a word it needs: most hold none.
    if ("s to" in text or "re to" in text or "be to" in text) and _PURPOSE.search(text):
        return True  # "The objective of the new agreement is to increase trade": a purpose
    if "likely to" in text and _LIKELY.search(text):
        return True  # "is not likely to happen again next year": a guess
    if "if" in text or "If" in text or "nless" in text:
        if _CONDITION_ANYWHERE.search(text) and speculates(text):
            return True  # a guess on a condition, not one inside a relative clause
        if _CONDITION.search(text) and not dated:
            return True
        if not dated and _BARE_CONDITION.search(text) and not _ASKS_IF.search(text):
            return True  # "exporters will face higher duties if no deal is reached"
    if _may_be_scheduled(text) and _SCHEDULED.search(text):
        return False  # "is still scheduled for 22 October, and is to involve ...": an event
    if holds_none_of(text, _GOVERNED_WORDS) and not is_to(spaced_words(text)):
        return False  # no future form: nothing claimed
    # The deal a sentence opens with governs its first verb only ("The accord will cut
    # duties, and ministers will meet in May": the second is an event).
    found = False
    for match in _GOVERNED.finditer(text):
        if not _no_event(match, not found and _opens_with_a_deal(text), dated):
            return False  # one event still to come is enough
        found = True
    return found


# A whole word each match of ``_GOVERNED`` holds, but for "is to" and "are to".
_GOVERNED_WORDS = frozenset(
    word.encode()
    for word in (
        "will", "shall", "would", "expected", "forecast", "projected", "predicted", "estimated",
        "set", "due", "likely", "poised", "going", "about", "aim", "aims", "seek", "seeks",
        "hope", "hopes", "want", "wants", "intend", "intends", "plan", "plans", "agreed",
        "agree", "agrees", "pledged", "promised", "vowed", "committed",
    )
)  # fmt: skip


def _opens_with_a_deal(text: str) -> bool:
    """Whether ``text`` opens with a deal, a policy or a plan as its subject (see
    ``_DEAL_SUBJECT``): what it "will" do first is its effect or its terms."""
    deal = _DEAL_SUBJECT.match(text)
    # "The United States and Mexico plan to hold talks": "plan" is the verb, not a deal's name
    return deal is not None and not (
        deal.group().endswith(("plan", "plans")) and text.startswith(" to ", deal.end())
    )


def _may_be_scheduled(text: str) -> bool:
    """Whether ``text`` holds a word ``_SCHEDULED`` needs."""
    return (
        "due " in text
        or "place" in text
        or "scheduled" in text
        or "slated" in text
        or "to be held" in text
    )


def _no_event(match: re.Match[str], of_a_deal: bool, dated: bool = False) -> bool:
    """Whether the verb a future form governs tells no event (see :func:`claims_the_future`);
    ``of_a_deal``: the sentence is about a deal or a policy. A day named (``dated``) makes
    a deal's terms, a forecast or what talks cover a step on that day ("the accord will cut
    duties on 1 July"); an effect or a stance stays a claim."""
    verb, after = match["verb"], match["after"] or ""
    if after.endswith("ly") and match["third"]:
        after = match["third"]  # "will be formally signed": the word after the adverb
    if not dated and match["forecast"] and verb not in _FORECAST_EVENTS:
        return True  # "is expected to cost farmers billions": a forecast of an effect
    if verb == "have" and _HAVE_CLAIM.match(after):
        return True
    if verb == "take" and _TAKE_CLAIM.match(after):
        return True
    if verb == "be":
        return _BE_EVENT.match(after) is None
    if verb == "remain":
        return of_a_deal or _REMAIN_CLAIM.match(after) is not None
    if verb == "lead":
        return after == "to"  # "will lead to higher prices"; "will lead a delegation"
    if verb in _EFFECTS:
        return True
    if dated:
        return False
    if of_a_deal:
        return verb not in _LIFE_EVENTS  # "the deal will remove duties": its terms
    if verb in _CONTENTS:
        return True
    if _AIMING.search(match["skipped"]):
        return True  # "will seek to conclude the talks": an aim, whatever the verb
    # "will continue to press for": a stance; "will continue to meet": an event
    return "continue" in match["skipped"] and verb not in _MEETING_VERBS


_AIMING = re.compile(r"\b(?:seek|try|work) to\b")


# What a thing will do for someone, told as the sentence's own future: "The new agreement
# will support jobs", "we will also strengthen links with ...". Narrower than ``_EFFECTS``:
# "will provide", "will offer", "will expand" may announce a decision of the report. Of a
# deal or a policy, each of ``_BENEFITS`` is a claim; of someone, only words of a benefit
# (``_GAINS``): "Norland will support the bid" tells a decision.
_BENEFITS = frozenset((
    "help", "boost", "benefit", "support", "strengthen", "create", "promote", "foster",
    "enhance", "improve", "contribute", "drive", "fuel", "ensure", "enable", "deepen",
    "bolster", "spur", "unlock", "pave", "generate", "transform", "reinforce", "underpin",
    "stimulate", "accelerate", "cement",
))  # fmt: skip
_GAINS = frozenset((
    "boost", "benefit", "strengthen", "foster", "enhance", "deepen", "bolster", "spur",
    "reinforce", "underpin", "stimulate", "cement", "fuel", "contribute",
))  # fmt: skip
_OWN_FUTURE = re.compile(
    r"\b(?:will|shall)(?:\s+(?:also|further|then|significantly|greatly|ultimately|surely|"
    r"certainly|continue to|help to|undoubtedly))*\s+(?P<verb>[a-z]+)\b"
)
# Words before the future that make it another's: reported speech ("said the deal will
# ..."), a clause that describes a thing (", which will ..."), a condition.
_NOT_OWN = re.compile(
    r"\b(?:said|says|say|saying|told|tells|added|adding|stated|stating|argued|argues|arguing|"
    r"believes?|expects?|hopes?|"
    r"according|which|who|that|if|once|when|unless|how|why|what|whether)\b"
)
# A deal's terms told as what it does ("will benefit Canadians by providing market access",
# "will create new access for dairy"): an outcome.
_TERMS = re.compile(r"\b(?:access|tariffs?|duty|duties|quotas?|exemptions?)\b")


def claims_an_effect(text: str) -> bool:
    """Whether a sentence's own verb claims what a thing will do for someone ("The new
    agreement will support jobs", "We will also strengthen links with ..."), with no figure
    of it and no term of a deal: a claim about the future, not an outcome (an estimate with
    its figure, "will boost exports by 30%", and a term, "will create new access for dairy",
    are)."""
    if "will" not in text and "shall" not in text:
        return False
    match = _OWN_FUTURE.search(text)
    if match is None or match["verb"] not in _BENEFITS:
        return False
    if match["verb"] not in _GAINS and not _opens_with_a_deal(text):
        return False
    return tells_what_will_be(text)


def tells_what_will_be(text: str) -> bool:
    """Whether a sentence's own verb tells what will be ("The ministers will also exchange
    views on ...", "The agenda will include ..."), with no figure and no term of a deal: a
    detail of what is to come, never an outcome."""
    if "will" not in text and "shall" not in text:
        return False
    match = _OWN_FUTURE.search(text)
    if match is None or _NOT_OWN.search(text, 0, match.start()) is not None:
        return False
    return not any(character.isdigit() for character in text) and _TERMS.search(text) is None
