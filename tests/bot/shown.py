"""A topic thread to show with ``latest``, and what a chat has been recorded as sent of it."""

from __future__ import annotations

from datetime import datetime, timedelta

import sqlalchemy as sa

from bot.store.briefings import BriefingStore
from bot.store.sent import SentStore
from bot.store.threads import ThreadStore
from briefings.model import Briefing, Development, Fact, Thread

NOTHING_NEW = "Nothing new since you last looked"


def save_thread(engine: sa.Engine, now: datetime, count: int = 3) -> int:
    """One thread of ``count`` developments on trade-talks, a day apart, the newest
    (``Round 1``) a day before ``now``; its id."""
    developments = []
    for n in range(1, count + 1):
        when = now - timedelta(days=n)
        briefing = Briefing(
            headline=f"Round {n} of the tariff talks ends",
            url=f"https://news.example/round-{n}",
            published=when,
            outcomes=(Fact(f"No agreement in round {n}."),),
            topics=("trade-talks",),
        )
        developments.append(Development(f"round-{n}", briefing, (briefing.url,), when))
    store = BriefingStore(engine)
    for d in developments:
        store.save(d.key, d.briefing, d.published)
    return ThreadStore(engine).save([Thread("rounds", tuple(developments))], {}, now)["rounds"]


def sent_in(engine: sa.Engine, platform: str, chat_id: str, thread_id: int) -> frozenset[int]:
    """The developments (story ids) of the thread recorded as sent to the chat."""
    return SentStore(engine).in_threads(platform, chat_id, [thread_id])[thread_id]
