"""``topics``: what a chat can follow, and which of those it does."""

from __future__ import annotations

from bot.chat import CommandRequest, Reply
from bot.commands.base import Command, CommandContext, example_topic
from bot.store.chats import ChatRecord


def run(ctx: CommandContext, request: CommandRequest, chat: ChatRecord) -> Reply:
    if not ctx.settings.topics:
        return Reply.text("No topics are configured yet.")
    lines = ["Topics:"]
    for topic in ctx.settings.topics:
        line = f"• {topic.name} — {topic.label}"
        if topic.description:
            line += f": {topic.description}"
        if topic.name in chat.topics:
            line += " (following)"
        lines.append(line)
    lines.append(f"Try: subscribe {example_topic(ctx)}")
    return Reply.text("\n".join(lines))


COMMAND = Command(
    name="topics",
    usage=(("topics", "the topics you can follow"),),
    run=run,
    menu="Topics you can follow",
    private=True,
)
