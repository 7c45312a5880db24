"""`briefbot ingest`."""

from __future__ import annotations

import argparse
import sys
from typing import Any


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser("ingest", help="(not available yet)")
    parser.set_defaults(command="ingest")


def run(args: argparse.Namespace) -> int:
    print("briefbot ingest: not available yet", file=sys.stderr)
    return 1
