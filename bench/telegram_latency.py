"""Telegram under load: server-side time from update received to ``sendMessage`` issued.

Runs the real Telegram adapter (python-telegram-bot polling, the real commands over a
SQLite database seeded with one briefing) in its own process against the Bot API stand-in.
N users, each in their own private chat, send ``/latest trade-talks``, wait for the answer,
read it (an exponential think time, mean ``--think`` seconds) and ask again. Per command,
measured on the stand-in's side of the wire: from the moment ``getUpdates`` hands the update
to the bot until the bot's ``sendMessage`` for that chat arrives. A last phase has every user
ask back to back (no think time) to show the ceiling.

    .venv/bin/python bench/telegram_latency.py [--users 200] [--rounds 10] [--think 2]

Last line: one JSON object (``p50_ms``, ``p95_ms``, ``p99_ms``, ...).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.clock import SystemClock  # noqa: E402
from bot.commands.dispatch import Commands  # noqa: E402
from bot.config import TelegramSettings, load_settings  # noqa: E402
from bot.store.briefings import BriefingStore  # noqa: E402
from bot.store.chats import ChatStore  # noqa: E402
from bot.store.db import create_engine, migrate, sqlite_url  # noqa: E402
from bot.telegram.adapter import TelegramAdapter  # noqa: E402
from tests.bot.telegram.samples import asahi_briefing  # noqa: E402
from tests.telegram_standin import BotApiStandIn, SentMessage  # noqa: E402

GOAL_P95_MS = 50.0
TOKEN = "123456:BENCH-token"


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(pct / 100 * len(ordered)) - 1))
    return ordered[index]


class Users:
    """The users' side: send a command, wait for the answer in that chat."""

    def __init__(self, standin: BotApiStandIn) -> None:
        self._standin = standin
        self._waiting: dict[int, asyncio.Future[SentMessage]] = {}
        standin.on_sent.append(self._answered)

    def _answered(self, message: SentMessage) -> None:
        future = self._waiting.pop(message.chat_id, None)
        if future is not None and not future.done():
            future.set_result(message)

    async def ask(self, chat_id: int, text: str) -> float:
        """Seconds from the update's delivery to the bot until its reply arrived."""
        future = asyncio.get_running_loop().create_future()
        self._waiting[chat_id] = future
        update_id = self._standin.send_text(chat_id, text)
        reply = await asyncio.wait_for(future, 30)
        return reply.at - self._standin.delivered_at[update_id]


async def serve(base_url: str, database: str) -> None:
    """The bot's process: the adapter over ``database`` until stdin closes."""
    settings = load_settings(environ={})
    clock = SystemClock()
    engine = create_engine(sqlite_url(Path(database)))
    adapter = TelegramAdapter(
        TOKEN,
        Commands(engine, settings, clock),
        TelegramSettings(poll_timeout_seconds=10),
        api_base_url=base_url,
        chats=ChatStore(engine),
        clock=clock,
    )
    await adapter.start()
    print("ready", flush=True)
    await asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)
    await adapter.stop()
    engine.dispose()


async def phase(
    client: Users, chats: list[int], rounds: int, think: float, rng: random.Random
) -> tuple[list[float], float]:
    """Every user asks ``rounds`` times, reading for ``think`` s (exponential) in between;
    the samples in ms and the commands answered per second."""

    async def user(chat_id: int) -> list[float]:
        samples = []
        for _ in range(rounds):
            if think:
                await asyncio.sleep(rng.expovariate(1 / think))
            samples.append(await client.ask(chat_id, "/latest trade-talks") * 1000)
        return samples

    started = time.perf_counter()
    per_user = await asyncio.gather(*(user(c) for c in chats))
    elapsed = time.perf_counter() - started
    samples = [sample for samples in per_user for sample in samples]
    return samples, len(samples) / elapsed


async def run(users: int, rounds: int, think: float) -> dict[str, float | int | bool | None]:
    rng = random.Random(7)
    standin = BotApiStandIn(TOKEN)
    await standin.start()
    client = Users(standin)
    chats = [10_000 + n for n in range(users)]
    for chat_id in chats:
        standin.add_chat(chat_id)
    with tempfile.TemporaryDirectory() as tmp:
        database = Path(tmp) / "bench.sqlite3"
        engine = create_engine(sqlite_url(database))
        migrate(engine)
        BriefingStore(engine).save("asahi-fifth-round", asahi_briefing(), SystemClock().now())
        engine.dispose()
        bot = await asyncio.create_subprocess_exec(
            sys.executable, __file__, "--serve", standin.base_url, str(database),
            stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
        )  # fmt: skip
        assert bot.stdin is not None
        assert bot.stdout is not None
        try:
            await bot.stdout.readline()
            # Warm-up: every chat is created in the database once, connections are opened.
            await phase(client, chats, 1, 0.0, rng)
            samples, rate = await phase(client, chats, rounds, think, rng)
            flat_out, ceiling = await phase(client, chats, max(1, rounds // 2), 0.0, rng)
        finally:
            bot.stdin.close()
            await bot.wait()
            await standin.close()
    p95 = percentile(samples, 95)
    return {
        "users": users,
        "requests": len(samples),
        "think_s": think,
        "offered_per_s": round(users / think, 1) if think else None,
        "answered_per_s": round(rate, 1),
        "mean_ms": round(statistics.fmean(samples), 2),
        "p50_ms": round(percentile(samples, 50), 2),
        "p95_ms": round(p95, 2),
        "p99_ms": round(percentile(samples, 99), 2),
        "max_ms": round(max(samples), 2),
        "goal_p95_ms": GOAL_P95_MS,
        "goal_met": p95 < GOAL_P95_MS,
        "saturated_per_s": round(ceiling, 1),
        "saturated_p50_ms": round(percentile(flat_out, 50), 2),
        "saturated_p95_ms": round(percentile(flat_out, 95), 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--think", type=float, default=2.0, help="mean think time, seconds")
    parser.add_argument("--serve", nargs=2, metavar=("BASE_URL", "DB"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    if args.serve:
        asyncio.run(serve(*args.serve))
        return
    result = asyncio.run(run(args.users, args.rounds, args.think))
    print(
        f"/latest from {result['users']} concurrent users, each reading ~{args.think:g} s "
        f"between commands: {result['requests']} commands; offered ~{result['offered_per_s']}/s "
        f"at the start, {result['answered_per_s']}/s over the whole phase"
    )
    print(
        f"  update received -> sendMessage issued: p50 {result['p50_ms']} ms, "
        f"p95 {result['p95_ms']} ms, p99 {result['p99_ms']} ms, max {result['max_ms']} ms"
    )
    print(f"  goal p95 < {GOAL_P95_MS:.0f} ms: {'met' if result['goal_met'] else 'NOT met'}")
    print(
        f"saturated (all {result['users']} users back to back): {result['saturated_per_s']}/s, "
        f"p50 {result['saturated_p50_ms']} ms, p95 {result['saturated_p95_ms']} ms"
    )
    print(json.dumps(result))


if __name__ == "__main__":
    main()
