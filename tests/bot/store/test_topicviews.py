"""Topic views: read once per store generation, read again after any write (from any
process) and when time moves a thread out of the active window."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import sqlalchemy as sa

from bot.chat import BriefingPart, ThreadPart
from bot.clock import FakeClock
from bot.commands.dispatch import Commands
from bot.config import BotSettings, Settings
from bot.store.briefings import BriefingStore
from bot.store.db import create_engine
from bot.store.schema import store_generation
from bot.store.threads import ACTIVE_WITHIN, ThreadStore
from bot.store.topicviews import TopicViews
from briefings.model import Briefing, Development, Fact, Thread
from tests.bot.commands.helpers import TOPICS, request

T0 = datetime(2025, 6, 7, 10, 0, tzinfo=UTC)


def _briefing(key: str, when: datetime, topic: str = "trade-talks") -> Briefing:
    return Briefing(
        headline=f"Headline {key}",
        url=f"https://news.example/{key}",
        published=when,
        outcomes=(Fact(f"Outcome {key}."),),
        topics=(topic,),
    )


def _thread(engine: sa.Engine, key: str, *developments: tuple[str, datetime]) -> None:
    """Store the developments (story key, published) as the thread ``key``, as ingest does."""
    made = []
    for story_key, when in developments:
        briefing = _briefing(story_key, when)
        BriefingStore(engine).save(story_key, briefing, when)
        made.append(Development(story_key, briefing, (briefing.url,), when))
    ThreadStore(engine).save([Thread(key, tuple(made))], {}, T0)


def _views(engine: sa.Engine) -> TopicViews:
    return TopicViews(engine, ThreadStore(engine), BriefingStore(engine))


def _generation(engine: sa.Engine) -> int:
    with engine.connect() as connection:
        return int(connection.execute(sa.select(store_generation.c.generation)).scalar_one())


def test_every_write_moves_the_generation(engine: sa.Engine) -> None:
    before = _generation(engine)
    BriefingStore(engine).save("s1", _briefing("s1", T0), T0)
    after_briefing = _generation(engine)
    assert after_briefing > before
    _thread(engine, "t1", ("s1", T0))
    assert _generation(engine) > after_briefing


def test_a_view_is_read_once_per_generation(engine: sa.Engine) -> None:
    _thread(engine, "t1", ("s1", T0 - timedelta(days=1)))
    views = _views(engine)
    first = views.topics(["trade-talks"], T0)["trade-talks"]
    assert [t.key for t in first.threads] == ["t1"]
    assert views.topics(["trade-talks"], T0 + timedelta(hours=1))["trade-talks"] is first
    _thread(engine, "t2", ("s2", T0 - timedelta(hours=2)))
    second = views.topics(["trade-talks"], T0 + timedelta(hours=1))["trade-talks"]
    assert second is not first
    assert [t.key for t in second.threads] == ["t2", "t1"]


def test_a_write_through_another_engine_is_seen(db_url: str) -> None:
    reader, writer = create_engine(db_url), create_engine(db_url)  # two replicas
    try:
        BriefingStore(writer).save("s1", _briefing("s1", T0), T0)
        views = _views(reader)
        newest = views.topics(["trade-talks"], T0)["trade-talks"].newest_briefing()
        assert newest is not None
        assert newest.briefing.headline == "Headline s1"
        BriefingStore(writer).save("s2", _briefing("s2", T0), T0 + timedelta(minutes=5))
        newest = views.topics(["trade-talks"], T0)["trade-talks"].newest_briefing()
        assert newest is not None
        assert newest.briefing.headline == "Headline s2"
        _thread(writer, "t1", ("s3", T0 - timedelta(days=1)))
        view = views.topics(["trade-talks"], T0)["trade-talks"]
        assert [t.key for t in view.threads] == ["t1"]
    finally:
        reader.dispose()
        writer.dispose()


def test_a_view_ends_when_a_thread_leaves_the_active_window(engine: sa.Engine) -> None:
    _thread(engine, "old", ("s1", T0 - timedelta(days=20)))
    _thread(engine, "new", ("s2", T0 - timedelta(days=1)))
    views = _views(engine)
    assert [t.key for t in views.topics(["trade-talks"], T0)["trade-talks"].threads] == [
        "new",
        "old",
    ]
    edge = T0 - timedelta(days=20) + ACTIVE_WITHIN
    assert len(views.topics(["trade-talks"], edge)["trade-talks"].threads) == 2
    later = views.topics(["trade-talks"], edge + timedelta(seconds=1))["trade-talks"]
    assert [t.key for t in later.threads] == ["new"]
    # A clock set back reads again too: what was out of the window may be in it.
    assert len(views.topics(["trade-talks"], T0)["trade-talks"].threads) == 2


async def test_latest_after_another_replicas_ingest(db_url: str) -> None:
    settings = Settings(bot=BotSettings(default_timezone="UTC"), topics=TOPICS)
    reader, writer = create_engine(db_url), create_engine(db_url)
    try:
        commands = Commands(reader, settings, FakeClock(T0))
        BriefingStore(writer).save("s1", _briefing("s1", T0 - timedelta(hours=3)), T0)
        reply = await commands.handle(request("latest trade-talks"))
        assert [p.briefing.headline for p in reply.parts if isinstance(p, BriefingPart)] == [
            "Headline s1"
        ]
        _thread(writer, "t1", ("s1", T0 - timedelta(hours=3)), ("s2", T0 - timedelta(hours=1)))
        reply = await commands.handle(request("latest trade-talks"))
        shown = [p.briefing.headline for p in reply.parts if isinstance(p, ThreadPart)]
        assert shown == ["Headline s2"]
        await commands.delivered(reply)
        # Per chat: what this chat was sent is not new to it, and is still new to another.
        again = await commands.handle(request("latest trade-talks"))
        assert all(p.briefing is None for p in again.parts if isinstance(p, ThreadPart))
        other = await commands.handle(request("latest trade-talks", chat_id="c2"))
        assert [p.briefing.headline for p in other.parts if isinstance(p, ThreadPart)] == [
            "Headline s2"
        ]
    finally:
        reader.dispose()
        writer.dispose()
