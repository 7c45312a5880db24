"""A slow platform in real time: every send is taken at once but answered ``--delay`` s late.

The real delivery worker (as ``briefbot run`` wires it: queue in SQLite, the bot's rate
limiter, the shipped ``delivery`` settings) sends ``--messages`` messages per platform, one
per chat, through the real senders with their real send timeout:

- Telegram: the python-telegram-bot application the adapter builds (``send_timeout`` from
  ``delivery.send_timeout_seconds``), against the local Bot API stand-in
  (tests/telegram_standin) answering each ``sendMessage`` after the delay;
- Slack: the Slack adapter's sender over the adapter's own HTTP session, against the local
  Web API stand-in (tests/bot/slack/standin.py) answering each ``chat.postMessage`` after the
  delay.

A send that times out is sent again, and the platform keeps both: each extra copy a stand-in
took is a duplicate; a chat that got nothing is a loss. The run ends when every message is
recorded as sent (or failed), or after ``2 * delay + 30`` s. ``--send-timeout`` overrides
``delivery.send_timeout_seconds`` to show the other side of the trade-off (shorter than the
delay: duplicates).

    .venv/bin/python bench/slow_platform.py [--delay 20] [--messages 20] [--send-timeout S]
        [--platform both|telegram|slack]

Last line: one JSON object (``delay_s``, ``messages``, ``sent_once``, ``duplicates``, ``lost``,
and the same per platform).
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import dataclasses
import json
import logging
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.clock import SystemClock  # noqa: E402
from bot.commands.dispatch import Commands  # noqa: E402
from bot.config import Secrets, Settings, load_settings  # noqa: E402
from bot.delivery.queue import DeliveryQueue  # noqa: E402
from bot.delivery.ratelimit import RateLimiter  # noqa: E402
from bot.delivery.sender import Sender  # noqa: E402
from bot.delivery.worker import DeliveryWorker  # noqa: E402
from bot.render import RenderedMessage  # noqa: E402
from bot.slack.adapter import SlackAdapter, build_slack_adapter  # noqa: E402
from bot.store.chats import ChatStore  # noqa: E402
from bot.store.db import create_engine, migrate, sqlite_url  # noqa: E402
from bot.telegram.adapter import build_application  # noqa: E402
from bot.telegram.sender import TelegramSender  # noqa: E402
from tests.bot.slack.standin import SlackStandin  # noqa: E402
from tests.telegram_standin import BotApiStandIn  # noqa: E402

TOKEN = "123456:TEST-token"
SLACK_TOKEN = "xoxb-bench"
FIRST_TELEGRAM_CHAT = 5000


def bench_settings(send_timeout: float | None, slack_api: str) -> Settings:
    base = load_settings(environ={})
    delivery = base.delivery
    if send_timeout is not None:
        delivery = dataclasses.replace(delivery, send_timeout_seconds=send_timeout)
    return dataclasses.replace(
        base,
        delivery=delivery,
        slack=dataclasses.replace(base.slack, mode="http", host="127.0.0.1", port=0),
        secrets=Secrets(
            slack_bot_token=SLACK_TOKEN,
            slack_signing_secret="bench-signing-secret",
            slack_api_base_url=slack_api,
        ),
    )


class Platforms:
    """The two stand-ins, answering late, and the bot's senders for them."""

    def __init__(self, delay: float) -> None:
        self.telegram = BotApiStandIn(TOKEN)
        self.slack = SlackStandin()
        self.telegram.answer_delay = delay
        self.slack.answer_delays["chat.postMessage"] = delay
        self.slack.add_team("T1", SLACK_TOKEN)
        self._closing: list[Any] = []

    async def start(self) -> None:
        await self.telegram.start()
        await self.slack.start()

    async def senders(
        self, settings: Settings, engine: Any, clock: SystemClock
    ) -> dict[str, Sender]:
        application = build_application(
            TOKEN,
            self.telegram.base_url,
            polling=False,
            send_timeout=settings.delivery.send_timeout_seconds,
        )
        await application.initialize()
        self._closing.append(application)
        adapter = build_slack_adapter(settings, engine, Commands(engine, settings, clock), clock)
        await adapter.start()
        self._closing.append(adapter)
        return {"telegram": TelegramSender(application.bot), "slack": adapter.sender}

    def taken(self, platform: str) -> collections.Counter[str]:
        """How many copies of a message each chat's platform took."""
        if platform == "telegram":
            return collections.Counter(str(m.chat_id) for m in self.telegram.sent)
        return collections.Counter(
            f"T1:{call.params['channel']}" for call in self.slack.called("chat.postMessage")
        )

    async def close(self) -> None:
        for part in reversed(self._closing):
            if isinstance(part, SlackAdapter):
                await part.stop()
            else:
                await part.shutdown()
        await self.telegram.close()
        await self.slack.close()


def chat_ids(platform: str, count: int) -> list[str]:
    if platform == "telegram":
        return [str(FIRST_TELEGRAM_CHAT + n) for n in range(count)]
    return [f"T1:C{n:04d}" for n in range(count)]


def queue_messages(queue: DeliveryQueue, platforms: list[str], count: int) -> None:
    for platform in platforms:
        for n, chat_id in enumerate(chat_ids(platform, count)):
            message = RenderedMessage({"text": f"Digest {n}: a slow platform still gets it once"})
            queue.enqueue(f"slow-{platform}-{n}", platform, chat_id, "digest", message)


async def run_until_recorded(worker: DeliveryWorker, queue: DeliveryQueue, deadline: float) -> None:
    stop = asyncio.Event()
    running = asyncio.create_task(worker.run_forever(stop))
    try:
        for _ in range(max(1, round((deadline - time.monotonic()) / 0.2))):
            if not await asyncio.to_thread(queue.pending):
                break
            await asyncio.sleep(0.2)
    finally:
        stop.set()
        await running


def figures(taken: collections.Counter[str], expected: list[str]) -> dict[str, int]:
    return {
        "messages": len(expected),
        "sent_once": sum(1 for chat in expected if taken[chat] == 1),
        "duplicates": sum(max(0, taken[chat] - 1) for chat in expected),
        "lost": sum(1 for chat in expected if taken[chat] == 0),
    }


async def main(
    delay: float, messages: int, send_timeout: float | None, platforms: list[str]
) -> dict[str, Any]:
    logging.basicConfig(level=logging.WARNING)
    stand_ins = Platforms(delay)
    await stand_ins.start()
    clock = SystemClock()
    settings = bench_settings(send_timeout, stand_ins.slack.base_url)
    with tempfile.TemporaryDirectory() as tmp:
        engine = create_engine(sqlite_url(Path(tmp) / "slow.sqlite3"))
        migrate(engine)
        for n in range(messages):
            stand_ins.telegram.add_chat(FIRST_TELEGRAM_CHAT + n)
        try:
            senders = await stand_ins.senders(settings, engine, clock)
            queue = DeliveryQueue(engine, clock, lease_seconds=settings.delivery.lease_seconds)
            worker = DeliveryWorker(
                queue,
                {name: senders[name] for name in platforms},
                RateLimiter(settings.delivery, clock),
                ChatStore(engine),
                clock,
                asyncio.sleep,
                settings.delivery,
            )
            queue_messages(queue, platforms, messages)
            started = time.monotonic()
            await run_until_recorded(worker, queue, started + 2 * delay + 30)
            took = time.monotonic() - started
            statuses = queue.counts()
        finally:
            await stand_ins.close()
            engine.dispose()
    per_platform = {
        platform: figures(stand_ins.taken(platform), chat_ids(platform, messages))
        for platform in platforms
    }
    totals = {
        key: sum(result[key] for result in per_platform.values())
        for key in ("messages", "sent_once", "duplicates", "lost")
    }
    timeout = settings.delivery.send_timeout_seconds
    for platform, result in per_platform.items():
        print(f"{platform}: {result}")
    print(f"send timeout {timeout:g} s, answers after {delay:g} s: done in {took:.1f} s; "
          f"queue {statuses}")  # fmt: skip
    return {
        "delay_s": delay,
        "send_timeout_s": timeout,
        **totals,
        "recorded_sent": statuses.get("sent", 0),
        "took_s": round(took, 1),
        **per_platform,
    }


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--delay", type=float, default=20.0, help="seconds before each answer")
    parser.add_argument("--messages", type=int, default=20, help="messages per platform")
    parser.add_argument(
        "--send-timeout", type=float, default=None, help="delivery.send_timeout_seconds"
    )
    parser.add_argument("--platform", choices=("both", "telegram", "slack"), default="both")
    args = parser.parse_args()
    chosen = ["telegram", "slack"] if args.platform == "both" else [args.platform]
    result = asyncio.run(main(args.delay, args.messages, args.send_timeout, chosen))
    print(json.dumps(result))
