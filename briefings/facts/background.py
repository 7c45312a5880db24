"""Background: what was said or done before the report (history, earlier statements, earlier
levels). It explains the news and is not news itself, unless the article has nothing newer."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from briefings.facts.cues import holds_none_of
from briefings.facts.statements import Statement
from briefings.facts.tenses import said_of_the_news
from briefings.reading.dates import MONTHS
from briefings.reading.scanning import WordPattern, holds_any

# What was said or done before this report: history, earlier statements, earlier levels. It
# explains the news and is not news itself. ``verbal``: a tense or phrase that looks back;
# the rest are times before the report (``year``: a year named, ``month``: its month).
_ANY_MONTH = (
    r"(?i:january|february|march|april|may|june|july|august|september|october|november|"
    r"december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)"
)
BACKGROUND = WordPattern(
    r"\b(?=[BEFILOPSTcdefhilmopstwy])"  # the letters its phrases start with: most places fail
    # and then the words they start with ("has ", "In ", "since "): most words that pass the
    # letters fail here, before each phrase is tried
    r"(?=ha(?:ve|s|d) |[Ii]t comes|[Tt]his comes|c(?:omes?|ame) |[Pp]r(?:ev|io)|stems |dates |"
    r"[Oo]rig|first |[Ee]arlier |[Ll]ast |Before |(?:hours|days?|weeks?|months?|years?|"
    r"decades?) |[Ii]n |[Ff]or |[Oo]ver |[Ss]ince |of )"
    r"(?:(?P<verbal>(?<!there )ha(?:ve|s|d) (?:long |previously |repeatedly |already |also )?"
    r"(?:said|argued|complained|warned|threatened|insisted|called|sought|demanded|maintained|"
    r"been)|"
    r"[Ii]t comes (?:after|as|amid)|[Tt]his comes|comes (?:after|amid)|came (?:after|amid)|"
    # timed from an event more than a week before: "The talks come only 14 days after the two
    # signed ..." (not "came two days after ...": the report's own days)
    r"(?P<timed>c(?:omes?|ame) (?:only |just |barely |some )?(?:(?:[89]|[1-9]\d+|eight|nine|"
    r"ten|eleven|twelve|\w+teen|twenty|thirty) days|(?:[2-9]|two|three|four|five|six|several) "
    r"weeks|(?:a|one|\w+) (?:months?|years?)) after)|"
    r"(?:comes?|came) against (?:the|a) backdrop|"
    r"[Pp]reviously|[Pp]rior to|stems from|dates back|[Oo]riginally|first (?:imposed|introduced)|"
    r"had (?:initially |originally |earlier |once )?(?:been|set|imposed|agreed|said|raised|"
    r"threatened|announced|reached|signed|opposed|rejected|sought|proposed|offered|pledged|"
    r"promised|accused|urged|asked|planned|hoped|expected|intended|aimed|seen)|"
    # A standing state, with no "already": "Colombia has a free-trade agreement with the
    # US", "Peru has 14 trade pacts with ..." (not "now has a deal": the news).
    r"(?<!there )(?<!now )(?<!which )(?<!that )ha(?:s|ve) (?:an?|\d+|several|many|two|three|"
    r"no) (?:[\w-]+ ){0,2}?(?:agreements?|pacts?|accords?|treat(?:y|ies)|deals?|FTAs?) with\b|"
    # A standing state: "Peru already has free-trade agreements with ..." (not "already
    # has agreed", "already has begun": a result).
    r"(?<=already )ha(?:s|ve) (?!(?:been|not|to|begun|done|made|won|set|cut|held|met|"
    r"\w+ed|\w+en)\b)[a-z]|"
    # A state that has lasted: "have worked on the round for seven years".
    r"ha(?:ve|s) (?:worked|negotiated|fought|struggled|waited|debated|wrangled|tried)\b"
    r"[^.;]{0,60}? for (?:more than |nearly |almost |over |about |some )?\w+ "
    r"(?:years|decades|months)\b(?! of\b))|"
    r"[Ee]arlier (?:this|in the) (?:week|month|year)|[Ll]ast (?:week|month|year|"
    r"January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\b|"
    r"^Before (?:this|that|the) \w+,|"
    r"(?:weeks|months|years|decades?) since|(?P<ago>(?:hours|days?|weeks?|months?|years?|"
    r"decades?) ago)|[Ii]n recent (?:weeks|months|years)|"
    r"[Ff]or (?:years|decades|months)|(?:[Ff]or|[Oo]ver) the (?:past|last) (?:\w+ )?"
    r"(?:years|decades|months)|[Ss]ince (?:(?:19|20)\d\d|the start|then)|"
    # An earlier accounting year ("In the 2019/20 fiscal year", "in the last financial
    # year"), and a state that goes back to a day ("have traded tariffs since July 6").
    r"[Ii]n the (?:(?:19|20)\d\d(?:[/-]\d\d(?:\d\d)?)? |(?:last|previous|past|prior) )"
    r"(?:fiscal|financial|business) year|"
    rf"[Ss]ince (?:{_ANY_MONTH}) \d{{1,2}}\b|"
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
# The news event as the subject of "came after" ("The collapse came after ...", "The move,
# called prorogation, came after ..."): what set it off, told with it ("It comes after ..."
# tells what came before).
_EVENT_SUBJECT = re.compile(r"The [a-z]+(?:, [^,]{1,40},)? $")
# What someone said before the news, after "came after": "The talks came after the
# Council's president said the sides were near the moment of truth" tells an earlier
# statement, not what set the news off.
_SAYING = re.compile(r"\b(?:said|says|warned|urged|called for|told|described|declared)\b")
SAYING_REACH = 90  # characters after "came after": the clause's subject and its verb
# A figure set beside an earlier one: "up 5% from a year ago", "higher than two years ago"
# ("more than two years ago" is a look back).
_COMPARED_END = re.compile(
    r"\b(?:from|(?<!more )(?<!less )(?<!fewer )than|with|versus|vs\.?|to) (?:\S+ ){0,2}$"
)
# Hours that make a day or more: "Twenty-four hours ago", "48 hours ago" (not "hours ago",
# "two hours ago": the day of the news).
_DAY_OF_HOURS_END = re.compile(
    r"(?:\b(?:2[4-9]|[3-9]\d|\d{3,})|(?:[Tt]wenty|[Tt]hirty|[Ff]orty|[Ff]ifty|[Ss]ixty|"
    r"[Ss]eventy)[- ]?\w*) $"
)
# A full date that belongs to a thing, a few words after its participle: "a draft amendment
# released for public comment on September 11, 2020" (not "The deal was signed on ...").
_OF_A_THING_END = re.compile(
    r"\b(?!(?:was|were|been|be|being|is|are|had|has|have)\b)[a-z][\w-]* (?:released|reached|"
    r"signed|agreed|held|launched|adopted|concluded|struck|issued|published|approved|announced|"
    r"imposed|introduced|submitted|proposed|tabled)(?: (?:for|in|at|by|with|under|during)"
    r"(?: [\w-]+){1,3})? on $"
)
# A result told as done by now, not as a condition: "has been adopted", "have already been
# finalised" (not "had been agreed", a look back; not "once it has been approved").
_DONE_BY_NOW = re.compile(
    r"ha(?:s|ve) (?:already |now |also )?been (?:\w+ly )?(?:finali[sz]ed|adopted|agreed|signed|"
    r"concluded|completed|reached|approved|ratified|resolved|settled|launched|lifted|removed|"
    r"struck|accepted|"
    # a count or a step of the report, told as done by now: "Seventy cases have been
    # confirmed so far", "5.5 million doses have already been sent"
    r"confirmed|reported|recorded|registered|sent|delivered|administered|vaccinated|killed|"
    r"injured|arrested|detained|charged|evacuated|deployed|suspended|postponed|cancell?ed)\b"
)
_CONDITION_END = re.compile(r"\b(?:if|once|until|unless|when|before|after)\b[^,;]{0,40}$")
# A deadline, when the report's own year is not known: "by the end of 2004".
_DEADLINE_END = re.compile(r"\b(?:by|before|until) the (?:end|start|beginning|middle) $")
# An opening phrase that leads to the news: "Building on the talks in February 2018, the
# ministers agreed ...".
_LEADING_PHRASE = re.compile(r"^(?:[A-Z][a-z]+ing|After|Following)\b")
# The day of the news itself.
_NEWS_DAY = re.compile(
    r"\b(?=[FMSTWt])(?:[Tt]oday|[Tt]onight|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
    r"Sunday)\b"
)
FUTURE = WordPattern(r"\b(?=[sw])(?:will|shall)\b")
# "in August" (not "in August 2019"): found by its words, the start of a word checked apart
# (a pattern that opens with a literal is searched fast).
_IN_MONTH = re.compile(
    r"in (January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\b(?! \d)"
)


def in_an_earlier_month(item: Statement | str, today: date | None) -> bool:
    """Dated "in August" when the report is from September: what happened before it."""
    if today is None or isinstance(item, str):
        return False
    months = _months_told_in(item.raw)
    return bool(months) and all(month < today.month for month in months)


def _months_told_in(text: str) -> list[int]:
    """The months ``text`` dates something "in" (no day after it: "in August")."""
    return [
        MONTHS[m.group(1).lower()]
        for m in _IN_MONTH.finditer(text)
        if not text[m.start() - 1 : m.start()].isalnum()
    ]


# Any month named, in full or cut short ("10 November", "Nov. 10", "in May"): the months of
# a lede, for a report with no date of its own.
_ANY_MONTH_NAME = re.compile(
    r"\b(January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b"
)
# A month the news itself is told in: "last month", "this month" (then "in April" may be it).
_OWN_MONTH = re.compile(r"\b(?:this|last|past) month\b")
# A time still to come: "is expected in April", "due in May", "planned for June".
_TO_COME = re.compile(r"\b(?:expected|due|scheduled|set to|plans?|planned|slated|will|shall)\b")


def months_named(text: str) -> frozenset[int]:
    """The months ``text`` names (see ``_ANY_MONTH_NAME``); with "this month" or "last
    month", every month (the news's own month is not known)."""
    if _OWN_MONTH.search(text):
        return frozenset(range(1, 13))
    return frozenset(MONTHS[m.group(1).lower()] for m in _ANY_MONTH_NAME.finditer(text))


def in_a_month_before_the_lede(item: Statement | str, lede_months: frozenset[int]) -> bool:
    """In a report with no date of its own, whether a sentence is dated "in April" (no day,
    no year) by a month its lede and headline do not name (``lede_months``): news of the
    report tells its days by weekday or by the lede's own month, so a past event of another
    month came before it ("Tensions escalated in April when ..." after "agreed on Monday to
    extend the truce"). Not a time still to come ("talks are expected in May")."""
    if isinstance(item, str) or "in " not in item.raw:
        return False
    months = _months_told_in(item.raw)
    if not months or any(month in lede_months for month in months):
        return False
    return _TO_COME.search(item.raw) is None


# A day of a month without its year: "on Dec. 1", "June 29", "on 24 March" (not "June 29,
# 2019", a full date judged apart; not "March 3:", a label). News names the days of its own
# week by their weekday, and any other day by its date.
_MONTH_DAY = re.compile(
    r"\b(?:(?P<month>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|January|February|"
    r"March|April|June|July|August|September|October|November|December)\.? (?P<day>\d{1,2})"
    r"(?:st|nd|rd|th)?|(?P<day_first>\d{1,2}) (?P<month_second>January|February|March|April|"
    r"May|June|July|August|September|October|November|December))\b(?!,? (?:19|20)\d\d)(?![:\d])"
)
_DIGIT = re.compile(r"\d")  # a digit as ``_MONTH_DAY`` reads one
_ASCII_DIGIT = re.compile(r"\d", re.ASCII)  # the same in an ASCII text, told by a table
# The names of a month ``_MONTH_DAY`` reads, each a whole word.
_MONTH_DAY_WORDS = frozenset(
    month.encode()
    for month in (
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov",
        "Dec", "January", "February", "March", "April", "June", "July", "August", "September",
        "October", "November", "December",
    )
)  # fmt: skip
_UNTIL_END = re.compile(
    r"\b(?:until|till|by|before|from|to|through|since|between) $|"
    r"\bbetween (?:[A-Z][a-z]+\.? \d{1,2}|\d{1,2} [A-Z][a-z]+) and $"
)
WEEK = 7  # days: news of the report's own week names its days by their weekday


def names_a_weekday(text: str) -> bool:
    """Whether ``text`` names the day of the news ("today", "Monday"): each such word holds
    "day" or "onight", looked for first."""
    return ("day" in text or "onight" in text) and _NEWS_DAY.search(text) is not None


def tells_the_future(text: str) -> bool:
    """Whether ``text`` holds "will" or "shall" (see ``FUTURE``), looked for first as text."""
    return ("will" in text or "shall" in text) and FUTURE.search(text) is not None


def on_an_earlier_day(item: Statement | str, today: date | None, weekdays: bool) -> bool:
    """Whether a sentence that tells no step to come is dated by a day of a month (no year)
    more than a week before the report of ``today``; with no date of the report, whether it
    names such a day in an article that tells its own news by weekday (``weekdays``): "Trump
    and Xi agreed on Dec. 1 to a truce" beside "talks opened Monday"."""
    if isinstance(item, str) or (today is None and not weekdays):
        return False
    text = item.raw
    digit = (_ASCII_DIGIT if text.isascii() else _DIGIT).search(text)
    if digit is None or holds_none_of(text, _MONTH_DAY_WORDS):
        return False  # the cheap tests first: a day of a month has digits and a month's name
    if tells_the_future(text):
        return False
    if names_a_weekday(text):
        return False  # "Also on Sunday, ... first announced on October 6": the news's day
    for match in _MONTH_DAY.finditer(text):
        head = text[max(0, match.start() - 48) : match.start()].removesuffix("on ")
        if _ATTRIBUTIVE_END.search(head) or _UNTIL_END.search(head):
            continue  # "the deal reached on Oct. 11", "until June 30": not the sentence's day
        if today is None:
            return True
        month = MONTHS.get((match["month"] or match["month_second"]).lower())
        day = int(match["day"] or match["day_first"])
        if month is None:
            continue
        try:
            then = date(today.year, month, day)
        except ValueError:
            continue
        if then > today and (month, day) != (2, 29):
            then = date(today.year - 1, month, day)  # "Dec. 1" in a report of January
        if (today - then).days > WEEK:
            return True
    return False


def looks_back(text: str, today: date | None, *, next_step: bool = False) -> bool:
    """Whether ``text`` tells what was said or done before the report (of ``today``). A
    look back that only describes a thing the sentence is about does not count: inside a
    relative clause, a date that belongs to a noun ("the understanding reached in June
    2021"), a date in an opening phrase that leads to the news, a year not before the
    report's own. For a sentence that is not a next step, also a time before the report told
    beside the day of the news ("issued Monday, following talks last week") or a year in a
    sentence about what will be."""
    news_day: bool | None = None  # whether the day of the news is named (looked up once)
    for match in BACKGROUND.finditer(text) if _may_look_back(text) else ():
        if _describes_a_thing(text, match, today, next_step):
            continue
        if next_step or match["verbal"]:
            return True
        if news_day is None:
            news_day = names_a_weekday(text)
        if not news_day:
            return True
    # A full date a next step names is judged by its day (see ``_mentions_past_date``).
    return not next_step and today is not None and _dated_before(text, today)


# A whole word one of the phrases of ``BACKGROUND`` holds ("has", "last", a year), and the
# text of each of the rest, whose words may run on ("previously", "for years", "since").
_BACKGROUND_WORDS = frozenset(
    [
        word.encode()
        for word in (
            "has", "have", "had", "came", "come", "Prior", "prior", "stems", "dates", "Earlier",
            "earlier", "Last", "last", "Before", "recent", "past", "fiscal", "financial",
            "business",
        )
    ]
    + [str(year).encode() for year in range(1900, 2100)]
)  # fmt: skip
_BACKGROUND_TEXTS = (
    "comes", "reviously", "riginally", "first i", "ince", " ago", "or years", "or decades",
    "or months",
)  # fmt: skip


def _may_look_back(text: str) -> bool:
    """Whether ``text`` may hold a phrase of ``BACKGROUND``: false only when an ASCII text
    holds none of the words and texts each of them needs, a test far cheaper than the scan."""
    if not holds_none_of(text, _BACKGROUND_WORDS):
        return True  # a word of one, or a text that is not ASCII
    return holds_any(text, _BACKGROUND_TEXTS)


def _dated_before(text: str, today: date) -> bool:
    """Whether ``text`` names a full date before the report's month ("on June 23, 2016",
    "17 July 2018")."""
    if " 19" not in text and " 20" not in text:
        return False  # no year after a space: the cheap test first
    for year in _YEAR.finditer(text):
        start = year.start()
        if text[start - 1 : start] != " ":
            continue
        words = text[max(0, start - 16) : start].replace(",", " ").split()[-2:]
        if len(words) < 2:
            continue
        day = words[1] if words[1].isdigit() else words[0] if words[0].isdigit() else ""
        month = words[0] if words[1].isdigit() else words[1] if words[0].isdigit() else ""
        month = month.lower().rstrip(".")
        if month in MONTHS and _before(today, int(year.group()), month):
            if _within_the_week(today, int(year.group()), MONTHS[month], int(day)):
                continue  # "on 27 November 2015" in a report of 4 December: its own week
            head = text[max(0, start - 80) : text.rfind(" ", 0, start - 1) + 1]
            if _OF_A_THING_END.search(head.removesuffix(words[0] + " ")) is None:
                return True  # not "a draft released for comment on 11 September 2020"
    return False


def _describes_a_thing(
    text: str, match: re.Match[str], today: date | None, next_step: bool
) -> bool:
    start = match.start()
    if match["ago"]:
        before = text[max(0, start - 30) : start]
        if match.group().startswith("hours") and not _DAY_OF_HOURS_END.search(before):
            return True  # "two hours ago": today, the day of the news
        if _COMPARED_END.search(before):
            return True  # "up 5% from a year ago"
    if match["verbal"]:
        if (
            match.group().endswith(" been")
            and _DONE_BY_NOW.match(text, start)
            and not _CONDITION_END.search(text, max(0, start - 48), start)
            and not text.endswith("will ", 0, start)  # "will have been confirmed": to come
        ):
            return True  # "98% has been adopted": a result of the report, told as done
        if (
            match.group()[:4] in {"came", "come"}
            and not match["timed"]  # "came two weeks after ...": a time, not a cause
            and not match.group().endswith("backdrop")  # the setting, not what set it off
            and _EVENT_SUBJECT.match(text[:start])
            and _SAYING.search(text, match.end(), match.end() + SAYING_REACH) is None
        ):
            return True  # "The collapse came after ministers rejected ...": what set it off
        if _RELATIVE_END.search(text, max(0, start - 10), start) is not None:
            return True
        if match.group()[:3] != "had":
            return False
        return said_of_the_news(text, start)
    year = match["year"]
    if year and today is not None and not _before(today, int(year), match["month"]):
        return True
    if _ATTRIBUTIVE_END.search(text, max(0, start - 45), start):
        return True
    if year and today is None and _DEADLINE_END.search(text, max(0, start - 24), start):
        return True  # "a framework for an agreement by the end of 2004": a deadline
    if _LEADING_PHRASE.match(text) and match.end() <= text.find(", "):
        return True
    return not next_step and year is not None and today is None and tells_the_future(text)


def _within_the_week(today: date, year: int, month: int, day: int) -> bool:
    """Whether a day lies in the week before the report's (see ``WEEK``)."""
    try:
        return 0 <= (today - date(year, month, day)).days <= WEEK
    except ValueError:
        return False


def _before(today: date, year: int, month: str | None) -> bool:
    """Whether a year (and month) lies before the report's."""
    if year != today.year or month is None:
        return year < today.year
    return MONTHS.get(month.lower().rstrip("."), today.month) < today.month


# A full date: "3 March 2024", "March 3, 2024" (months capitalized, as news writes them).
_FULL_DATE = re.compile(
    r"\b(?:(?P<day>\d{1,2}) (?P<month>[A-Z][a-z]{2,8})\.?,? |(?P<month_first>[A-Z][a-z]{2,8})"
    r"\.? (?P<day_second>\d{1,2})(?:st|nd|rd|th)?, )(?P<year>(?:19|20)\d\d)\b"
)
_AHEAD = re.compile(r"\b(?:will|shall|scheduled|due|expected|set to|to be|plans?|until|by)\b")


def latest_event_day(found: Sequence[Statement]) -> date | None:
    """The latest full date of a past event the article tells ("signed on 3 March 2024"),
    for a page with no date of its own: what "in March" is looked back from. A sentence that
    looks ahead ("will be held on 14 July 2025") names no event that has happened."""
    latest: date | None = None
    for statement in found:
        text = statement.raw
        if not _YEAR.search(text) or _AHEAD.search(text):
            continue
        for match in _FULL_DATE.finditer(text):
            month = MONTHS.get((match["month"] or match["month_first"]).lower())
            if month is None:
                continue
            try:
                day = date(int(match["year"]), month, int(match["day"] or match["day_second"]))
            except ValueError:
                continue
            if latest is None or day > latest:
                latest = day
    return latest


# A full date in a headline: "Trade Council: 22 May 2018", "Talks of March 3, 2025".
_HEADLINE_DATE = re.compile(
    r"\b(?:(?P<day>\d{1,2}) (?P<month>[A-Z][a-z]{2,8})|(?P<month_first>[A-Z][a-z]{2,8})\.? "
    r"(?P<day_second>\d{1,2}),?) (?P<year>(?:19|20)\d\d)\b"
)
HEADLINE_REACH = 62  # days: a statement on a meeting comes out within weeks of it


def day_of_the_headline(headline: str, today: date | None) -> date | None:
    """The day a headline names ("Foreign Affairs Council (Trade): 22 May 2018") when it is
    before the report's own (``today``) and not long before: a statement that reports a
    meeting after it; the meeting's day is the day of its news."""
    if today is None or _DIGIT.search(headline) is None:
        return None  # the cheap test first: a date has a digit
    match = _HEADLINE_DATE.search(headline)
    if match is None:
        return None
    month = MONTHS.get((match["month"] or match["month_first"]).lower())
    if month is None:
        return None
    try:
        day = date(int(match["year"]), month, int(match["day"] or match["day_second"]))
    except ValueError:
        return None
    return day if 0 < (today - day).days <= HEADLINE_REACH else None


# A sentence that tells what someone reported to a meeting: the sentences after it go on
# with the report, their tenses shifted back ("She reported progress on subsidies. Nearly 60
# countries had agreed to launch talks.").
_REPORTED = re.compile(
    r"\b(?:reported|noted|explained|informed|briefed|updated|told)\b(?! (?:to|by)\b)"
)


def told_in_a_report(text: str, before: str, today: date | None) -> bool:
    """Whether ``text``, which looks back by its past perfect alone, goes on with the report
    the sentence ``before`` it tells (see ``_REPORTED``): what was reported, not background."""
    if " had " not in text or _REPORTED.search(before) is None:
        return False
    return not looks_back(text.replace(" had ", " has "), today)
