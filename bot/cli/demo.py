"""`briefbot demo`."""

from __future__ import annotations

import argparse
import sys
from typing import Any


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser("demo", help="(not available yet)")
    parser.set_defaults(command="demo")


def run(args: argparse.Namespace) -> int:
    print("briefbot demo: not available yet", file=sys.stderr)
    return 1
