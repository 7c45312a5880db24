"""Replies to commands within the bot's limits, over real HTTP against the stand-in: a 429 is
waited out, a flooding channel is throttled and told once while other channels are answered,
and a slow answer is waited for, not sent again.

The bot's waits move the test's fake clock (or wait for the test to let them), so no test
waits for real time to pass.
"""

from __future__ import annotations

import asyncio
import dataclasses
import math
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import timedelta

import aiohttp
import pytest
import sqlalchemy as sa

from bot.clock import FakeClock
from bot.commands.dispatch import Commands
from bot.config import Settings
from bot.delivery.ratelimit import RateLimiter
from bot.slack.adapter import SlackAdapter, build_slack_adapter
from bot.slack.lines import MAX_CHAT_BACKLOG, ChannelLines
from tests.bot.slack.conftest import SECRET, slack_settings
from tests.bot.slack.samples import NOW
from tests.bot.slack.slackhttp import SlackHttp
from tests.bot.slack.standin import SlackStandin

NOTICE = "faster than I can answer"
FLOOD = 20
OTHERS = [f"C{n}" for n in range(2, 8)]


class HeldSleep:
    """The bot's sleep: moves the fake clock forward, once the test lets it (``opened``)."""

    def __init__(self, clock: FakeClock) -> None:
        self.clock = clock
        self.delays: list[float] = []
        self.opened = asyncio.Event()
        self.opened.set()

    async def __call__(self, seconds: float) -> None:
        self.delays.append(seconds)
        target = self.clock.now() + timedelta(seconds=seconds)
        await asyncio.sleep(0)
        await self.opened.wait()
        if target > self.clock.now():
            self.clock.set(target)


@dataclass(slots=True)
class Limited:
    adapter: SlackAdapter
    standin: SlackStandin
    http: SlackHttp
    clock: FakeClock
    limiter: RateLimiter
    sleep: HeldSleep


async def run_limited(
    standin: SlackStandin, engine: sa.Engine, settings: Settings
) -> AsyncIterator[Limited]:
    clock = FakeClock(NOW)
    limiter = RateLimiter(settings.delivery, clock)
    sleep = HeldSleep(clock)
    commands = Commands(engine, settings, clock)
    adapter = build_slack_adapter(settings, engine, commands, clock, limiter=limiter, sleep=sleep)
    await adapter.start()
    async with aiohttp.ClientSession() as session:
        http = SlackHttp(session, f"http://127.0.0.1:{adapter.port}/slack/events", SECRET)
        yield Limited(adapter, standin, http, clock, limiter, sleep)
    sleep.opened.set()
    await adapter.stop()


@pytest.fixture
async def limited(standin: SlackStandin, slack_engine: sa.Engine) -> AsyncIterator[Limited]:
    settings = slack_settings(standin, slack_bot_token="xoxb-t1")
    async for running in run_limited(standin, slack_engine, settings):
        yield running


def lines(adapter: SlackAdapter) -> ChannelLines:
    assert adapter.listeners is not None
    return adapter.listeners.lines


def mention(text: str, channel: str = "C1") -> dict[str, str]:
    return {"type": "app_mention", "user": "U1", "text": f"<@UBOT> {text}", "channel": channel}


async def test_a_429_on_a_post_is_waited_out_and_the_reply_arrives_once(
    limited: Limited,
) -> None:
    standin = limited.standin
    standin.limit_once("chat.postMessage", retry_after=7)
    started = limited.clock.now()
    await limited.http.event(mention("latest trade-talks"))
    await standin.wait_for(lambda: bool(standin.called("chat.postMessage")))
    assert standin.arrived.count("chat.postMessage") == 2  # refused once, then sent
    assert len(standin.called("chat.postMessage")) == 1
    assert (limited.clock.now() - started).total_seconds() >= 7
    # The reply booked the channel's next slot in the limiter digests use too.
    assert limited.limiter.ready_at("slack", "T1:C1", "channel") > limited.clock.now()


async def test_a_429_on_a_response_url_is_waited_out(limited: Limited) -> None:
    standin = limited.standin
    standin.limit_once("response_url", retry_after=4)
    started = limited.clock.now()
    await limited.http.slash("latest trade-talks", standin.response_url("r"))
    await standin.wait_for(lambda: bool(standin.responses["r"]))
    [response] = standin.responses["r"]
    assert response["response_type"] == "in_channel"
    assert (limited.clock.now() - started).total_seconds() >= 4


async def test_a_flooding_channel_is_told_once_and_other_channels_are_answered(
    limited: Limited,
) -> None:
    standin, http = limited.standin, limited.http
    limited.sleep.opened.clear()  # the flooding channel's second answer waits for the test
    flood = [standin.response_url(f"flood-{n}") for n in range(FLOOD)]
    answers = await asyncio.gather(*(http.slash("topics", url) for url in flood))
    assert {a.status for a in answers} == {200}
    for channel in OTHERS:
        await http.slash("topics", standin.response_url(channel), channel=channel)

    # Every other channel is answered while the flooding one still waits for its turn.
    flooded = [f"flood-{n}" for n in range(FLOOD)]
    await standin.wait_for(
        lambda: (
            all(standin.responses[c] for c in OTHERS)
            and any(standin.responses[key] for key in flooded)
        )
    )
    assert all(len(standin.responses[c]) == 1 for c in OTHERS)
    assert sum(bool(standin.responses[key]) for key in flooded) == 1

    limited.sleep.opened.set()
    # Every command took its place on arrival: idle means every queued answer has finished.
    await lines(limited.adapter).until_idle("T1:C1")
    texts = [r["text"] for key in flooded for r in standin.responses[key]]
    assert sum(NOTICE in text for text in texts) == 1
    assert MAX_CHAT_BACKLOG <= len(texts) - 1 < FLOOD
    # The flooding channel's answers went at most one a second (limit_fraction below 1).
    assert all(delay >= 1.0 for delay in limited.sleep.delays)
    assert len(limited.sleep.delays) >= MAX_CHAT_BACKLOG


async def test_the_flood_is_over_once_the_channel_is_answered(limited: Limited) -> None:
    standin, http = limited.standin, limited.http
    limited.sleep.opened.clear()
    urls = [standin.response_url(f"a-{n}") for n in range(MAX_CHAT_BACKLOG + 2)]
    await asyncio.gather(*(http.slash("topics", url) for url in urls))
    limited.sleep.opened.set()
    # Every command took its place on arrival: idle means all of them are answered.
    await lines(limited.adapter).until_idle("T1:C1")
    await http.slash("help", standin.response_url("after"))
    await standin.wait_for(lambda: bool(standin.responses["after"]))
    assert NOTICE not in standin.responses["after"][0]["text"]


async def test_a_slow_answer_is_waited_for_not_sent_again(
    standin: SlackStandin, slack_engine: sa.Engine
) -> None:
    settings = slack_settings(standin, slack_bot_token="xoxb-t1")
    delivery = dataclasses.replace(settings.delivery, send_timeout_seconds=20.5)
    settings = dataclasses.replace(settings, delivery=delivery)
    async for running in run_limited(standin, slack_engine, settings):
        # Every Web API client waits delivery.send_timeout_seconds for Slack's answer, and so
        # does the shared HTTP session, whose timeout is the one slack-sdk then applies.
        client = running.adapter.app.client
        assert client.timeout == math.ceil(20.5)
        assert client.session is not None
        assert client.session.timeout.total == math.ceil(20.5)
        standin.held.add("chat.postMessage")
        await running.http.event(mention("latest trade-talks"))
        await standin.wait_for(lambda: "chat.postMessage" in standin.arrived)
        for _ in range(20):
            await asyncio.sleep(0)  # the answer is still on its way: nothing is sent again
        assert standin.arrived.count("chat.postMessage") == 1
        standin.release.set()
        await standin.wait_for(lambda: bool(standin.called("chat.postMessage")))
        await lines(running.adapter).stop()
        assert standin.arrived.count("chat.postMessage") == 1
