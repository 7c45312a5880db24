"""``latest [topic]``: the newest briefing of a topic, or of each topic the chat follows."""

from __future__ import annotations

from bot.chat import BriefingPart, CommandRequest, Reply, ReplyPart, TextPart
from bot.commands.base import (
    Command,
    CommandContext,
    example_topic,
    one_topic_only,
    topic_label,
    topic_named,
    unknown_topic,
)
from bot.store.chats import ChatRecord


def run(ctx: CommandContext, request: CommandRequest, chat: ChatRecord) -> Reply:
    if len(request.args) > 1:
        return one_topic_only(ctx, "latest", request.args)
    if request.args:
        topic = topic_named(ctx, request.args[0])
        if topic is None:
            return unknown_topic(ctx, request.args[0], "latest")
        names: tuple[str, ...] = (topic.name,)
    elif chat.topics:
        names = chat.topics
    else:
        example = example_topic(ctx)
        return Reply.error(
            f"This chat follows no topics yet. Try: latest {example}, or: subscribe {example}"
        )
    parts: list[ReplyPart] = []
    shown: set[int] = set()
    for name in names:
        found = ctx.briefings.latest(name, limit=1)
        if not found:
            parts.append(
                TextPart(
                    f"No briefing for {topic_label(ctx, name)} yet: one arrives when the feeds "
                    "bring a story on it."
                )
            )
        elif found[0].id not in shown:  # a story on two topics is shown once
            shown.add(found[0].id)
            parts.append(BriefingPart(found[0].briefing))
    return Reply(parts=tuple(parts))


COMMAND = Command(
    name="latest",
    usage=(("latest [topic]", "the newest briefing (of each topic this chat follows)"),),
    run=run,
    menu="The newest briefing",
)
