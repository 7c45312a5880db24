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
from briefings.facts.background import FUTURE, looks_back
from briefings.facts.claims import claims_the_future
from briefings.facts.cues import (
    DUE_TO,
    NEXT_CUE,
    NEXT_OR_HOPE_WHOLE_WORDS,
    PAST_CUE,
    holds_none_of,
    scan_next_or_hope,
    spaced_words,
    speculates,
)
from briefings.facts.oneevent import how_one_event, told_by_the_news
from briefings.facts.onestep import (
    DAY,
    WEEKDAY,
    names_a_date,
    names_a_step_day,
    one_per_step,
    same_event,
)
from briefings.facts.statements import MAX_WORDS, Statement, shortened
from briefings.facts.stepdays import (
    TIME_EXPRESSION,
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
# The order given to the step a lede tells after its news ("..., and the next round is due in
# September"): told first, apart from the lede, which stays the first outcome.
LEDE_STEP = -1
# The score of a firm step with its date (see ``next_steps``): a third such step is kept too.
_FIRM_DATED = 4.5
MIN_NEXT_WORDS = 8
MIN_STEP_WORDS = 4  # "A fifth round is due in Lindau.": a firm step (see ``_firm``) may be short

_EVENTS = (
    r"meet|hold|travel|visit|return|resume|vote|sign|host|begin|start|reconvene|convene|launch|"
    r"attend|participate|take part|chair|preside|lead(?! to\b)|arrive|depart|gather|head|"
    r"publish|announce|decide|enter into force|take effect|come into force|lapse|expire|"
    r"be held|be published|be led|be conducted|be signed|be announced|be presented|be debated|"
    r"be put to a vote|be voted|debate|continue (?:talks|negotiations)|"
    # what is done to a tariff or a text on its day: "will be imposed on Aug. 1"
    r"be imposed|be lifted|be implemented|be discussed|be ratified|be formali[sz]ed|"
    r"be finali[sz]ed|be unveiled|be tabled"
)
# "will meet", "will travel": an event to come, told firmly.
FIRM_EVENT = re.compile(rf"(?:will|shall) (?:{_EVENTS})\b")
# "due in Lindau", "due on 3 May": a step to come, as "due to meet" is (see ``DUE_TO``).
_WHEN = r"(?:in(?! (?:large |no small |great )?part\b)|at|on|for|next|later|this)\b"
STRONG_NEXT = WordPattern(
    r"\b(?=[adefinpstwy])"  # the letters its phrases start with: most places fail at once
    # and then the words they start with ("will ", "due "): most words that pass the letters
    # fail here, before each phrase is tried
    r"(?=s(?:cheduled|lated|et to)|to be held|due |expected |yet to be |w(?:ill|ould) |is |are |"
    r"plan|agreed to |intend|future |next )"
    rf"(?:scheduled(?! (?:a|an|the|his|her|their|its)\b)|to be held|slated|set to|"
    rf"{DUE_TO}|due {_WHEN}|"
    rf"expected (?:(?:by|on|in|during|at) (?=[A-Z\d]|the [A-Z]|(?:early|mid|late|next|coming|this|"
    rf"the (?:end|middle|coming|next))\b)|later|next)|"
    rf"yet to be (?:set|decided|scheduled|agreed|announced|confirmed|signed)|"
    rf"(?:will|would|is to|are to|plans? to|agreed to|intends? to) (?:{_EVENTS})\b|"
    rf"(?:is|are) (?:[a-z]+ly )?expected to (?:{_EVENTS})\b|"
    rf"(?:will|is to|are to) take place\b|"  # "would take place" may tell how, not when
    rf"plans (?:\w+ ){{0,2}}for (?:[\w-]+ ){{1,3}}to (?:{_EVENTS})\b|"
    rf"(?:future|next) (?:meeting|round|session|meet))"
)
# A finite past verb; a participle after a comma ("discussions, held over ..."), a
# conjunction ("If approved, ...", "once signed") or a present "is" ("if no deal is reached"),
# or one with its agent ("a delegation headed by the minister will visit ...") is not one.
_PAST_VERB = re.compile(
    r"(?<!, )(?<!If )(?<!if )(?<!Once )(?<!once )(?<!When )(?<!when )(?<! is )(?<! are )"
    r"\b(?:was|were|had|did|said|told|met|held|took|began|struck|won|gave|sent|set out|"
    r"laid out|(?![a-z]*ceed\b)[a-z]{3,}ed(?! by\b))\b"
    # After an aside, "met" and a verb in "-ed" with its "to" are the sentence's own: "Raab,
    # who is standing in, met with Frost", "This week's round, the last scheduled, failed to".
    r"|(?<=, )(?:met|(?!(?:scheduled|expected|planned|slated|meant|intended|designed|aimed|"
    r"set|due|invited|asked|required|supposed)\b)[a-z]{3,}ed(?= to [a-z]))\b"
)
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
# "agreed to a framework": what was agreed is a thing, not a step ("agreed to meet").
_AGREED_TO_A_THING = re.compile(
    r"\bagreed to (?:a|an|the|its|their|his|her|this|that|these|those|terms)\b"
    r"(?! (?:(?:future|further|new|next|second|third|fourth|fifth) )?"
    r"(?:meet|meeting|round|session|summit|talks|visit)\b)"
)
# A plan told in the past ("The parties initially planned to sign ..."), not a plan that is
# ("are planned to", "had planned to" is background, see ``looks_back``).
_PLAN_WORDS = ("planned", "intended", "meant")
_PLANNED_THEN = re.compile(
    r"\b(?!(?:is|are|be|been|was|were|am|had|have|has|it|they|we|he|she)\b)[A-Za-z]+ "
    r"(?:[a-z]+ly )?(?:planned|intended|meant) to\b"
)
# What was agreed, when it is no meeting still to come ("agreed to reconvene quarterly").
_AGREED_TO = re.compile(
    r"\b(?:agreed|decided|plans?) to (?!(?:meet|reconvene|convene|resume|hold|continue|visit|"
    r"travel|a future|further)\b)"
)
# Past forms that report or plan rather than tell what happened.
_NOT_NARRATING = frozenset((
    "said", "told", "stated", "added", "noted", "agreed", "scheduled", "expected", "planned",
    "slated",
))  # fmt: skip
_FUTURE_FORM = re.compile(
    r"\b(?=[abisw])(?:will|shall|would|(?:is|are|am|be) (?:to|scheduled|due|set|expected|"
    r"slated|planned|"
    r"going)|(?:was|were) (?:scheduled|due|set|expected|slated|planned) (?:to|for|on|in))\b"
)
_AND_AHEAD = re.compile(
    r" and (?:will|(?:is|are) (?:due|set|scheduled|expected) to|(?:is|are) to)\b"
)
# ", and the next round is due to take place in the coming month": a clause with its own
# subject that looks ahead, after one about the past.
_AND_CLAUSE_AHEAD = re.compile(
    r", and (?:the |a |an )?(?:[\w-]+ ){1,5}?(?:will|(?:is|are) (?:due|set|scheduled|expected) "
    r"to|(?:is|are) to)\b"
)
# Past forms that report what someone said or announced: "X said on Saturday that talks will
# resume on Sunday" tells a step to come, not a past event.
_SAYING = frozenset((
    "said", "told", "stated", "added", "noted", "announced", "confirmed", "expressed",
    "indicated", "revealed", "reported", "stressed", "emphasized", "emphasised", "reiterated",
    "signalled", "signaled",
))  # fmt: skip
_REPORTING = _NOT_NARRATING | _SAYING
# What may stand before a firm step and still leave it to come: all of those but "agreed"
# ("agreed on Friday to cut tariffs and will sign on Thursday" tells the agreement first).
_BEFORE_STEP = _REPORTING - {"agreed"}
# A closing attribution: ", the White House said late yesterday." (when it was said).
_SAID_TAIL = re.compile(
    r", (?:[\w.'’-]+ ){1,6}(?:said|says|told|added|announced|confirmed)(?: [\w-]+){0,3}\.?$"
)
# A trailing description of the step: ", the first such trip since 2007".
_DESCRIBED_TAIL = re.compile(
    r", (?:the|its|their|his|her) (?:first|second|third|latest|last|only|biggest|largest)\b[^,]*$"
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
# A trailing clause of what came before the step: ", following up on the talks that ended
# last week without a deal", ", after a round in Geneva last month".
_EARLIER_TAIL = re.compile(r", (?:following|after)\b[^;]*$")
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
    # convene in September") is its news: the step is weighed on its own (see ``_lede_step``).
    lede = (
        found[0].order
        if found
        and not quoted
        and (_lede_step(found[0].raw) is not None or not _coming_lede(found[0].raw))
        else -1
    )
    previous = ""  # the statement before: a step it tells may be detailed in the next one
    for statement in found:
        text, before = statement.raw, previous
        previous = text
        if statement.order == lede:
            step = _lede_step(text)
            if step is None:
                continue
            statement = statement._replace(order=LEDE_STEP, raw=step[1])
            text = step[1]
        colon = text.find(":", 1, 34) > 0  # a label, or an item of a schedule
        # The step words of the text (see ``_step_words``), read once for the cheap tests of
        # what it may hold.
        said = _step_words(spaced_words(text))
        labelled = text.find("|", 1, 20) > 0 or (colon and text.find(":", 1, 20) > 0)
        if labelled and _LINK_LABEL.match(text):
            continue  # "Also Read | ...": a link to another story, not this one's step
        if colon and AGENDA_LINE.match(text):
            # "Vote: Wednesday, 13 February": an item of a schedule
            if not mentions_past_date(text, today):
                agenda.append(statement)
            continue
        if not said and not _other_digit(text):
            continue  # none of the words a cue, a hope or a step told otherwise needs
        # The cheap cue tests first: most sentences have no cue and are never counted or dated.
        if NEXT_OR_HOPE_WHOLE_WORDS.isdisjoint(said) and not _is_to(said):
            cue = hope = False  # none of the words of either
        else:
            cue, hope = scan_next_or_hope(text)
        present = False  # "The talks resume in Lindau on Monday": a step told in the present
        arranged = False  # "Arrangements are under way for a meeting on Monday"
        relative = False  # "..., a day before his representatives travel to Geneva"
        listed = False  # "Round 7 on Aug. 17-21 in Lindau": a schedule told without a verb
        if not cue and (not hope or PAST_CUE.search(text)):
            if _may_name_a_day(said, text) and present_schedule(text):
                cue = present = True
            elif being_arranged(text):
                cue = arranged = True
            elif days_before_step(text):
                cue = relative = True
            elif _may_be_firm(text, said) and names_a_date(text) and _firm(text, said):
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
            and _firm(text, said)
            and not _POINTER.match(text)
            and _WHERE_OR_WHEN.search(text, 1) is not None
            and not speculates(text)
        ):
            continue  # "The exact dates are yet to be confirmed." says too little alone
        if words > MAX_WORDS:
            if (short := shortened(statement, MAX_WORDS, MIN_NEXT_WORDS)) is None:
                continue
            statement, text = short, short.raw
            said = _step_words(spaced_words(text))
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
        strong = arranged or present or listed or _firm(own, said if own == text else None)
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
        ahead = _coming_clause(text)
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
        if holds_any(text, _PLAN_WORDS) and _planned_then(text):
            continue  # "The parties initially planned to sign it this month": a past plan
        if claims_the_future(ahead, dated=day):
            continue  # what a deal will do, a stance, a condition: no event to come
        if (
            _RECENT_PAST.search(_SAID_TAIL.sub("", ahead))
            or _past_before_future(ahead, strong)
            or _narrated(ahead, strong)
        ):
            continue
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


# A whole word each match of the patterns ``next_steps`` tests first holds: of a next-step cue
# or a hope (``next_or_hope``; "is to" and "are to" are looked for apart), of a step told in
# the present with its day (``present_schedule``: a weekday or a day's number), of a step
# being readied (``being_arranged``) and of one a few days on (``days_before_step``).
_STEP_WORDS = NEXT_OR_HOPE_WHOLE_WORDS | frozenset(
    [
        word.encode()
        for word in (
            "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
            "Arrangements", "arrangements", "Preparations", "preparations", "before", "ahead",
        )
    ]
    + [str(day).encode() for day in range(100)]
    + [f"{day:02d}".encode() for day in range(10)]
)  # fmt: skip


def _spaced_words_scan(words: list[bytes], numbers: bool) -> re.Pattern[bytes]:
    """One scan of a text's spaced words (see ``spaced_words``) for ``words``, and for every
    number of one or two digits if ``numbers``, each match a whole word (or words: "is to"),
    its text the match's group: the letters the words start with are looked at first, then
    the words of that letter."""
    groups: dict[int, list[bytes]] = {}
    for word in sorted(words):
        groups.setdefault(word[0], []).append(word[1:])
    firsts = bytes(sorted(groups))
    alternation = b"|".join(
        b"%c(?:%b)" % (first, b"|".join(rests)) for first, rests in groups.items()
    )
    if numbers:
        return re.compile(b" (?=[%b0-9])(%b|[0-9][0-9]?)(?= )" % (firsts, alternation))
    return re.compile(b" (?=[%b])(%b)(?= )" % (firsts, alternation))


# The words of ``_STEP_WORDS`` (its numbers are all those of one or two digits), and "is to"
# and "are to", in one scan.
_STEP_WORD = _spaced_words_scan(
    [word for word in _STEP_WORDS if not word.isdigit()] + [b"is to", b"are to"], numbers=True
)
# The words of a next-step cue or a hope (see ``NEXT_OR_HOPE_WHOLE_WORDS``), and "is to" and
# "are to", in one scan.
_CUE_WORD = _spaced_words_scan([*NEXT_OR_HOPE_WHOLE_WORDS, b"is to", b"are to"], numbers=False)


def next_cue(text: str) -> bool:
    """Whether ``text`` holds a next-step cue (see ``next_or_hope``): the words each cue
    needs are looked for first, in one scan of its spaced words (see ``_step_words`` for a
    text with letters outside ASCII)."""
    return _CUE_WORD.search(spaced_words(text)) is not None and scan_next_or_hope(text)[0]


def _step_words(spaced: bytes) -> list[bytes]:
    """The words of ``_STEP_WORDS`` a text holds (``spaced``: see ``spaced_words``), and each
    "is to" and "are to" in it, in its order: empty only when it holds none of the words a
    next-step cue, a hope word, a step told in the present, being readied or a few days on
    needs (but for a number written in other digits, see ``_other_digit``), a test far
    cheaper than their scans. A text with letters outside ASCII is read so too: each of its
    bytes outside ASCII is a space there, so a word the patterns find whole is a word of its
    spaced words (the test may pass a word they do not find, "will" in "éwill", no more)."""
    return _STEP_WORD.findall(spaced)


# A digit outside ASCII: what ``\d`` reads but for "0" to "9".
_OTHER_DIGIT = re.compile(r"[^\D\x00-\x7f]")


def _other_digit(text: str) -> bool:
    """Whether ``text`` holds a digit outside ASCII (an Arabic-Indic or a Devanagari one),
    which a pattern's ``\\d`` reads and the spaced words do not."""
    return not text.isascii() and _OTHER_DIGIT.search(text) is not None


# The words of ``_STEP_WORDS`` that name a day: a weekday, or a day's number.
_DAY_WORDS = frozenset(word for word in _STEP_WORDS if word.isdigit() or word.endswith(b"day"))


def _may_name_a_day(said: list[bytes], text: str) -> bool:
    """Whether a text (``said``: its step words) may name a weekday or a day's number, as a
    step told in the present needs (see ``present_schedule``)."""
    return not _DAY_WORDS.isdisjoint(said) or _other_digit(text)


def _is_to(said: list[bytes]) -> bool:
    """Whether a text's step words ``said`` (see ``_step_words``) hold "is to" or "are to"."""
    return b"is to" in said or b"are to" in said


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


# A whole word each match of ``STRONG_NEXT`` holds, but for the phrases whose last word may
# run on ("scheduled", "to be held", "slated") and for "is to" and "are to".
_STRONG_NEXT_WORDS = frozenset(
    word.encode()
    for word in (
        "set", "due", "expected", "yet", "will", "would", "plan", "plans", "agreed", "intend",
        "intends", "future", "next",
    )
)  # fmt: skip
_STRONG_NEXT_TEXTS = ("scheduled", "to be held", "slated", "is to ", "are to ")


def _strong_next_text(text: str) -> bool:
    """Whether ``text`` holds a text one of the phrases of ``STRONG_NEXT`` needs that is not
    a whole word of ``_STRONG_NEXT_WORDS``."""
    return holds_any(text, _STRONG_NEXT_TEXTS)


def _may_be_firm(text: str, said: list[bytes] | None) -> bool:
    """Whether ``text`` holds a word or a text each match of ``STRONG_NEXT`` needs (false:
    the pattern finds nothing in it); ``said``: its step words, when read (see
    ``_step_words``)."""
    if said is None:
        none = holds_none_of(text, _STRONG_NEXT_WORDS)
    else:
        none = _STRONG_NEXT_WORDS.isdisjoint(said)
    return not none or _strong_next_text(text)


def _firm(text: str, said: list[bytes] | None = None) -> bool:
    """Whether ``text`` tells a step as fixed ("is due in Lindau", "agreed to reconvene"),
    not as yet to be fixed; ``said``: its step words, when read (see ``_step_words``)."""
    if not _may_be_firm(text, said):
        return False
    cue = STRONG_NEXT.search(text)
    return cue is not None and not cue.group().startswith("yet")


# Where a lede turns from its news to a step with its own subject: ", and the next round is
# due to ...", "..., saying that the next round will ...".
_STEP_AFTER_NEWS = re.compile(
    r"(?:,? and|;|, (?:saying|adding)(?: that)?) (?=(?:the|a|an|its|their|both|[A-Z][\w-]*) "
    r"(?:[\w'\u2019-]+ ){0,6}?(?:will|(?:is|are) (?:[a-z]+ly )?(?:due|set|scheduled|expected|"
    r"slated|to))\b)"
)


_TURNS = (" and ", "; ", ", saying", ", adding")


def _lede_step(text: str) -> tuple[str, str] | None:
    """A lede that tells its news and then a step with its own subject and its time ("The
    two sides concluded the first round on Friday, and the next round is scheduled for
    September"): the news ("The two sides concluded the first round on Friday.") and the
    step ("The next round is scheduled for September."); None for any other lede."""
    if " will " not in text and " is " not in text and " are " not in text:
        return None  # no step to come in a clause of its own
    if not holds_any(text, _TURNS):
        return None
    turn = _STEP_AFTER_NEWS.search(text)
    if turn is None:
        return None
    past = [m.group() for m in _PAST_VERB.finditer(text, 0, turn.start())]
    if not past:
        return None
    if past[-1] in _SAYING and not turn.group().startswith((",", ";")):
        return None  # "An official said the US and China will resume talks": one clause
    step = text[turn.end() :]
    if len(step.split()) < 5 or not (names_a_date(step) or names_a_time(step)):
        return None
    news = text[: turn.start()].rstrip(",;")
    return f"{news}.", step[0].upper() + step[1:]


def lede_told_apart(found: list[Statement], steps: Sequence[Statement]) -> list[Statement]:
    """``found`` with its lede cut to its news when ``steps`` (see ``next_steps``) tell the
    step after it apart."""
    if not found or not steps or steps[0].order != LEDE_STEP:
        return found
    split = _lede_step(found[0].raw)
    if split is None:
        return found
    return [found[0]._replace(raw=split[0]), *found[1:]]


def _coming_lede(text: str) -> bool:
    """A lede that tells only what is to come, and when ("On Thursday, MEPs will adopt
    ...", "The delegation will take part in talks on 17 and 18 May"): a preview's news is its
    next step. Nothing before its "will" is in the past."""
    # "will", or a firm step: "plan to hold talks on Thursday", "are due to meet"
    said = _step_words(spaced_words(text)) if text.isascii() else None
    future = FUTURE.search(text) if "will" in text or "shall" in text else None
    if future is None and _may_be_firm(text, said):
        future = STRONG_NEXT.search(text)
    if future is None or future.group().startswith("yet"):
        return False
    # "X said on Saturday that talks will resume on Sunday": who said it is no past event
    skip = _BEFORE_STEP if _firm(text, said) else frozenset()
    if any(m.group() not in skip for m in _PAST_VERB.finditer(text, 0, future.start())):
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


def _coming_clause(text: str) -> str:
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


def _past_before_future(text: str, firm: bool = False) -> bool:
    """A past event reported with a future clause after it ("Markets closed higher on the
    expectation the two sides will agree"): the sentence tells what happened. Who said or
    announced a firm step ("X said on Saturday that talks will resume on Sunday") is no
    past event."""
    cue = NEXT_CUE.search(text)
    if cue is None:
        return False
    thing = _AGREED_TO_A_THING.search(text) if "agreed to " in text else None
    if thing is not None and thing.start() <= cue.start():
        return True  # "The president on Sunday agreed to a framework under which ..."
    skip = _BEFORE_STEP if firm else frozenset()
    return any(
        m.group() not in skip
        and not (m.group() == "agreed" and _AGREED_MEETING.match(text, m.end()))
        for m in _PAST_VERB.finditer(text, 0, cue.start())
    )


def _planned_then(text: str) -> bool:
    """Whether ``text`` tells a plan as it was ("The parties initially planned to sign the
    deal at the summit this month"): "planned to" as the sentence's own past verb, with no
    form of the future and no one saying it."""
    plan = _PLANNED_THEN.search(text)
    if plan is None or _FUTURE_FORM.search(text) is not None:
        return False
    return not any(m.group() in _SAYING for m in _PAST_VERB.finditer(text, 0, plan.start()))


# "agreed on Friday to hold the next round": what was agreed is a meeting still to come.
_AGREED_MEETING = re.compile(
    r"(?: [\w,]+){0,3}? to (?:meet|hold|reconvene|convene|resume|continue)\b"
)


def _narrated(text: str, firm: bool = False) -> bool:
    """A past event told beside a word of what is to come ("The next month, the two sides
    signed a truce", "Talks scheduled for Monday were postponed"): a finite past verb and
    no future form."""
    if _FUTURE_FORM.search(text):
        return False
    skip = _REPORTING if firm else _NOT_NARRATING
    return any(
        m.group() not in skip and not text.endswith(("be ", "been "), 0, m.start())
        for m in _PAST_VERB.finditer(text)
    )
