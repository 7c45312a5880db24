"""Alerts in Slack over real HTTP: a channel's admins turn them on and set quiet hours with
the slash command, members read them in settings, and an alert is posted through the Web API
client with every piece of article text escaped (no ``<!channel>`` ping)."""

from __future__ import annotations

import dataclasses
from datetime import timedelta
from typing import Any

from bot.alerts.job import AlertJob
from bot.delivery.queue import DeliveryQueue
from bot.delivery.ratelimit import RateLimiter
from bot.delivery.worker import DeliveryWorker
from bot.store.chats import ChatStore
from tests.bot.alerts.helpers import RATE_CHANGE, add_development
from tests.bot.slack.conftest import Running, slack_settings


async def _slash(app: Running, line: str, user: str = "U1") -> dict[str, Any]:
    key = f"{line}-{user}"
    await app.http.slash(line, app.standin.response_url(key), user=user)
    await app.standin.wait_for(lambda: bool(app.standin.responses[key]))
    response: dict[str, Any] = app.standin.responses[key][0]
    return response


async def test_channel_admins_set_alerts_and_quiet_hours(http_app: Running) -> None:
    http_app.standin.workspace("T1").admins.add("UADMIN")
    refused = await _slash(http_app, "alerts on", user="UMEMBER")
    assert refused["response_type"] == "ephemeral"
    assert "Only admins of this channel" in refused["text"]
    on = await _slash(http_app, "alerts on", user="UADMIN")
    assert on["text"].startswith("Alerts on: at most 3 a day")
    quiet = await _slash(http_app, "quiet 22:00-07:00", user="UADMIN")
    assert quiet["text"].startswith("Quiet hours 22:00-07:00 UTC")
    bad = await _slash(http_app, "quiet 22.00-07.00", user="UADMIN")
    assert bad["response_type"] == "ephemeral"
    assert "Try: quiet 22:00-07:00, or: quiet off" in bad["text"]
    settings = await _slash(http_app, "settings", user="UMEMBER")
    assert "• Alerts: on, 0 of 3 today" in settings["text"]
    assert "• Quiet hours: 22:00-07:00 UTC" in settings["text"]
    chat = ChatStore(http_app.engine).chat("slack", "T1:C1")
    assert chat is not None
    assert (chat.alerts, chat.quiet_hours) == (True, ("22:00", "07:00"))


async def test_an_alert_is_posted_once_and_pings_no_one(http_app: Running) -> None:
    http_app.standin.workspace("T1").admins.add("UADMIN")
    await _slash(http_app, "subscribe trade-talks", user="UADMIN")
    await _slash(http_app, "alerts on", user="UADMIN")
    clock, engine = http_app.clock, http_app.engine
    headline = "<!channel> @here Deal reached & tariffs <cut>"
    add_development(
        engine, headline, published=clock.now(), material=("many outlets",), changes=(RATE_CHANGE,)
    )
    clock.advance(timedelta(minutes=5))
    adapter = http_app.adapter
    settings = slack_settings(http_app.standin, slack_bot_token="xoxb-t1")
    queue = DeliveryQueue(engine, clock)
    alerts = AlertJob(engine, queue, {"slack": adapter.renderer}, settings)
    assert alerts.run(clock.now()).queued == 1
    assert alerts.run(clock.now()).queued == 0

    async def sleep(seconds: float) -> None:
        clock.advance(timedelta(seconds=seconds))

    delivery = dataclasses.replace(settings.delivery, poll_seconds=0.0)
    worker = DeliveryWorker(
        queue, {"slack": adapter.sender}, RateLimiter(delivery, clock),
        ChatStore(engine), clock, sleep, delivery,
    )  # fmt: skip
    before = len(http_app.standin.called("chat.postMessage"))
    assert await worker.run_once() == 1
    [post] = http_app.standin.called("chat.postMessage")[before:]
    assert post.params["channel"] == "C1"
    assert post.params["link_names"] is False
    escaped = "&lt;!channel&gt; @here Deal reached &amp; tariffs &lt;cut&gt;"
    assert post.params["text"] == f"Alert — taken up by many outlets: {escaped}"
    texts = [block["text"]["text"] for block in post.params["blocks"] if block["type"] == "section"]
    assert texts[0] == "*Alert — taken up by many outlets*"
    assert texts[1] == f"*<https://wire.example/channel-here-deal-reached-tariffs-cut|{escaped}>*"
    assert texts[2] == "Changed: car tariff 25 % → 15 %"
    assert "<!channel>" not in str(post.params)
