"""Developments: the reports of several outlets about one event, merged into one.

Reports are grouped by :func:`~briefings.stories.stories.group_stories` (shared people,
places, meetings and lede numbers; never a different round) and each group's briefings are
merged by :func:`~briefings.stories.merge.merge_briefings`: one headline, every source, each
quote once with the URLs of every report that carried it, and the facts the reports state.
Pure: reports in, developments out; the key of a development is fixed by its earliest report,
so grouping the same reports again gives the same keys.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from briefings.model import Article, Briefing, Development, Quote, StatedFact
from briefings.stories.merge import LONG_QUOTE_WORDS, merge_briefings, quote_key, same_quote
from briefings.stories.statedfacts import stated_facts
from briefings.stories.stories import StoryItem, group_stories

DEVELOPMENT_WINDOW = timedelta(hours=24)
FIRST_HOUR = timedelta(hours=1)


@dataclass(frozen=True, slots=True)
class Report:
    """One outlet's report: the article as read and its briefing. ``published`` must be set
    (tz-aware) on the article or the briefing."""

    id: str
    article: Article
    briefing: Briefing

    @property
    def published(self) -> datetime:
        when = self.article.published or self.briefing.published
        if when is None:
            raise ValueError(f"report {self.id} has no publication time")
        return when

    @property
    def item(self) -> StoryItem:
        return StoryItem.of(self.id, self.article.title, self.article.text, self.published)


def development_key(first_report_id: str) -> str:
    return "d-" + hashlib.sha256(first_report_id.encode("utf-8")).hexdigest()[:24]


def group_developments(
    reports: Sequence[Report],
    known: Iterable[Development] = (),
    window: timedelta = DEVELOPMENT_WINDOW,
) -> tuple[Development, ...]:
    """The developments of ``reports``, oldest first. A development holding a report of a
    ``known`` development keeps that one's key, so a report that arrives late (even one
    published before the others) updates the development instead of starting another.
    Raises ValueError for a report without a publication time."""
    by_id = {report.id: report for report in reports}
    stories = group_stories([report.item for report in by_id.values()], window=window)
    groups = [[by_id[item.id] for item in story.items] for story in stories]
    keys = _known_keys(known)
    developments: list[Development] = []
    taken: set[str] = set()
    for group in sorted(_joined_by_quotes(groups, window), key=_first_published):
        development = develop(group)
        key = next(
            (keys[r.id] for r in _ordered(group) if keys.get(r.id, "") not in ("", *taken)), ""
        )
        if key:
            development = dataclasses.replace(development, key=key)
        taken.add(development.key)
        developments.append(development)
    return tuple(sorted(developments, key=lambda d: (d.published, d.key)))


def _known_keys(known: Iterable[Development]) -> dict[str, str]:
    return {rid: d.key for d in known for rid in d.report_ids}


def _first_published(group: Sequence[Report]) -> datetime:
    return min(r.published for r in group)


def _ordered(reports: Sequence[Report]) -> list[Report]:
    return sorted(reports, key=lambda r: (r.published, r.id))


def _joined_by_quotes(groups: list[list[Report]], window: timedelta) -> list[list[Report]]:
    """Groups joined when their reports carry the same long quote within ``window``: two
    outlets quoting one remark at length report one event, however they word the rest.

    A group joins the first earlier group it shares a quote with; only the groups carrying
    one of its long quotes are looked at (an index by quote), so a big batch of reports
    without shared quotes costs one pass."""
    joined: list[list[Report]] = []
    carriers: dict[str, set[int]] = {}
    for group in sorted(groups, key=lambda g: min(r.published for r in g)):
        quotes = {text for report in group for text in _long_quotes(report)}
        candidates = sorted({i for text in quotes for i in carriers.get(text, ())})
        home = next((i for i in candidates if _share_a_quote(joined[i], group, window)), None)
        if home is None:
            joined.append(list(group))
            home = len(joined) - 1
        else:
            joined[home].extend(group)
        for text in quotes:
            carriers.setdefault(text, set()).add(home)
    return joined


def _share_a_quote(a: Sequence[Report], b: Sequence[Report], window: timedelta) -> bool:
    # Cheapest test first: a report's signature is computed afresh each time it is asked for.
    return any(
        abs(x.published - y.published) <= window
        and _long_quotes(x) & _long_quotes(y)
        and not x.item.signature.conflicts_with(y.item.signature)
        for x in a
        for y in b
    )


def _long_quotes(report: Report) -> set[str]:
    texts = (quote_key(q)[1] for q in report.briefing.quotes)
    return {text for text in texts if len(text.split()) >= LONG_QUOTE_WORDS}


def develop(reports: Sequence[Report]) -> Development:
    """One development of ``reports`` (all about the same event)."""
    ordered = _ordered(reports)
    briefings = [report.briefing for report in ordered]
    merged = briefings[0] if len(briefings) == 1 else merge_briefings(briefings)
    return Development(
        key=development_key(ordered[0].id),
        briefing=merged,
        report_ids=tuple(report.id for report in ordered),
        published=ordered[0].published,
        facts=_agreed_facts(stated_facts(r.article, r.briefing) for r in ordered),
        quote_sources=tuple(_carriers(quote, briefings) for quote in merged.quotes),
        lede=ordered[0].item.lede,
        first_hour_outlets=_first_hour_outlets(ordered),
    )


def _first_hour_outlets(ordered: Sequence[Report]) -> int:
    first = ordered[0].published
    outlets = {
        r.article.outlet or r.briefing.outlet or r.id
        for r in ordered
        if r.published - first <= FIRST_HOUR
    }
    return len(outlets)


def _carriers(quote: Quote, briefings: Sequence[Briefing]) -> tuple[str, ...]:
    key = quote_key(quote)
    urls = [
        briefing.url
        for briefing in briefings
        if any(same_quote(key, quote_key(other)) for other in briefing.quotes)
    ]
    return tuple(dict.fromkeys(urls))


def _agreed_facts(per_report: Iterable[Sequence[StatedFact]]) -> tuple[StatedFact, ...]:
    """One value per fact: the one most reports state, the earliest report's on a tie."""
    values: dict[tuple[str, str], Counter[str]] = {}
    first: dict[tuple[str, str, str], StatedFact] = {}
    for facts in per_report:
        for fact in facts:
            values.setdefault(fact.key, Counter())[fact.value] += 1
            first.setdefault((*fact.key, fact.value), fact)
    return tuple(first[(*key, counts.most_common(1)[0][0])] for key, counts in values.items())
