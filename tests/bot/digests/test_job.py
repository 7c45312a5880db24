"""The digest job: due chats found per slot, digests queued once, across DST and restarts."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa

from bot.chat import ChatKind
from bot.clock import FakeClock
from bot.config import Settings, load_settings
from bot.delivery.queue import DeliveryQueue, Outgoing
from bot.digests import DigestJob
from bot.store.briefings import BriefingStore
from bot.store.chats import ChatStore
from bot.store.schema import chats, deliveries, sent_developments
from bot.store.sent import SentStore, Via
from bot.store.threads import ThreadStore
from tests.bot.delivery.fakes import TextRenderer, briefing


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)  # type: ignore[misc]


def make_settings(**bot: object) -> Settings:
    base = load_settings(environ={})
    return dataclasses.replace(base, bot=dataclasses.replace(base.bot, **bot))  # type: ignore[arg-type]


def make_job(
    engine: sa.Engine, clock: FakeClock, settings: Settings | None = None, **kw: object
) -> DigestJob:
    renderers = {"telegram": TextRenderer("telegram", **kw), "slack": TextRenderer("slack", **kw)}  # type: ignore[arg-type]
    return DigestJob(
        engine,
        ThreadStore(engine),
        DeliveryQueue(engine, clock),
        renderers,
        settings or make_settings(),
    )


def add_chat(
    engine: sa.Engine,
    chat_id: str,
    at: str | None,
    zone: str,
    topics: tuple[str, ...] = ("trade-talks",),
    platform: str = "telegram",
    kind: ChatKind = ChatKind.PRIVATE,
) -> None:
    store = ChatStore(engine)
    store.ensure_chat(platform, chat_id, kind, "", utc(2026, 1, 1))
    for topic in topics:
        store.subscribe(platform, chat_id, topic, utc(2026, 1, 1))
    store.set_digest(platform, chat_id, at, zone, utc(2026, 1, 1))


def queued(engine: sa.Engine) -> list[tuple[str, str, datetime]]:
    with engine.connect() as connection:
        rows = connection.execute(
            sa.select(
                deliveries.c.idempotency_key, deliveries.c.payload, deliveries.c.created_at
            ).order_by(deliveries.c.id)
        ).all()
    return [(row[0], row[1]["text"], row[2]) for row in rows]


def test_a_due_digest_is_queued_once_with_its_key_and_title(engine: sa.Engine) -> None:
    add_chat(engine, "1", "08:00", "Europe/Berlin")
    BriefingStore(engine).save(
        "s1", briefing("Fifth round ends without agreement"), utc(2026, 11, 25, 5)
    )
    now = utc(2026, 11, 25, 7)  # 08:00 CET
    job = make_job(engine, FakeClock(now))
    result = job.run(now, now - timedelta(minutes=1))
    assert (result.due, result.queued, result.messages) == (1, 1, 1)
    assert queued(engine) == [
        (
            "digest:telegram:1:2026-11-25:0",
            "Your briefing — Trade talks — Wed 25 Nov\n• Fifth round ends without agreement",
            now,
        )
    ]
    chat = ChatStore(engine).chat("telegram", "1")
    assert chat is not None
    assert chat.last_digest_at == now
    assert job.run(now + timedelta(minutes=1), now - timedelta(minutes=5)).due == 0
    assert len(queued(engine)) == 1


def test_a_digest_holds_what_came_since_the_last_one(engine: sa.Engine) -> None:
    add_chat(engine, "1", "08:00", "UTC")
    store = BriefingStore(engine)
    store.save("old", briefing("Too old for a first digest"), utc(2026, 11, 23, 12))
    store.save("a", briefing("Day one story"), utc(2026, 11, 24, 12))
    job = make_job(engine, FakeClock(utc(2026, 11, 25, 8)), split=True)
    job.run(utc(2026, 11, 25, 8), utc(2026, 11, 25, 7, 59))
    store.save("b", briefing("Day two story"), utc(2026, 11, 25, 12))
    job.run(utc(2026, 11, 26, 8), utc(2026, 11, 26, 7, 59))
    assert [(key, text) for key, text, _ in queued(engine)] == [
        ("digest:telegram:1:2026-11-25:0", "Your briefing — Trade talks — Wed 25 Nov"),
        ("digest:telegram:1:2026-11-25:1", "• Day one story"),
        ("digest:telegram:1:2026-11-26:0", "Your briefing — Trade talks — Thu 26 Nov"),
        ("digest:telegram:1:2026-11-26:1", "• Day two story"),
    ]


@pytest.mark.parametrize(
    ("zone", "at", "start", "expected_utc"),
    [
        # Europe/Berlin springs forward on 29 Mar 2026.
        (
            "Europe/Berlin",
            "08:00",
            utc(2026, 3, 27, 12),
            ["03-28 07:00", "03-29 06:00", "03-30 06:00"],
        ),
        # 02:30 does not exist on the 29th: sent when the clocks jump (01:00 UTC), once.
        (
            "Europe/Berlin",
            "02:30",
            utc(2026, 3, 27, 12),
            ["03-28 01:30", "03-29 01:00", "03-30 00:30"],
        ),
        # Berlin falls back on 25 Oct 2026; 02:30 happens twice and is sent once.
        (
            "Europe/Berlin",
            "08:00",
            utc(2026, 10, 23, 12),
            ["10-24 06:00", "10-25 07:00", "10-26 07:00"],
        ),
        (
            "Europe/Berlin",
            "02:30",
            utc(2026, 10, 23, 12),
            ["10-24 00:30", "10-25 00:30", "10-26 01:30"],
        ),
        # America/New_York springs forward on 8 Mar and falls back on 1 Nov 2026.
        (
            "America/New_York",
            "08:00",
            utc(2026, 3, 6, 18),
            ["03-07 13:00", "03-08 12:00", "03-09 12:00"],
        ),
        (
            "America/New_York",
            "01:30",
            utc(2026, 10, 30, 18),
            ["10-31 05:30", "11-01 05:30", "11-02 06:30"],
        ),
    ],
)
def test_digests_across_a_dst_change_arrive_at_local_time_once_a_day(
    engine: sa.Engine, zone: str, at: str, start: datetime, expected_utc: list[str]
) -> None:
    add_chat(engine, "1", at, zone)
    clock = FakeClock(start)
    job = make_job(engine, clock, make_settings(digest_slot_minutes=30, empty_digest="notice"))
    job.run_slot(clock.now())
    for _ in range(3 * 48):
        clock.advance(timedelta(minutes=30))
        job.run_slot(clock.now())
    sent_at = [created.strftime("%m-%d %H:%M") for _, _, created in queued(engine)]
    assert sent_at == expected_utc
    assert len({key for key, _, _ in queued(engine)}) == 3


def test_after_downtime_due_digests_are_sent_once_within_the_grace(engine: sa.Engine) -> None:
    add_chat(engine, "early", "05:00", "UTC")  # due 4 h before the restart: past the grace
    add_chat(engine, "due", "08:00", "UTC")  # due while the bot was down
    add_chat(engine, "later", "10:00", "UTC")  # not due yet
    BriefingStore(engine).save("s", briefing("Talks resume"), utc(2026, 11, 25, 1))
    settings = make_settings(digest_grace_minutes=180)
    # The bot went down at 07:30 and comes back at 09:00: a new process, a new job.
    restarted = make_job(engine, FakeClock(utc(2026, 11, 25, 9)), settings)
    result = restarted.catch_up(utc(2026, 11, 25, 9))
    assert (result.due, result.queued) == (1, 1)
    assert [key for key, _, _ in queued(engine)] == ["digest:telegram:due:2026-11-25:0"]
    # Restarted again straight away (a crash loop): nothing twice.
    again = make_job(engine, FakeClock(utc(2026, 11, 25, 9, 1)), settings)
    assert again.catch_up(utc(2026, 11, 25, 9, 1)).queued == 0
    assert again.run_slot(utc(2026, 11, 25, 9, 2)).queued == 0
    # Slots carry on from the catch-up.
    assert again.run_slot(utc(2026, 11, 25, 10)).queued == 1
    assert len(queued(engine)) == 2


def test_a_racing_replica_finds_the_digest_claimed(engine: sa.Engine) -> None:
    add_chat(engine, "1", "08:00", "UTC")
    BriefingStore(engine).save("s", briefing("Talks resume"), utc(2026, 11, 25, 1))
    now = utc(2026, 11, 25, 8)
    first, second = make_job(engine, FakeClock(now)), make_job(engine, FakeClock(now))
    assert first.run(now, now - timedelta(minutes=1)).queued == 1
    # The second replica read the chat before the first one's write landed.
    with engine.begin() as connection:
        connection.execute(chats.update().values(last_digest_at=None))
    result = second.run(now, now - timedelta(minutes=1))
    assert (result.due, result.queued, result.already) == (1, 0, 1)
    assert len(queued(engine)) == 1


def test_an_empty_day_sends_nothing_by_default(engine: sa.Engine) -> None:
    add_chat(engine, "1", "08:00", "UTC")
    now = utc(2026, 11, 25, 8)
    result = make_job(engine, FakeClock(now)).run(now, now - timedelta(minutes=1))
    assert (result.due, result.queued, result.empty) == (1, 0, 1)
    assert queued(engine) == []
    chat = ChatStore(engine).chat("telegram", "1")
    assert chat is not None
    assert chat.last_digest_at == now


def test_an_empty_day_sends_a_notice_when_configured(engine: sa.Engine) -> None:
    add_chat(engine, "1", "08:00", "Europe/Berlin", topics=("trade-talks", "elections"))
    now = utc(2026, 11, 25, 7)
    job = make_job(engine, FakeClock(now), make_settings(empty_digest="notice"))
    job.run(now, now - timedelta(minutes=1))
    assert [text for _, text, _ in queued(engine)] == [
        "No news on elections, Trade talks since Tue 24 Nov, 08:00."
    ]


def test_chats_that_get_no_digest(engine: sa.Engine) -> None:
    add_chat(engine, "off", None, "UTC")
    add_chat(engine, "nothing", "08:00", "UTC", topics=())
    add_chat(engine, "blocked", "08:00", "UTC")
    add_chat(engine, "elsewhere", "08:00", "UTC", platform="discord")
    ChatStore(engine).mark_blocked("telegram", "blocked", "bot was kicked", utc(2026, 11, 1))
    BriefingStore(engine).save("s", briefing("Talks resume"), utc(2026, 11, 25, 1))
    now = utc(2026, 11, 25, 8)
    result = make_job(engine, FakeClock(now)).run(now, now - timedelta(minutes=1))
    assert (result.due, result.queued, result.skipped) == (1, 0, 1)  # no renderer: left alone
    chat = ChatStore(engine).chat("discord", "elsewhere")
    assert chat is not None
    assert chat.last_digest_at is None


def test_one_job_serves_many_chats_and_platforms(engine: sa.Engine) -> None:
    for i in range(30):
        add_chat(engine, str(i), "08:00", "Asia/Tokyo", kind=ChatKind.GROUP)
        add_chat(engine, f"T:C{i}", "08:00", "Asia/Tokyo", platform="slack")
    BriefingStore(engine).save("s", briefing("Talks resume"), utc(2026, 11, 24, 20))
    now = utc(2026, 11, 24, 23)  # 08:00 in Tokyo on the 25th
    result = make_job(engine, FakeClock(now)).run(now, now - timedelta(minutes=1))
    assert (result.due, result.queued) == (60, 60)
    keys = {key for key, _, _ in queued(engine)}
    assert "digest:telegram:7:2026-11-25:0" in keys
    assert "digest:slack:T:C7:2026-11-25:0" in keys
    with engine.connect() as connection:
        kinds = set(connection.execute(sa.select(deliveries.c.chat_kind).distinct()).scalars())
    assert kinds == {"group", "private"}


class FailingQueue(DeliveryQueue):
    """Queues part 0 of a digest, then fails before its other parts (a crash mid-way)."""

    def enqueue_many(self, items: list[Outgoing], connection: sa.Connection) -> set[str]:
        if items and not items[0].key.endswith(":0"):
            raise RuntimeError("the process died")
        return super().enqueue_many(items, connection)


def test_a_digest_and_what_it_marks_sent_are_one_transaction(engine: sa.Engine) -> None:
    add_chat(engine, "1", "08:00", "UTC")
    store = BriefingStore(engine)
    store.save("a", briefing("Day one story"), utc(2026, 11, 24, 12))
    store.save("b", briefing("Another story"), utc(2026, 11, 24, 13))
    now = utc(2026, 11, 25, 8)
    clock = FakeClock(now)
    renderers = {"telegram": TextRenderer("telegram", split=True)}
    failing = DigestJob(
        engine, ThreadStore(engine), FailingQueue(engine, clock), renderers, make_settings()
    )
    with pytest.raises(RuntimeError):
        failing.run(now, now - timedelta(minutes=1))
    # Nothing is left of the attempt: no message queued, nothing marked sent.
    assert queued(engine) == []
    assert sent_rows(engine) == []

    job = make_job(engine, clock, split=True)
    assert job.run(now, now - timedelta(minutes=1)).queued == 1
    assert job.run(now, now - timedelta(minutes=1)).queued == 0  # claimed once
    assert [text for _, text, _ in queued(engine)] == [
        "Your briefing — Trade talks — Wed 25 Nov",
        "• Another story",
        "• Day one story",
    ]
    assert sent_rows(engine) == [("digest",), ("digest",)]


def test_a_digest_leaves_out_what_the_chat_was_sent(engine: sa.Engine) -> None:
    for chat_id in ("1", "2"):
        add_chat(engine, chat_id, "08:00", "UTC")
    store = BriefingStore(engine)
    seen = store.save("a", briefing("Shown by latest"), utc(2026, 11, 24, 12))
    store.save("b", briefing("Not seen yet"), utc(2026, 11, 24, 13))
    SentStore(engine).mark(
        "telegram", "1", [(seen.story_id, None)], Via.LATEST, utc(2026, 11, 24, 14)
    )
    now = utc(2026, 11, 25, 8)
    make_job(engine, FakeClock(now)).run(now, now - timedelta(minutes=1))
    texts = {key.split(":")[2]: text for key, text, _ in queued(engine)}
    assert texts["1"] == "Your briefing — Trade talks — Wed 25 Nov\n• Not seen yet"
    assert texts["2"] == (
        "Your briefing — Trade talks — Wed 25 Nov\n• Not seen yet\n• Shown by latest"
    )


def sent_rows(engine: sa.Engine) -> list[tuple[str]]:
    with engine.connect() as connection:
        return [tuple(row) for row in connection.execute(sa.select(sent_developments.c.via))]
