"""Outcome and next-step bullets: what happened (agreed or not, who met whom and for how
long) and what happens next and when. Sentences are the article's own words, tidied; negations
stay as written ("failed to find common ground")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from briefings.facts.meetings import find_meeting
from briefings.facts.statements import Statement, statements
from briefings.model import Article, Fact
from briefings.quotes.textcache import TextCache
from briefings.reading.dates import MONTHS

MAX_OUTCOMES = 5
MAX_NEXT = 2
MAX_FACTS = 5  # outcomes and next steps together: a briefing reads in under half a minute
MAX_WORDS = 45
MIN_WORDS = 6
MIN_NEXT_WORDS = 8
MAX_LEDE_WORDS = 60

# Cue words are matched case-sensitively: they are lower-case in running text, and a
# case-insensitive alternation costs several times more.
_OUTCOME_WORDS = (
    r"agreed|agreement|deal|failed|fail|reached|signed|approved|rejected|passed|voted|"
    r"won|lost|ruled|decided|killed|died|dead|elected|resigned|arrested|sentenced|convicted|"
    r"charged|withdrew|withdrawn|suspended|banned|declared|launched|announced|ended|closed|"
    r"opened|found|confirmed|no deal|without|refused|denied|accepted|canceled|cancelled|"
    r"injured|destroyed|collapsed|crashed|defeated|beat|struck|cut|raised|imposed|lifted"
)
# Looking at the first letter before trying sixty words makes most word starts fail at once.
_OUTCOME_FIRSTS = "".join(sorted({word[0] for word in _OUTCOME_WORDS.split("|")}))
OUTCOME_CUE = re.compile(rf"\b(?=[{_OUTCOME_FIRSTS}])(?:{_OUTCOME_WORDS})\b")
_NEXT_WORDS = (
    r"will|shall|scheduled|expected to|plans? to|planned|is to|are to|set to|due to|"
    r"next (?:week|month|year|round|step)|later this|upcoming|tomorrow|to be held|slated|"
    r"deadline|is to be|are to be|would|expected (?:by|on|in)|yet to be|future meet(?:ing)?|"
    r"next meeting|(?<!have )(?<!has )(?<!had )agreed to"
)
_HOPE_WORDS = r"hopes?|aims?|intends?|wants?|meet|meets"
NEXT_CUE = re.compile(rf"\b(?:{_NEXT_WORDS})\b")
HOPE_CUE = re.compile(rf"\b(?:{_HOPE_WORDS})\b")
# Both in one scan: most sentences have neither, and are read once instead of twice. A hope
# word never lies inside a next-step phrase, so the scan sees every one of either kind.
_NEXT_OR_HOPE = re.compile(rf"\b(?:(?P<next>{_NEXT_WORDS})|{_HOPE_WORDS})\b")
PAST_CUE = re.compile(
    r"\b(?:started|began|was|were|had|ended|last (?:year|month|week)|ago|earlier|since)\b"
)
OUTCOME_REACH = 10  # paragraphs: news puts what happened first
# What was said or done before this report: history, earlier statements, earlier levels. It
# explains the news and is not news itself.
BACKGROUND = re.compile(
    r"\b(?:ha(?:ve|s|d) (?:long |previously |repeatedly |already |also )?(?:said|argued|"
    r"complained|warned|threatened|insisted|called|sought|demanded|maintained|been)|"
    r"[Ii]t comes (?:after|as|amid)|[Tt]his comes|comes (?:after|amid)|came (?:after|amid)|"
    r"[Ee]arlier this (?:week|month|year)|[Ll]ast (?:week|month|year)|"
    r"(?:weeks|months|years) ago|[Pp]reviously|[Ii]n recent (?:weeks|months|years)|"
    r"[Ff]or (?:years|decades|months)|[Ss]ince (?:(?:19|20)\d\d|the start|then)|dates back|"
    r"[Oo]riginally|first (?:imposed|introduced)|"
    r"(?:[Ii]n|of|[Ss]ince) (?:(?i:january|february|march|april|may|june|july|august|september|"
    r"october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.? )?"
    r"(?:19|20)\d\d\b|had (?:been|set|imposed|agreed|said|raised|threatened|"
    r"announced|reached|signed))"
)
# When a next step happens: a day, a date, a coming period. "Will" alone ("the deal will
# benefit farmers") is a claim about the future, not a next step.
TIME_EXPRESSION = re.compile(
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|"
    r"April|May(?= \d)|June|July|August|September|October|November|December|[Tt]omorrow|"
    r"[Tt]onight|"
    r"[Ss]oon|[Ss]hortly|[Nn]ext (?:week|month|year|round|step|meeting|session)|"
    r"[Ll]ater (?:this|today|in)|coming (?:days|weeks|months)|"
    r"(?:[Tt]his|[Nn]ext) (?:week|month|year|autumn|spring|summer|fall|winter)|"
    r"by the end of|within (?:the next|\w+ (?:days|weeks|months))|deadline|"
    r"(?:in|by|until) (?:early|mid|late)?-?\s?(?:20\d\d)|round of (?:talks|negotiations))\b"
)
_EVENTS = (
    r"meet|hold|travel|visit|resume|vote|sign|host|begin|start|reconvene|convene|launch|"
    r"publish|announce|decide|enter into force|take effect|come into force|lapse|expire|"
    r"be held|be published|be led|be conducted|be signed|be announced|be presented|be debated|"
    r"be put to a vote|be voted|debate|continue (?:talks|negotiations)"
)
STRONG_NEXT = re.compile(
    rf"\b(?:scheduled|to be held|slated|set to|due to|expected (?:by|on|in|later|next)|"
    rf"yet to be (?:set|decided|scheduled|agreed|announced|confirmed|signed)|"
    rf"(?:will|would|is to|are to|plans? to|agreed to|intends? to) (?:{_EVENTS})\b|"
    rf"(?:future|next) (?:meeting|round|session|meet))"
)
# A finite past verb; a participle after a comma ("discussions, held over ...") is not one.
_PAST_VERB = re.compile(r"(?<!, )\b(?:was|were|had|did|said|told|met|held|[a-z]{3,}ed)\b")
_RECENT_PAST = re.compile(r"^(?:Last|Earlier|Previously|Yesterday)\b|\b(?:last night|yesterday)\b")
SPECULATION = re.compile(
    r"\b(?:remains to be seen|seen as|being considered|it is unclear|may|might|could|would|"
    r"perhaps|possibly|rumou?r)\b"
)
# News capitalizes month names: matching them case-sensitively keeps this cheap.
_MONTH_NAMES = "|".join(sorted((m.capitalize() for m in MONTHS), key=len, reverse=True))
# "June 15" and "15 June".
_DAY = re.compile(
    rf"\b(?:(?P<month>{_MONTH_NAMES})\.?\s+(?P<day>\d{{1,2}})\b"
    rf"|(?P<day_first>\d{{1,2}})\s+(?P<month_second>{_MONTH_NAMES})\b)"
)
_DIGIT = re.compile(r"\d")
_IN_MONTH = re.compile(
    r"\bin (January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\b(?! \d)"
)
_STEM = re.compile(r"\b(\w{4,5})")
_MEETING_WORD = re.compile(r"\bmet\b")


@dataclass(frozen=True, slots=True)
class Facts:
    outcomes: tuple[Fact, ...]
    next: tuple[Fact, ...]


def find_facts(article: Article, subject: str = "", cache: TextCache | None = None) -> Facts:
    """Outcome and next-step facts of ``article``; ``subject`` names a leading he/she."""
    link = article.link
    found = statements(article.paragraphs, subject, cache)
    today = article.published.date() if article.published else None
    nexts = _next_steps(found, today)
    taken = {s.order for s in nexts}
    topic = _content_stems(article.title)
    outcomes = _outcomes([s for s in found if s.order not in taken], subject, topic, today)
    outcomes = [text for text in outcomes if not repeats(text, article.title, topic)]
    next_texts = [s.text for s in nexts if not repeats(s.text, article.title, topic)]
    outcomes = outcomes[: max(MAX_FACTS - len(next_texts), 1)]
    return Facts(
        outcomes=tuple(Fact(text, link) for text in outcomes),
        next=tuple(Fact(text, link) for text in next_texts),
    )


def repeats(bullet: str, headline: str, headline_stems: set[str] | None = None) -> bool:
    """Whether ``bullet`` says no more than ``headline``: its content words are nearly all
    the headline's (``headline_stems``: those words, when the caller has them)."""
    if headline and bullet.startswith(headline.rstrip("…")):
        return False  # a headline made from this very sentence: the sentence says more
    own = _content_stems(bullet)
    if headline_stems is None:
        headline_stems = _content_stems(headline)
    return bool(own) and len(own & headline_stems) >= 0.8 * len(own)


def _content_stems(text: str) -> set[str]:
    """Words of four letters or more cut to five: "tariffs," and "tariff" share "tarif"."""
    return set(_STEM.findall(text.casefold()))


def _outcomes(
    found: Sequence[Statement], subject: str, topic: set[str], today: date | None
) -> list[str]:
    met: set[str] = set()
    scored: list[tuple[float, int, Statement | str]] = []
    lede_paragraph = found[0].paragraph if found else 0  # after any date-only paragraph
    for statement in found:
        if statement.paragraph >= lede_paragraph + OUTCOME_REACH:
            continue
        limit = MAX_LEDE_WORDS if not scored else MAX_WORDS
        if statement.words > limit:
            continue
        if "met" in statement.raw and _MEETING_WORD.search(statement.raw):
            meeting = find_meeting(statement.raw, subject)
            if meeting is not None:
                if not any(_surname(w) in met for w in meeting.who):
                    met.update(_surname(w) for w in meeting.who)
                    scored.append((2.5, statement.order, meeting.sentence()))
                continue
        if not scored and statement.paragraph == lede_paragraph:
            scored.append((10.0, statement.order, statement))
            continue
        if statement.words < MIN_WORDS:
            continue  # "Hello and welcome.": too short to tell an outcome
        score = _outcome_score(statement, topic)
        if score > 0:
            scored.append((score, statement.order, statement))
    best = _best_news(sorted(scored, key=lambda s: (-s[0], s[1])), today)
    chosen = [item for _, _, item in sorted(best, key=lambda s: s[1])]
    return _distinct([item if isinstance(item, str) else item.text for item in chosen])


def _best_news(
    ranked: list[tuple[float, int, Statement | str]], today: date | None
) -> list[tuple[float, int, Statement | str]]:
    """The best outcomes that are news; background only when the article has nothing newer
    (the lede always counts). Read in rank order, so most sentences are never tested."""
    news = [item for item in ranked[:1]]
    for item in ranked[1:]:
        if len(news) == MAX_OUTCOMES:
            break
        if not _is_background(item[2]) and not _in_an_earlier_month(item[2], today):
            news.append(item)
    return news if len(news) > 1 else ranked[:MAX_OUTCOMES]


def _in_an_earlier_month(item: Statement | str, today: date | None) -> bool:
    """Dated "in August" when the report is from September: what happened before it."""
    if today is None or isinstance(item, str):
        return False
    months = [MONTHS[m.group(1).lower()] for m in _IN_MONTH.finditer(item.raw)]
    return bool(months) and all(month < today.month for month in months)


def _is_background(item: Statement | str) -> bool:
    text = item if isinstance(item, str) else item.raw
    return BACKGROUND.search(text) is not None and not isinstance(item, str)


def _outcome_score(statement: Statement, topic: set[str]) -> float:
    """What a sentence is worth as an outcome: cue words of results, the headline's words
    (the story it tells), numbers, and an early place in the article."""
    cues = len(OUTCOME_CUE.findall(statement.raw))
    shared = len(_content_stems(statement.raw) & topic) if topic else 0
    if SPECULATION.search(statement.raw):
        return 0.0
    position = 1.0 / (1 + 0.15 * statement.order)
    numbers = 0.3 if _DIGIT.search(statement.raw) else 0.0
    return min(cues, 3) * 0.5 + min(shared, 4) * 0.25 + 0.5 * position + numbers


def _next_steps(found: Sequence[Statement], today: date | None) -> list[Statement]:
    scored: list[tuple[float, Statement]] = []
    lede = found[0].order if found else -1  # the lede is the first outcome, not a next step
    for statement in found:
        text = statement.raw
        if statement.order == lede:
            continue
        # The cheap cue tests first: most sentences have no cue and are never counted or dated.
        cue, hope = next_or_hope(text)
        if not cue and (not hope or PAST_CUE.search(text)):
            continue  # neither a cue nor a hope ("aims to ... on May 3")
        if not MIN_NEXT_WORDS <= statement.words <= MAX_WORDS:
            continue  # "The exact dates are yet to be confirmed." says too little alone
        future_date = _DIGIT.search(text) is not None and _mentions_future_date(text, today)
        if not cue and not future_date:
            continue
        strong_cue = STRONG_NEXT.search(text)
        # "The dates are yet to be confirmed" says what is not fixed: it needs its own time.
        strong = strong_cue is not None and not strong_cue.group().startswith("yet")
        if not strong and SPECULATION.search(text):
            continue
        if BACKGROUND.search(text) or _mentions_past_date(text, today):
            continue
        if not strong and not TIME_EXPRESSION.search(text):
            continue  # a claim about the future with no time: not a next step
        if _RECENT_PAST.search(text) or _past_before_future(text):
            continue
        score = 1.0 + (2.0 if strong else 0.0)
        score += 1.5 if future_date or _DAY.search(text) else 0.0
        score += 1.0 / (1 + 0.1 * statement.order)
        scored.append((score, statement))
    best = sorted(scored, key=lambda s: (-s[0], s[1].order))[:MAX_NEXT]
    return [s for _, s in sorted(best, key=lambda s: s[1].order)]


def _past_before_future(text: str) -> bool:
    """A past event reported with a future clause after it ("Markets closed higher on the
    expectation the two sides will agree"): the sentence tells what happened."""
    cue = NEXT_CUE.search(text)
    return cue is not None and _PAST_VERB.search(text, 0, cue.start()) is not None


def next_or_hope(text: str) -> tuple[bool, bool]:
    """Whether ``text`` holds a next-step cue, and whether it holds a hope word."""
    hope = False
    match = _NEXT_OR_HOPE.search(text)
    while match is not None:
        if match.lastgroup == "next":
            return True, hope
        hope = True
        match = _NEXT_OR_HOPE.search(text, match.end())
    return False, hope


def _mentions_past_date(text: str, today: date | None) -> bool:
    """Whether ``text`` names a day before ``today`` and none after it."""
    if today is None:
        return False
    days = []
    for match in _DAY.finditer(text):
        if (day := _day_of(match, today)) is not None:
            days.append(day)
    return bool(days) and max(days) < today


def _mentions_future_date(text: str, today: date | None) -> bool:
    if today is None:
        return False
    for match in _DAY.finditer(text):
        mentioned = _day_of(match, today)
        if mentioned is not None and mentioned > today:
            return True
    return False


def _day_of(match: re.Match[str], today: date) -> date | None:
    month = MONTHS[(match["month"] or match["month_second"]).lower()]
    try:
        return date(today.year, month, int(match["day"] or match["day_first"]))
    except ValueError:
        return None


def _surname(name: str) -> str:
    return name.split()[-1]


def _distinct(texts: list[str]) -> list[str]:
    out: list[str] = []
    for text in texts:
        words = set(text.lower().split())
        if all(len(words & set(o.lower().split())) < 0.8 * len(words) for o in out):
            out.append(text)
    return out
