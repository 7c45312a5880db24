"""Outcome and next-step bullets: what happened (agreed or not, who met whom and for how
long) and what happens next and when. Sentences are the article's own words, tidied; negations
stay as written ("failed to find common ground")."""

from __future__ import annotations

import heapq
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from briefings.facts.meetings import find_meeting
from briefings.facts.statements import Statement, shortened, statements
from briefings.model import Article, Fact
from briefings.quotes.textcache import TextCache
from briefings.reading.dates import MONTHS
from briefings.reading.page import AGENDA_LINE

MAX_OUTCOMES = 5
MAX_NEXT = 2
POOL = 4  # how many sentences beyond the budget the choice weighs further
QUOTE_SHARE = 0.5  # of a sentence's news words in a quote: the quote already tells it
NOVELTY = 0.1  # what a sentence's every word the reader has not been told adds to it
MAX_FACTS = 5  # outcomes and next steps together: a briefing reads in under half a minute
MAX_WORDS = 45
MAX_JOINED_WORDS = 55  # a sentence and the one that points back to it, in one bullet
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
# word never lies inside a next-step phrase, so the scan sees every one of either kind. As
# with the outcome cues, the letters the words start with are tested first.
NEXT_OR_HOPE_FIRSTS = "adefhilmnpstuwy"
_NEXT_OR_HOPE = re.compile(
    rf"\b(?=[{NEXT_OR_HOPE_FIRSTS}])(?:(?P<next>{_NEXT_WORDS})|{_HOPE_WORDS})\b"
)
PAST_CUE = re.compile(
    r"\b(?:started|began|was|were|had|ended|last (?:year|month|week)|ago|earlier|since)\b"
)
OUTCOME_REACH = 10  # paragraphs: news puts what happened first
# What was said or done before this report: history, earlier statements, earlier levels. It
# explains the news and is not news itself. ``verbal``: a tense or phrase that looks back;
# the rest are times before the report (``year``: a year named, ``month``: its month).
_ANY_MONTH = (
    r"(?i:january|february|march|april|may|june|july|august|september|october|november|"
    r"december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)"
)
BACKGROUND = re.compile(
    r"\b(?=[BEFILOPSTcdefhilmopstwy])"  # the letters its phrases start with: most places fail
    r"(?:(?P<verbal>(?<!there )ha(?:ve|s|d) (?:long |previously |repeatedly |already |also )?"
    r"(?:said|argued|complained|warned|threatened|insisted|called|sought|demanded|maintained|"
    r"been)|"
    r"[Ii]t comes (?:after|as|amid)|[Tt]his comes|comes (?:after|amid)|came (?:after|amid)|"
    r"[Pp]reviously|[Pp]rior to|stems from|dates back|[Oo]riginally|first (?:imposed|introduced)|"
    r"had (?:been|set|imposed|agreed|said|raised|threatened|announced|reached|signed))|"
    r"[Ee]arlier this (?:week|month|year)|[Ll]ast (?:week|month|year)|"
    r"^Before (?:this|that|the) \w+,|"
    r"(?:weeks|months|years|decades?) ago|[Ii]n recent (?:weeks|months|years)|"
    r"[Ff]or (?:years|decades|months)|[Ss]ince (?:(?:19|20)\d\d|the start|then)|"
    rf"(?:[Ii]n|of|[Ss]ince) (?:(?:early|mid|late)[- ]|(?P<month>{_ANY_MONTH})\.? )?"
    r"(?P<year>(?:19|20)\d\d)\b)"
)
# A full date's year ("on June 23, 2016", "17 July 2018"): found by its year, the cheap part.
_YEAR = re.compile(r"(?:19|20)\d\d(?!\d)")
# A look back inside a defining relative clause names a thing the news is about ("the 898
# amendments that have been submitted"); the sentence's own verb tells the news. After a
# comma (", which has long been ...") it is background given on the side.
_RELATIVE_END = re.compile(r"(?<!,)\s(?:that|which|who)\s+$")
# A time that belongs to a thing, not to the sentence's verb: "the understanding reached in
# June 2021", "the talks held in Beijing two weeks ago".
_ATTRIBUTIVE_END = re.compile(
    r"\b(?!(?:was|were|been|be|being|is|are|had|has|have)\b)\w+ (?:reached|signed|agreed|held|"
    r"launched|adopted|concluded|struck|issued|released|introduced|announced|imposed|"
    r"published|approved|set)(?: (?:in|at) [A-Z][\w-]*)?(?: (?:\d+|a|one|two|three|four|five|"
    r"six|several|few))? $"
)
# An opening phrase that leads to the news: "Building on the talks in February 2018, the
# ministers agreed ...".
_LEADING_PHRASE = re.compile(r"^(?:[A-Z][a-z]+ing|After|Following)\b")
# The day of the news itself.
_NEWS_DAY = re.compile(
    r"\b(?:[Tt]oday|[Tt]onight|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)
_FUTURE = re.compile(r"\b(?:will|shall)\b")
# Words a speech or a call opens with: thanks, greetings, pleasantries. A speaker label
# ("MODERATOR: ") may come first.
COURTESY = re.compile(
    r"^(?:[A-Z][A-Z .]+: )?(?:Thank|Thanks|Good (?:morning|afternoon|evening)|Hello|Welcome|"
    r"Ladies and|It[’']s (?:a|my|an) (?:\w+ )?(?:pleasure|honou?r)|"
    r"I (?:\w+ )?(?:want|wish|would like|[’']d like) to (?:thank|welcome|begin|start)|"
    r"Let me (?:\w+ )?(?:thank|begin|start))"
)
# Words of a stance rather than an event: values, importance, commitment, praise ("Trade
# makes a vital contribution to growth", "reiterated the importance of close cooperation").
RHETORIC = re.compile(
    r"\b(?:a(?:mbitious)|b(?:eautiful|enefits?)|c(?:ommit(?:ment|ted)|lear|ritical|rucial)|"
    r"d(?:eeply|elighted)|e(?:ssential|xcellent)|f(?:ascinating|ully)|g(?:rateful|reat)|"
    r"h(?:istoric)|i(?:mportan(?:ce|t)|nclusive|nterests?)|l(?:andmark)|"
    r"o(?:pportunit(?:y|ies))|p(?:leased|riority|rogressive|rosperity|roud\w*)|"
    r"r(?:emarkable|esilien(?:ce|t))|s(?:hared|ignificant|tability|trong(?:ly)?|ustainable)|"
    r"t(?:ogether)|u(?:nprecedented)|v(?:alues|ital))\b"
)  # grouped by first letter: one test per word start instead of forty
# The stems (see ``_STEM``) of those words: a sentence with none of them holds none.
_RHETORIC_STEMS = frozenset((
    "ambit", "beaut", "benef", "commi", "clear", "criti", "cruci", "deepl", "delig", "essen",
    "excel", "fasci", "fully", "grate", "great", "histo", "impor", "inclu", "inter", "landm",
    "oppor", "pleas", "prior", "progr", "prosp", "proud", "remar", "resil", "share", "signi",
    "stabi", "stron", "susta", "toget", "unpre", "value", "vital",
))  # fmt: skip
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
_AND_AHEAD = re.compile(
    r" and (?:will|(?:is|are) (?:due|set|scheduled|expected) to|(?:is|are) to)\b"
)
_RECENT_PAST = re.compile(r"^(?:Last|Earlier|Previously|Yesterday)\b|\b(?:last night|yesterday)\b")
_SPECULATION_WORDS = (
    r"remains to be seen|seen as|being considered|it is unclear|may|might|could|would|"
    r"(?:is|are|was|were) (?:widely )?(?:considered|regarded|viewed)|"
    r"perhaps|possibly|rumou?r"
)
SPECULATION = re.compile(rf"\b(?:{_SPECULATION_WORDS})\b")
# Outcome cues and speculation in one scan, for the sentences scored as outcomes: no word of
# either kind lies inside a phrase of the other, so the scan sees every one of both.
_CUE_OR_SPECULATION = re.compile(
    rf"\b(?=[{_OUTCOME_FIRSTS}abcimprsw])(?:(?P<cue>{_OUTCOME_WORDS})|{_SPECULATION_WORDS})\b"
)
# "Would" that tells what a thing does or what was said ("proposals that would eliminate
# most tariffs", "assurances that no group would be allowed", "said he would vote for it")
# or a wish ("would prefer"), not a guess about what happens.
_REPORTED_WOULD = re.compile(
    r"\b(?:that|which|who|said|says|told|announced|added|stated|promised|pledged|warned)\b"
    r"[^.;:]{0,80}$"
)
_WISH = re.compile(r"(?:prefer|like|welcome|favou?r)\b")
# News capitalizes month names: matching them case-sensitively keeps this cheap.
_MONTH_NAMES = "|".join(sorted((m.capitalize() for m in MONTHS), key=len, reverse=True))
# "June 15" and "15 June".
_DAY = re.compile(
    rf"\b(?:(?P<month>{_MONTH_NAMES})\.?\s+(?P<day>\d{{1,2}})\b"
    rf"|(?P<day_first>\d{{1,2}})\s+(?P<month_second>{_MONTH_NAMES})\b)"
)
_DIGIT = re.compile(r"\d")
# A name (a capitalized word after the first) or a number: what a reader most needs told.
_NAME_OR_NUMBER = re.compile(r" ([A-Z][\w-]+|\d[\d.,]*)")
# "in August" (not "in August 2019"): found by its words, the start of a word checked apart
# (a pattern that opens with a literal is searched fast).
_IN_MONTH = re.compile(
    r"in (January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\b(?! \d)"
)
_STEM = re.compile(r"\b(\w{4,5})")
# Stems (see ``_STEM``) of words any sentence may hold: they tell nothing of what it adds.
_COMMON = frozenset((
    "that", "with", "have", "will", "their", "which", "from", "this", "were", "they", "been",
    "also", "said", "would", "there", "about", "after", "more", "than", "other", "into",
    "over", "these", "those", "such", "what", "when", "them", "both", "some", "most", "only",
    "very", "being", "while", "where", "could", "shoul", "does", "each", "made", "make",
    "many", "much", "must", "even", "just", "under", "until", "upon", "well", "year", "years",
    "today",
))  # fmt: skip
_MEETING_WORD = re.compile(r"\bmet\b")
# A sentence that opens by pointing back to the one before it.
_POINTS_BACK = re.compile(
    r"^(?:It|Its|This|These|They|Their|Both|The (\w+))\b"
    r"(?! (?:same|other|time|week|month|year|morning|afternoon|evening|days?)\b)"
)
_NUMBERING = re.compile(r"^\W*\w{0,3}\W*$")  # "1.", "(b)", "IV." : a list's number


@dataclass(frozen=True, slots=True)
class Facts:
    outcomes: tuple[Fact, ...]
    next: tuple[Fact, ...]


def find_facts(
    article: Article,
    subject: str = "",
    cache: TextCache | None = None,
    quoted: Sequence[str] = (),
) -> Facts:
    """Outcome and next-step facts of ``article``; ``subject`` names a leading he/she,
    ``quoted`` are the quotes the briefing shows (an outcome need not say them again)."""
    link = article.link
    found = statements(article.paragraphs, subject, cache)
    today = article.published.date() if article.published else None
    nexts = _next_steps(found, today)
    taken = {s.order for s in nexts}
    topic = _content_stems(article.title)
    next_texts = [s.text for s in nexts if not repeats(s.text, article.title, topic)]
    in_quotes = set(_STEM.findall(" ".join(quoted).casefold())) if quoted else set()
    in_quotes -= _COMMON
    said = _news_words(" ".join(next_texts)) | in_quotes if next_texts else set(in_quotes)
    budget = max(MAX_FACTS - len(next_texts), 1)
    rest = [s for s in found if s.order not in taken]
    outcomes = _outcomes(rest, subject, topic, today, budget, said, article.title, in_quotes)
    return Facts(
        outcomes=tuple(Fact(text, link) for text in outcomes),
        next=tuple(Fact(text, link) for text in next_texts),
    )


def repeats(
    bullet: str,
    headline: str,
    headline_stems: set[str] | None = None,
    own: set[str] | None = None,
) -> bool:
    """Whether ``bullet`` says no more than ``headline``: its content words are nearly all
    the headline's (``headline_stems`` and ``own``: those words, when the caller has them)."""
    if headline and bullet.startswith(headline.rstrip("…")):
        return False  # a headline made from this very sentence: the sentence says more
    if own is None:
        own = _content_stems(bullet)
    if headline_stems is None:
        headline_stems = _content_stems(headline)
    return bool(own) and len(own & headline_stems) >= 0.8 * len(own)


def _content_stems(text: str) -> set[str]:
    """Words of four letters or more cut to five: "tariffs," and "tariff" share "tarif"."""
    return set(_STEM.findall(text.casefold()))


def _news_words(text: str, stems: set[str] | None = None) -> set[str]:
    """What a sentence tells, as words to compare with what the reader has been told: its
    content stems (``stems``, when the caller has them: they are changed in place), and its
    names and numbers once more (they weigh the most)."""
    words = stems if stems is not None else set(_STEM.findall(text.casefold()))
    words.difference_update(_COMMON)
    words.update([name + "#" for name in _NAME_OR_NUMBER.findall(text)])
    return words


class _Candidate(NamedTuple):
    score: float
    order: int
    item: Statement | str  # a statement, or a sentence made for it (who met whom)
    stems: set[str]  # its content stems, then its news words (see ``_weighed``)


def _outcomes(
    found: Sequence[Statement],
    subject: str,
    topic: set[str],
    today: date | None,
    budget: int = MAX_OUTCOMES,
    said: set[str] | None = None,
    headline: str = "",
    in_quotes: set[str] | None = None,
) -> list[str]:
    met: set[str] = set()
    scored: list[_Candidate] = []
    lede_paragraph = found[0].paragraph if found else 0  # after any date-only paragraph
    lede_found = False
    for statement in found:
        if statement.paragraph >= lede_paragraph + OUTCOME_REACH:
            continue
        in_lede = not lede_found and statement.paragraph == lede_paragraph
        words = statement.words
        if words > (MAX_LEDE_WORDS if in_lede else MAX_WORDS):
            short = shortened(statement, MAX_LEDE_WORDS if in_lede else MAX_WORDS)
            if short is None:
                continue
            statement, words = short, short.words
        raw = statement.raw
        if "met" in raw and _MEETING_WORD.search(raw):
            meeting = find_meeting(raw, subject)
            if meeting is not None:
                lede_found = True
                if not any(_surname(w) in met for w in meeting.who):
                    met.update(_surname(w) for w in meeting.who)
                    sentence = meeting.sentence()
                    scored.append(_Candidate(2.5, statement.order, sentence, set()))
                continue
        if (len(raw) < 12 and _NUMBERING.match(raw)) or COURTESY.match(raw):
            continue  # "1.", "Thank you, minister.": no news in it
        if in_lede:
            lede_found = True
            if not (headline and repeats(raw, headline, topic)):
                scored.append(_Candidate(10.0, statement.order, statement, set()))
            continue
        lede_found = True
        if words < MIN_WORDS or raw.endswith(":"):
            continue  # too short to tell an outcome; a list's lead-in ("The new agreement:")
        stems = _content_stems(raw)
        if headline and repeats(raw, headline, topic, stems):
            continue  # what the headline says
        score = _outcome_score(statement, topic, stems)
        if score > 0:
            scored.append(_Candidate(score, statement.order, statement, stems))
    # The best few by their words of news, then weighed for their stance and what they add.
    ranked = sorted(
        (_weighed(c) for c in sorted(scored, key=lambda c: (-c.score, c.order))[: budget + POOL]),
        key=lambda c: (-c.score, c.order),
    )
    following = {s.order - 1: s for s in found if s.paragraph <= lede_paragraph + OUTCOME_REACH}

    def news(candidate: _Candidate) -> bool:
        """Not what a quote says, nor what was said or done before the report."""
        item = candidate.item
        if isinstance(item, str):
            return True
        if in_quotes and _says_again(candidate.stems, in_quotes):
            return False
        return not looks_back(item.raw, today) and not _in_an_earlier_month(item, today)

    best, sequels = _most_news(ranked, budget, said or set(), news, following, today)
    texts = []
    for candidate in sorted(best, key=lambda c: c.order):
        item = candidate.item
        text = item if isinstance(item, str) else item.text
        if candidate.order in sequels:
            text = f"{text} {sequels[candidate.order].text}"
        texts.append(text)
    return _distinct(texts)


def _weighed(candidate: _Candidate) -> _Candidate:
    """``candidate`` with its news words (see ``_news_words``), less what its words of a
    stance (importance, commitment, praise) take from its worth: they tell no event."""
    item = candidate.item
    text = item if isinstance(item, str) else item.raw
    score = candidate.score
    if score < 2.5 and not candidate.stems.isdisjoint(_RHETORIC_STEMS):
        score -= min(len(RHETORIC.findall(text)), 3) * 0.3  # not for the lede or a meeting
    return _Candidate(score, candidate.order, item, _news_words(text, candidate.stems or None))


def _says_again(words: set[str], quoted: set[str]) -> bool:
    """Whether half a sentence's news words are a quote's (its names, counted twice, never
    are): the quote tells it, in the speaker's own words."""
    return len(words) > 4 and len(words & quoted) >= QUOTE_SHARE * len(words)


def _sequel(
    candidate: _Candidate, following: dict[int, Statement], today: date | None
) -> Statement | None:
    """The sentence after a chosen one, when it opens by pointing back to it ("This amendment
    extends the Agreement through 2040.", "They reviewed the Protocol.", "The meeting included
    all 13 partners.") and both are short enough to read as one bullet."""
    statement = candidate.item
    sequel = following.get(candidate.order)
    if sequel is None or isinstance(statement, str):
        return None
    start = _POINTS_BACK.match(sequel.raw)
    if start is None or sequel.paragraph > statement.paragraph + 1:
        return None
    if statement.words + sequel.words > MAX_JOINED_WORDS or sequel.raw.endswith(":"):
        return None  # too long to read as one; a list's lead-in
    noun = start.group(1)
    if noun and noun[:5].casefold() not in statement.raw.casefold():
        return None  # "The meeting" after a sentence that names no meeting
    if len(RHETORIC.findall(sequel.raw)) > 1 or speculates(sequel.raw):
        return None
    return None if looks_back(sequel.raw, today) else sequel


def _most_news(
    ranked: list[_Candidate],
    budget: int,
    said: set[str],
    news: Callable[[_Candidate], bool],
    following: dict[int, Statement],
    today: date | None,
) -> tuple[list[_Candidate], dict[int, Statement]]:
    """Up to ``budget`` outcomes that are ``news``, the best first (any others only when the
    article has nothing newer), and the sentences that go with them (see ``_sequel``), by
    the order of the one they follow. Each is chosen for its worth and for what it adds to
    the ones before it and to what the briefing says elsewhere (``said``): two sentences on
    one point leave room for a third."""
    if not ranked:
        return [], {}
    chosen: list[_Candidate] = []
    sequels: dict[int, Statement] = {}
    told = set(said)
    passed_over = False  # whether a sentence was left out for telling what came before
    best: _Candidate | None = ranked[0]  # the lede, or the best sentence
    told |= ranked[0].stems
    # What each other sentence is worth with what it adds; a worth only falls as the reader
    # is told more, so only the best one's is brought up to date before it is taken.
    worth = [
        (-(c.score + NOVELTY * len(c.stems - told)), rank, c) for rank, c in enumerate(ranked)
    ][1:]
    heapq.heapify(worth)
    while best is not None:
        chosen.append(best)
        told |= best.stems
        sequel = _sequel(best, following, today)
        if sequel is not None and all(c.order != sequel.order for c in chosen):
            sequels[best.order] = sequel
            worth = [w for w in worth if w[2].order != sequel.order]
            heapq.heapify(worth)
            told |= _news_words(sequel.raw)
        best = None
        while worth and best is None and len(chosen) < budget:
            stored, rank, candidate = worth[0]
            now = -(candidate.score + NOVELTY * len(candidate.stems - told))
            if now > stored:  # worth less than when last weighed: weigh again
                heapq.heapreplace(worth, (now, rank, candidate))
                continue
            heapq.heappop(worth)
            if news(candidate):
                best = candidate
            else:
                passed_over = True
    if len(chosen) > 1 or not passed_over:
        return chosen, sequels
    return ranked[:budget], {}


def _in_an_earlier_month(item: Statement | str, today: date | None) -> bool:
    """Dated "in August" when the report is from September: what happened before it."""
    if today is None or isinstance(item, str):
        return False
    text = item.raw
    months = [
        MONTHS[m.group(1).lower()]
        for m in _IN_MONTH.finditer(text)
        if not text[m.start() - 1 : m.start()].isalnum()
    ]
    return bool(months) and all(month < today.month for month in months)


def looks_back(text: str, today: date | None, *, next_step: bool = False) -> bool:
    """Whether ``text`` tells what was said or done before the report (of ``today``). A
    look back that only describes a thing the sentence is about does not count: inside a
    relative clause, a date that belongs to a noun ("the understanding reached in June
    2021"), a date in an opening phrase that leads to the news, a year not before the
    report's own. For a sentence that is not a next step, also a time before the report told
    beside the day of the news ("issued Monday, following talks last week") or a year in a
    sentence about what will be."""
    news_day: bool | None = None  # whether the day of the news is named (looked up once)
    for match in BACKGROUND.finditer(text):
        if _describes_a_thing(text, match, today, next_step):
            continue
        if next_step or match["verbal"]:
            return True
        if news_day is None:
            news_day = _NEWS_DAY.search(text) is not None
        if not news_day:
            return True
    # A full date a next step names is judged by its day (see ``_mentions_past_date``).
    return not next_step and today is not None and _dated_before(text, today)


def _dated_before(text: str, today: date) -> bool:
    """Whether ``text`` names a full date before the report's month ("on June 23, 2016",
    "17 July 2018")."""
    for year in _YEAR.finditer(text):
        start = year.start()
        if text[start - 1 : start] != " ":
            continue
        words = text[max(0, start - 16) : start].replace(",", " ").split()[-2:]
        if len(words) < 2:
            continue
        month = words[0] if words[1].isdigit() else words[1] if words[0].isdigit() else ""
        month = month.lower().rstrip(".")
        if month in MONTHS and _before(today, int(year.group()), month):
            return True
    return False


def _describes_a_thing(
    text: str, match: re.Match[str], today: date | None, next_step: bool
) -> bool:
    start = match.start()
    if match["verbal"]:
        return _RELATIVE_END.search(text, max(0, start - 10), start) is not None
    year = match["year"]
    if year and today is not None and not _before(today, int(year), match["month"]):
        return True
    if _ATTRIBUTIVE_END.search(text, max(0, start - 45), start):
        return True
    if _LEADING_PHRASE.match(text) and match.end() <= text.find(", "):
        return True
    return not next_step and year is not None and today is None and _FUTURE.search(text) is not None


def _before(today: date, year: int, month: str | None) -> bool:
    """Whether a year (and month) lies before the report's."""
    if year != today.year or month is None:
        return year < today.year
    return MONTHS.get(month.lower().rstrip("."), today.month) < today.month


def speculates(text: str) -> bool:
    """Whether ``text`` guesses rather than tells: a "may", "could", "might", "seen as", or a
    "would" of the sentence's own (not of a relative or reported clause, not a wish)."""
    match = SPECULATION.search(text)
    while match is not None:
        if _guesses(text, match):
            return True
        match = SPECULATION.search(text, match.end())
    return False


def _guesses(text: str, match: re.Match[str]) -> bool:
    """Whether the speculation word ``match`` guesses (see :func:`speculates`)."""
    if match.group() != "would":
        return True
    return not _WISH.match(text, match.end() + 1) and not _REPORTED_WOULD.search(
        text, max(0, match.start() - 80), match.start()
    )


def cue_count(text: str) -> int | None:
    """How many outcome cue words ``text`` holds (:data:`OUTCOME_CUE`), or None when it
    :func:`speculates`: one scan reads both."""
    cues = 0
    for match in _CUE_OR_SPECULATION.finditer(text):
        if match.lastgroup == "cue":
            cues += 1
        elif _guesses(text, match):
            return None
    return cues


def _outcome_score(statement: Statement, topic: set[str], stems: set[str]) -> float:
    """What a sentence is worth as an outcome: cue words of results, the headline's words
    (the story it tells, ``stems``: its own), numbers, and an early place in the article."""
    text = statement.raw
    cues = cue_count(text)
    if cues is None:
        return 0.0  # a guess
    shared = len(stems & topic) if topic else 0
    position = 1.0 / (1 + 0.15 * statement.order)
    numbers = 0.3 if _DIGIT.search(text) else 0.0
    return min(cues, 3) * 0.5 + min(shared, 4) * 0.25 + 0.5 * position + numbers


def _next_steps(found: Sequence[Statement], today: date | None) -> list[Statement]:
    scored: list[tuple[float, Statement]] = []
    agenda: list[Statement] = []
    # The lede is the first outcome, not a next step, unless all it says is still to come.
    lede = found[0].order if found and not _coming_lede(found[0].raw) else -1
    for statement in found:
        text = statement.raw
        if statement.order == lede:
            continue
        if text.find(":", 1, 34) > 0 and AGENDA_LINE.match(text):
            # "Vote: Wednesday, 13 February": an item of a schedule
            if not _mentions_past_date(text, today):
                agenda.append(statement)
            continue
        # The cheap cue tests first: most sentences have no cue and are never counted or dated.
        cue, hope = next_or_hope(text)
        if not cue and (not hope or PAST_CUE.search(text)):
            continue  # neither a cue nor a hope ("aims to ... on May 3")
        words = statement.words
        if words < MIN_NEXT_WORDS:
            continue  # "The exact dates are yet to be confirmed." says too little alone
        if words > MAX_WORDS:
            if (short := shortened(statement, MAX_WORDS, MIN_NEXT_WORDS)) is None:
                continue
            statement, text = short, short.raw
        future_date = _DIGIT.search(text) is not None and _mentions_future_date(text, today)
        if not cue and not future_date:
            continue
        strong_cue = STRONG_NEXT.search(text)
        # "The dates are yet to be confirmed" says what is not fixed: it needs its own time.
        strong = strong_cue is not None and not strong_cue.group().startswith("yet")
        if not strong and speculates(text):
            continue
        # "... has been applied since January and will lapse on 30 April": the clause that
        # looks ahead is judged on its own.
        ahead = _coming_clause(text)
        if looks_back(ahead, today, next_step=True) or _mentions_past_date(text, today):
            continue
        if not strong and not TIME_EXPRESSION.search(text):
            continue  # a claim about the future with no time: not a next step
        if _RECENT_PAST.search(ahead) or _past_before_future(ahead):
            continue
        score = 1.0 + (2.0 if strong else 0.0)
        score += 1.5 if future_date or _DAY.search(text) else 0.0
        score += 1.0 / (1 + 0.1 * statement.order)
        scored.append((score, statement))
    if agenda:  # a schedule is one step: "Debate: Tuesday, 12 February; Vote: Wednesday, ..."
        schedule = agenda[0]._replace(raw="; ".join(s.raw.rstrip(".") for s in agenda))
        scored.append((1.5 + 1.0 / (1 + 0.1 * schedule.order), schedule))
    best = sorted(scored, key=lambda s: (-s[0], s[1].order))[:MAX_NEXT]
    return [s for _, s in sorted(best, key=lambda s: s[1].order)]


def _coming_lede(text: str) -> bool:
    """A lede that tells only what is to come, and when ("On Thursday, MEPs will adopt
    ...", "The delegation will take part in talks on 17 and 18 May"): a preview's news is its
    next step. Nothing before its "will" is in the past."""
    future = _FUTURE.search(text)
    if future is None or _PAST_VERB.search(text, 0, future.start()):
        return False
    return bool(_DAY.search(text) or TIME_EXPRESSION.search(text))


def _coming_clause(text: str) -> str:
    """The clause of ``text`` that tells what is to come, when one is joined to a clause
    about the past ("... and will lapse on 30 April 2021") and names its own day; else all
    of ``text``."""
    joined = _AND_AHEAD.search(text)
    if joined is None or _DAY.search(text, joined.end()) is None:
        return text
    return text[joined.start() + 5 :]


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
    kept: list[set[str]] = []
    for text in texts:
        words = set(text.lower().split())
        if all(len(words & other) < 0.8 * len(words) for other in kept):
            out.append(text)
            kept.append(words)
    return out
