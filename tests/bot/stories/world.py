"""The whole bot over the multi-day fixture, on a fake clock: the outlets' feeds on a local
HTTP server, ingest, a Telegram chat and a Slack channel talking to the bot through the real
client libraries and the local stand-ins, the digest job and the delivery worker.

Each method returns what a chat sees: Telegram messages as their visible text (and
keyboards), Slack messages as the text of their blocks (and buttons).
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlencode

import aiohttp
import httpx
import sqlalchemy as sa

from bot.clock import FakeClock
from bot.commands.dispatch import Commands
from bot.config import Settings, TelegramSettings
from bot.delivery.queue import DeliveryQueue
from bot.delivery.ratelimit import RateLimiter
from bot.delivery.worker import DeliveryWorker
from bot.digests.job import DigestJob
from bot.ingest import IngestReport, run_ingest
from bot.slack.adapter import build_slack_adapter
from bot.slack.lines import ChannelLines
from bot.store.chats import ChatStore
from bot.store.threads import ThreadStore
from bot.telegram.adapter import TelegramAdapter
from bot.telegram.ordering import PerChatUpdateProcessor
from briefings.stories.topics import Topic
from tests.bot.slack.conftest import SECRET, slack_settings
from tests.bot.slack.slackhttp import FORM, SlackHttp
from tests.bot.slack.standin import SlackStandin
from tests.bot.stories.fixture_feeds import feed_path, feed_xml, outlets
from tests.httpserver import LocalServer, running_server
from tests.telegram_standin import BotApiStandIn

TOPIC = Topic(
    "trade-talks",
    "Trade talks",
    include=("talks", "tariff", "tariffs", "negotiator", "trade deal", "trade agreement"),
)
TELEGRAM_USER = 7001
SLACK_TEAM, SLACK_CHANNEL, SLACK_ADMIN = "T1", "C1", "UADMIN"
SLACK_CHAT = f"{SLACK_TEAM}:{SLACK_CHANNEL}"


@dataclass(frozen=True, slots=True)
class Seen:
    """One message as a chat sees it: its visible text and the commands of its buttons."""

    text: str
    buttons: tuple[str, ...] = ()


@dataclass(slots=True)
class World:
    engine: sa.Engine
    settings: Settings
    clock: FakeClock
    feeds: LocalServer
    client: httpx.AsyncClient
    telegram: BotApiStandIn
    telegram_bot: TelegramAdapter
    slack: SlackStandin
    slack_http: SlackHttp
    slack_sender: Any
    slack_renderer: Any
    slack_lines: ChannelLines
    _telegram_seen: int = 0
    _slack_seen: int = 0
    _asked: int = 0
    digests: list[tuple[str, datetime]] = field(default_factory=list)

    # --- the news -----------------------------------------------------------------------------

    async def ingest(self, at: datetime) -> IngestReport:
        """Every outlet's feed as it stands at ``at``, polled by the bot at ``at``."""
        self.clock.set(at)
        for outlet in outlets():
            self.feeds.serve(feed_path(outlet), feed_xml(outlet, at))
        return await run_ingest(self.engine, self.settings, self.client, self.clock)

    # --- the chats ----------------------------------------------------------------------------

    async def in_telegram(self, line: str) -> list[Seen]:
        """Type ``line`` in the Telegram chat; what the bot answers."""
        self.telegram.send_text(TELEGRAM_USER, line)
        return await self._telegram_answers()

    async def tap(self, message_text: str, command: str) -> list[Seen]:
        """Tap the button ``command`` of the last Telegram message starting with
        ``message_text``; what the chat sees then (the edited message first)."""
        sent = [m for m in self.telegram.sent_to(TELEGRAM_USER) if m.plain.startswith(message_text)]
        edits = len(self.telegram.edits)
        self.telegram.tap(sent[-1], command, TELEGRAM_USER)
        await self.telegram.wait_for(lambda: len(self.telegram.edits) > edits)
        edited = [Seen(self.telegram.edits[-1].plain)]
        return edited + await self._telegram_answers(wait=False)

    async def in_slack(self, line: str) -> list[Seen]:
        """``/briefing line`` in the Slack channel; what the bot answers there."""
        self._asked += 1
        key = f"ask-{self._asked}"
        url = self.slack.response_url(key)
        await self.slack_http.slash(line, url, channel=SLACK_CHANNEL, user=SLACK_ADMIN)
        await self.slack.wait_for(lambda: bool(self.slack.responses[key]))
        await self.slack_lines.until_idle(SLACK_CHAT)
        return [_slack_seen(payload) for payload in self.slack.responses[key]]

    async def click(self, command: str) -> list[Seen]:
        """Click the Slack button that runs ``command``; what the channel sees."""
        self._asked += 1
        key = f"click-{self._asked}"
        payload = {
            "type": "block_actions",
            "team": {"id": SLACK_TEAM},
            "user": {"id": SLACK_ADMIN},
            "api_app_id": "A0BRIEF",
            "channel": {"id": SLACK_CHANNEL, "name": "news"},
            "container": {"type": "message", "channel_id": SLACK_CHANNEL, "message_ts": "1.1"},
            "response_url": self.slack.response_url(key),
            "actions": [
                {
                    "type": "button",
                    "action_id": f"briefbot:{command}",
                    "block_id": "b",
                    "value": command,
                    "action_ts": "1.5",
                }
            ],
        }
        await self.slack_http.post(urlencode({"payload": json.dumps(payload)}), FORM)
        await self.slack.wait_for(lambda: bool(self.slack.responses[key]))
        await self.slack_lines.until_idle(SLACK_CHAT)
        return [_slack_seen(p) for p in self.slack.responses[key]]

    # --- digests --------------------------------------------------------------------------------

    async def digest_time(self, at: datetime) -> tuple[list[Seen], list[Seen]]:
        """Run the digest job at ``at`` and deliver what it queued: what the Telegram chat
        and the Slack channel get."""
        self.clock.set(at)
        queue = DeliveryQueue(self.engine, self.clock)
        renderers = {"telegram": self.telegram_bot.renderer, "slack": self.slack_renderer}
        job = DigestJob(self.engine, ThreadStore(self.engine), queue, renderers, self.settings)
        job.run(at, at - timedelta(minutes=1))

        async def sleep(seconds: float) -> None:
            self.clock.advance(timedelta(seconds=seconds))

        delivery = dataclasses.replace(self.settings.delivery, poll_seconds=0.0)
        worker = DeliveryWorker(
            queue,
            {"telegram": self.telegram_bot.sender, "slack": self.slack_sender},
            RateLimiter(delivery, self.clock),
            ChatStore(self.engine),
            self.clock,
            sleep,
            delivery,
        )
        for _ in range(20):
            if not queue.pending():
                break
            await worker.run_once()
            due = queue.next_due()
            if due is not None and due > self.clock.now():
                self.clock.set(due)
        assert not queue.pending(), queue.counts()
        telegram = self._new_telegram()
        posts = self.slack.called("chat.postMessage")[self._slack_seen :]
        self._slack_seen += len(posts)
        return telegram, [_slack_seen(call.params) for call in posts]

    # --- helpers --------------------------------------------------------------------------------

    async def _telegram_answers(self, wait: bool = True) -> list[Seen]:
        if wait:
            await self.telegram.wait_for(
                lambda: len(self.telegram.sent_to(TELEGRAM_USER)) > self._telegram_seen
            )
        processor = self.telegram_bot.application.update_processor
        assert isinstance(processor, PerChatUpdateProcessor)
        await processor.until_idle(TELEGRAM_USER)
        return self._new_telegram()

    def _new_telegram(self) -> list[Seen]:
        sent = self.telegram.sent_to(TELEGRAM_USER)[self._telegram_seen :]
        self._telegram_seen += len(sent)
        return [Seen(m.plain, _keyboard(m.reply_markup)) for m in sent]


def _keyboard(markup: dict[str, Any] | None) -> tuple[str, ...]:
    rows = (markup or {}).get("inline_keyboard", [])
    return tuple(button["callback_data"] for row in rows for button in row)


def _slack_seen(payload: dict[str, Any]) -> Seen:
    blocks = payload.get("blocks") or []
    if isinstance(blocks, str):
        blocks = json.loads(blocks)
    lines: list[str] = []
    buttons: list[str] = []
    for block in blocks:
        if block["type"] in ("header", "section"):
            lines.append(block["text"]["text"])
        elif block["type"] == "context":
            lines.extend(e["text"] for e in block["elements"])
        elif block["type"] == "actions":
            buttons.extend(e["value"] for e in block["elements"])
    return Seen("\n".join(lines) or payload.get("text", ""), tuple(buttons))


@asynccontextmanager
async def running_world(
    start: datetime, engine: sa.Engine, digest_max_threads: int = 8
) -> AsyncIterator[World]:
    """Every part started, nothing subscribed yet; stopped on exit."""
    clock = FakeClock(start)
    async with running_server() as feeds, httpx.AsyncClient() as client:
        slack = await SlackStandin().start()
        slack.add_team(SLACK_TEAM, "xoxb-t1")
        slack.workspace(SLACK_TEAM).admins.add(SLACK_ADMIN)
        telegram = BotApiStandIn()
        await telegram.start()
        telegram.add_chat(TELEGRAM_USER)
        base = slack_settings(slack, slack_bot_token="xoxb-t1")
        settings = dataclasses.replace(
            base,
            bot=dataclasses.replace(base.bot, digest_max_threads=digest_max_threads),
            topics=(
                dataclasses.replace(TOPIC, feeds=tuple(feeds.url(feed_path(o)) for o in outlets())),
            ),
            fetch=dataclasses.replace(
                base.fetch, allow_private_networks=True, per_host_interval_seconds=0.0
            ),
        )
        commands = Commands(engine, settings, clock)
        bot = TelegramAdapter(
            telegram.token,
            commands,
            TelegramSettings(poll_timeout_seconds=10),
            api_base_url=telegram.base_url,
            chats=ChatStore(engine),
            clock=clock,
        )
        await bot.start()
        slack_app = build_slack_adapter(settings, engine, commands, clock)
        await slack_app.start()
        try:
            async with aiohttp.ClientSession() as session:
                url = f"http://127.0.0.1:{slack_app.port}/slack/events"
                yield World(
                    engine,
                    settings,
                    clock,
                    feeds,
                    client,
                    telegram,
                    bot,
                    slack,
                    SlackHttp(session, url, SECRET),
                    slack_app.sender,
                    slack_app.renderer,
                    slack_app.listeners.lines,
                )
        finally:
            await slack_app.stop()
            await bot.stop()
            await telegram.close()
            await slack.close()
