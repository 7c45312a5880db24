"""``quiet <HH:MM-HH:MM>`` and ``quiet off``: the local hours the chat gets no alerts."""

from __future__ import annotations

from bot.chat import CommandRequest, Reply
from bot.commands.alerts import describe_quiet
from bot.commands.base import Command, CommandContext, shown
from bot.commands.timeparse import parse_quiet_hours
from bot.store.chats import ChatRecord

EXAMPLE = "quiet 22:00-07:00"


def run(ctx: CommandContext, request: CommandRequest, chat: ChatRecord) -> Reply:
    typed = " ".join(request.args)
    if not typed:
        return Reply.error(f"Missing hours. Try: {EXAMPLE}, or: quiet off")
    now = ctx.clock.now()
    if typed.lower() == "off":
        ctx.chats.set_quiet_hours(chat.platform, chat.chat_id, None, now)
        return Reply.text(f"No quiet hours: alerts may come at any time. Set some with: {EXAMPLE}")
    hours = parse_quiet_hours(typed)
    if hours is None:
        return Reply.error(
            f"{shown(typed)} is not a range of hours: use 24-hour HH:MM-HH:MM, start and end "
            f"different. Try: {EXAMPLE}, or: quiet off"
        )
    ctx.chats.set_quiet_hours(chat.platform, chat.chat_id, hours, now)
    updated = ctx.chats.chat(chat.platform, chat.chat_id) or chat
    lines = [
        f"Quiet hours {describe_quiet(ctx, updated)}: no alerts then; what is held back "
        "comes with the next digest."
    ]
    if not chat.digest_zone:
        lines.append("Another zone? Set it with the digest: digest 08:00 Europe/Berlin")
    if not chat.alerts:
        lines.append("Alerts are off; turn them on with: alerts on")
    return Reply.text("\n".join(lines))


COMMAND = Command(
    name="quiet",
    usage=(
        ("quiet <HH:MM-HH:MM>", "no alerts in these local hours, e.g. " + EXAMPLE),
        ("quiet off", "alerts at any time"),
    ),
    run=run,
    menu="Hours without alerts, e.g. /quiet 22:00-07:00",
    changes_chat=True,
)
