"""`briefbot run`: the long-running bot (scheduler, delivery worker, every configured chat)."""

from __future__ import annotations

import argparse
import asyncio
import sys
from typing import Any

import sqlalchemy as sa

from bot.app import build_app, check_runnable, run_until_signalled
from bot.config import load_settings


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "run",
        help="run the bot until stopped (SIGINT/SIGTERM)",
        description=(
            "Run the bot: feed polling, daily digests, the delivery worker, and every chat "
            "platform configured (Telegram with TELEGRAM_BOT_TOKEN, Slack with SLACK_BOT_TOKEN)."
        ),
    )
    parser.add_argument(
        "--console",
        action="store_true",
        help="also chat with the bot in this terminal (one command per line; Ctrl-D ends)",
    )
    parser.set_defaults(command="run")


def run(args: argparse.Namespace) -> int:
    settings = load_settings(args.config)
    check_runnable(settings, args.console)
    try:
        app = build_app(settings, console=args.console, stdin=sys.stdin, stdout=sys.stdout)
    except sa.exc.OperationalError as exc:
        where = "DATABASE_URL" if settings.secrets.database_url else "bot.data_dir"
        print(f"briefbot: cannot open the database ({where}): {exc.orig}", file=sys.stderr)
        return 2
    platforms = ", ".join(a.platform for a in app.adapters)
    print(f"briefbot running ({platforms}); stop with Ctrl-C or SIGTERM", file=sys.stderr)
    asyncio.run(run_until_signalled(app))
    print("briefbot stopped", file=sys.stderr)
    return 0
