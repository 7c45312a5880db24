"""Outcome and next-step bullets: what happened (agreed or not, who met whom and for how
long) and what happens next and when. Sentences are the article's own words, tidied; negations
stay as written ("failed to find common ground")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from briefings.facts.background import (
    day_of_the_headline,
    in_a_month_before_the_lede,
    in_an_earlier_month,
    latest_event_day,
    looks_back,
    months_named,
    names_a_weekday,
    on_an_earlier_day,
    told_in_a_report,
)
from briefings.facts.choice import (
    COMMON,
    LEDE,
    MAX_JOINED_WORDS,
    STEM,
    Candidate,
    most_news,
    news_words,
)
from briefings.facts.ledecut import cut_long_lede
from briefings.facts.ledesteps import lede_told_apart
from briefings.facts.meetings import find_meeting
from briefings.facts.news import (
    content_stems,
    no_outcome,
    of_the_report,
    tells_news,
    tells_the_headlines_event,
)
from briefings.facts.nextsteps import MAX_NEXT, steps_and_echoes
from briefings.facts.onestep import same_step, told_as_done
from briefings.facts.pointers import antecedent, fragment, points_back
from briefings.facts.quotedsteps import quoted_steps
from briefings.facts.stance import (
    UNNAMED_SOURCE,
    a_stance,
    announces_what_follows,
    courteous,
    says_nothing,
    tells_a_result,
)
from briefings.facts.standing import (
    no_details,
    scheduled_with_its_time,
    told_then,
)
from briefings.facts.statements import (
    MAX_WORDS,
    Statement,
    as_read,
    hosts_turns,
    shortened,
    statements,
    tells_a_quoted_result,
)
from briefings.facts.stepdays import times
from briefings.facts.tenses import goes_on_from_the_one_before, timed_from_the_one_before
from briefings.facts.voices import Spoken, asked, voices, with_speakers
from briefings.facts.worth import says_again, score_as_outcome, weighed
from briefings.model import Article, Fact
from briefings.quotes.textcache import TextCache

MAX_OUTCOMES = 5
POOL = 4  # how many sentences beyond the budget the choice weighs further
MAX_FACTS = 5  # outcomes and next steps together: a briefing reads in under half a minute
MIN_WORDS = 6
MAX_LEDE_WORDS = 60

OUTCOME_REACH = 10  # paragraphs: news puts what happened first
STANCE_REACH = 2  # paragraphs of stance before the lede: a release that opens with its aims
# Paragraphs after a speech's opening courtesies in which its lede is looked for: the first
# sentence that tells something happened, was agreed, decided or announced.
SPEECH_REACH = 6
_MEETING_WORD = re.compile(r"\bmet\b")
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
    speakers: Sequence[str] = (),
) -> Facts:
    """Outcome and next-step facts of ``article``; ``subject`` names a leading he/she,
    ``quoted`` are the quotes the briefing shows (an outcome need not say them again) and
    ``speakers`` who said each (empty for a fragment): a firm step a quote tells is a Next."""
    link = article.link
    found = statements(article.paragraphs, subject, cache)
    said_by = voices(as_read(article.paragraphs), article.title)  # who speaks, in a transcript
    if any(said_by):  # a questioner's or a host's first-person words are no fact
        found = [s for s in found if not asked(s.paragraph, s.raw, said_by)]
    today = article.published.date() if article.published else None
    nexts, echoes = steps_and_echoes(found, today)
    found = lede_told_apart(found, nexts)  # a step a lede tells after its news
    taken = {s.order for s in nexts} | echoes  # a step told again is no outcome either
    apart = _set_apart(article) if article.background else frozenset()
    if apart:
        nexts = _steps_of_the_news(nexts, apart)
    topic = content_stems(article.title)
    tidied = [(s.text, s.paragraph) for s in nexts]  # each tidied once
    steps = [
        Spoken(text, (paragraph,))
        for text, paragraph in tidied
        if not repeats(text, article.title, topic)
    ]
    next_texts = [step.text for step in steps]
    in_quotes = set(STEM.findall(" ".join(quoted).casefold())) if quoted else set()
    in_quotes -= COMMON
    said = news_words(" ".join(next_texts)) | in_quotes if next_texts else set(in_quotes)
    budget = max(MAX_FACTS - len(next_texts), 1)
    rest = [s for s in found if s.order not in taken]
    # A lede that tells what is to come is the first Next: the sentence after it leads the
    # outcomes only when it tells a result or a number, not a side remark.
    coming = bool(found) and found[0].order in taken
    # A page with no date of its own: its latest past event stands in for the day of the
    # report, to tell what came before it ("began in March").
    then = today if today is not None else latest_event_day(found)
    # A statement that reports a meeting after it, the meeting's day in its headline: news of
    # that day is the report's own ("The Council took place on 22 May 2018").
    told_day = day_of_the_headline(article.title, today)
    if told_day is not None:
        then = told_day
    # Whether the lede tells its day by weekday: then a day told by its date came before.
    weekdays = bool(found) and names_a_weekday(found[0].raw)
    # With no day of the report at all, the months its lede and headline name: a past event
    # of another month came before the news.
    lede_months = (
        months_named(f"{article.title} {found[0].raw}") if then is None and found else None
    )
    outcomes = _outcomes(
        rest,
        subject,
        topic,
        then if told_day is not None else today,
        budget,
        said,
        article.title,
        in_quotes,
        coming,
        then,
        weekdays,
        lede_months,
        apart,
    )
    if len(steps) < MAX_NEXT:
        own = [s for s in rest if s.paragraph not in apart] if apart else rest
        for step in _steps_of_the_day(own, steps):  # never an outcome, and a step
            kept = [o for o in outcomes if o.text != step.text]
            if len(kept) + len(steps) < MAX_FACTS:  # in its own place, or with room for it
                outcomes = kept
                steps.append(step)
    if steps and outcomes:  # a step an outcome tells as done is no step to come
        done = [o.text for o in outcomes]
        steps = [step for step in steps if not told_as_done(step.text, done)]
    if speakers and len(steps) < MAX_NEXT:  # a step told only in a quote
        for told in quoted_steps(list(zip(quoted, speakers, strict=False)), today):
            if len(steps) < MAX_NEXT and not any(_one_step(told, s.text) for s in steps):
                steps.append(Spoken(told, ()))  # in reported speech, its speaker named
    named: set[str] = set()  # speakers named with their role
    return Facts(
        outcomes=tuple(Fact(text, link) for text in with_speakers(outcomes, said_by, named)),
        next=tuple(Fact(text, link) for text in with_speakers(steps, said_by, named)),
    )


def _set_apart(article: Article) -> frozenset[int]:
    """The paragraphs (as :func:`statements` numbers them) that the page sets apart from its
    news under a heading of their own (``Article.background``)."""
    marked = set(article.background)
    if not any(paragraph.endswith(",") for paragraph in article.paragraphs):
        return frozenset(marked)
    read: set[int] = set()
    number = 0  # paragraphs broken off at a comma are read as one (see ``continued``)
    for i, paragraph in enumerate(article.paragraphs):
        if i in marked:
            read.add(number)
        if not paragraph.endswith(","):
            number += 1
    return frozenset(read)


def _steps_of_the_news(nexts: list[Statement], apart: frozenset[int]) -> list[Statement]:
    """The next steps of the report's news: a step from a section set apart from it
    (``apart``) only when the news tells none, and only with its time."""
    own = [s for s in nexts if s.paragraph not in apart]
    return own or [s for s in nexts if times(s.raw)]


def _steps_of_the_day(found: Sequence[Statement], steps: Sequence[Spoken]) -> list[Spoken]:
    """What is expected or scheduled with its time ("A press statement is scheduled for
    13:30."), in the paragraphs of the outcomes, as a Next: never an outcome, and a step of
    its own."""
    shown = {spoken.text for spoken in steps}
    added: list[Spoken] = []
    end = (found[0].paragraph + OUTCOME_REACH) if found else 0
    for statement in found:
        if statement.paragraph >= end or len(steps) + len(added) >= MAX_NEXT:
            break
        if scheduled_with_its_time(statement.raw) and statement.text not in shown:
            added.append(Spoken(statement.text, (statement.paragraph,)))
    return added


def _one_step(step: str, other: str) -> bool:
    """Whether two next steps are one: the same day in mostly the same words, or the same
    time named ("the next round ... next week" twice)."""
    return same_step(step, other) or bool(times(step) & times(other))


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
        own = content_stems(bullet)
    if headline_stems is None:
        headline_stems = content_stems(headline)
    return bool(own) and len(own & headline_stems) >= 0.8 * len(own)


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
    weekdays: bool = False,
    lede_months: frozenset[int] | None = None,
    apart: frozenset[int] = frozenset(),
) -> list[Spoken]:
    met: set[str] = set()
    scored: list[Candidate] = []
    lede_paragraph = found[0].paragraph if found else 0  # after any date-only paragraph
    lede_found = handed_on = speech = False
    prior: Statement | None = None
    number = -1  # the order of the last list number ("2.")
    # The statements in reach (in the order of their paragraphs): no later one is read.
    end = lede_paragraph + OUTCOME_REACH
    near = found[: next((k for k, s in enumerate(found) if s.paragraph >= end), len(found))]
    # Paragraphs that are an embedded social post ("... pic.twitter.com/3BCp").
    embedded = {s.paragraph for s in near if "pic.twitter.com" in s.raw}
    embedded |= hosts_turns(near)  # a briefing's host: who speaks next, not what happened
    headline_itself = headline.rstrip("…")  # a headline made from a sentence: see ``repeats``
    for statement in near:
        if len(statement.raw) < 12 and _NUMBERING.match(statement.raw):
            number = statement.order
            continue  # "1.": a list's number
        before, prior = prior, statement
        in_lede = not lede_found and (handed_on or statement.paragraph == lede_paragraph)
        words = statement.words
        if words > (MAX_LEDE_WORDS if in_lede else MAX_WORDS):
            short = shortened(statement, MAX_LEDE_WORDS if in_lede else MAX_WORDS)
            if short is None and in_lede:  # its news, never lost: cut, or kept whole
                short = cut_long_lede(statement, MAX_LEDE_WORDS, MIN_WORDS)
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
                    scored.append(Candidate(2.5, statement.order, sentence, set()))
                continue
        if courteous(raw):  # "Thank you, minister.": no news in it
            if not lede_found and statement.paragraph < lede_paragraph + SPEECH_REACH:
                speech = handed_on = True  # a speech: its lede tells what happened
            continue
        if statement.paragraph in embedded:
            continue  # an embedded post, not the article's own sentence
        if ("not" in raw or "n't" in raw or "n’t" in raw) and UNNAMED_SOURCE.match(raw):
            continue  # why the source is unnamed: no news in it
        if in_lede and raw.endswith(":") and statement.paragraph < lede_paragraph + STANCE_REACH:
            handed_on = True  # "Statement by the Minister on the accord:": what follows leads
            continue
        if announces_what_follows(raw):  # "... has today made the following statement."
            handed_on = handed_on or (
                in_lede and statement.paragraph < lede_paragraph + STANCE_REACH
            )
            continue
        lead, joined = None, False
        if (
            before is not None
            and points_back(raw, topic)
            and not fragment(before.raw)
            and not courteous(before.raw)  # thanks are nothing to point back to
        ):
            lead = antecedent(statement, before, number)
            if lead is None:
                continue  # "These include ...", with what it points back to left out
            joined = lead.words + words <= MAX_JOINED_WORDS
        if (
            in_lede
            and not a_stance(raw)
            and not ((handed_on or lede_is_next) and (no_details(raw) or no_outcome(raw)))
            and (not speech or tells_news(statement, today, month_of, weekdays))
            and (not lede_is_next or tells_a_result(raw))
            and (
                not (handed_on or lede_is_next)
                or of_the_report(statement, today, month_of, weekdays)
            )
        ):
            lede_found = True
            if not (headline and repeats(raw, headline, topic)):
                scored.append(Candidate(LEDE, statement.order, statement, set(), lead, joined))
            continue
        # A stance in the lede's place ("Norland is committed to ...") hands it on to the
        # sentence after it (in the first paragraphs), and is weighed as any other.
        reach = SPEECH_REACH if speech else STANCE_REACH
        handed_on = in_lede and statement.paragraph < lede_paragraph + reach
        lede_found = not handed_on
        if words < MIN_WORDS or raw.endswith(":"):
            continue  # too short to tell an outcome; a list's lead-in ("The new agreement:")
        if says_nothing(raw) or no_details(raw):
            continue  # "Both teams are fully committed to the task", "declined to comment"
        stems = content_stems(raw)
        shared = len(stems & topic) if topic else 0  # the headline's words it holds
        if (
            headline
            and stems
            and shared >= 0.8 * len(stems)
            and not raw.startswith(headline_itself)
        ):
            continue  # what the headline says (see ``repeats``)
        score = score_as_outcome(raw, statement.order, shared)
        if score > 0:
            scored.append(Candidate(score, statement.order, statement, stems, lead, joined))
    # The best few by their words of news, then weighed for their stance and what they add.
    ranked = sorted(
        (weighed(c) for c in sorted(scored, key=lambda c: (-c.score, c.order))[: budget + POOL]),
        key=lambda c: (-c.score, c.order),
    )
    following = {s.order - 1: s for s in found if s.paragraph <= lede_paragraph + OUTCOME_REACH}
    by_order = {s.order: s for s in following.values()}  # the sentence before: see ``news``

    def news(candidate: Candidate) -> bool:
        """Not what a quote says, nor what was said or done before the report."""
        item = candidate.item
        if isinstance(item, str):
            return True
        if (
            in_quotes
            and says_again(candidate.stems, in_quotes)
            and not tells_a_quoted_result(item.raw)  # the result whole, its quote a part
        ):
            return False
        lead = candidate.lead
        if (
            candidate.joined
            and lead is not None
            and (looks_back(lead.raw, today) or in_an_earlier_month(lead, month_of))
        ):
            return False
        before = by_order.get(item.order - 1)
        if (
            before is not None
            and (timed_from_the_one_before(item.raw) or told_then(item.raw))
            and (looks_back(before.raw, today) or in_an_earlier_month(before, month_of))
        ):
            return False  # "a month later" after what came before the report
        if (
            before is not None
            and before.paragraph == item.paragraph
            and goes_on_from_the_one_before(item.raw)
            and (looks_back(before.raw, today) or in_an_earlier_month(before, month_of))
        ):
            return False  # "In 2017 members agreed to ... Members also recognized ..."
        if (
            looks_back(item.raw, today) and not tells_the_headlines_event(item.raw, topic, today)
        ) and (
            before is None
            or before.paragraph != item.paragraph
            or not told_in_a_report(item.raw, before.raw, today)
        ):
            return False
        if before_the_news(item):
            return False  # "Tensions escalated in April" in a report with no date
        if no_outcome(item.raw):
            return False  # "The deal aims to cut ...", "An announcement is expected on Friday"
        return not in_an_earlier_month(item, month_of) and not on_an_earlier_day(
            item, today, weekdays
        )

    def before_the_news(statement: Statement) -> bool:
        """Dated by a month its undated report's lede does not name (see ``news``)."""
        return lede_months is not None and in_a_month_before_the_lede(statement, lede_months)

    def news_of_the_report(candidate: Candidate) -> bool:
        """News (see ``news``) not under the page's own "Background" heading or its notes."""
        item, lead = candidate.item, candidate.lead
        if isinstance(item, str):
            return True
        if item.paragraph in apart or (
            candidate.joined and lead is not None and lead.paragraph in apart
        ):
            return False
        return news(candidate)

    def before_the_report(statement: Statement) -> bool:
        """What ``before_the_news`` tells of, or what the page sets apart from its news."""
        return statement.paragraph in apart or before_the_news(statement)

    own_news = news_of_the_report if apart else news
    best, sequels = most_news(
        ranked,
        budget,
        said or set(),
        own_news,
        following,
        today,
        before_the_report if apart else before_the_news,
    )
    if apart and not all(map(news_of_the_report, best)):
        # With nothing else to tell, the page's own background tells it, chosen as news is.
        best, sequels = most_news(
            ranked, budget, said or set(), news, following, today, before_the_news
        )
    leads = {c.lead.order for c in best if c.lead is not None and c.joined}
    texts = []
    for candidate in sorted(best, key=lambda c: c.order):
        item = candidate.item
        if candidate.order in leads:
            continue  # shown before the sentence that points back to it
        text = item if isinstance(item, str) else item.text
        at = [_paragraph_of(candidate.order, found) if isinstance(item, str) else item.paragraph]
        if candidate.lead is not None and candidate.joined:
            text = f"{candidate.lead.text} {text}"
            at.append(candidate.lead.paragraph)
        if candidate.order in sequels:
            text = f"{text} {sequels[candidate.order].text_after_its_lead}"
            at.append(sequels[candidate.order].paragraph)
        texts.append(Spoken(text, tuple(at)))
    return _distinct(texts)


def _surname(name: str) -> str:
    return name.split()[-1]


def _paragraph_of(order: int, found: Sequence[Statement]) -> int:
    return next((s.paragraph for s in found if s.order == order), -1)


def _distinct(texts: list[Spoken]) -> list[Spoken]:
    out: list[Spoken] = []
    kept: list[set[str]] = []
    for spoken in texts:
        words = set(spoken.text.lower().split())
        most = 0.8 * len(words)
        for other in kept:
            if len(words & other) >= most:
                break
        else:
            out.append(spoken)
            kept.append(words)
    return out
