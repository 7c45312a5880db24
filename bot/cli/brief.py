"""`briefbot brief`."""

from __future__ import annotations

import argparse
import sys
from typing import Any


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser("brief", help="(not available yet)")
    parser.set_defaults(command="brief")


def run(args: argparse.Namespace) -> int:
    print("briefbot brief: not available yet", file=sys.stderr)
    return 1
