"""Briefing quality on the labelled real news pages (``tests/data/news/``).

Each labelled article is read twice, as scraped text (``ID.txt``) and as an HTML page
(``ID.html``), and briefed by the engine. The figures:

- ``quote_recall``: labelled quotes the quote finder found (same span);
- ``speaker_accuracy``: of those, the share with the labelled speaker;
- ``quote_precision``: found quotes that match a labelled quote;
- ``key_fact_coverage``: labelled key facts stated in one bullet (outcome, next or quote);
- ``lead3_key_fact_coverage``: the same facts stated in one of the article's first three
  sentences (the article without its furniture), the baseline a briefing must beat;
- ``next_precision``: "Next" bullets that state something still to come (a labelled
  ``future`` item);
- ``furniture_leaks``: bullets, quotes or headlines made of a labelled furniture line;
- ``crashes``: pages the engine could not brief.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from briefings.errors import NothingToBrief
from briefings.model import Briefing, Quote
from briefings.quotes import find_quotes
from briefings.reading.sentences import sentences
from briefings.sources.read import read_source
from briefings.summarize import summarize

NEWS = Path(__file__).resolve().parents[1] / "data" / "news"
FORMS = ("txt", "html")
_QUOTE_CHARS = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-"})


def in_test_split(article_id: str) -> bool:
    """A quarter of the articles, chosen by a hash of the id: never looked at while tuning."""
    return int(hashlib.sha1(article_id.encode("utf-8")).hexdigest(), 16) % 4 == 0


def normalize(text: str) -> str:
    return " ".join(text.translate(_QUOTE_CHARS).split()).casefold()


def _trimmed(text: str) -> str:
    return normalize(text).strip(" ,.;:!?…'\"")


@dataclass(frozen=True, slots=True)
class Label:
    id: str
    data: dict

    @property
    def quotes(self) -> list[dict]:
        return list(self.data.get("quotes", []))

    @property
    def key_facts(self) -> list[dict]:
        return list(self.data.get("key_facts", []))

    @property
    def future(self) -> list[list]:
        return list(self.data.get("future", []))

    @property
    def furniture(self) -> list[str]:
        """Furniture lines; a repeat of the headline or standfirst counts as neither."""
        own = {
            _trimmed(self.data.get("headline") or ""),
            _trimmed(self.data.get("standfirst") or ""),
        }
        return [line for line in self.data.get("furniture", []) if _trimmed(line) not in own]

    def page(self, form: str) -> Path:
        return NEWS / f"{self.id}.{form}"


def labels(split: str = "all") -> list[Label]:
    """The labelled articles of ``split`` (``dev``, ``test`` or ``all``), sorted by id."""
    found = []
    for path in sorted(NEWS.glob("*.json")):
        if path.name in {"split.json", "floor.json"}:
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        article_id = data.get("id", path.stem)
        if split == "test" and not in_test_split(article_id):
            continue
        if split == "dev" and in_test_split(article_id):
            continue
        found.append(Label(article_id, data))
    return found


# -- matching ------------------------------------------------------------------------------


def _term_in(term: str | Sequence[str], text: str) -> bool:
    options = [term] if isinstance(term, str) else list(term)
    return any(re.search(r"(?<!\w)" + re.escape(normalize(o)), text) for o in options)


def states(terms: Sequence, unit: str) -> bool:
    """Whether one bullet or sentence holds every term (an item that is a list: any of it)."""
    text = normalize(unit)
    return bool(terms) and all(_term_in(term, text) for term in terms)


def same_span(gold: str, found: str) -> bool:
    a, b = _trimmed(gold), _trimmed(found)
    if a == b:
        return True
    shorter, longer = sorted((a, b), key=len)
    return len(shorter.split()) >= 3 and shorter in longer and len(shorter) >= 0.8 * len(longer)


def same_speaker(gold: str, quote: Quote) -> bool:
    a, b = _trimmed(gold), _trimmed(quote.speaker)
    if not a or not b:
        return a == b
    if a == b or a.split()[-1] == b.split()[-1]:
        return True
    # An organisation or unnamed source: the shorter description inside the longer one.
    shorter, longer = sorted((a, b), key=len)
    return len(shorter) >= 4 and shorter in longer


def is_furniture(text: str, furniture: Iterable[str], *, whole: bool = False) -> bool:
    """Whether a bullet is made of a furniture line (or holds a long one, or stands inside
    one). ``whole``: only the same line counts (a headline also stands in a breadcrumb)."""
    unit = _trimmed(text)
    if not unit:
        return False
    for line in furniture:
        item = _trimmed(line)
        if not item:
            continue
        if unit == item:
            return True
        if whole:
            continue
        if len(item.split()) >= 4 and item in unit:
            return True
        if len(unit.split()) >= 4 and unit in item:
            return True
    return False


def lead_sentences(label: Label, count: int = 3) -> list[str]:
    """The first ``count`` sentences of the article itself: the page text without its
    furniture, headline, standfirst or dateline-only lines."""
    skip = {_trimmed(line) for line in label.furniture}
    skip |= {
        _trimmed(label.data.get("headline") or ""),
        _trimmed(label.data.get("standfirst") or ""),
    }
    body = []
    for line in label.page("txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and _trimmed(line) not in skip:
            body.append(line.strip())
    found: list[str] = []
    for paragraph in body:
        if len(paragraph.split()) < 6:
            continue
        found.extend(sentences(paragraph))
        if len(found) >= count:
            break
    return found[:count]


# -- scoring -------------------------------------------------------------------------------


def _match(gold: dict, quotes: Sequence[Quote], used: set[int]) -> Quote | None:
    """The quote found for ``gold``: of those with its words and not matched yet, one by its
    speaker first."""
    same = [i for i, q in enumerate(quotes) if i not in used and same_span(gold["text"], q.text)]
    if not same:
        return None
    best = next((i for i in same if same_speaker(gold["speaker"], quotes[i])), same[0])
    used.add(best)
    return quotes[best]


@dataclass(slots=True)
class Tally:
    pages: int = 0
    crashes: int = 0
    gold_quotes: int = 0
    found_quotes: int = 0
    right_speakers: int = 0
    engine_quotes: int = 0
    matched_engine_quotes: int = 0
    key_facts: int = 0
    covered_facts: int = 0
    lead3_facts: int = 0
    next_bullets: int = 0
    future_next: int = 0
    leaks: int = 0
    notes: list[str] = field(default_factory=list)

    def add_quotes(self, label: Label, quotes: Sequence[Quote], where: str) -> None:
        used: set[int] = set()  # words quoted twice ("null and void") are two quotes
        for gold in label.quotes:
            self.gold_quotes += 1
            match = _match(gold, quotes, used)
            if match is None:
                self.notes.append(f"{where}: missed quote {gold['text'][:60]!r}")
                continue
            self.found_quotes += 1
            if same_speaker(gold["speaker"], match):
                self.right_speakers += 1
            else:
                self.notes.append(
                    f"{where}: {gold['text'][:40]!r} by {gold['speaker']!r}, got {match.speaker!r}"
                )
        for quote in quotes:
            self.engine_quotes += 1
            if any(same_span(g["text"], quote.text) for g in label.quotes):
                self.matched_engine_quotes += 1
            else:
                self.notes.append(f"{where}: extra quote {quote.text[:60]!r}")

    def add_facts(self, label: Label, briefing: Briefing, where: str) -> None:
        # What a reader is told: the fact bullets and the quotes.
        bullets = [f.text for f in briefing.outcomes + briefing.next]
        bullets += [q.text for q in briefing.quotes]
        for fact in label.key_facts:
            self.key_facts += 1
            if any(states(fact["terms"], b) for b in bullets):
                self.covered_facts += 1
            else:
                self.notes.append(f"{where}: key fact not covered: {fact['fact'][:70]!r}")
        for bullet in briefing.next:
            self.next_bullets += 1
            if any(states(terms, bullet.text) for terms in label.future):
                self.future_next += 1
            else:
                self.notes.append(f"{where}: next that is not to come: {bullet.text[:70]!r}")

    def add_leaks(self, label: Label, briefing: Briefing, where: str) -> None:
        if is_furniture(briefing.headline, label.furniture, whole=True):
            self.leaks += 1
            self.notes.append(f"{where}: furniture headline {briefing.headline[:70]!r}")
        units = [f.text for f in briefing.outcomes + briefing.next]
        units += [q.text for q in briefing.quotes]
        for unit in units:
            if is_furniture(unit, label.furniture):
                self.leaks += 1
                self.notes.append(f"{where}: furniture leak {unit[:70]!r}")

    def figures(self) -> dict[str, float | int]:
        def ratio(a: int, b: int) -> float:
            return round(a / b, 3) if b else 0.0

        return {
            "quote_recall": ratio(self.found_quotes, self.gold_quotes),
            "speaker_accuracy": ratio(self.right_speakers, self.found_quotes),
            "quote_precision": ratio(self.matched_engine_quotes, self.engine_quotes),
            "key_fact_coverage": ratio(self.covered_facts, self.key_facts),
            "lead3_key_fact_coverage": ratio(self.lead3_facts, self.key_facts),
            "next_precision": ratio(self.future_next, self.next_bullets),
            "furniture_leaks": self.leaks,
            "crashes": self.crashes,
        }


def evaluate(split: str = "test", forms: Sequence[str] = FORMS) -> tuple[dict, Tally]:
    """Figures over the pages of ``split`` in each of ``forms``; the tally keeps the misses."""
    tally = Tally()
    chosen = labels(split)
    for label in chosen:
        lead = lead_sentences(label)
        for form in forms:
            where = f"{label.id}.{form}"
            tally.pages += 1
            try:
                article = read_source(str(label.page(form)))
                briefing = summarize(article)
                quotes = find_quotes(article.paragraphs, article.link, title=article.title)
            except NothingToBrief as exc:  # refused with a message: every label a miss
                tally.notes.append(f"{where}: nothing to brief: {exc}")
                briefing, quotes = Briefing(headline="", url=""), []
            except Exception as exc:  # any other failure is a crash to count, not to hide
                tally.crashes += 1
                tally.notes.append(f"{where}: crashed: {exc!r}")
                continue
            tally.add_quotes(label, quotes, where)
            tally.add_facts(label, briefing, where)
            tally.add_leaks(label, briefing, where)
            tally.lead3_facts += sum(
                any(states(fact["terms"], s) for s in lead) for fact in label.key_facts
            )
    figures = tally.figures() | {"articles": len(chosen), "pages": tally.pages}
    return figures, tally
