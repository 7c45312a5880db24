"""Slack HTTP mode under load: ack and answer times of ``/briefing latest trade-talks``.

Runs the real app (Bolt AsyncApp, HTTP mode, signature checks, the real commands over a
SQLite database) against the local Slack Web API stand-in, fires N signed slash commands at
once, each from a channel of its own (a channel's answers go about one a second, and past
five waiting its commands are skipped), and measures per request:

- ack: from sending the POST until the app's HTTP 200 (Slack wants it within 3 s);
- answer: from sending the POST until the briefing reaches the ``response_url``.

The app runs in its own process, as in production; this process plays Slack (the requests
and the Web API stand-in). The first burst opens all connections and is reported apart
(``cold_*``); ``ack_*`` and ``answer_*`` cover the following bursts on kept-alive connections.
This process collects its own garbage between bursts, so a collection of the harness's heap
does not land inside a measured burst; the app process is left exactly as it runs. The load
average is printed: other work on the machine shows in the figures.

With ``--flood N`` each burst also carries N commands from one more channel: the app (with
the bot's rate limiter, as ``briefbot run`` wires it) answers that channel about once a second,
tells it once that it is going too fast and skips the rest; the figures are the other
channels' answers during the flood. The flood is sent by a process of its own, as Slack's
requests come from servers of their own: the process that times the other channels does not
also spend its time sending the flood.

The app's own CPU time does not depend on the machine's load: ``app_cpu_ms_per_answer`` is
the CPU time of the app's process (every thread) over the measured bursts, until its last
answer is out, divided by the answers the stand-in took (with ``--flood``, the skipped
commands' share is in it too); ``app_loop_cpu_ms_per_answer`` is its event loop's share.
``--profile FILE`` writes the app's cProfile over the same span (event loop and worker
threads, in CPU time; read it with ``python -m pstats FILE``).

    .venv/bin/python bench/slack_latency.py [--requests 200] [--rounds 3] [--flood 0]
        [--profile FILE]

Last line: one JSON object (``ack_p99_ms``, ``answer_p95_ms``, ``app_cpu_ms_per_answer``, ...).
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import dataclasses
import gc
import json
import logging
import os
import pstats
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import aiohttp

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.clock import SystemClock  # noqa: E402
from bot.commands.dispatch import Commands  # noqa: E402
from bot.config import Secrets, load_settings  # noqa: E402
from bot.delivery.ratelimit import RateLimiter  # noqa: E402
from bot.heap import freeze_startup_heap  # noqa: E402
from bot.slack.adapter import build_slack_adapter  # noqa: E402
from bot.store.briefings import BriefingStore  # noqa: E402
from bot.store.db import create_engine, migrate, sqlite_url  # noqa: E402
from tests.bot.slack.samples import NOW, briefing  # noqa: E402
from tests.bot.slack.slackhttp import SlackHttp  # noqa: E402
from tests.bot.slack.standin import SlackStandin  # noqa: E402

SECRET = "bench-signing-secret"


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(pct / 100 * len(ordered)) - 1))
    return ordered[index]


class FloodSender:
    """A process of its own that sends ``count`` slash commands from one channel each time it
    is told to (a line on its stdin), and says when they are all acknowledged."""

    def __init__(self, process: asyncio.subprocess.Process) -> None:
        self._process = process

    @classmethod
    async def start(cls, url: str, response_base: str, count: int) -> FloodSender:
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            __file__,
            "--send-flood",
            url,
            response_base,
            str(count),
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
        )
        return cls(process)

    async def send(self, tag: str) -> tuple[int, int]:
        """Send one flood; how many were acknowledged with a 200, and in how many ms."""
        assert self._process.stdin is not None
        assert self._process.stdout is not None
        self._process.stdin.write(f"{tag}\n".encode())
        await self._process.stdin.drain()
        acked, took_ms = (await self._process.stdout.readline()).decode().split()
        return int(acked), int(took_ms)

    async def close(self) -> None:
        if self._process.stdin is not None:
            self._process.stdin.close()
        await self._process.wait()


async def send_floods(url: str, response_base: str, count: int) -> None:
    """The flood sender's loop (see :class:`FloodSender`)."""
    connector = aiohttp.TCPConnector(limit=0)
    async with aiohttp.ClientSession(connector=connector) as session:
        http = SlackHttp(session, url, SECRET)
        loop = asyncio.get_running_loop()
        reader = asyncio.StreamReader()
        await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)
        while tag := (await reader.readline()).decode().strip():
            started = time.perf_counter()
            answers = await asyncio.gather(
                *(
                    http.slash("topics", f"{response_base}/{tag}-flood-{n}", channel="CFLOOD")
                    for n in range(count)
                )
            )
            acked = sum(1 for answer in answers if answer.status == 200)
            print(acked, round((time.perf_counter() - started) * 1000), flush=True)


async def one_round(
    http: SlackHttp, standin: SlackStandin, count: int, tag: str, flood: FloodSender | None = None
) -> tuple:
    gc.collect()  # the harness's own housekeeping, before the clock starts

    async def one(n: int) -> tuple[float, float, bool]:
        key = f"{tag}-{n}"
        url = standin.response_url(key)
        started = time.perf_counter()
        answer = await http.slash(
            "latest trade-talks", url, channel=f"C{tag.upper()}{n:04d}", user=f"U{n:04d}"
        )
        acked = time.perf_counter()
        await standin.wait_for(lambda: key in standin.response_times, 30)
        ok = answer.status == 200 and standin.responses[key][0].get("blocks") is not None
        return acked - started, standin.response_times[key] - started, ok

    flooded = asyncio.ensure_future(flood.send(tag)) if flood is not None else None
    results = await asyncio.gather(*(one(n) for n in range(count)))
    if flooded is not None:
        acked, took_ms = await flooded
        print(f"{tag}: {acked} of the flooding channel's commands acknowledged in {took_ms} ms")
    acks = [r[0] * 1000 for r in results]
    answers = [r[1] * 1000 for r in results]
    errors = sum(1 for r in results if not r[2])
    return acks, answers, errors


async def serve(api_base: str, database: str, profile: str = "") -> None:
    """The app under test, alone in its process as in production: HTTP mode on a free port
    (printed on stdout), until stdin closes."""
    logging.basicConfig(level=logging.ERROR)
    engine = create_engine(sqlite_url(Path(database)))
    base = load_settings(environ={})
    settings = dataclasses.replace(
        base,
        slack=dataclasses.replace(base.slack, mode="http", host="127.0.0.1", port=0),
        secrets=Secrets(
            slack_bot_token="xoxb-bench",
            slack_signing_secret=SECRET,
            slack_api_base_url=api_base,
        ),
    )
    clock = SystemClock()
    commands = Commands(engine, settings, clock)
    limiter = RateLimiter(settings.delivery, clock)
    adapter = build_slack_adapter(settings, engine, commands, clock, limiter=limiter)
    await adapter.start()
    freeze_startup_heap()  # as briefbot run does once everything has started
    print(adapter.port, flush=True)
    profiler = AppProfiler(profile) if profile else None
    # Each line from the harness asks for the CPU time this process has used so far (all
    # threads); the first one also starts the profiler, if asked for. Until stdin closes.
    while await asyncio.to_thread(sys.stdin.readline):
        if profiler is not None:
            profiler.start()
        print(time.process_time(), time.thread_time(), flush=True)  # all threads, the loop's
    if profiler is not None:
        profiler.stop()
    await adapter.stop()
    engine.dispose()


class AppProfiler:
    """cProfile over the app's event loop thread and the worker threads its commands run in
    (one profiler per thread, merged into ``path`` at the end)."""

    def __init__(self, path: str) -> None:
        self._path = path
        self._profiles: list[cProfile.Profile] = []
        self._started = False

    def start(self) -> None:
        if self._started:
            return
        self._started = True
        loop = asyncio.get_running_loop()
        loop.set_default_executor(ThreadPoolExecutor(initializer=self._profile_thread))
        self._profile_thread()

    def _profile_thread(self) -> None:
        profile = cProfile.Profile(time.thread_time)  # CPU time, not waits
        self._profiles.append(profile)
        profile.enable()

    def stop(self) -> None:
        if not self._profiles:
            return
        self._profiles[0].disable()
        stats = pstats.Stats(self._profiles[0])
        for profile in self._profiles[1:]:
            stats.add(profile)
        stats.dump_stats(self._path)


class AppCpu:
    """Reads the app process's CPU time (seconds, every thread) through its stdin/stdout."""

    def __init__(self, app: asyncio.subprocess.Process) -> None:
        assert app.stdin is not None
        assert app.stdout is not None
        self._stdin = app.stdin
        self._stdout = app.stdout

    async def seconds(self) -> tuple[float, float]:
        """The CPU time of the whole process and of its event loop's thread."""
        self._stdin.write(b"cpu\n")
        await self._stdin.drain()
        process, loop = (await self._stdout.readline()).decode().split()
        return float(process), float(loop)


def answered(standin: SlackStandin) -> int:
    """Answers the stand-in has taken through response URLs (every channel's, the flood's)."""
    return sum(len(payloads) for payloads in standin.responses.values())


async def main(requests: int, rounds: int, flood: int = 0, profile: str = "") -> dict[str, float]:
    logging.basicConfig(level=logging.ERROR)
    standin = await SlackStandin().start()
    standin.add_team("T1", "xoxb-bench")
    with tempfile.TemporaryDirectory() as tmp:
        database = Path(tmp) / "bench.sqlite3"
        engine = create_engine(sqlite_url(database))
        migrate(engine)
        BriefingStore(engine).save("fifth-round", briefing(), NOW)
        engine.dispose()
        app = await asyncio.create_subprocess_exec(
            sys.executable,
            __file__,
            "--serve",
            standin.base_url,
            str(database),
            *(["--profile", profile] if profile else []),
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
        )
        assert app.stdin is not None
        assert app.stdout is not None
        port = int((await app.stdout.readline()).decode().strip())
        gc.freeze()  # the harness's startup heap is not walked again by its collections
        print(f"load average before: {_load()}")
        connector = aiohttp.TCPConnector(limit=0)
        url = f"http://127.0.0.1:{port}/slack/events"
        flooder = await FloodSender.start(url, f"{standin.root}/response", flood) if flood else None
        try:
            async with aiohttp.ClientSession(connector=connector) as session:
                http = SlackHttp(session, url, SECRET)
                # The first burst opens every connection and warms the app up: reported apart.
                cold_acks, cold_answers, errors = await one_round(http, standin, requests, "cold")
                print(
                    f"cold burst (new connections): ack p99 {percentile(cold_acks, 99):.1f} ms, "
                    f"answer p95 {percentile(cold_answers, 95):.1f} ms"
                )
                acks: list[float] = []
                answers: list[float] = []
                cpu = AppCpu(app)
                cpu_before, answered_before = await cpu.seconds(), answered(standin)
                for number in range(rounds):
                    round_acks, round_answers, round_errors = await one_round(
                        http, standin, requests, f"r{number}", flooder
                    )
                    acks += round_acks
                    answers += round_answers
                    errors += round_errors
                    print(
                        f"round {number + 1}: {requests} concurrent requests, "
                        f"ack p99 {percentile(round_acks, 99):.1f} ms, "
                        f"answer p95 {percentile(round_answers, 95):.1f} ms"
                    )
                # The flood's last answers and the marks of what was shown come after the
                # burst's answers: wait until the app has nothing left to do.
                await _settled(standin)
                cpu_after = await cpu.seconds()
                cpu_seconds = cpu_after[0] - cpu_before[0]
                loop_seconds = cpu_after[1] - cpu_before[1]
                answers_count = answered(standin) - answered_before
        finally:
            if flooder is not None:
                await flooder.close()
            app.stdin.close()
            await app.wait()
            await standin.close()
    figures = {
        "requests": requests,
        "rounds": rounds,
        "flood": flood,
        "errors": errors,
        "ack_p50_ms": round(statistics.median(acks), 1),
        "ack_p95_ms": round(percentile(acks, 95), 1),
        "ack_p99_ms": round(percentile(acks, 99), 1),
        "ack_max_ms": round(max(acks), 1),
        "answer_p50_ms": round(statistics.median(answers), 1),
        "answer_p95_ms": round(percentile(answers, 95), 1),
        "answer_p99_ms": round(percentile(answers, 99), 1),
        "app_cpu_ms_per_answer": round(cpu_seconds * 1000 / max(1, answers_count), 3),
        "app_loop_cpu_ms_per_answer": round(loop_seconds * 1000 / max(1, answers_count), 3),
        "app_cpu_ms": round(cpu_seconds * 1000, 1),
        "app_answers": answers_count,
        "cold_ack_p99_ms": round(percentile(cold_acks, 99), 1),
        "cold_answer_p95_ms": round(percentile(cold_answers, 95), 1),
        "load_1m": round(os.getloadavg()[0], 2),
    }
    print(
        f"all rounds: ack p50 {figures['ack_p50_ms']} ms, p99 {figures['ack_p99_ms']} ms "
        f"(goal < 100 ms); answer p50 {figures['answer_p50_ms']} ms, "
        f"p95 {figures['answer_p95_ms']} ms; errors {errors}"
    )
    print(
        f"app CPU: {figures['app_cpu_ms']} ms for {answers_count} answers, "
        f"{figures['app_cpu_ms_per_answer']} ms an answer (with --flood, the skipped "
        "commands' share too)"
    )
    return figures


async def _settled(standin: SlackStandin, quiet: float = 1.5) -> None:
    """Return once no answer has reached the stand-in for ``quiet`` seconds (the flooding
    channel's answers go one a second)."""
    count = -1
    while count != answered(standin):
        count = answered(standin)
        await asyncio.sleep(quiet)


def _load() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=200, help="concurrent requests per round")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--flood", type=int, default=0, help="commands from one channel per round")
    parser.add_argument(
        "--profile", default="", help="write the app process's cProfile stats to this file"
    )
    parser.add_argument("--serve", nargs=2, metavar=("API", "DB"), help=argparse.SUPPRESS)
    parser.add_argument("--send-flood", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        asyncio.run(serve(*args.serve, profile=args.profile))
    elif args.send_flood:
        url, response_base, count = args.send_flood
        asyncio.run(send_floods(url, response_base, int(count)))
    else:
        print(json.dumps(asyncio.run(main(args.requests, args.rounds, args.flood, args.profile))))
