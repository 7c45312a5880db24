"""`briefbot brief SOURCE... [--format text|json|telegram|slack]`: brief articles from paths
or URLs. A source that cannot be read gets a one-line error on stderr; the others are still
briefed. The exit status is 1 when nothing at all could be briefed or when a URL was refused
as unsafe (``--allow-private`` or ``fetch.allow_private_networks`` allows internal ones)."""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import importlib
import json
import sys
from collections.abc import Callable, Sequence
from typing import Any

import httpx

from bot.config import load_settings
from briefings.errors import BriefbotError, NothingToBrief, PlatformError, UnsafeUrl
from briefings.model import Article, Briefing
from briefings.output.plaintext import render_briefing
from briefings.output.serialize import briefing_to_dict
from briefings.sources.entries import read_entry
from briefings.sources.feedmodel import ParsedFeed
from briefings.sources.fetch import Fetcher
from briefings.sources.netguard import Resolver, scheme_refusal, system_resolver
from briefings.sources.policy import FetchPolicy
from briefings.sources.read import SourceKind, classify, read_file_or_feed, read_url
from briefings.stories.feedbrief import brief_articles, brief_feed
from briefings.stories.topics import Topic
from briefings.summarize import summarize

FORMATS = ("text", "json", "telegram", "slack")
# Platform renderers, imported only when asked for: (module, class).
RENDERERS = {
    "telegram": ("bot.telegram.render", "TelegramRenderer"),
    "slack": ("bot.slack.render", "SlackRenderer"),
}
Emit = Callable[[Briefing, bool], None]


class RendererUnavailable(PlatformError):
    """The platform renderer for a format is not installed or not importable."""


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "brief",
        help="brief articles or feeds from files or URLs",
        description=(
            "Turn each SOURCE (a .txt or .html file, an RSS/Atom/JSON feed, or an http(s) URL) "
            "into a briefing; a feed gives one briefing per story, with the topics it matches. "
            "URLs are fetched with the [fetch] settings and refused when they point at "
            "loopback, private, link-local or reserved addresses."
        ),
    )
    parser.add_argument("sources", nargs="+", metavar="SOURCE", help="path or http(s) URL")
    parser.add_argument(
        "--format", choices=FORMATS, default="text", help="output format (default: text)"
    )
    parser.add_argument(
        "--allow-private",
        action="store_true",
        help="fetch URLs on loopback and private networks too (as fetch.allow_private_networks)",
    )
    parser.set_defaults(command="brief")


def run(args: argparse.Namespace) -> int:
    try:
        emit = _emitter(args.format)
    except RendererUnavailable as exc:
        print(f"briefbot brief: {exc}", file=sys.stderr)
        return 2
    settings = load_settings(args.config)
    policy = settings.fetch
    if args.allow_private:
        policy = dataclasses.replace(policy, allow_private_networks=True)
    return asyncio.run(brief_all(args.sources, settings.topics, policy, emit))


async def brief_all(
    sources: Sequence[str],
    topics: Sequence[Topic],
    policy: FetchPolicy,
    emit: Emit,
    resolver: Resolver = system_resolver,
) -> int:
    """Brief every source, emitting each briefing; the exit status.

    1 when nothing at all could be briefed, or when a URL was refused as unsafe (the refusal
    is never silently outweighed by the other sources); else 0.
    """
    briefed = 0
    refused = False
    async with httpx.AsyncClient() as client:
        fetcher = Fetcher(client, policy, resolver=resolver)
        for source in sources:
            try:
                found = await brief_source_or_feed(source, topics, fetcher)
            except UnsafeUrl as exc:
                internal = not (policy.allow_private_networks or scheme_refusal(source))
                hint = "; --allow-private allows it" if internal else ""
                print(f"briefbot brief: {source}: {_reason(exc, source)}{hint}", file=sys.stderr)
                refused = True
                continue
            except BriefbotError as exc:
                print(f"briefbot brief: {source}: {_reason(exc, source)}", file=sys.stderr)
                continue
            for briefing in found:
                emit(briefing, briefed == 0)
                briefed += 1
    return 1 if refused or not briefed else 0


async def brief_source_or_feed(
    source: str, topics: Sequence[Topic], fetcher: Fetcher
) -> list[Briefing]:
    """One briefing for an article; one per story for a feed (RSS, Atom, JSON Feed), each
    with the ``topics`` it matches. A feed URL's article pages are read too (through the
    same fetcher, entry by entry as ingest reads them); a feed file is briefed as it stands."""
    is_url = classify(source) is SourceKind.URL
    read = await read_url(source, fetcher) if is_url else read_file_or_feed(source)
    if isinstance(read, Article):
        briefing = summarize(read)
        if briefing.is_empty:
            raise NothingToBrief(f"{source}: nothing to brief (no outcomes, next steps or quotes)")
        return [briefing]
    found = await _brief_feed(read, topics, fetcher if is_url else None)
    if not found:
        raise NothingToBrief(f"{source}: no story in the feed has anything to brief")
    return found


async def _brief_feed(
    feed: ParsedFeed, topics: Sequence[Topic], fetcher: Fetcher | None
) -> list[Briefing]:
    if fetcher is None:
        found = brief_feed(feed, topics)
    else:
        read = await asyncio.gather(*(read_entry(e, feed, fetcher) for e in feed.entries))
        found = brief_articles([entry.article for entry in read], topics)
    return [briefing for briefing in found if not briefing.is_empty]


def _reason(exc: BriefbotError, source: str) -> str:
    message = str(exc)
    prefix = f"{source}: "
    return message[len(prefix) :] if message.startswith(prefix) else message


def _emitter(fmt: str) -> Emit:
    if fmt == "json":
        return lambda b, _first: print(json.dumps(briefing_to_dict(b), ensure_ascii=False))
    if fmt in RENDERERS:
        renderer = _renderer(fmt)
        return lambda b, _first: _print_rendered(renderer, b)

    def emit_text(briefing: Briefing, first: bool) -> None:
        if not first:
            print()
        print(render_briefing(briefing))

    return emit_text


def _renderer(fmt: str) -> Any:
    module_name, class_name = RENDERERS[fmt]
    try:
        module = importlib.import_module(module_name)
        return getattr(module, class_name)()
    except (ImportError, AttributeError) as exc:
        raise RendererUnavailable(
            f"--format {fmt} needs {module_name}.{class_name}, which is not available ({exc})"
        ) from exc


def _print_rendered(renderer: Any, briefing: Briefing) -> None:
    from bot.chat import BriefingPart, Reply

    for message in renderer.render(Reply(parts=(BriefingPart(briefing),))):
        print(json.dumps(dict(message.payload), ensure_ascii=False))
