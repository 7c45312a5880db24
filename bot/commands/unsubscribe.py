"""``unsubscribe <topic>``: stop following a topic."""

from __future__ import annotations

from bot.chat import CommandRequest, Reply
from bot.commands.base import (
    Command,
    CommandContext,
    one_topic_only,
    topic_label,
    unknown_topic,
)
from bot.store.chats import ChatRecord


def run(ctx: CommandContext, request: CommandRequest, chat: ChatRecord) -> Reply:
    if not request.args:
        if not chat.topics:
            return Reply.error("This chat follows no topics. See them with: topics")
        return Reply.error(
            f"Which topic? This chat follows: {', '.join(chat.topics)}. "
            f"Try: unsubscribe {chat.topics[0]}"
        )
    if len(request.args) > 1:
        return one_topic_only(ctx, "unsubscribe", request.args)
    name = request.args[0].strip().lower()
    if name not in chat.topics:
        if ctx.settings.topic(name) is None:
            return unknown_topic(ctx, request.args[0], "unsubscribe")
        follows = ", ".join(chat.topics) or "nothing"
        return Reply.error(f"This chat does not follow {name}. It follows: {follows}.")
    ctx.chats.unsubscribe(chat.platform, chat.chat_id, name, ctx.clock.now())
    text = f"Unsubscribed from {topic_label(ctx, name)}."
    if len(chat.topics) == 1:
        text += " This chat follows no topics now, so it gets no digest."
    return Reply.text(text)


COMMAND = Command(
    name="unsubscribe",
    usage=(("unsubscribe <topic>", "stop following a topic"),),
    run=run,
    menu="Stop following a topic",
    changes_chat=True,
)
