"""The ``briefbot`` command line. Each subcommand lives in its own module with two functions:
``add_parser(subparsers)`` and ``run(args) -> int``.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence

from bot.config import ConfigError

SUBCOMMANDS = ("brief", "ingest", "demo", "run")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefbot", description="News briefings of quotes and outcomes, in chat."
    )
    parser.add_argument(
        "--config", help="a TOML file layered over the defaults (or set BRIEFBOT_CONFIG)"
    )
    parser.add_argument(
        "--log-level", default="WARNING", help="DEBUG, INFO, WARNING (default) or ERROR"
    )
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in SUBCOMMANDS:
        module = importlib.import_module(f"bot.cli.{name}")
        module.add_parser(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=getattr(logging, str(args.log_level).upper(), logging.WARNING),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    module = importlib.import_module(f"bot.cli.{args.command}")
    try:
        return int(module.run(args))
    except ConfigError as exc:
        print(f"briefbot: configuration error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
