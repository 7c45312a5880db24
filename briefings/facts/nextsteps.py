"""Next steps: what is still to come (scheduled, planned, expected, a deadline), with its
time; never a past event, never background, never a claim about the future with no time."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from briefings.facts.asides import (
    ahead_only_aside_of,
    asks_whether,
    being_arranged,
    days_before_step,
    detail_of_a_step,
    hoped_for,
    negated_step,
    own_clause,
    present_schedule,
    told_in_an_earlier_month,
    wishes_or_believes,
    without_durations,
)
from briefings.facts.background import looks_back
from briefings.facts.claims import claims_the_future
from briefings.facts.cues import (
    NEXT_CUE,
    NEXT_OR_HOPE_WHOLE_WORDS,
    PAST_CUE,
    scan_next_or_hope,
    spaced_words,
    speculates,
)
from briefings.facts.firmsteps import (
    firm,
    has_is_to,
    may_be_firm,
    may_name_a_day,
    next_cue,
    other_digit,
    step_words,
)
from briefings.facts.ledesteps import LEDE_STEP, coming_clause, coming_lede, lede_step
from briefings.facts.narration import (
    PLAN_WORDS,
    narrated,
    past_before_future,
    planned_then,
    reported_plan,
)
from briefings.facts.oneevent import how_one_event, told_by_the_news
from briefings.facts.onestep import (
    names_a_date,
    names_a_step_day,
    one_per_step,
    same_event,
)
from briefings.facts.statements import MAX_WORDS, Statement, shortened
from briefings.facts.stepdays import (
    first_time,
    mentions_future_date,
    mentions_past_date,
    names_a_time,
    times,
    weekday_to_come,
)
from briefings.reading.pagebody import AGENDA_LINE
from briefings.reading.scanning import WordPattern, holds_any

MAX_NEXT = 2
# The score of a firm step with its date (see ``next_steps``): a third such step is kept too.
_FIRM_DATED = 4.5
MIN_NEXT_WORDS = 8
MIN_STEP_WORDS = 4  # "A fifth round is due in Lindau.": a firm step (see ``firm``) may be short

# What came before a step, with the step as the subject: "The upcoming talks follow India's
# return from the last round on July 4", "The visit comes after ...".
_FOLLOWS = re.compile(
    r"(?:The|This|These|That) (?:(?:upcoming|forthcoming|planned|proposed|latest|new) )?"
    r"[\w-]+ (?:follows?|comes after)\b"
)
# A schedule told without a verb: "Round 7 on Aug. 17-21 in Lindau, round 8 on Sept. 7-11".
_NUMBERED_ROUND = re.compile(
    r"(?:The )?(?:[Rr]ound|[Ss]ession|[Mm]eeting) (?:\d{1,2}|[IVX]{1,4}) (?:on|from|in) "
)
# What was agreed, when it is no meeting still to come ("agreed to reconvene quarterly").
_AGREED_TO = re.compile(
    r"\b(?:agreed|decided|plans?) to (?!(?:meet|reconvene|convene|resume|hold|continue|visit|"
    r"travel|a future|further)\b)"
)
# A closing attribution: ", the White House said late yesterday." (when it was said).
_SAID_TAIL = re.compile(
    r", (?:[\w.'’-]+ ){1,6}(?:said|says|told|added|announced|confirmed)(?: [\w-]+){0,3}\.?$"
)
# A clause of what came before the step, with its own day: "... into law after the House
# passed it on 21 June and the Senate on 18 July" (its days are no time of the step).
_AFTER_PAST = re.compile(
    r" (?:after|since) (?:the |a |an |its |their )?(?:[\w.'-]+ ){1,5}?"
    r"(?:[a-z]{3,}ed|met|held|won|began|took|left|made|gave)\b[^,;]*"
)
# A link to another story left in the text: "Also Read | ...", "Related: ...".
_LINK_LABEL = re.compile(
    r"(?:[Aa]lso [Rr]ead|ALSO READ|[Rr]ead [Mm]ore|READ MORE|Related|RELATED|[Ss]ee [Aa]lso)"
    r"\s*[:|>\u00bb-]"
)
_RECENT_PAST = re.compile(r"^(?:Last|Earlier|Previously|Yesterday)\b|\b(?:last night|yesterday)\b")
_DIGIT = WordPattern(r"\d")
# A short sentence that opens with a pointer ("It will be held in May.") says too little alone.
_POINTER = re.compile(r"(?:It|They|This|These|That|Those|He|She)\b")
# What a short step needs to say: a place or a name, a number, or how often.
_WHERE_OR_WHEN = re.compile(
    r"\b(?:[A-Z\d]|(?:quarterly|annually|monthly|weekly|yearly|regularly|soon|to(?:morrow|day))\b)"
)
# Words that name no time: a hope ("as soon as possible"), "in the future", "in due course".
_NO_TIME = re.compile(
    r"\b(?:as soon as (?:possible|practicable|feasible)|at the earliest opportunity|"
    r"in (?:the (?:near |distant )?future|due course)|eventually|at some (?:point|stage)|"
    r"at a later (?:date|stage)|one day|some ?day|sooner or later)\b"
)
# A step that waits on a condition ("Once the bill passes, the agency will ..."): it names
# no day of its own.
_CONDITION = re.compile(r"^(?:Once|If|Unless|Should|Provided|When|Until)\b")
# A state that goes on ("Talks are continuing"), not a step to come.
_ONGOING = re.compile(
    r"\b(?:is|are|remains?) (?:still )?(?:continuing|ongoing|under ?way|in progress|"
    r"going on)\b"
)
# A guess as the sentence's own verb: "It is possible that the firm will postpone ...", "It
# is unlikely that the visit will bring a deal".
_HEDGED = re.compile(
    r"(?:[^,;]{1,80}, )?[Ii]t (?:is|was|seems|seemed|appears|looks|remains) "
    r"(?:(?:also|still|quite|highly|very|more|most|not|now|increasingly) ){0,2}"
    r"(?:possible|impossible|likely|unlikely|probable|improbable|doubtful|conceivable|"
    r"uncertain|unclear|not clear|not certain)\b"
)
# A belief that governs the step: "said he thinks the deal will be signed by June".
_BELIEVED_STEP = re.compile(
    r"\b(?:thinks?|thought|believes?|believed|doubts?|doubted|reckons?|reckoned)"
    r"(?! tanks?\b) (?:that )?[^,;:.]{0,80}?\b(?:will|would|could|shall|is going to|"
    r"are going to)\b"
)
_BELIEF_STEMS = ("think", "thought", "believ", "doubt", "reckon")
# An extension agreed: "agreed to extend negotiations past the May 20 expiration", "agreed to
# another 24-hour extension": what was agreed, with the day it runs to, not a step to come.
_EXTENSION_AGREED = re.compile(
    r"\b(?:agreed|decided|voted|moved) (?:on |to )?(?:extend|prolong|(?:a|an|another|the) "
    r"(?:[\w-]+ ){0,3}?extension)\b"
)
_FUTURE = re.compile(r"\b(?:will|shall|(?:is|are) (?:due|set|scheduled|slated|expected) to)\b")
# An event called off or put back: "The council is delaying the June 20 runoff", "The visit,
# which was cancelled, was due on Monday".
_CALLED_OFF = re.compile(
    r"\b(?:cancel(?:l?ed|l?ing|s)?|call(?:ed|ing|s)? off|postpon(?:ed|es|ing|e)|"
    r"delay(?:ed|ing)|scrap(?:ped|ping|s)?|put off|pushed back|shelved)\b"
)
_CALLED_OFF_STEMS = ("ancel", "alled off", "alling off", "alls off", "ostpon", "delayed",
                     "delaying", "scrap", "put off", "pushed back", "shelved")  # fmt: skip
# What a step called off may still be given: a new time right after ("postponed until 20
# June"), or a step of its own ("Talks, postponed last week, will resume on Monday").
_NEW_TIME = re.compile(
    r"(?: [\w-]+){0,3}? (?:to|until|till) (?:the )?(?:next|later|early|mid|late|end|"
    r"start|[A-Z\d])"
)
_OWN_STEP = re.compile(
    r"(?<!that )(?<!which )(?<!who )\b(?:will|shall|(?:is|are) (?:now )?(?:to|set|scheduled|"
    r"due|expected|slated)|(?:was|were|has been|have been) (?:re)?scheduled (?:for|to))\b"
)


def next_steps(
    found: Sequence[Statement], today: date | None, quoted: bool = False
) -> list[Statement]:
    """The steps still to come ``found`` tells, best first, in the article's order; for
    ``quoted`` sentences (a quote's own words), only a firm step with its time."""
    return steps_and_echoes(found, today, quoted)[0]


def steps_and_echoes(
    found: Sequence[Statement], today: date | None, quoted: bool = False
) -> tuple[list[Statement], set[int]]:
    """The steps of ``next_steps``, and the orders of the sentences that tell one of them
    again in other words (see ``_one_per_event``): neither is an outcome."""
    scored: list[tuple[float, Statement]] = []
    agenda: list[Statement] = []
    # The lede is the first outcome, not a next step, unless all it says is still to come.
    # A lede that tells its news and then a step apart ("..., saying that the next round will
    # convene in September") is its news: the step is weighed on its own (see ``lede_step``).
    lede = (
        found[0].order
        if found
        and not quoted
        and (lede_step(found[0].raw) is not None or not coming_lede(found[0].raw))
        else -1
    )
    previous = ""  # the statement before: a step it tells may be detailed in the next one
    for statement in found:
        text, before = statement.raw, previous
        previous = text
        if statement.order == lede:
            step = lede_step(text)
            if step is None:
                continue
            statement = statement._replace(order=LEDE_STEP, raw=step[1])
            text = step[1]
        colon = text.find(":", 1, 34) > 0  # a label, or an item of a schedule
        # The step words of the text (see ``step_words``), read once for the cheap tests of
        # what it may hold.
        said = step_words(spaced_words(text))
        labelled = text.find("|", 1, 20) > 0 or (colon and text.find(":", 1, 20) > 0)
        if labelled and _LINK_LABEL.match(text):
            continue  # "Also Read | ...": a link to another story, not this one's step
        if colon and AGENDA_LINE.match(text):
            # "Vote: Wednesday, 13 February": an item of a schedule
            if not mentions_past_date(text, today):
                agenda.append(statement)
            continue
        if not said and not other_digit(text):
            continue  # none of the words a cue, a hope or a step told otherwise needs
        # The cheap cue tests first: most sentences have no cue and are never counted or dated.
        if NEXT_OR_HOPE_WHOLE_WORDS.isdisjoint(said) and not has_is_to(said):
            cue = hope = False  # none of the words of either
        else:
            cue, hope = scan_next_or_hope(text)
        present = False  # "The talks resume in Lindau on Monday": a step told in the present
        arranged = False  # "Arrangements are under way for a meeting on Monday"
        relative = False  # "..., a day before his representatives travel to Geneva"
        listed = False  # "Round 7 on Aug. 17-21 in Lindau": a schedule told without a verb
        if not cue and (not hope or PAST_CUE.search(text)):
            if may_name_a_day(said, text) and present_schedule(text):
                cue = present = True
            elif being_arranged(text):
                cue = arranged = True
            elif days_before_step(text):
                cue = relative = True
            elif may_be_firm(text, said) and names_a_date(text) and firm(text, said):
                cue = True  # "Ministers have agreed to hold the sixth round from 23-28 May"
            elif text[0] in "RSMT" and _NUMBERED_ROUND.match(text) and names_a_date(text):
                cue = listed = True  # "Round 7 on Aug. 17-21 in Lindau, round 8 on ..."
            else:
                continue  # neither a cue nor a hope ("aims to ... on May 3")
        if text.endswith(":"):
            continue  # a list's lead-in ("... will attain the following by 2025:")
        words = statement.words
        if words < MIN_NEXT_WORDS and not (
            words >= MIN_STEP_WORDS
            and firm(text, said)
            and not _POINTER.match(text)
            and _WHERE_OR_WHEN.search(text, 1) is not None
            and not speculates(text)
        ):
            continue  # "The exact dates are yet to be confirmed." says too little alone
        if words > MAX_WORDS:
            if (short := shortened(statement, MAX_WORDS, MIN_NEXT_WORDS)) is None:
                continue
            statement, text = short, short.raw
            said = step_words(spaced_words(text))
            if not next_cue(text) and not present_schedule(text):
                continue  # the cut left only an opening phrase: "At a press conference ..."
        future_date = _DIGIT.search(text) is not None and mentions_future_date(text, today)
        if not cue and not future_date:
            continue
        if present and not future_date and not weekday_to_come(text, today):
            continue  # "Today the minister travels to Lindau on 3 March": the report's own day
        # "The dates are yet to be confirmed" says what is not fixed: it needs its own time.
        # A firm word in an aside (", set to take place in Egypt") makes no step firm.
        own = own_clause(text)
        if listed and today is not None and not future_date:
            continue  # a round on a day the report has seen
        strong = arranged or present or listed or firm(own, said if own == text else None)
        # When it was said (", Trump announced Friday.") is no time of the step.
        told = _SAID_TAIL.sub("", text)
        if " after " in told or " since " in told:  # "... after the House passed it on 21 June"
            told = _AFTER_PAST.sub("", told)
        timed = relative or names_a_time(told)
        # The test that leaves out most sentences here, made before the others.
        if not strong and not timed:
            continue  # a claim about the future with no time: not a next step
        if not strong and speculates(text):
            continue
        if ahead_only_aside_of(text, own) or (not strong and wishes_or_believes(text)):
            continue  # "the levy, which is set to expire ...", "wants members to approve ..."
        if asks_whether(text) or told_in_an_earlier_month(text, today):
            continue  # "unclear whether talks will resume", "said in May they would meet"
        if _guessed_or_believed(text) or _called_off(text):
            continue  # "It is possible that ...", "thinks it will ...", "was cancelled"
        if "xten" in text and _EXTENSION_AGREED.search(text) is not None:
            continue  # "agreed to extend the talks through 30 June": what was agreed
        if hoped_for(text) or negated_step(text):
            continue  # "hopes that the treaty will be signed", "will not be resolved by ..."
        if (
            detail_of_a_step(text)
            and not names_a_step_day(text)
            and not times(without_durations(text))
        ):
            continue  # "The discussion will be conducted by video link": how, not when
        # "... has been applied since January and will lapse on 30 April": the clause that
        # looks ahead is judged on its own.
        ahead = coming_clause(text)
        if looks_back(ahead, today, next_step=True) or mentions_past_date(text, today):
            continue
        day = future_date or names_a_date(told)
        if quoted and not (strong and (day or times(told)) and not wishes_or_believes(text)):
            continue  # a quote tells a step only when it is firm and timed
        if not day and _no_time(text, timed, strong):
            continue  # "as soon as possible", "once ratified", "talks are continuing"
        if not timed and not day:
            if not _WHERE_OR_WHEN.search(_SAID_TAIL.sub("", ahead), 1):
                continue  # "each country will begin procedures": no time, no place, no name
            if NEXT_CUE.search(before):
                continue  # "X will lead the delegation" after the step: a detail of it
        if not timed and not day and _AGREED_TO.search(text):
            continue  # "agreed to launch negotiations": the outcome, unless it is a meeting
        if ("follow" in text or "comes after" in text) and _FOLLOWS.match(text):
            continue  # "The upcoming talks follow India's return from the last round": before
        if holds_any(text, PLAN_WORDS) and planned_then(text):
            continue  # "The parties initially planned to sign it this month": a past plan
        if claims_the_future(ahead, dated=day):
            continue  # what a deal will do, a stance, a condition: no event to come
        if (
            _RECENT_PAST.search(_SAID_TAIL.sub("", ahead))
            or past_before_future(ahead, strong)
            or narrated(ahead, strong)
        ) and not (future_date and reported_plan(ahead)):
            continue  # a past event; a plan said in the past tense with a day to come is a step
        score = 1.0 + (2.0 if strong else 0.0)
        # A date, else a weekday still to come ("on Thursday"): a step with its day.
        score += 1.5 if day else 1.0 if names_a_step_day(told) else 0.0
        score += 1.0 / (1 + 0.1 * statement.order)
        scored.append((score, statement))
    if agenda:  # a schedule is one step: "Debate: Tuesday, 12 February; Vote: Wednesday, ..."
        schedule = agenda[0]._replace(raw="; ".join(s.raw.rstrip(".") for s in agenda))
        scored.append((1.5 + 1.0 / (1 + 0.1 * schedule.order), schedule))
    echoes: set[int] = set()
    if lede >= 0 and scored:  # a step the lede already tells, with no time of its own more
        steps = [s for _, s in scored if s.order != LEDE_STEP]
        retold = told_by_the_news(found[0].raw, [s.raw for s in steps])
        repeats = {steps[index].order for index in retold}
        scored = [(score, s) for score, s in scored if s.order not in repeats]
        echoes |= repeats
    first = found[0].order if found else -1
    ranked = _one_per_event(sorted(scored, key=lambda s: (-s[0], s[1].order)), echoes, first)
    # A third step only when it is as firm and dated as a step can be: "will meet on 12 June".
    best = ranked[:MAX_NEXT] + [s for s in ranked[MAX_NEXT : MAX_NEXT + 1] if s[0] >= _FIRM_DATED]
    return one_per_step([s for _, s in sorted(best, key=lambda s: s[1].order)]), echoes


def _one_per_event(
    ranked: list[tuple[float, Statement]], echoes: set[int], first: int = -1
) -> list[tuple[float, Statement]]:
    """``ranked`` with each event told once (see ``same_event`` and ``one_event``): of two
    sentences of one event, the one that names its day ("will meet Zelensky on Thursday"
    over "will meet Zelensky next week"), else the better ranked, in the better one's place.
    The orders of the sentences left out are added to ``echoes``: those that name the
    step's time, and a lede (order ``first``) that tells only the step."""
    if len(ranked) < 2:
        return ranked
    kept: list[tuple[float, Statement]] = []
    for candidate in ranked:
        text = candidate[1].raw
        same, how = -1, ""
        if AGENDA_LINE.match(text):  # a schedule's items: dated by ``one_per_step``
            kept.append(candidate)
            continue
        for k, (_, step) in enumerate(kept):
            if AGENDA_LINE.match(step.raw):
                continue
            how = "verb" if same_event(step.raw, text) else how_one_event(step.raw, text)
            if how:
                same = k
                break
        if same < 0:
            kept.append(candidate)
            continue
        left = candidate[1]
        if names_a_step_day(text) and not names_a_step_day(kept[same][1].raw):
            left = kept[same][1]
            kept[same] = (kept[same][0], candidate[1])
        if how != "loose" or left.order == first:  # one with no time of it may say more
            echoes.add(left.order)
    return kept


def _no_time(text: str, timed: bool, strong: bool) -> bool:
    """Whether a step with no day of its own names no time either: a hope ("as soon as
    possible", "in due course"), a condition ("Once X, Y will ...") with nothing firmer than
    "soon", or a state that goes on ("Talks are continuing")."""
    if _NO_TIME.search(text) and not timed:
        return True
    if _CONDITION.match(text) and (not timed or _VAGUE_TIME.fullmatch(first_time(text))):
        return True
    return _ONGOING.search(text) is not None and not strong


_VAGUE_TIME = re.compile(r"[Ss]oon|[Ss]hortly")


def _guessed_or_believed(text: str) -> bool:
    """Whether ``text`` tells its step only as a guess ("It is possible that the firm will
    postpone the launch in June") or as what someone believes ("Berg said he thinks the deal
    will be signed by June"), not as a step set to come, however firm its words."""
    if ("It " in text or "it " in text) and _HEDGED.match(text) is not None:
        return True
    if not holds_any(text, _BELIEF_STEMS):
        return False
    belief = _BELIEVED_STEP.search(text)
    if belief is None:
        return False
    # "Xi will deliver a speech on Tuesday, where many believe he will ...": a belief after
    # the step's own verb is told on the side.
    ahead = _FUTURE.search(text)
    return ahead is None or ahead.start() > belief.start()


def _called_off(text: str) -> bool:
    """Whether ``text`` tells its event called off or put back ("The council is delaying the
    June 20 runoff", "The visit, which was cancelled, was due on Monday") and gives it no new
    time ("postponed until 20 June") and no step of its own ("Talks, postponed last week,
    will resume on Monday"; a "which will" describes a thing)."""
    if not holds_any(text, _CALLED_OFF_STEMS):
        return False
    called = _CALLED_OFF.search(text)
    if called is None:
        return False
    if _NEW_TIME.match(text, called.end()) is not None:
        return False
    return _OWN_STEP.search(text) is None
