"""``latest`` and ``timeline`` over stored threads: what a chat is answered, what is marked
sent to it."""

from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa

from bot.chat import ChoicesPart, Reply, TextPart, ThreadPart, TimelinePart
from bot.clock import FakeClock
from bot.commands.dispatch import Commands
from bot.store.briefings import BriefingStore
from bot.store.schema import sent_developments
from bot.store.sent import SentStore
from bot.store.threads import ThreadStore
from briefings.model import Briefing, Development, Fact, Thread
from tests.bot.commands.helpers import T0, request

DAY = timedelta(days=1)


def _development(key: str, days: float, *topics: str) -> Development:
    when = T0 - timedelta(days=days)
    briefing = Briefing(
        headline=f"Headline {key}",
        url=f"https://news.example/{key}",
        published=when,
        outcomes=(Fact(f"Outcome {key}."),),
        topics=topics or ("trade-talks",),
    )
    return Development(key, briefing, (briefing.url,), when)


def _threads(engine: sa.Engine, threads: dict[str, list[Development]]) -> dict[str, int]:
    store = BriefingStore(engine)
    for developments in threads.values():
        for d in developments:
            store.save(d.key, d.briefing, d.published)
    made = [Thread(key, tuple(devs)) for key, devs in threads.items()]
    return ThreadStore(engine).save(made, {}, T0)


def _thread_parts(reply: Reply) -> list[ThreadPart]:
    return [p for p in reply.parts if isinstance(p, ThreadPart)]


async def test_latest_shows_each_active_thread_most_recent_first(
    commands: Commands, sqlite_engine: sa.Engine
) -> None:
    _threads(
        sqlite_engine,
        {
            f"t{n}": [_development(f"t{n}-a", n + 2), _development(f"t{n}-b", n + 1)]
            for n in range(7)
        },
    )
    reply = await commands.handle(request("latest trade-talks"))
    parts = _thread_parts(reply)
    headlines = [p.briefing.headline for p in parts if p.briefing]
    assert headlines == [f"Headline t{n}-b" for n in range(5)]
    assert reply.parts[-1] == TextPart(
        "2 more threads on Trade talks (trade-talks): timeline trade-talks all"
    )
    await commands.delivered(reply)  # what the platform layer does once the reply arrived
    # Asked again: nothing new, one line per thread, the timeline offered once.
    again = _thread_parts(await commands.handle(request("latest trade-talks")))
    assert [p.briefing for p in again] == [None] * 5
    assert [p.more for p in again] == [""] * 4 + ["timeline trade-talks"]
    # Another chat has seen nothing yet.
    other = _thread_parts(await commands.handle(request("latest trade-talks", chat_id="c2")))
    assert all(p.briefing is not None for p in other)


async def test_latest_marks_what_it_showed_as_sent_once_delivered(
    commands: Commands, sqlite_engine: sa.Engine, clock: FakeClock
) -> None:
    ids = _threads(sqlite_engine, {"t": [_development(f"d{n}", 10 - n) for n in range(8)]})
    reply = await commands.handle(request("latest trade-talks"))
    store = SentStore(sqlite_engine)
    assert store.in_threads("console", "c1", [ids["t"]])[ids["t"]] == frozenset()
    marks = reply.on_delivered
    assert marks is not None
    assert (marks.platform, marks.chat_id, marks.via) == ("console", "c1", "latest")
    # The newest development and the five earlier lines.
    assert len(marks.developments) == 6
    assert {thread for _, thread in marks.developments} == {ids["t"]}
    clock.advance(timedelta(seconds=3))
    await commands.delivered(reply)
    await commands.delivered(reply)  # told twice: recorded once
    sent = store.in_threads("console", "c1", [ids["t"]])[ids["t"]]
    assert sent == {story for story, _ in marks.developments}
    with sqlite_engine.connect() as connection:
        rows = connection.execute(sa.select(sent_developments.c.via, sent_developments.c.sent_at))
        assert set(rows) == {("latest", T0 + timedelta(seconds=3))}


async def test_a_reply_with_nothing_new_to_record_carries_no_marks(
    commands: Commands, sqlite_engine: sa.Engine
) -> None:
    _threads(sqlite_engine, {"t": [_development("d0", 1)]})
    await commands.delivered(await commands.handle(request("latest trade-talks")))
    again = await commands.handle(request("latest trade-talks"))
    assert again.on_delivered is None


async def test_a_thread_older_than_thirty_days_is_not_active(
    commands: Commands, sqlite_engine: sa.Engine
) -> None:
    _threads(sqlite_engine, {"old": [_development("old", 31)]})
    BriefingStore(sqlite_engine).save("legacy", _development("legacy", 40).briefing, T0)
    reply = await commands.handle(request("latest trade-talks"))
    # No active thread: the newest stored briefing, as before threads were kept.
    assert [type(p).__name__ for p in reply.parts] == ["BriefingPart"]
    timeline = await commands.handle(request("timeline trade-talks"))
    assert timeline == Reply.text("No thread on Trade talks (trade-talks) in the last 30 days.")


async def test_timeline_shows_the_most_active_thread_and_buttons_for_the_others(
    commands: Commands, sqlite_engine: sa.Engine, clock: FakeClock
) -> None:
    ids = _threads(
        sqlite_engine,
        {
            "busy": [_development(f"busy-{n}", 9 - n) for n in range(4)],
            "recent": [_development("recent-1", 0.5)],
            "energy": [_development("oil-1", 1, "energy")],
        },
    )
    reply = await commands.handle(request("timeline trade-talks"))
    timeline, choices = reply.parts
    assert isinstance(timeline, TimelinePart)
    assert timeline.title == "Timeline of Trade talks (trade-talks) — 4 developments"
    assert [line.headline for line in timeline.lines] == [
        f"Headline busy-{n}" for n in (3, 2, 1, 0)
    ]
    assert timeline.lines[0].url == "https://news.example/busy-3"
    assert timeline.lines[0].day == "Sun 1 Jun"
    assert isinstance(choices, ChoicesPart)
    assert [c.command for c in choices.choices] == [f"timeline trade-talks {ids['recent']}"]
    assert [c.label for c in choices.choices] == ["Headline recent-1"]

    picked = await commands.handle(request(f"timeline trade-talks {ids['recent']}"))
    assert isinstance(picked.parts[0], TimelinePart)
    assert [line.headline for line in picked.parts[0].lines] == ["Headline recent-1"]
    assert isinstance(picked.parts[1], ChoicesPart)  # the busy one, to go back to

    every = await commands.handle(request("timeline trade-talks all"))
    titles = [p.title for p in every.parts if isinstance(p, TimelinePart)]
    assert titles == [
        "Trade talks (trade-talks), thread 1 of 2 — 1 development",
        "Trade talks (trade-talks), thread 2 of 2 — 4 developments",
    ]
    # The timeline shows, it does not mark anything sent.
    assert SentStore(sqlite_engine).in_threads("console", "c1", ids.values()) == {
        i: frozenset() for i in ids.values()
    }


async def test_timeline_errors(commands: Commands, sqlite_engine: sa.Engine) -> None:
    _threads(sqlite_engine, {"t": [_development("d", 1)]})
    assert await commands.handle(request("timeline")) == Reply.error(
        "Which topic? Try: timeline trade-talks, or: timeline trade-talks all"
    )
    assert await commands.handle(request("timeline tarifs")) == Reply.error(
        "Unknown topic 'tarifs'. Topics: trade-talks, energy. Try: timeline trade-talks"
    )
    assert await commands.handle(request("timeline trade-talks 999")) == Reply.error(
        "No thread '999' on Trade talks (trade-talks) in the last 30 days. "
        "See them all: timeline trade-talks all"
    )
