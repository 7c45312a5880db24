"""``timeline <topic> [all | N]``: the developments of a thread, one dated line each with its
link, newest first.

Without more words: the topic's most active thread (the most developments in the last 30
days), with a button per other active thread; ``all``: every thread of the last 30 days;
a number (what a button sends): that thread.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.chat import Choice, ChoicesPart, CommandRequest, Reply, ReplyPart, TimelinePart
from bot.commands.base import (
    Command,
    CommandContext,
    example_topic,
    shown,
    topic_label,
    topic_named,
    unknown_topic,
)
from bot.store.chats import ChatRecord
from bot.store.developments import StoredDevelopment
from bot.store.threads import ACTIVE_WITHIN, StoredThread
from bot.stories.days import zone_of
from bot.stories.latest import dated_line

# Buttons offered for the other threads of the topic.
MAX_CHOICES = 10


def run(ctx: CommandContext, request: CommandRequest, chat: ChatRecord) -> Reply:
    if not request.args or len(request.args) > 2:
        example = example_topic(ctx, request.args[0] if request.args else "")
        return Reply.error(f"Which topic? Try: timeline {example}, or: timeline {example} all")
    topic = topic_named(ctx, request.args[0])
    if topic is None:
        return unknown_topic(ctx, request.args[0], "timeline")
    which = request.args[1].lower() if len(request.args) > 1 else ""
    label = topic_label(ctx, topic.name)
    threads = ctx.threads.active(topic.name, ctx.clock.now())
    if not threads:
        return Reply.text(f"No thread on {label} in the last {ACTIVE_WITHIN.days} days.")
    developments = ctx.threads.developments([t.id for t in threads], topic=topic.name)
    threads = [t for t in threads if developments[t.id]]
    zone = zone_of(chat.digest_zone or ctx.settings.bot.default_timezone)

    def part(thread: StoredThread, title: str) -> TimelinePart:
        lines = tuple(dated_line(d, zone) for d in developments[thread.id])
        return TimelinePart(f"{title} — {_developments(developments[thread.id])}", "", lines)

    if which == "all":
        count = len(threads)
        return Reply(
            parts=tuple(
                part(t, f"{label}, thread {n} of {count}") for n, t in enumerate(threads, 1)
            )
        )
    if which:
        chosen = next((t for t in threads if str(t.id) == which.removeprefix("#")), None)
        if chosen is None:
            return Reply.error(
                f"No thread {shown(request.args[1])} on {label} in the last "
                f"{ACTIVE_WITHIN.days} days. See them all: timeline {topic.name} all"
            )
    else:
        chosen = max(threads, key=lambda t: (len(developments[t.id]), t.last_at, t.id))
    parts: list[ReplyPart] = [part(chosen, f"Timeline of {label}")]
    others = [t for t in threads if t.id != chosen.id]
    if others:
        parts.append(
            ChoicesPart(
                prompt=f"{len(others)} more on {label}. Pick one, or: timeline {topic.name} all",
                choices=tuple(
                    Choice(t.headline, f"timeline {topic.name} {t.id}")
                    for t in others[:MAX_CHOICES]
                ),
            )
        )
    return Reply(parts=tuple(parts))


def _developments(found: Sequence[StoredDevelopment]) -> str:
    return "1 development" if len(found) == 1 else f"{len(found)} developments"


COMMAND = Command(
    name="timeline",
    usage=(
        ("timeline <topic>", "the developments of a story, one dated line each, newest first"),
        ("timeline <topic> all", f"every story of the last {ACTIVE_WITHIN.days} days"),
    ),
    run=run,
    menu="The developments of a story",
)
