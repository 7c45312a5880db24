"""Whether a development is material (worth an alert), and where a thread stands.

A development is material when it:

- reaches an agreement (in principle or final) its thread had not reached, or reports the
  collapse of one ("agreement" → "no agreement");
- changes a tariff rate, an amount or a deadline an earlier development stated, or sets a
  deadline where none was stated before;
- starts talks (its headline says talks open, launch or begin, and its thread has no earlier
  development) or calls them off ("call off talks", "suspend talks", "rule out talks");
- was reported by :data:`MANY_OUTLETS` outlets or more within an hour of the first report.

Pure: developments in, reasons out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefings.model import Development, StatedFact, Thread
from briefings.stories.statedfacts import agreement_rank

MANY_OUTLETS = 3
_STARTED = re.compile(
    r"\b(?:open|opens|opened|launch|launches|launched|begin|begins|began|start|starts|started|"
    r"resume|resumes|resumed)\b.*\b(?:talks|negotiations)\b|"
    r"\b(?:talks|negotiations)\s+(?:open|opens|opened|begin|begins|began|start|starts|started|"
    r"resume|resumes|resumed|get\s+under\s*way)\b",
    re.IGNORECASE,
)
_CALLED_OFF = re.compile(
    r"\b(?:call(?:s|ed)?\s+off|suspend(?:s|ed)?|break(?:s)?\s+off|broke\s+off|rule[sd]?\s+out|"
    r"abandon(?:s|ed)?|walk(?:s|ed)?\s+out\s+of|pull(?:s|ed)?\s+out\s+of)\b.*\b(?:talks|negotiations)\b|"
    r"\b(?:talks|negotiations)\s+(?:collapse|collapsed|break\s+down|broke\s+down|suspended|called\s+off)\b",
    re.IGNORECASE,
)


def material_reasons(
    development: Development, earlier: Sequence[Development] = ()
) -> tuple[str, ...]:
    """Why ``development`` is material, given the ``earlier`` developments of its thread
    (empty when it is not): "agreement reached", "agreement collapsed", "new rate",
    "new amount", "new deadline", "talks started", "talks called off", "many outlets"."""
    reasons: list[str] = []
    before = standing(earlier)
    for fact in development.facts:
        reasons += _fact_reasons(fact, before.get(fact.key), bool(earlier))
    headline = development.briefing.headline
    if _CALLED_OFF.search(headline):
        reasons.append("talks called off")
    elif _STARTED.search(headline) and not earlier:
        reasons.append("talks started")
    if development.first_hour_outlets >= MANY_OUTLETS:
        reasons.append("many outlets")
    return tuple(dict.fromkeys(reasons))


def _fact_reasons(fact: StatedFact, before: StatedFact | None, follows: bool) -> list[str]:
    """``follows``: the development has earlier ones in its thread."""
    if before is not None and before.value == fact.value:
        return []
    if fact.kind == "agreement":
        now, then = agreement_rank(fact.value), agreement_rank(before.value) if before else 0
        if now > then:
            return ["agreement reached"]
        if now < then:
            return ["agreement collapsed"]
        return []
    if fact.kind in ("rate", "amount", "deadline") and before is not None:
        return [f"new {fact.kind}"]  # a rate first stated is the going rate, not news
    if fact.kind == "deadline" and follows:
        return ["new deadline"]
    return []


def standing(developments: Sequence[Development]) -> dict[tuple[str, str], StatedFact]:
    """The latest value of every fact the ``developments`` (oldest first) stated."""
    latest: dict[tuple[str, str], StatedFact] = {}
    for development in developments:
        latest.update({fact.key: fact for fact in development.facts})
    return latest


def thread_standing(thread: Thread) -> tuple[StatedFact, ...]:
    """Where ``thread`` stands: the latest value of each fact its developments stated, in
    the order the facts were first stated (for a one-line reminder)."""
    return tuple(standing(thread.developments).values())
