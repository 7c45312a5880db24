"""The facts a report states about its story, read from its headline and lede.

Five kinds, each with a subject so that two reports' values can be compared:

- ``rate``: a tariff or duty rate ("25 %"), subject the goods it is on ("car tariff");
- ``amount``: a sum of money with what it is for ("$550 billion", subject "investment");
- ``deadline``: the date a deadline falls on ("1 August");
- ``agreement``: "no agreement", "agreement in principle" or "agreement";
- ``lead``: who leads the talks for a side ("Norland lead negotiator": "Ana Pereira").

Only the headline, the first paragraphs and the briefing's outcomes are read, and sentences
that tell background ("earlier", "last month", "had set") are skipped: a fact is what the
report itself says is so now. "From 25% to 15%" states 15 %. Pure: text in, values out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from briefings.model import Article, Briefing, StatedFact
from briefings.reading.sentences import sentences

LEDE_PARAGRAPHS = 3


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


_BACKGROUND = re.compile(
    r"\b(?:earlier|previous(?:ly)?|originally|initially|last (?:week|month|year)|"
    r"had (?:been|set|threatened|agreed|planned|imposed|said)|in the past|since then|"
    r"ago|threatened|would have|since)\b",
    re.IGNORECASE,
)
_CLAUSE = re.compile(r"\s*[,;—–]\s*|\s+-\s+")
_PERCENT = r"(\d+(?:\.\d+)?)\s?(?:%|percent\b|per cent\b)"
# "tariff-free access for 99.9 per cent" states no rate.
_RATE_WORDS = re.compile(r"\b(?:tariffs?|duty|duties|levy|levies)\b(?!-)", re.IGNORECASE)
_PERCENT_VALUE = re.compile(_PERCENT, re.IGNORECASE)
_TO_PERCENT = re.compile(r"\bto\s+" + _PERCENT, re.IGNORECASE)
_FROM_PERCENT = re.compile(r"\bfrom\s+" + _PERCENT, re.IGNORECASE)
# The goods are a lower-case word: "car tariff", "tariff on (Aldorian) cars".
_GOODS_BEFORE = re.compile(
    r"\b([a-z]+)\s+(?i:(?:import\s+)?(?:tariffs?|duty|duties|levy|levies))\b"
)
_GOODS_AFTER = re.compile(
    r"(?i:\b(?:tariffs?|duty|duties|levy|levies)\s+on\s+(?:imported\s+|foreign\s+)?)"
    r"(?:[A-Z][\w-]*\s+)?([a-z]+)"
)
_NOT_GOODS = frozenset(
    _words(
        """a an the new higher lower its their reciprocal retaliatory current existing proposed
    planned same import imports all any such these those this that of on and or per cent
    percent baseline blanket general punitive more than some about nearly over around"""
    )
)
_MONTH = r"(january|february|march|april|may|june|july|august|september|october|november|december)"
_DAY_MONTH = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"\b", re.IGNORECASE)
_MONTH_DAY = re.compile(r"\b" + _MONTH + r"\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b", re.IGNORECASE)
_DEADLINE = re.compile(r"\bdeadline\b", re.IGNORECASE)
_MOVED_TO = re.compile(r"\b(?:to|until|till|now)\s*$", re.IGNORECASE)
_IN_PRINCIPLE = re.compile(
    r"\b(?:agreement|deal|agreed|accord)\s+in\s+principle\b|\bprinciple\s+agreement\b",
    re.IGNORECASE,
)
_NO_AGREEMENT = re.compile(
    r"\b(?:no\s+|without\s+(?:an?\s+|any\s+)?|failed\s+to\s+(?:reach|strike|seal|clinch|agree\s+on)"
    r"\s+(?:an?\s+|any\s+)?|(?:did\s+not|didn't|could\s+not|couldn't)\s+(?:reach|strike)\s+"
    r"(?:an?\s+|any\s+)?)(?:\w+\s+)?(?:agreement|deal|breakthrough)\b|"
    r"\bfailed\s+to\s+(?:agree|find\s+common\s+ground)\b|\bnot\s+(?:yet\s+)?agreed\b",
    re.IGNORECASE,
)
_AGREEMENT = re.compile(
    r"\b(?:reached|struck|sealed|signed|concluded|clinched|finali[sz]ed|secured)\s+"
    r"(?:an?\s+|the\s+|their\s+)?(?:[\w-]+\s+){0,2}(?:agreement|deal|accord)\b|"
    r"\bagreed\s+(?:on\s+)?(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}(?:deal|agreement)\b",
    re.IGNORECASE,
)
_NAME = r"((?:[A-Z][\w’'.-]+\s+){0,5}[A-Z][\w’'.-]+)"
_SIDE = r"(?:\b([A-Z][\w.]*)(?:'s|’s)\s+)?(?:new\s+)?"
_NEGOTIATOR = r"(?:chief|lead|top)\s+(?:trade\s+)?negotiator"
# (pattern, group of the side, group of the name)
_LEAD = (
    (re.compile(_SIDE + _NEGOTIATOR + r",?\s+" + _NAME), 1, 2),
    (re.compile(_NAME + r",?\s+(?:as\s+|is\s+)?" + _SIDE + _NEGOTIATOR), 2, 1),
    (re.compile(r"\btalks\s+(?:will\s+be\s+|are\s+|were\s+|now\s+)?led\s+by\s+" + _NAME), 0, 1),
)
_ROLE_WORDS = frozenset(
    _words(
        """Minister Secretary Trade Deputy Foreign Commissioner Representative Ambassador
    President Prime Vice Chief Senior Economy Economic Finance Commerce Undersecretary Mr Ms
    Mrs Dr Envoy Special"""
    )
)
# What a sum is for is a lower-case word: "$550 billion in investment", "worth of (Chinese) goods".
_AMOUNT = re.compile(
    r"(?:\$|€|£|US\$)\s?(\d+(?:\.\d+)?)\s+(billion|million|trillion)\s+(?:in|of|worth\s+of)\s+"
    r"(?:new\s+|additional\s+|annual\s+|fresh\s+)?(?:[A-Z][\w.-]*\s+)?([a-z]+)\b"
)
_POSSESSIVE = re.compile(r"['’]s$")
_AGREEMENT_ORDER = ("no agreement", "agreement in principle", "agreement")


def stated_facts(article: Article, briefing: Briefing) -> tuple[StatedFact, ...]:
    """The facts ``article`` states (one per kind and subject, the first stated wins)."""
    url = briefing.url or article.link
    found: dict[tuple[str, str], StatedFact] = {}
    for sentence in _current_sentences(article, briefing):
        for fact in _facts_of(sentence, url):
            found.setdefault(fact.key, fact)
    return tuple(found.values())


def _current_sentences(article: Article, briefing: Briefing) -> Iterator[str]:
    texts = [briefing.headline or article.title, *article.paragraphs[:LEDE_PARAGRAPHS]]
    texts += [fact.text for fact in briefing.outcomes]
    for text in texts:
        for sentence in sentences(text) or [text]:
            yield _without_background(sentence)


def _without_background(sentence: str) -> str:
    """The sentence without its clauses that tell background ("..., ending talks that
    began last year")."""
    if not _BACKGROUND.search(sentence):
        return sentence
    clauses = _CLAUSE.split(sentence)
    return ", ".join(c for c in clauses if not _BACKGROUND.search(c))


def _facts_of(sentence: str, url: str) -> Iterable[StatedFact]:
    yield from _rates(sentence, url)
    yield from _amounts(sentence, url)
    yield from _deadlines(sentence, url)
    yield from _agreement(sentence, url)
    yield from _leads(sentence, url)


def _rates(sentence: str, url: str) -> Iterator[StatedFact]:
    if not _RATE_WORDS.search(sentence):
        return
    value = _stated_percent(sentence)
    if value:
        yield StatedFact("rate", f"{_goods(sentence)}tariff", f"{value} %", url)


def _stated_percent(sentence: str) -> str:
    to = _TO_PERCENT.findall(sentence)
    if to:
        return str(to[-1])
    former = set(_FROM_PERCENT.findall(sentence))
    values = [v for v in dict.fromkeys(_PERCENT_VALUE.findall(sentence)) if v not in former]
    return str(values[0]) if len(values) == 1 else ""


def _goods(sentence: str) -> str:
    for pattern in (_GOODS_AFTER, _GOODS_BEFORE):
        for match in pattern.finditer(sentence):
            word = match.group(1).lower()
            if word not in _NOT_GOODS and not word.isdigit():
                return _singular(word) + " "
    return ""


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def _amounts(sentence: str, url: str) -> Iterator[StatedFact]:
    for number, scale, purpose in _AMOUNT.findall(sentence):
        if purpose.lower() in _NOT_GOODS:
            continue
        currency = sentence[sentence.find(number) - 1 : sentence.find(number)].strip() or "$"
        yield StatedFact("amount", purpose, f"{currency}{number} {scale}", url)
        return


def _deadlines(sentence: str, url: str) -> Iterator[StatedFact]:
    if not _DEADLINE.search(sentence):
        return
    dates = _dates(sentence)
    if not dates:
        return
    moved = [value for start, value in dates if _MOVED_TO.search(sentence[:start])]
    distinct = list(dict.fromkeys(value for _, value in dates))
    if moved:
        yield StatedFact("deadline", "deadline", moved[-1], url)
    elif len(distinct) == 1:
        yield StatedFact("deadline", "deadline", distinct[0], url)


def _dates(sentence: str) -> list[tuple[int, str]]:
    found = [
        (m.start(), f"{int(m.group(1))} {m.group(2).capitalize()}")
        for m in _DAY_MONTH.finditer(sentence)
    ]
    found += [
        (m.start(), f"{int(m.group(2))} {m.group(1).capitalize()}")
        for m in _MONTH_DAY.finditer(sentence)
        if m.group(1).lower() != "may" or m.group(1)[0].isupper()
    ]
    return sorted(found)


def _agreement(sentence: str, url: str) -> Iterator[StatedFact]:
    if _IN_PRINCIPLE.search(sentence):
        yield StatedFact("agreement", "agreement", "agreement in principle", url)
    elif _NO_AGREEMENT.search(sentence):
        yield StatedFact("agreement", "agreement", "no agreement", url)
    elif _AGREEMENT.search(sentence):
        yield StatedFact("agreement", "agreement", "agreement", url)


def _leads(sentence: str, url: str) -> Iterator[StatedFact]:
    for pattern, side_group, name_group in _LEAD:
        for match in pattern.finditer(sentence):
            side = match.group(side_group) if side_group else None
            name = _person(match.group(name_group))
            if name:
                subject = f"{side} lead negotiator" if side else "lead negotiator"
                yield StatedFact("lead", subject, name, url)
                return


def _person(words: str) -> str:
    """The name in ``words`` without a leading role; none when it is someone's ("Donald
    Trump's top negotiator" names no negotiator)."""
    names = [w.strip(".,") for w in words.split()]
    if any(_POSSESSIVE.search(name) for name in names):
        return ""
    while names and names[0] in _ROLE_WORDS:
        names.pop(0)
    return " ".join(names[:3]) if len(names) >= 2 else ""


def agreement_rank(value: str) -> int:
    """How far an agreement has come: "no agreement" 0, "in principle" 1, "agreement" 2."""
    return _AGREEMENT_ORDER.index(value) if value in _AGREEMENT_ORDER else -1
