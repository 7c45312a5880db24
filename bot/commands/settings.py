"""``settings``: what this chat gets and when."""

from __future__ import annotations

from bot.chat import CommandRequest, Reply
from bot.commands.alerts import describe_alerts, describe_quiet
from bot.commands.base import (
    Command,
    CommandContext,
    describe_digest,
    example_topic,
    is_shared,
    topic_label,
)
from bot.store.chats import ChatRecord


def run(ctx: CommandContext, request: CommandRequest, chat: ChatRecord) -> Reply:
    lines = ["This chat:"]
    if chat.topics:
        lines.append("• Topics: " + ", ".join(topic_label(ctx, t) for t in chat.topics))
    else:
        lines.append(f"• Topics: none yet. Try: subscribe {example_topic(ctx)}")
    if chat.digest_time is None:
        lines.append("• Daily digest: off. Try: digest 08:00 Europe/Berlin")
    elif not chat.topics:
        lines.append(f"• Daily digest: {describe_digest(chat)}, once the chat follows a topic")
    else:
        lines.append(f"• Daily digest: {describe_digest(chat)}")
    if chat.alerts:
        lines.append(f"• Alerts: {describe_alerts(ctx, chat)}")
    else:
        lines.append("• Alerts: off. Try: alerts on")
    if chat.quiet_hours is not None:
        lines.append(f"• Quiet hours: {describe_quiet(ctx, chat)}")
    elif chat.alerts:
        lines.append("• Quiet hours: none. Try: quiet 22:00-07:00")
    if is_shared(chat.kind):
        who = "admins only" if ctx.settings.bot.group_admins_only else "anyone"
        lines.append(f"• Who can change this: {who}")
    return Reply.text("\n".join(lines))


COMMAND = Command(
    name="settings",
    usage=(("settings", "what this chat gets and when"),),
    run=run,
    menu="This chat's topics, digest and alerts",
    private=True,
)
