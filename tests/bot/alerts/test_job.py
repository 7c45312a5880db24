"""The alert job on a fake clock, on SQLite and PostgreSQL: what each chat is alerted to, what
is held back (and left for the digest), and that nothing is alerted twice."""

from __future__ import annotations

import dataclasses
import threading
from datetime import datetime, timedelta

import pytest
import sqlalchemy as sa

from bot.alerts.job import AlertJob, AlertRun
from bot.clock import FakeClock
from bot.commands.dispatch import Commands
from bot.config import Settings
from bot.console.render import ConsoleRenderer
from bot.delivery.queue import DeliveryQueue
from bot.digests.job import DigestJob
from bot.store.chats import ChatStore
from bot.store.threads import ThreadStore
from tests.bot.alerts.helpers import (
    RATE_CHANGE,
    ChatSetup,
    add_chat,
    add_development,
    add_thread,
    mark_sent,
    queued,
    sent,
    utc,
)
from tests.bot.commands.helpers import request, text

# A Saturday in June: Tokyo is UTC+9, New York UTC-4, Berlin UTC+2.
T0 = utc("2025-06-07T13:00")


def job(engine: sa.Engine, clock: FakeClock, settings: Settings | None = None) -> AlertJob:
    queue = DeliveryQueue(engine, clock)
    return AlertJob(engine, queue, {"console": ConsoleRenderer()}, settings or Settings())


def run(engine: sa.Engine, at: datetime, settings: Settings | None = None) -> AlertRun:
    return job(engine, FakeClock(at), settings).run(at)


def test_alerts_are_off_by_default(engine: sa.Engine) -> None:
    store = ChatStore(engine)
    store.ensure_chat("console", "c1", "private", "", T0)
    store.subscribe("console", "c1", "trade-talks", T0)
    assert store.chat("console", "c1").alerts is False  # type: ignore[union-attr]
    add_development(engine, "Japan and US reach tariff deal", published=T0)
    result = run(engine, T0 + timedelta(minutes=5))
    assert (result.developments, result.chats, result.queued) == (1, 0, 0)
    assert queued(engine) == []


def test_a_material_development_is_alerted_once_with_why_and_what_changed(
    engine: sa.Engine,
) -> None:
    chat = add_chat(engine, ChatSetup("console", "c1"), T0)
    thread = add_thread(engine, "japan-us", T0)
    story = add_development(
        engine,
        "Japan and US reach tariff deal",
        published=T0,
        material=("agreement reached", "new rate"),
        changes=(RATE_CHANGE,),
        thread_id=thread,
    )
    now = T0 + timedelta(minutes=5)
    assert run(engine, now).queued == 1
    [(key, chat_id, text)] = queued(engine)
    assert (key, chat_id) == (f"alert:{chat}:{story}", "c1")
    assert text.splitlines() == [
        "Alert — agreement reached, new rate: Japan and US reach tariff deal",
        "Changed: car tariff 25 % → 15 %",
        "• Outcome: First outcome of Japan and US reach tariff deal.",
        "• Outcome: Second outcome of Japan and US reach tariff deal.",
        "Sources:",
        "  - Pacific Wire, June 7, 2025 — https://wire.example/japan-and-us-reach-tariff-deal",
        "  - Harbour Times — https://wire.example/japan-and-us-reach-tariff-deal-b",
    ]
    assert sent(engine) == [(chat, story, "alert")]
    # A re-run, later the same day, finds it sent.
    again = run(engine, now + timedelta(minutes=15))
    assert (again.queued, again.already) == (0, 0)
    assert len(queued(engine)) == 1


def test_only_material_news_of_the_chats_topics_not_yet_sent(engine: sa.Engine) -> None:
    chat = add_chat(engine, ChatSetup("console", "c1"), T0)
    add_development(engine, "Talks continue in Geneva", published=T0, material=())
    add_development(engine, "Oil deal agreed", published=T0, topics=("energy",))
    shown = add_development(engine, "Round six ends with a deal", published=T0)
    mark_sent(engine, chat, shown, "latest", T0 + timedelta(minutes=1))  # the chat asked
    result = run(engine, T0 + timedelta(minutes=5))
    assert (result.developments, result.queued) == (2, 0)
    assert queued(engine) == []


def test_old_news_arriving_late_is_no_alert(engine: sa.Engine) -> None:
    add_chat(engine, ChatSetup("console", "c1"), T0)
    add_development(engine, "Deal reached last week", published=T0 - timedelta(days=3), arrived=T0)
    assert run(engine, T0 + timedelta(minutes=5)).queued == 0
    assert queued(engine) == []


async def test_budget_per_local_day_for_two_chats_in_different_zones(engine: sa.Engine) -> None:
    tokyo = add_chat(engine, ChatSetup("console", "tokyo", zone="Asia/Tokyo"), T0)
    york = add_chat(engine, ChatSetup("console", "york", zone="America/New_York"), T0)
    # 13:00 UTC: 22:00 in Tokyo, 09:00 in New York. Four material developments at once.
    first = [
        add_development(engine, f"Deal news {n}", published=T0 + timedelta(minutes=n))
        for n in range(4)
    ]
    result = run(engine, T0 + timedelta(minutes=10))
    assert (result.queued, result.held_budget) == (6, 2)  # three each, the oldest first
    assert sent(engine) == [
        *((tokyo, story, "alert") for story in first[:3]),
        *((york, story, "alert") for story in first[:3]),
    ]

    # 15:30 UTC: a new day in Tokyo (00:30), still the same morning in New York (11:30).
    later = T0 + timedelta(hours=2, minutes=30)
    fifth = add_development(engine, "Deal news 5", published=later)
    result = run(engine, later + timedelta(minutes=5))
    # Tokyo: the fifth; the fourth arrived on its day before. New York: no budget left.
    assert (result.queued, result.held_budget, result.held_earlier_day) == (1, 2, 1)
    assert sent(engine)[-1] == (tokyo, fifth, "alert")
    settings_text = {chat: await _settings(engine, chat, later) for chat in ("tokyo", "york")}
    assert "• Alerts: on, 1 of 3 today" in settings_text["tokyo"]
    assert "• Alerts: on, 3 of 3 today" in settings_text["york"]

    # 04:30 UTC next day: 00:30 in New York, a new day there too.
    night = utc("2025-06-08T04:30")
    sixth = add_development(engine, "Deal news 6", published=night)
    result = run(engine, night + timedelta(minutes=5))
    assert result.queued == 2
    assert sent(engine)[-2:] == [(tokyo, sixth, "alert"), (york, sixth, "alert")]
    # What was held back was never marked sent: the digest brings it.
    held = {(york, first[3]), (tokyo, first[3]), (york, fifth)}
    assert held.isdisjoint((c, s) for c, s, _ in sent(engine))


def test_quiet_hours_across_midnight(engine: sa.Engine) -> None:
    chat = add_chat(
        engine, ChatSetup("console", "berlin", zone="Europe/Berlin", quiet=("22:00", "07:00")), T0
    )
    # 21:50 in Berlin: it arrives before the quiet hours, the job runs in them.
    evening = utc("2025-06-07T19:50")
    before = add_development(engine, "Deal before the night", published=evening)
    assert run(engine, evening + timedelta(minutes=15)).held_quiet == 1
    # 01:30 in Berlin.
    night = utc("2025-06-07T23:30")
    during = add_development(engine, "Deal in the night", published=night)
    assert run(engine, night + timedelta(minutes=5)).held_quiet == 2
    # 07:10 in Berlin: the quiet hours are over. What arrived in them, or on the day before,
    # stays for the digest; what arrives now is alerted.
    morning = utc("2025-06-08T05:10")
    after = add_development(engine, "Deal in the morning", published=morning)
    result = run(engine, morning + timedelta(minutes=5))
    assert (result.queued, result.held_quiet, result.held_earlier_day) == (1, 1, 1)
    assert sent(engine) == [(chat, after, "alert")]
    assert {before, during}.isdisjoint(story for _, story, _ in sent(engine))


def test_a_held_back_alert_comes_with_the_next_digest(engine: sa.Engine) -> None:
    settings = Settings()
    settings = dataclasses.replace(
        settings, bot=dataclasses.replace(settings.bot, alerts_per_day=1)
    )
    chat = add_chat(engine, ChatSetup("console", "c1"), T0)
    alerted = add_development(engine, "Deal one", published=T0)
    held = add_development(engine, "Deal two", published=T0 + timedelta(minutes=1))
    result = run(engine, T0 + timedelta(minutes=5), settings)
    assert (result.queued, result.held_budget) == (1, 1)
    assert sent(engine) == [(chat, alerted, "alert")]
    assert held not in [story for _, story, _ in sent(engine)]
    digest_at = utc("2025-06-08T08:00")
    clock = FakeClock(digest_at)
    digests = DigestJob(
        engine,
        ThreadStore(engine),
        DeliveryQueue(engine, clock),
        {"console": ConsoleRenderer()},
        Settings(),
    )
    assert digests.run(digest_at, digest_at - timedelta(minutes=1)).queued == 1
    with engine.connect() as connection:
        text = connection.execute(
            sa.text("select payload from deliveries where kind = 'digest'")
        ).scalar_one()
    assert "Deal two" in (text if isinstance(text, str) else text["text"])


def test_a_chat_that_left_or_turned_alerts_off_gets_none(engine: sa.Engine) -> None:
    add_chat(engine, ChatSetup("console", "off", alerts=False), T0)
    add_chat(engine, ChatSetup("console", "gone"), T0)
    ChatStore(engine).mark_blocked("console", "gone", "blocked", T0)
    add_development(engine, "Deal reached", published=T0)
    assert run(engine, T0 + timedelta(minutes=5)).chats == 0


@pytest.mark.parametrize("replicas", [2, 4])
def test_racing_runs_alert_each_development_once_within_the_budget(
    engine: sa.Engine, replicas: int
) -> None:
    chats = [add_chat(engine, ChatSetup("console", f"c{n}"), T0) for n in range(5)]
    stories = [
        add_development(engine, f"Deal {n}", published=T0 + timedelta(minutes=n)) for n in range(4)
    ]
    now = T0 + timedelta(minutes=10)
    jobs = [job(engine, FakeClock(now)) for _ in range(replicas)]
    start = threading.Barrier(replicas)
    results: list[AlertRun] = []
    errors: list[BaseException] = []

    def replica(alerts: AlertJob) -> None:
        start.wait()
        try:
            results.append(alerts.run(now))
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=replica, args=(j,)) for j in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sum(r.queued for r in results) == 3 * len(chats)
    keys = [key for key, _, _ in queued(engine)]
    assert sorted(keys) == sorted(f"alert:{c}:{s}" for c in chats for s in stories[:3])
    assert len(sent(engine)) == 3 * len(chats)


async def _settings(engine: sa.Engine, chat_id: str, now: datetime) -> str:
    commands = Commands(engine, Settings(), FakeClock(now))
    return text(await commands.handle(request("settings", chat_id=chat_id)))
