from __future__ import annotations

from datetime import UTC, datetime, timedelta

import sqlalchemy as sa

from bot.store.briefings import BriefingStore
from briefings.model import Briefing, Fact, Quote, SourceRef

T0 = datetime(2025, 6, 7, 10, 0, tzinfo=UTC)


def _briefing(headline: str, topics: tuple[str, ...] = ("trade-talks",)) -> Briefing:
    return Briefing(
        headline=headline,
        url="https://news.example/a",
        outcomes=(Fact("No deal.", "https://news.example/a"),),
        quotes=(Quote("We disagree.", "A. Person", "minister"),),
        sources=(SourceRef("https://news.example/a", "News", headline),),
        topics=topics,
    )


def test_save_then_latest_round_trips(engine: sa.Engine) -> None:
    store = BriefingStore(engine)
    store.save("story-1", _briefing("First"), T0)
    store.save("story-2", _briefing("Second"), T0 + timedelta(minutes=5))
    latest = store.latest("trade-talks")
    assert [s.briefing for s in latest] == [_briefing("Second")]
    assert latest[0].updated_at == T0 + timedelta(minutes=5)


def test_save_same_story_updates_in_place(engine: sa.Engine) -> None:
    store = BriefingStore(engine)
    first = store.save("story-1", _briefing("First"), T0)
    second = store.save("story-1", _briefing("First, updated"), T0 + timedelta(hours=1))
    assert (second.id, second.created_at) == (first.id, T0)
    assert [s.briefing.headline for s in store.latest("trade-talks", limit=5)] == ["First, updated"]


def test_since_filters_by_topic_and_window(engine: sa.Engine) -> None:
    store = BriefingStore(engine)
    store.save("a", _briefing("A"), T0)
    store.save("b", _briefing("B", ("other",)), T0 + timedelta(minutes=1))
    store.save("c", _briefing("C"), T0 + timedelta(minutes=2))
    found = store.since(["trade-talks"], T0, T0 + timedelta(hours=1))
    assert [s.briefing.headline for s in found] == ["C"]
    assert [s.briefing.headline for s in store.since(["trade-talks"], None, T0)] == ["A"]
