"""`briefbot run`."""

from __future__ import annotations

import argparse
import sys
from typing import Any


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser("run", help="(not available yet)")
    parser.set_defaults(command="run")


def run(args: argparse.Namespace) -> int:
    print("briefbot run: not available yet", file=sys.stderr)
    return 1
