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

from briefings.facts.background import FUTURE, in_an_earlier_month, latest_event_day, looks_back
from briefings.facts.claims import claims_the_future
from briefings.facts.cues import cue_count, speculates
from briefings.facts.meetings import find_meeting
from briefings.facts.nextsteps import next_steps, told_as_done
from briefings.facts.pointers import antecedent, fragment, points_back
from briefings.facts.statements import MAX_WORDS, Statement, shortened, statements
from briefings.model import Article, Fact
from briefings.quotes.textcache import TextCache

MAX_OUTCOMES = 5
POOL = 4  # how many sentences beyond the budget the choice weighs further
QUOTE_SHARE = 0.5  # of a sentence's news words in a quote: the quote already tells it
NOVELTY = 0.1  # what a sentence's every word the reader has not been told adds to it
MAX_FACTS = 5  # outcomes and next steps together: a briefing reads in under half a minute
MAX_JOINED_WORDS = 55  # a sentence and the one that points back to it, in one bullet
MIN_WORDS = 6
MAX_LEDE_WORDS = 60

OUTCOME_REACH = 10  # paragraphs: news puts what happened first
STANCE_REACH = 2  # paragraphs of stance before the lede: a release that opens with its aims
# Words a speech or a call opens with: thanks, greetings, pleasantries, compliments, a
# call's ground rules. A speaker label ("MODERATOR: ") may come first.
COURTESY = re.compile(
    r"^(?:[A-Z][A-Z .]+: )?(?:(?:First(?: of all)?|Before I begin|On behalf of [^,]{1,80}),? )?"
    r"(?:Thank|Thanks|Good (?:morning|afternoon|evening|day)|Hello|Welcome|Greetings|"
    r"Ladies and|Dear |Distinguished |(?:Your )?Excellenc|Mr\.? (?:Chair|President)|Madam |"
    r"Colleagues,|Friends,|Congratulations|"
    r"It(?: is|[’']s) (?:a|my|an|such an?|always an?) (?:\w+ ){0,2}"
    r"(?:pleasure|honou?r|privilege|delight)|"
    r"It(?: is|[’']s) (?:\w+ )?(?:good|great|wonderful|nice) to be|"
    r"I(?: am|[’']m) (?:\w+ )?(?:delighted|pleased|honou?red|happy|glad|thrilled|grateful) to "
    r"(?:be|join|welcome|have)|"
    r"I (?:\w+ ){0,2}(?:want|wish|would like|[’']d like|have) (?:to )?(?:\w+ )?(?:thank|welcome|"
    r"begin|start|acknowledge|congratulate)|I (?:\w+ )?(?:thank|congratulate)|"
    r"We (?:\w+ )?(?:thank|congratulate)|(?:Let|Allow) me (?:\w+ )?(?:to )?(?:\w+ )?"
    r"(?:thank|begin|start|welcome|express|turn|hand|pass|do a)\b|With that, I\b|"
    r"By joining this call|(?:This|The|Today[’']s)(?: call| briefing)? (?:will be|is) "
    r"(?:an? )?(?:(?:on|off)[- ]the[- ]record|on background|embargoed)\b|"
    r"You(?: are|[’']re| have been|[’']ve been| were) |Your (?:\w+ )?(?:hospitality|welcome|"
    r"leadership|friendship))"
)
# Thanks said after a word that links it to the sentence before ("But most importantly, I
# have to thank our partners ...", "And I also want to thank my team ...").
_LINKED_THANKS = re.compile(
    r"^(?:And|But|So|Also|Finally|Lastly)\b[^.;:]{0,30}?\b(?:I|we)\b(?: \w+){0,3} "
    r"(?:thank|congratulate)"
)
_LINK_WORDS = ("And", "But", "So", "Also", "Finally", "Lastly")  # how those sentences open
# Paragraphs after a speech's opening courtesies in which its lede is looked for: the first
# sentence that tells something happened, was agreed, decided or announced.
SPEECH_REACH = 6
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
# What a thing is worth, told in the present: a stance, not an event.
_WORTH = re.compile(
    r"\b(?:is|are|remains?)\b (?:\w+ ){0,3}?(?:key|important|essential|vital|critical|crucial|"
    r"central|fundamental|integral)\b"
)
# Parts of those words: a sentence with none of them tells no worth, and is not scanned.
_WORTH_PARTS = (
    "key", "importan", "essential", "vital", "critical", "crucial", "central", "fundamental",
    "integral",
)  # fmt: skip
_DIGIT = re.compile(r"\d")
# A reaction or a colour, not a result: a said-clause whose content is only a judgement ("X
# said the talks were good and constructive", "described the meeting as cordial"), no
# comment, a walk-out, a hope, a welcome.
_JUDGEMENT = (
    r"(?:(?:very|really|quite|extremely|rather|most|highly|deeply|so) )?(?:good|constructive|"
    r"productive|positive|cordial|frank|useful|fruitful|friendly|candid|successful|excellent|"
    r"helpful|open|warm|substantive|substantial|difficult|tough|tense|disappointing|"
    r"encouraging|important|valuable|meaningful|historic|great|pleasant|intense|"
    r"serious|businesslike|business-like|fair|balanced)"
)
_REACTION = re.compile(
    rf"\b(?:(?:said|says|called|described|termed|characteri[sz]ed) (?:that )?(?:the |this |"
    rf"their |its |his |her )?(?:[\w-]+ ){{0,2}}?(?:(?:was|were|had been|as|has been) )?"
    rf"{_JUDGEMENT}(?:(?:,| and|, and) {_JUDGEMENT})*(?: (?:one|talks|meetings?|discussions?|"
    rf"exchanges?|atmosphere))?(?:,[^,]{{0,60}})?\.?$|"
    rf"(?:declined|refused) (?:to comment|comment)|walked out|"
    rf"expressed (?:(?:his|her|their|its|the) )?(?:hope|optimism|confidence|satisfaction|"
    rf"regret|disappointment|concern|gratitude|appreciation)|"
    rf"^(?:[\w.'’-]+ ){{1,6}}(?:welcomed|praised|hailed|applauded) the (?:\w+ ){{0,3}}\w+\.$)"
)
REACTION_COST = 1.0
# The stems (see ``_STEM``) of those words' verbs: a sentence with none of them is none.
_REACTION_STEMS = frozenset((
    "said", "says", "calle", "descr", "terme", "chara", "decli", "refus", "walke", "expre",
    "welco", "prais", "haile", "appla",
))  # fmt: skip
# A name (a capitalized word after the first) or a number: what a reader most needs told.
_NAME_OR_NUMBER = re.compile(r" ([A-Z][\w-]+|\d[\d.,]*)")
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
# A scene, not a result: "While delegates talk inside, police are preparing for ...": a
# "while" clause, then something going on.
_SCENE = re.compile(r"^While [^,]{3,80}, [^,;]{0,60}?\b(?:is|are) \w+ing\b")
# A sentence that opens by pointing back to the one before it.
_POINTS_BACK = re.compile(
    r"^(?:It|Its|This|These|They|Their|Both|The (\w+))\b"
    r"(?! (?:same|other|time|week|month|year|morning|afternoon|evening|days?)\b)"
)
_NUMBERING = re.compile(r"^\W*\w{0,3}\W*$")  # "1.", "(b)", "IV." : a list's number
# Why a source is not named, told as the sentence's own news: "The sources were not
# authorised to divulge the contents", "The officials weren't authorized to speak publicly".
_UNNAMED_SOURCE = re.compile(
    r"^(?:The|Both|Two|Three|Several|Those|These|Other)? ?(?:[\w-]+ ){0,3}?(?i:sources?|"
    r"officials?|diplomats?|people|persons?|participants?|negotiators?)\b[^.;:]{0,40}? "
    r"(?:(?:was|were|is|are)(?: not|n[’']t)|(?:had|has|have) not been) "
    r"(?:authori[sz]ed|allowed|permitted|cleared)\b"
)


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
    nexts = next_steps(found, today)
    taken = {s.order for s in nexts}
    topic = _content_stems(article.title)
    next_texts = [s.text for s in nexts if not repeats(s.text, article.title, topic)]
    in_quotes = set(_STEM.findall(" ".join(quoted).casefold())) if quoted else set()
    in_quotes -= _COMMON
    said = _news_words(" ".join(next_texts)) | in_quotes if next_texts else set(in_quotes)
    budget = max(MAX_FACTS - len(next_texts), 1)
    rest = [s for s in found if s.order not in taken]
    # A lede that tells what is to come is the first Next: the sentence after it leads the
    # outcomes only when it tells a result or a number, not a side remark.
    coming = bool(found) and found[0].order in taken
    # A page with no date of its own: its latest past event stands in for the day of the
    # report, to tell what came before it ("began in March").
    then = today if today is not None else latest_event_day(found)
    outcomes = _outcomes(
        rest, subject, topic, today, budget, said, article.title, in_quotes, coming, then
    )
    if next_texts and outcomes:  # a step an outcome tells as done is no step to come
        next_texts = [t for t in next_texts if not told_as_done(t, outcomes)]
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
    lead: Statement | None = None  # the sentence it points back to (see ``antecedent``)
    joined: bool = False  # whether the bullet shows its lead before it


def _outcomes(
    found: Sequence[Statement],
    subject: str,
    topic: set[str],
    today: date | None,
    budget: int = MAX_OUTCOMES,
    said: set[str] | None = None,
    headline: str = "",
    in_quotes: set[str] | None = None,
    lede_is_next: bool = False,
    month_of: date | None = None,
) -> list[str]:
    met: set[str] = set()
    scored: list[_Candidate] = []
    lede_paragraph = found[0].paragraph if found else 0  # after any date-only paragraph
    lede_found = handed_on = speech = False
    prior: Statement | None = None
    number = -1  # the order of the last list number ("2.")
    # Paragraphs that are an embedded social post ("... pic.twitter.com/3BCp").
    embedded = {s.paragraph for s in found if "pic.twitter.com" in s.raw}
    for statement in found:
        if len(statement.raw) < 12 and _NUMBERING.match(statement.raw):
            number = statement.order
            continue  # "1.": a list's number
        before, prior = prior, statement
        if statement.paragraph >= lede_paragraph + OUTCOME_REACH:
            continue
        in_lede = not lede_found and (handed_on or statement.paragraph == lede_paragraph)
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
        if courteous(raw):  # "Thank you, minister.": no news in it
            if not lede_found and statement.paragraph < lede_paragraph + SPEECH_REACH:
                speech = handed_on = True  # a speech: its lede tells what happened
            continue
        if statement.paragraph in embedded:
            continue  # an embedded post, not the article's own sentence
        if ("not" in raw or "n't" in raw or "n’t" in raw) and _UNNAMED_SOURCE.match(raw):
            continue  # why the source is unnamed: no news in it
        if in_lede and raw.endswith(":") and statement.paragraph < lede_paragraph + STANCE_REACH:
            handed_on = True  # "Statement by the Minister on the accord:": what follows leads
            continue
        lead, joined = None, False
        if before is not None and points_back(raw, topic) and not fragment(before.raw):
            lead = antecedent(statement, before, number)
            if lead is None:
                continue  # "These include ...", with what it points back to left out
            joined = lead.words + words <= MAX_JOINED_WORDS
        if (
            in_lede
            and not _a_stance(raw)
            and (not speech or tells_an_event(raw))
            and (not lede_is_next or _tells_a_result(raw))
        ):
            lede_found = True
            if not (headline and repeats(raw, headline, topic)):
                scored.append(_Candidate(10.0, statement.order, statement, set(), lead, joined))
            continue
        # A stance in the lede's place ("Norland is committed to ...") hands it on to the
        # sentence after it (in the first paragraphs), and is weighed as any other.
        reach = SPEECH_REACH if speech else STANCE_REACH
        handed_on = in_lede and statement.paragraph < lede_paragraph + reach
        lede_found = not handed_on
        if words < MIN_WORDS or raw.endswith(":"):
            continue  # too short to tell an outcome; a list's lead-in ("The new agreement:")
        stems = _content_stems(raw)
        if headline and repeats(raw, headline, topic, stems):
            continue  # what the headline says
        score = _outcome_score(statement, topic, stems)
        if score > 0:
            scored.append(_Candidate(score, statement.order, statement, stems, lead, joined))
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
        lead = candidate.lead
        if (
            candidate.joined
            and lead is not None
            and (looks_back(lead.raw, today) or in_an_earlier_month(lead, month_of))
        ):
            return False
        return not looks_back(item.raw, today) and not in_an_earlier_month(item, month_of)

    best, sequels = _most_news(ranked, budget, said or set(), news, following, today)
    leads = {c.lead.order for c in best if c.lead is not None and c.joined}
    texts = []
    for candidate in sorted(best, key=lambda c: c.order):
        item = candidate.item
        if candidate.order in leads:
            continue  # shown before the sentence that points back to it
        text = item if isinstance(item, str) else item.text
        if candidate.lead is not None and candidate.joined:
            text = f"{candidate.lead.text} {text}"
        if candidate.order in sequels:
            text = f"{text} {sequels[candidate.order].text}"
        texts.append(text)
    return _distinct(texts)


def courteous(text: str) -> bool:
    """Whether a sentence is thanks, a greeting or a compliment: how a speech or a call
    opens ("Thank you, Minister, for your warm welcome", "It is a great pleasure to be here",
    "Let me begin by thanking ...", "You are a fantastic partner")."""
    if COURTESY.match(text) is not None:
        return True
    return text.startswith(_LINK_WORDS) and _LINKED_THANKS.match(text) is not None


def _tells_worth(text: str) -> bool:
    """Whether ``text`` tells what a thing is worth (see ``_WORTH``)."""
    for part in _WORTH_PARTS:
        if part in text:
            return _WORTH.search(text) is not None
    return False


def tells_an_event(text: str) -> bool:
    """Whether a sentence says something happened, was agreed, decided or announced: the
    lede of a speech, after its courtesies and its reflections (not what the call or the
    day will bring: "This briefing will be embargoed until the conclusion of ...")."""
    return bool(cue_count(text)) and FUTURE.search(text) is None


def _tells_a_result(text: str) -> bool:
    """Whether a sentence tells a result or a number, not a reaction: what may lead the
    outcomes after a lede that tells what is to come."""
    return (bool(cue_count(text)) or _DIGIT.search(text) is not None) and _REACTION.search(
        text
    ) is None


def _a_stance(text: str) -> bool:
    """Whether a sentence tells a stance or an aim, not an event: no outcome cue, and words
    of a stance ("committed", "progressive", "benefits") or a claim about the future ("will
    continue to drive growth")."""
    if cue_count(text) != 0:
        return False
    if _tells_worth(text):
        return True  # "Such cooperation is an important part of ...", "Trade is key to ..."
    return len(RHETORIC.findall(text)) >= 2 or claims_the_future(text)


def _weighed(candidate: _Candidate) -> _Candidate:
    """``candidate`` with its news words (see ``_news_words``), less what its words of a
    stance (importance, commitment, praise) take from its worth: they tell no event; a
    reaction with no number (see ``_REACTION``) is worth less than a result."""
    item = candidate.item
    text = item if isinstance(item, str) else item.raw
    score = candidate.score
    if score < 2.5 and not candidate.stems.isdisjoint(_RHETORIC_STEMS):
        score -= min(len(RHETORIC.findall(text)), 3) * 0.3  # not for the lede or a meeting
    if (
        score < 2.5
        and not candidate.stems.isdisjoint(_REACTION_STEMS)
        and _DIGIT.search(text) is None
        and _REACTION.search(text) is not None
    ):
        score -= REACTION_COST  # a reaction: below a result
    stems = _news_words(text, candidate.stems or None)
    return _Candidate(score, candidate.order, item, stems, candidate.lead, candidate.joined)


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
    if noun and not _names(statement.raw, noun):
        return None  # "The meeting" after a sentence that names no meeting
    if len(RHETORIC.findall(sequel.raw)) > 1 or speculates(sequel.raw):
        return None
    return None if looks_back(sequel.raw, today) else sequel


# The verb that tells of a thing without its noun: "met" names a meeting.
_VERB_OF_NOUN = {"meeting": re.compile(r"\b(?:met|convened)\b")}


def _names(text: str, noun: str) -> bool:
    """Whether ``text`` names what ``noun`` points back to (its word, or its verb)."""
    if noun[:5].casefold() in text.casefold():
        return True
    verb = _VERB_OF_NOUN.get(noun.casefold())
    return verb is not None and verb.search(text) is not None


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
        sequel = _sequel(best, following, today) if not best.joined else None
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
            if not news(candidate):
                passed_over = True
            elif (shown := _as_shown(candidate, chosen, sequels)) is not None:
                best = shown
    if len(chosen) > 1 or not passed_over:
        return chosen, sequels
    return [c for c in ranked[:budget] if c.lead is None or c.joined], {}


def _as_shown(
    candidate: _Candidate, chosen: list[_Candidate], sequels: dict[int, Statement]
) -> _Candidate | None:
    """``candidate`` as it may be shown beside the ``chosen`` ones, or None. A sentence that
    points back goes with the one it points back to: in its bullet when that one is chosen
    and the two are short enough (see ``sequels``), else in the bullet right after it; when
    that one is not chosen, both in one bullet, or not at all."""
    for other in chosen:
        if other.joined and other.lead is not None and other.lead.order == candidate.order:
            return None  # shown before the sentence that points back to it
    lead = candidate.lead
    if lead is None:
        return candidate
    alone = _Candidate(candidate.score, candidate.order, candidate.item, candidate.stems)
    for other in chosen:
        if other.order == lead.order:
            host, item = other.item, candidate.item
            words = len(host.split()) if isinstance(host, str) else host.words
            if (
                isinstance(item, Statement)
                and other.order not in sequels
                and not other.joined
                and words + item.words <= MAX_JOINED_WORDS
            ):
                sequels[other.order] = item
                return None
            return alone
    if any(s.order == lead.order for s in sequels.values()):
        return alone
    return candidate if candidate.joined else None


def _outcome_score(statement: Statement, topic: set[str], stems: set[str]) -> float:
    """What a sentence is worth as an outcome: cue words of results, the headline's words
    (the story it tells, ``stems``: its own), numbers, and an early place in the article. A
    scene with no result ("While ..., police are preparing ...") is worth nothing."""
    text = statement.raw
    cues = cue_count(text)
    if cues is None or (cues == 0 and _tells_worth(text)):
        return 0.0  # a guess; what a thing is worth ("Trade is key to growth")
    shared = len(stems & topic) if topic else 0
    position = 1.0 / (1 + 0.15 * statement.order)
    numbers = 0.3 if _DIGIT.search(text) else 0.0
    score = min(cues, 3) * 0.5 + min(shared, 4) * 0.25 + 0.5 * position + numbers
    return 0.0 if cues == 0 and text[0] == "W" and _SCENE.match(text) else score


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
