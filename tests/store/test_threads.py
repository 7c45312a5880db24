"""Threads, their developments and what each chat was sent, as stored."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa

from bot.chat import ChatKind
from bot.store.briefings import BriefingStore
from bot.store.chats import ChatStore
from bot.store.schema import sent_developments, stories, threads
from bot.store.sent import SentStore, Via, mark_sent_to_chats, sent_among
from bot.store.threads import ThreadStore
from briefings.model import Briefing, Change, Development, Fact, StatedFact, Thread

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
DAY = timedelta(days=1)


def _development(key: str, headline: str, when: datetime, topics=("trade-talks",)) -> Development:
    briefing = Briefing(
        headline=headline,
        url=f"https://news.example/{key}",
        published=when,
        outcomes=(Fact(f"{headline}.", f"https://news.example/{key}"),),
        topics=topics,
    )
    return Development(
        key=key,
        briefing=briefing,
        report_ids=(f"https://news.example/{key}",),
        published=when,
        facts=(StatedFact("deadline", "deadline", "1 April"),),
        lede=f"The lede of {key}",
        first_hour_outlets=2,
    )


def _store(engine: sa.Engine, *developments: Development) -> None:
    briefings = BriefingStore(engine)
    for d in developments:
        briefings.save(d.key, d.briefing, d.published)


def _thread(key: str, *developments: Development) -> Thread:
    return Thread(key, tuple(developments))


def test_saved_threads_read_back_newest_first_with_changes_and_material(
    engine: sa.Engine,
) -> None:
    first = _development("d-1", "Talks open in Kessel", T0)
    second = dataclasses.replace(
        _development("d-2", "Deadline moved", T0 + 7 * DAY),
        facts=(StatedFact("deadline", "deadline", "1 May"),),
        changes=(Change("deadline", "deadline", "1 April", "1 May"),),
    )
    other = _development("d-3", "Fisheries talks open", T0 + DAY)
    _store(engine, first, second, other)
    store = ThreadStore(engine)
    ids = store.save(
        [_thread("t-a", first, second), _thread("t-b", other)],
        {"d-2": ("new deadline",)},
        T0 + 7 * DAY,
    )

    now = T0 + 8 * DAY
    active = store.active("trade-talks", now)
    assert [(t.key, t.headline) for t in active] == [
        ("t-a", "Deadline moved"),
        ("t-b", "Fisheries talks open"),
    ]
    assert store.count_active("trade-talks", now) == 2
    assert store.active("energy", now) == []
    by_thread = store.developments([ids["t-a"]])
    newest, oldest = by_thread[ids["t-a"]]
    assert newest.development.key == "d-2"
    assert newest.development.changes == (Change("deadline", "deadline", "1 April", "1 May"),)
    assert newest.material == ("new deadline",)
    assert newest.development.facts == (StatedFact("deadline", "deadline", "1 May"),)
    assert newest.development.lede == "The lede of d-2"
    assert newest.development.first_hour_outlets == 2
    assert oldest.material == ()
    # Thirty days after its last development a thread is no longer active.
    assert [t.key for t in store.active("trade-talks", T0 + 36 * DAY)] == ["t-a"]
    assert store.active("trade-talks", T0 + 38 * DAY) == []


def test_open_threads_come_back_whole_for_the_engine(engine: sa.Engine) -> None:
    first = _development("d-1", "Talks open in Kessel", T0)
    second = _development("d-2", "Talks end in Kessel", T0 + 2 * DAY)
    _store(engine, first, second)
    store = ThreadStore(engine)
    store.save([_thread("t-a", first, second)], {}, T0 + 2 * DAY)

    (row,) = store.recent(T0)
    assert store.recent(T0 + 3 * DAY) == []
    (thread,) = store.whole([row.id])
    assert thread.key == "t-a"
    assert [d.key for d in thread.developments] == ["d-1", "d-2"]
    assert thread.developments[0].facts == first.facts
    assert thread.developments[0].briefing.headline == "Talks open in Kessel"
    # A thread comes whole when one of its developments is asked for.
    assert [t.key for t in store.whole([], ["d-1"])] == ["t-a"]
    assert store.whole([], ["d-404"]) == []


def test_a_thread_left_without_developments_is_removed(engine: sa.Engine) -> None:
    first = _development("d-1", "Talks open", T0)
    second = _development("d-2", "Talks end", T0 + DAY)
    _store(engine, first, second)
    store = ThreadStore(engine)
    store.save([_thread("t-a", first), _thread("t-b", second)], {}, T0 + DAY)
    store.save([_thread("t-a", first, second)], {}, T0 + 2 * DAY, gone=["t-b"])
    with engine.connect() as connection:
        keys = connection.execute(sa.select(threads.c.key)).scalars().all()
        thread_of = dict(connection.execute(sa.select(stories.c.key, stories.c.thread_id)).all())
    assert keys == ["t-a"]
    assert thread_of["d-1"] == thread_of["d-2"]


def test_sent_developments_per_chat_and_thread(engine: sa.Engine) -> None:
    first = _development("d-1", "Talks open", T0)
    second = _development("d-2", "Talks end", T0 + DAY)
    _store(engine, first, second)
    threads_ = ThreadStore(engine)
    ids = threads_.save([_thread("t-a", first, second)], {}, T0 + DAY)
    story = {d.development.key: d.story_id for d in threads_.developments([ids["t-a"]])[ids["t-a"]]}
    chats = ChatStore(engine)
    chats.ensure_chat("telegram", "1", ChatKind.PRIVATE, "", T0)
    chats.ensure_chat("slack", "T1:C1", ChatKind.CHANNEL, "", T0)
    sent = SentStore(engine)

    assert sent.mark("telegram", "1", [(story["d-1"], ids["t-a"])], Via.LATEST, T0) == 1
    assert sent.mark("telegram", "1", [(story["d-1"], ids["t-a"])], Via.DIGEST, T0) == 0
    assert sent.mark("telegram", "404", [(story["d-1"], ids["t-a"])], Via.LATEST, T0) == 0

    assert sent.in_threads("telegram", "1", [ids["t-a"]]) == {ids["t-a"]: {story["d-1"]}}
    assert sent.in_threads("slack", "T1:C1", [ids["t-a"]]) == {ids["t-a"]: frozenset()}
    assert sent.sent("telegram", "1", story.values()) == {story["d-1"]}
    with engine.connect() as connection:
        via = connection.execute(sa.select(sent_developments.c.via)).scalars().all()
    assert via == ["latest"]  # the first mark stays


def test_marking_many_chats_in_the_callers_transaction(engine: sa.Engine) -> None:
    first = _development("d-1", "Talks open", T0)
    _store(engine, first)
    chats = ChatStore(engine)
    for chat_id in ("1", "2", "3"):
        chats.ensure_chat("telegram", chat_id, ChatKind.PRIVATE, "", T0)
    with engine.connect() as connection:
        pks = {c: i for c, i in connection.execute(sa.text("select chat_id, id from chats"))}
        story_id = connection.execute(sa.select(stories.c.id)).scalar_one()
    with engine.begin() as connection:
        added = mark_sent_to_chats(
            connection, {pks["1"]: [(story_id, None)], pks["2"]: [(story_id, None)]}, Via.DIGEST, T0
        )
        assert added == 2
    with engine.connect() as connection:
        assert sent_among(connection, pks.values(), [story_id]) == {
            pks["1"]: {story_id},
            pks["2"]: {story_id},
        }


def test_sent_rows_follow_a_chat_that_migrates(engine: sa.Engine) -> None:
    first = _development("d-1", "Talks open", T0)
    _store(engine, first)
    threads_ = ThreadStore(engine)
    ids = threads_.save([_thread("t-a", first)], {}, T0)
    (stored,) = threads_.developments([ids["t-a"]])[ids["t-a"]]
    chats = ChatStore(engine)
    chats.ensure_chat("telegram", "-100", ChatKind.GROUP, "Desk", T0)
    chats.subscribe("telegram", "-100", "trade-talks", T0)
    sent = SentStore(engine)
    sent.mark("telegram", "-100", [(stored.story_id, ids["t-a"])], Via.DIGEST, T0)

    chats.migrate_chat("telegram", "-100", "-100200", T0 + DAY)
    chats.migrate_chat("telegram", "-100", "-100200", T0 + DAY)  # idempotent

    assert sent.in_threads("telegram", "-100200", [ids["t-a"]]) == {ids["t-a"]: {stored.story_id}}


def test_an_outline_of_each_thread_and_developments_by_story(engine: sa.Engine) -> None:
    first = _development("d-1", "Talks open", T0)
    second = _development("d-2", "Talks end", T0 + DAY)
    oil = _development("d-3", "Oil output", T0 + 2 * DAY, topics=("energy",))
    _store(engine, first, second, oil)
    store = ThreadStore(engine)
    ids = store.save([_thread("t-a", first, second, oil)], {}, T0 + DAY)
    outline = store.outline([ids["t-a"]], "trade-talks")[ids["t-a"]]
    assert [when for _, when in outline] == [T0 + DAY, T0]  # newest first, on the topic
    found = store.by_story([story_id for story_id, _ in outline])
    assert [found[story_id].development.key for story_id, _ in outline] == ["d-2", "d-1"]
