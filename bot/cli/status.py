"""`briefbot status`: the queue, feeds by state, chats by platform and the last digest run."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from typing import Any, TextIO

from bot.app import open_database_for
from bot.config import load_settings
from bot.store.status import StatusReport, status_report


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "status",
        help="what the bot has queued, how its feeds and chats are, when digests last ran",
        description="Print the delivery queue, feeds by state, chats by platform and state, "
        "and when the last digest was queued, from the database.",
    )
    parser.set_defaults(command="status")


def run(args: argparse.Namespace) -> int:
    engine = open_database_for(load_settings(args.config))
    try:
        print_status(status_report(engine, datetime.now(UTC)), sys.stdout)
    finally:
        engine.dispose()
    return 0


def print_status(report: StatusReport, out: TextIO) -> None:
    queue = report.queue
    statuses = ", ".join(f"{n} {s}" for s, n in queue.by_status) or "empty"
    print(f"queue: {queue.queued} queued, {queue.due} due", file=out, end="")
    if queue.due:
        print(f", oldest due waiting {queue.oldest_due_age_seconds:.0f} s", file=out, end="")
    print(f" ({statuses})", file=out)
    feeds = ", ".join(f"{n} {s}" for s, n in report.feeds_by_state) or "none polled yet"
    print(f"feeds: {feeds}", file=out)
    by_platform: dict[str, list[str]] = {}
    for platform, state, count in report.chats_by_platform:
        by_platform.setdefault(platform, []).append(f"{count} {state}")
    chats = "; ".join(f"{p} {', '.join(s)}" for p, s in by_platform.items()) or "none"
    print(f"chats: {chats}", file=out)
    last = report.last_digest_at
    print(f"last digest: {f'{last:%Y-%m-%d %H:%M} UTC' if last else 'never'}", file=out)
