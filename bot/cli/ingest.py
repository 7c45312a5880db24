"""`briefbot ingest`: poll every configured feed once (``--once``) or on the poll interval."""

from __future__ import annotations

import argparse
import asyncio
import sys
from typing import Any, TextIO

import httpx
import sqlalchemy as sa

from bot.app import open_database_for
from bot.clock import Clock, SystemClock
from bot.config import Settings, load_settings
from bot.ingest import FeedOutcome, IngestReport, run_ingest


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "ingest",
        help="poll the configured feeds and store new stories and briefings",
        description=(
            "Poll every feed of every configured topic (and --feed URLs), store new articles, "
            "group them into stories and write their briefings. One line per feed: new, "
            "unchanged, or failed and why; then a summary."
        ),
    )
    parser.add_argument("--once", action="store_true", help="poll once and exit")
    parser.add_argument(
        "--feed",
        action="append",
        default=[],
        metavar="URL",
        help="also poll this feed (repeatable)",
    )
    parser.add_argument(
        "--all",
        action="store_true",
        help="poll every feed now, also those not due yet (backing off or polled recently)",
    )
    parser.set_defaults(command="ingest")


def run(args: argparse.Namespace) -> int:
    settings = load_settings(args.config)
    engine = open_database_for(settings)
    try:
        return asyncio.run(
            ingest_loop(
                engine,
                settings,
                SystemClock(),
                extra_feeds=args.feed,
                once=args.once,
                only_due=not args.all,
                out=sys.stdout,
            )
        )
    finally:
        engine.dispose()


async def ingest_loop(
    engine: sa.Engine,
    settings: Settings,
    clock: Clock,
    *,
    extra_feeds: list[str],
    once: bool,
    only_due: bool,
    out: TextIO,
    client: httpx.AsyncClient | None = None,
) -> int:
    """Poll, print, and (unless ``once``) wait for the next interval; the exit status."""
    owned = client is None
    client = client or httpx.AsyncClient(trust_env=False)
    try:
        while True:
            report = await run_ingest(
                engine,
                settings,
                client,
                clock,
                extra_feeds=extra_feeds,
                progress=lambda outcome: print_outcome(outcome, out),
                only_due=only_due,
            )
            print(report.summary(), file=out, flush=True)
            if once:
                return exit_status(report)
            only_due = True
            await asyncio.sleep(settings.fetch.poll_interval_minutes * 60)
    finally:
        if owned:
            await client.aclose()


def print_outcome(outcome: FeedOutcome, out: TextIO) -> None:
    print(f"{outcome.url}: {outcome.describe()}", file=out, flush=True)


def exit_status(report: IngestReport) -> int:
    """1 when every feed polled failed (nothing could be read at all), else 0."""
    polled = [f for f in report.feeds if f.status != "skipped"]
    return 1 if polled and all(f.status == "failed" for f in polled) else 0
