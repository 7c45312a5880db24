"""Choosing outcomes one at a time for their worth and what they add (``most_news``)."""

from __future__ import annotations

from briefings.facts.choice import Candidate, most_news, news_words
from briefings.facts.statements import Statement


def _candidate(order: int, score: float, raw: str) -> Candidate:
    statement = Statement(order, order, raw)
    return Candidate(score, order, statement, news_words(raw))


def _chosen(*candidates: Candidate, budget: int = 2) -> list[str]:
    ranked = sorted(candidates, key=lambda c: (-c.score, c.order))
    best, _ = most_news(ranked, budget, set(), lambda c: True, {}, None)
    return [c.item.raw for c in best if isinstance(c.item, Statement)]


LEDE = "Norland and Veldt ended their third round of fisheries talks in Ostby on Monday."
COLOUR = (
    "Delegates from both coastal nations, many of them veterans of earlier rounds, spent long "
    "evenings in the harbour district, where restaurants advertised herring menus, brass "
    "bands played, and local schoolchildren waved painted flags at passing limousines."
)


def test_a_short_result_outweighs_a_long_sentence_of_colour() -> None:
    result = "Negotiators identified three quota areas needing urgent work."
    chosen = _chosen(
        _candidate(0, 10.0, LEDE), _candidate(1, 0.2, COLOUR), _candidate(2, 0.9, result)
    )
    assert chosen == [LEDE, result]


def test_a_long_result_still_outweighs_a_short_remark() -> None:
    long_result = (
        "Veldt agreed to cut its herring quota by 12 percent from March, to open two northern "
        "ports to Norland trawlers, and to share catch data with Ostby inspectors every month."
    )
    remark = "The mood in the hall was calm."
    chosen = _chosen(
        _candidate(0, 10.0, LEDE), _candidate(1, 0.9, long_result), _candidate(2, 0.5, remark)
    )
    assert chosen == [LEDE, long_result]
