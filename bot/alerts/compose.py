"""What an alert says: why it is one, the development's headline, its Changed lines, one or
two key outcomes and the sources. Each platform's renderer draws the :class:`AlertPart`."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from bot.chat import AlertPart, Reply
from briefings.model import Briefing, Change

# The outcomes (then next steps) an alert shows: the rest is one `latest` away.
KEY_FACTS = 2
# Reasons (``briefings.stories.material.material_reasons``) reworded for a reader.
_READER_WORDS = {"many outlets": "taken up by many outlets"}


def reason_words(reasons: Sequence[str]) -> tuple[str, ...]:
    """``("agreement reached", "many outlets")`` -> ``("agreement reached", "taken up by many
    outlets")``."""
    return tuple(_READER_WORDS.get(reason, reason) for reason in reasons)


def alert_briefing(briefing: Briefing) -> Briefing:
    """The briefing as an alert shows it: its key outcomes (or next steps when it has fewer
    outcomes) and sources, no quotes."""
    outcomes = briefing.outcomes[:KEY_FACTS]
    next_steps = briefing.next[: KEY_FACTS - len(outcomes)]
    return dataclasses.replace(briefing, outcomes=outcomes, next=next_steps, quotes=())


def alert_reply(reasons: Sequence[str], briefing: Briefing, changes: Sequence[Change]) -> Reply:
    return Reply(
        parts=(AlertPart(reason_words(reasons), alert_briefing(briefing), tuple(changes)),)
    )
