"""`briefbot brief SOURCE... [--format text|json|telegram|slack]`: brief articles from paths
or URLs. A source that cannot be read gets a one-line error on stderr; the others are still
briefed; the exit status is 1 only when nothing at all could be briefed."""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from collections.abc import Callable
from typing import Any

from bot.config import load_settings
from briefings.errors import BriefingError, NothingToBrief
from briefings.model import Article, Briefing
from briefings.output.plaintext import render_briefing
from briefings.output.serialize import briefing_to_dict
from briefings.sources.read import classify, read_feed_or_article, read_source
from briefings.stories.feedbrief import brief_feed
from briefings.summarize import summarize

FORMATS = ("text", "json", "telegram", "slack")
# Platform renderers, imported only when asked for: (module, class).
RENDERERS = {
    "telegram": ("bot.telegram.render", "TelegramRenderer"),
    "slack": ("bot.slack.render", "SlackRenderer"),
}


class RendererUnavailable(Exception):
    """The platform renderer for a format is not installed or not importable."""


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "brief",
        help="brief articles or feeds from files or URLs",
        description=(
            "Turn each SOURCE (a .txt or .html file, an RSS/Atom/JSON feed, or an http(s) URL) "
            "into a briefing; a feed gives one briefing per story, with the topics it matches."
        ),
    )
    parser.add_argument("sources", nargs="+", metavar="SOURCE", help="path or http(s) URL")
    parser.add_argument(
        "--format", choices=FORMATS, default="text", help="output format (default: text)"
    )
    parser.set_defaults(command="brief")


def run(args: argparse.Namespace) -> int:
    try:
        emit = _emitter(args.format)
    except RendererUnavailable as exc:
        print(f"briefbot brief: {exc}", file=sys.stderr)
        return 2
    briefed = 0
    for source in args.sources:
        try:
            found = brief_source_or_feed(source, args.config)
        except BriefingError as exc:
            print(f"briefbot brief: {source}: {_reason(exc, source)}", file=sys.stderr)
            continue
        for briefing in found:
            emit(briefing, briefed == 0)
            briefed += 1
    return 0 if briefed else 1


def brief_source_or_feed(source: str, config: str | None = None) -> list[Briefing]:
    """One briefing for an article; one per story for a feed (RSS, Atom, JSON Feed), each
    with the configured topics it matches. A feed URL's article pages are read too; a feed
    file is briefed as it stands (no network)."""
    read = read_feed_or_article(source)
    if isinstance(read, Article):
        briefing = summarize(read)
        if briefing.is_empty:
            raise NothingToBrief(f"{source}: nothing to brief (no outcomes, next steps or quotes)")
        return [briefing]
    topics = load_settings(config).topics
    read_page = read_source if classify(source) == "url" else None
    found = [b for b in brief_feed(read, topics, read_page) if not b.is_empty]
    if not found:
        raise NothingToBrief(f"{source}: no story in the feed has anything to brief")
    return found


def brief_source(source: str) -> Briefing:
    """Read and summarize one source; raises NothingToBrief for an empty briefing."""
    briefing = summarize(read_source(source))
    if briefing.is_empty:
        raise NothingToBrief(f"{source}: nothing to brief (no outcomes, next steps or quotes)")
    return briefing


def _reason(exc: BriefingError, source: str) -> str:
    message = str(exc)
    prefix = f"{source}: "
    return message[len(prefix) :] if message.startswith(prefix) else message


def _emitter(fmt: str) -> Callable[[Briefing, bool], None]:
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
