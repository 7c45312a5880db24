"""Alerts in Telegram, through real PTB against the Bot API stand-in: a group's admins turn
them on and set quiet hours, anyone reads them in /settings, and an alert reaches the chat in
valid HTML with the article's text escaped."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import sqlalchemy as sa

from bot.alerts.job import AlertJob
from bot.clock import FakeClock
from bot.config import Settings
from bot.delivery.queue import DeliveryQueue
from bot.delivery.ratelimit import RateLimiter
from bot.delivery.worker import DeliveryWorker
from bot.store.chats import ChatStore
from bot.telegram.adapter import TelegramAdapter
from tests.bot.alerts.helpers import RATE_CHANGE, add_development
from tests.telegram_standin import BotApiStandIn, parse_html

GROUP = -100700
ADMIN, MEMBER = 21, 22
USER = 2001


async def _reply(standin: BotApiStandIn, chat_id: int, text: str, **kw: object) -> str:
    before = len(standin.sent_to(chat_id))
    standin.send_text(chat_id, text, **kw)  # type: ignore[arg-type]
    await standin.wait_for(lambda: len(standin.sent_to(chat_id)) > before)
    return standin.sent_to(chat_id)[before].plain


async def test_group_admins_turn_alerts_on_and_set_quiet_hours(
    bot: TelegramAdapter, standin: BotApiStandIn, sqlite_engine: sa.Engine
) -> None:
    standin.add_chat(GROUP, "supergroup", "Trade desk", admins=(ADMIN,))
    refused = await _reply(standin, GROUP, "/alerts on", user_id=MEMBER)
    assert refused.startswith("Only admins of this group can change its topics, digest and alerts")
    assert (await _reply(standin, GROUP, "/alerts on", user_id=ADMIN)).startswith("Alerts on")
    refused = await _reply(standin, GROUP, "/quiet 22:00-07:00", user_id=MEMBER)
    assert refused.startswith("Only admins")
    quiet = await _reply(standin, GROUP, f"/quiet@{standin.username} 22:00-07:00", user_id=ADMIN)
    assert quiet.startswith("Quiet hours 22:00-07:00 UTC")
    bad = await _reply(standin, GROUP, "/quiet 10pm-7am", user_id=ADMIN)
    assert bad.startswith("'10pm-7am' is not a range of hours")
    settings = await _reply(standin, GROUP, "/settings", user_id=MEMBER)
    assert "• Alerts: on, 0 of 3 today" in settings
    assert "• Quiet hours: 22:00-07:00 UTC" in settings
    chat = ChatStore(sqlite_engine).chat("telegram", str(GROUP))
    assert chat is not None
    assert (chat.alerts, chat.quiet_hours) == (True, ("22:00", "07:00"))


async def test_an_alert_reaches_the_chat_once(
    bot: TelegramAdapter,
    standin: BotApiStandIn,
    sqlite_engine: sa.Engine,
    settings: Settings,
    clock: FakeClock,
) -> None:
    standin.add_chat(USER)
    await _reply(standin, USER, "/subscribe trade-talks")
    await _reply(standin, USER, "/alerts on")
    headline = 'Japan & US <b>agree</b> "car tariff" cut'
    add_development(sqlite_engine, headline, published=clock.now(), changes=(RATE_CHANGE,))
    clock.advance(timedelta(minutes=5))
    queue = DeliveryQueue(sqlite_engine, clock)
    alerts = AlertJob(sqlite_engine, queue, {"telegram": bot.renderer}, settings)
    assert alerts.run(clock.now()).queued == 1
    assert alerts.run(clock.now()).queued == 0  # a re-run: nothing more

    async def sleep(seconds: float) -> None:
        clock.advance(timedelta(seconds=seconds))
        await asyncio.sleep(0)

    worker = DeliveryWorker(
        queue, {"telegram": bot.sender}, RateLimiter(settings.delivery, clock),
        ChatStore(sqlite_engine), clock, sleep, settings.delivery,
    )  # fmt: skip
    await worker.run_once()
    [alert] = standin.sent_to(USER)[2:]
    assert alert.plain.splitlines()[:4] == [
        f"Alert — agreement reached: {headline}",
        "Changed: car tariff 25 % → 15 %",
        f"• Outcome: First outcome of {headline}. — Pacific Wire",
        f"• Outcome: Second outcome of {headline}. — Pacific Wire",
    ]
    assert "<b>Alert — agreement reached: </b><b>Japan &amp; US &lt;b&gt;agree" in alert.text
    assert parse_html(alert.text).links[-2:] == (
        "https://wire.example/japan-us-b-agree-b-car-tariff-cut",
        "https://wire.example/japan-us-b-agree-b-car-tariff-cut-b",
    )
    assert alert.disable_preview is True
    assert queue.counts() == {"sent": 1}
    assert "• Alerts: on, 1 of 3 today" in await _reply(standin, USER, "/settings")
