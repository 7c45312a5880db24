"""`briefbot feeds list|add|remove|import|export`: the feeds the bot polls.

The feeds polled are those of the configured topics, without the ones an operator removed,
plus the ones an operator added (here or by OPML import). Every entry of every feed is
matched against every topic, so a feed added here belongs to no topic in particular.
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

import sqlalchemy as sa

from bot.app import open_database_for
from bot.config import Settings, load_settings
from bot.ingest.pipeline import configured_feeds
from bot.opml import OpmlError, OpmlFeed, is_feed_url, parse_opml, render_opml
from bot.store.operator import (
    FeedListing,
    add_feed,
    feeds_to_poll,
    list_feeds,
    remove_feed,
)


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "feeds",
        help="list, add, remove, import (OPML) or export (OPML) the feeds polled",
        description="The feeds polled: the configured topics' feeds, without those removed "
        "here, plus those added here or imported from OPML.",
    )
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    listing = actions.add_parser("list", help="one line per stored feed, with its state")
    listing.add_argument("--all", action="store_true", help="also the feeds removed")
    adding = actions.add_parser("add", help="poll this feed too")
    adding.add_argument("url", metavar="URL")
    adding.add_argument("--title", default="", help="a name for the feed")
    removing = actions.add_parser("remove", help="stop polling this feed")
    removing.add_argument("url", metavar="URL")
    importing = actions.add_parser("import", help="add every feed of an OPML file")
    importing.add_argument("file", type=Path, metavar="FILE.opml")
    actions.add_parser("export", help="print the feeds polled as OPML")
    parser.set_defaults(command="feeds")


def run(args: argparse.Namespace) -> int:
    settings = load_settings(args.config)
    feeds: list[OpmlFeed] = []
    if args.action == "import":
        read = _read_opml(args.file)
        if read is None:
            return 1  # nothing imported
        feeds = read
    elif args.action in ("add", "remove") and not is_feed_url(args.url):
        print(f"briefbot feeds {args.action}: {args.url!r} is not an http(s) URL", file=sys.stderr)
        return 2
    engine = open_database_for(settings)
    now = datetime.now(UTC)
    try:
        if args.action == "list":
            for feed in list_feeds(engine, include_removed=args.all):
                print_feed(feed, sys.stdout)
            return 0
        if args.action == "add":
            return _add(engine, args.url, args.title, now)
        if args.action == "remove":
            return _remove(engine, settings, args.url, now)
        if args.action == "import":
            return _import(engine, feeds, now, sys.stdout)
        sys.stdout.write(export_opml(engine, settings, now))
        return 0
    finally:
        engine.dispose()


def _add(engine: sa.Engine, url: str, title: str, now: datetime) -> int:
    added = add_feed(engine, url, title, now)
    print(f"added {url}" if added else f"{url} is polled already")
    return 0


def _remove(engine: sa.Engine, settings: Settings, url: str, now: datetime) -> int:
    if not remove_feed(engine, url, now, configured=url in configured_feeds(settings)):
        print(f"briefbot feeds remove: {url} is not a feed being polled", file=sys.stderr)
        return 1
    print(f"removed {url}")
    return 0


def _read_opml(path: Path) -> list[OpmlFeed] | None:
    try:
        feeds = parse_opml(path.read_bytes())
    except OSError as exc:
        print(f"briefbot feeds import: cannot read {path}: {exc.strerror}", file=sys.stderr)
        return None
    except OpmlError as exc:
        print(f"briefbot feeds import: {path} is not OPML: {exc}", file=sys.stderr)
        return None
    return feeds


def _import(engine: sa.Engine, feeds: list[OpmlFeed], now: datetime, out: TextIO) -> int:
    added = already = 0
    for feed in feeds:
        if not is_feed_url(feed.url):
            print(f"skipped {feed.url!r}: not an http(s) URL", file=out)
            continue
        if add_feed(engine, feed.url, feed.title, now):
            added += 1
        else:
            already += 1
    print(f"imported {added} feeds ({already} polled already)", file=out)
    return 0


def export_opml(engine: sa.Engine, settings: Settings, now: datetime) -> str:
    """Every feed polled, as OPML, with the stored titles."""
    titles = {feed.url: feed.title for feed in list_feeds(engine)}
    urls = feeds_to_poll(engine, configured_feeds(settings))
    return render_opml((OpmlFeed(url, titles.get(url, "")) for url in urls), "briefbot", now)


def print_feed(feed: FeedListing, out: TextIO) -> None:
    fields = [feed.state, feed.origin, feed.url, feed.title]
    if feed.failure_count:
        fields.append(f"{feed.failure_count} failures: {feed.last_error or ''}")
    print("\t".join(fields).rstrip(), file=out)
