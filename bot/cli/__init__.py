"""The ``briefbot`` command line. Each subcommand lives in its own module with two functions:
``add_parser(subparsers)`` and ``run(args) -> int``.

The common options (``--config``, ``--log-level``, ``--log-format``) are accepted before and
after the subcommand. Settings are loaded and checked once, before any subcommand runs: a bad
one exits with status 2 and a message naming it.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.metadata
import logging
import sys
from collections.abc import Sequence

from bot.config import ConfigError, load_settings
from bot.logsetup import configure_logging
from bot.settings_schema import LOG_LEVELS

log = logging.getLogger(__name__)

SUBCOMMANDS = ("brief", "ingest", "demo", "run", "status", "chats", "feeds")
LOG_FORMATS = ("text", "json")


def version() -> str:
    try:
        return importlib.metadata.version("briefbot")
    except importlib.metadata.PackageNotFoundError:  # running from a bare source tree
        return "unknown"


def add_common_options(parser: argparse.ArgumentParser, *, top: bool) -> None:
    """The options every command takes. Below the top level their default is "not given",
    so a value set before the subcommand is not reset by the subparser."""
    default = None if top else argparse.SUPPRESS
    parser.add_argument(
        "--config",
        default=default,
        help="a TOML file layered over the defaults (or set BRIEFBOT_CONFIG)",
    )
    parser.add_argument(
        "--log-level",
        type=str.upper,
        choices=LOG_LEVELS,
        default=default,
        help="DEBUG, INFO, WARNING, ERROR or CRITICAL (default: [logging] level, WARNING)",
    )
    parser.add_argument(
        "--log-format",
        choices=LOG_FORMATS,
        default=default,
        help="text, or json for one JSON object per line (default: [logging] format, text)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefbot", description="News briefings of quotes and outcomes, in chat."
    )
    parser.add_argument("--version", action="version", version=f"briefbot {version()}")
    add_common_options(parser, top=True)
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in SUBCOMMANDS:
        module = importlib.import_module(f"bot.cli.{name}")
        module.add_parser(subparsers)
    for sub in _subparsers_below(parser):
        add_common_options(sub, top=False)
    return parser


def _subparsers_below(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in dict.fromkeys(action.choices.values()):
                found.append(sub)
                found.extend(_subparsers_below(sub))
    return found


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        settings = load_settings(args.config)
    except ConfigError as exc:
        print(f"briefbot: configuration error: {exc}", file=sys.stderr)
        return 2
    configure_logging(
        args.log_level or settings.logging.level,
        args.log_format or settings.logging.format,
        settings.secrets.sensitive_values(),
    )
    module = importlib.import_module(f"bot.cli.{args.command}")
    try:
        return int(module.run(args))
    except ConfigError as exc:
        print(f"briefbot: configuration error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception:
        # Logged, not printed: the log scrubs secrets from the traceback.
        log.exception("briefbot %s failed", args.command)
        return 1
