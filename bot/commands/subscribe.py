"""``subscribe <topic>``: follow a topic; with no topic, offer the topics as choices."""

from __future__ import annotations

from bot.chat import Choice, ChoicesPart, CommandRequest, Reply
from bot.commands.base import (
    Command,
    CommandContext,
    describe_digest,
    one_topic_only,
    topic_label,
    topic_named,
    unknown_topic,
)
from bot.store.chats import ChatRecord


def run(ctx: CommandContext, request: CommandRequest, chat: ChatRecord) -> Reply:
    if not request.args:
        return _choices(ctx, chat)
    if len(request.args) > 1:
        return one_topic_only(ctx, "subscribe", request.args)
    topic = topic_named(ctx, request.args[0])
    if topic is None:
        return unknown_topic(ctx, request.args[0], "subscribe")
    label = topic_label(ctx, topic.name)
    now = ctx.clock.now()
    if not ctx.chats.subscribe(chat.platform, chat.chat_id, topic.name, now):
        return Reply.text(f"This chat already follows {label}.")
    lines = [f"Subscribed to {label}."]
    # A chat's first topic comes with the default digest time; a chat that turned its digest
    # off and follows more topics keeps it off.
    if chat.digest_time is None and not chat.topics:
        zone = chat.digest_zone or ctx.settings.bot.default_timezone
        ctx.chats.set_digest(
            chat.platform, chat.chat_id, ctx.settings.bot.default_digest_time, zone, now
        )
        lines.append(
            f"Daily digest at {ctx.settings.bot.default_digest_time} {zone}; "
            "change it with: digest HH:MM [zone], or: digest off"
        )
    else:
        lines.append(f"Daily digest: {describe_digest(chat)}.")
    lines.append(f"Newest briefing: latest {topic.name}")
    return Reply.text("\n".join(lines))


def _choices(ctx: CommandContext, chat: ChatRecord) -> Reply:
    open_topics = [t for t in ctx.settings.topics if t.name not in chat.topics]
    if not ctx.settings.topics:
        return Reply.error("No topics are configured yet.")
    if not open_topics:
        return Reply.text("This chat already follows every topic. See: settings")
    return Reply(
        parts=(
            ChoicesPart(
                prompt="Which topic? Tap one, or type: subscribe <topic>",
                choices=tuple(Choice(t.label, f"subscribe {t.name}") for t in open_topics),
            ),
        )
    )


COMMAND = Command(
    name="subscribe",
    usage=(("subscribe <topic>", "follow a topic"),),
    run=run,
    menu="Follow a topic",
    changes_chat=True,
)
