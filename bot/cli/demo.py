"""`briefbot demo`: the whole pipeline on the shipped sample data; no tokens, no servers."""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
from pathlib import Path
from typing import Any

from bot.config import load_settings

DATABASE_FILE = "briefbot.sqlite3"  # where Settings.database_url puts SQLite in data_dir


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "demo",
        help="run the whole bot on the sample feed in this terminal, then exit",
        description=(
            "Serve the sample trade-talks feed on 127.0.0.1, subscribe a console chat, ingest, "
            "show the latest briefing, set a digest time and show the digest the chat gets "
            "then (by moving a simulated clock)."
        ),
    )
    parser.add_argument(
        "--data-dir",
        type=Path,
        help="keep the demo's SQLite database here (default: a temporary directory)",
    )
    parser.set_defaults(command="demo")


def run(args: argparse.Namespace) -> int:
    from bot.demo.walkthrough import run_demo

    settings = load_settings(args.config)
    if args.data_dir is not None:
        database = args.data_dir / DATABASE_FILE
        if database.exists():
            # The demo tells a story from an empty database; it never touches existing data.
            print(
                f"briefbot demo: {database} exists; remove it or pick another --data-dir",
                file=sys.stderr,
            )
            return 2
        args.data_dir.mkdir(parents=True, exist_ok=True)
        return asyncio.run(run_demo(sys.stdout, args.data_dir, settings))
    with tempfile.TemporaryDirectory(prefix="briefbot-demo-") as tmp:
        return asyncio.run(run_demo(sys.stdout, Path(tmp), settings))
