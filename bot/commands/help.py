"""``help``: every command with what it does."""

from __future__ import annotations

from bot.chat import CommandRequest, Reply
from bot.commands.base import Command, CommandContext
from bot.store.chats import ChatRecord


def run(ctx: CommandContext, request: CommandRequest, chat: ChatRecord) -> Reply:
    lines = ["Commands:"]
    for command in ctx.commands:
        if command.listed:
            lines.extend(f"• {usage} — {what}" for usage, what in command.usage)
    if ctx.settings.bot.group_admins_only:
        lines.append("In groups and channels only admins can change topics, the digest and alerts.")
    return Reply.text("\n".join(lines))


COMMAND = Command(
    name="help", usage=(("help", "this list"),), run=run, menu="What the bot can do", private=True
)
