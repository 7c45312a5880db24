"""What every command shares: its description, the context it runs in, and common replies.

A command is a plain synchronous function ``run(ctx, request, chat) -> Reply``; the dispatcher
runs it in a worker thread because the stores are synchronous SQLAlchemy.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass

from bot.chat import ChatKind, CommandRequest, Reply
from bot.clock import Clock
from bot.commands.parse import visible_text
from bot.config import Settings
from bot.store.briefings import BriefingStore
from bot.store.chats import ChatRecord, ChatStore
from bot.store.sent import SentStore
from bot.store.threads import ThreadStore
from bot.store.topicviews import TopicViews
from briefings.stories.topics import Topic

RunFunction = Callable[["CommandContext", CommandRequest, ChatRecord], Reply]


@dataclass(frozen=True, slots=True)
class Command:
    """One chat command, as every platform sees it.

    ``usage`` pairs (``"subscribe <topic>"``, what it does) feed ``help``; ``menu`` is the
    one line a platform's command menu shows (Telegram's ``setMyCommands``); ``changes_chat``
    commands fall under the group admin rule; ``private`` answers go to the asker alone where
    the platform can (Slack's ephemeral messages); unlisted ones stay out of help.
    """

    name: str
    usage: tuple[tuple[str, str], ...]
    run: RunFunction
    menu: str = ""
    changes_chat: bool = False
    private: bool = False
    listed: bool = True


@dataclass(frozen=True, slots=True)
class CommandContext:
    chats: ChatStore
    briefings: BriefingStore
    settings: Settings
    clock: Clock
    commands: tuple[Command, ...]
    threads: ThreadStore
    sent: SentStore
    views: TopicViews


def shown(raw: str, limit: int = 40) -> str:
    """User input echoed back in a reply, quoted and cut short, without control, zero-width
    or bidirectional-override characters."""
    raw = " ".join(visible_text(raw).split())
    return "'" + (raw if len(raw) <= limit else raw[: limit - 1] + "…") + "'"


def topic_named(ctx: CommandContext, raw: str) -> Topic | None:
    """The configured topic typed as ``raw`` (case-insensitive)."""
    return ctx.settings.topic(raw.strip().lower())


def topic_names(ctx: CommandContext) -> str:
    return ", ".join(t.name for t in ctx.settings.topics) or "none configured"


def example_topic(ctx: CommandContext, near: str = "") -> str:
    """A topic name to suggest: the closest to ``near``, else the first configured one."""
    names = [t.name for t in ctx.settings.topics]
    close = difflib.get_close_matches(near.lower(), names, n=1, cutoff=0.5) if near else []
    if close:
        return close[0]
    return names[0] if names else "<topic>"


def unknown_topic(ctx: CommandContext, raw: str, command: str) -> Reply:
    return Reply.error(
        f"Unknown topic {shown(raw)}. Topics: {topic_names(ctx)}. "
        f"Try: {command} {example_topic(ctx, raw)}"
    )


def one_topic_only(ctx: CommandContext, command: str, args: tuple[str, ...]) -> Reply:
    return Reply.error(
        f"One topic at a time. Try: {command} {example_topic(ctx, args[0] if args else '')}"
    )


def topic_label(ctx: CommandContext, name: str) -> str:
    """``Trade talks (trade-talks)``; just the name for a topic no longer configured."""
    topic = ctx.settings.topic(name)
    if topic is None or not topic.title:
        return name
    return f"{topic.title} ({name})"


def describe_digest(chat: ChatRecord) -> str:
    if chat.digest_time is None:
        return "off"
    return f"{chat.digest_time} {chat.digest_zone or 'UTC'}"


def is_shared(kind: ChatKind) -> bool:
    return kind in (ChatKind.GROUP, ChatKind.CHANNEL)


def admins_only_reply(kind: ChatKind) -> Reply:
    where = "channel" if kind == ChatKind.CHANNEL else "group"
    return Reply.error(
        f"Only admins of this {where} can change its topics, digest and alerts. "
        "Ask an admin, or see what it gets with: settings"
    )
