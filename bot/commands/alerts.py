"""``alerts on|off``: whether the chat is alerted at once to material developments."""

from __future__ import annotations

from bot.alerts.rules import local_day_start
from bot.chat import CommandRequest, Reply
from bot.commands.base import Command, CommandContext, example_topic, shown
from bot.store.chats import ChatRecord

WHAT = (
    "an agreement reached or collapsed, a new tariff rate, amount or deadline, talks started "
    "or called off, a story many outlets take up"
)


def run(ctx: CommandContext, request: CommandRequest, chat: ChatRecord) -> Reply:
    args = [arg.lower() for arg in request.args]
    if not args:
        return Reply.text(f"Alerts: {describe_alerts(ctx, chat)}. Change with: alerts on|off")
    if len(args) > 1 or args[0] not in ("on", "off"):
        return Reply.error(f"{shown(' '.join(request.args))}: say alerts on, or: alerts off")
    now = ctx.clock.now()
    if args[0] == "off":
        ctx.chats.set_alerts(chat.platform, chat.chat_id, False, now)
        return Reply.text("Alerts off. Material news comes with the daily digest.")
    ctx.chats.set_alerts(chat.platform, chat.chat_id, True, now)
    per_day = ctx.settings.bot.alerts_per_day
    lines = [
        f"Alerts on: at most {per_day} a day, at once when the news is material ({WHAT}).",
        "What is held back comes with the next digest.",
    ]
    if chat.quiet_hours is None:
        lines.append("No alerts at night? Try: quiet 22:00-07:00")
    else:
        lines.append(f"Quiet hours: {describe_quiet(ctx, chat)}.")
    if not chat.topics:
        lines.append(f"Follow a topic to get them: subscribe {example_topic(ctx)}")
    return Reply.text("\n".join(lines))


def chat_zone(ctx: CommandContext, chat: ChatRecord) -> str:
    """The zone of the chat's digest, quiet hours and alert day."""
    return chat.digest_zone or ctx.settings.bot.default_timezone


def describe_alerts(ctx: CommandContext, chat: ChatRecord) -> str:
    """``on, 1 of 3 today`` or ``off``."""
    if not chat.alerts:
        return "off"
    since = local_day_start(ctx.clock.now(), chat_zone(ctx, chat))
    used = ctx.chats.alerts_sent_since(chat.platform, chat.chat_id, since)
    return f"on, {used} of {ctx.settings.bot.alerts_per_day} today"


def describe_quiet(ctx: CommandContext, chat: ChatRecord) -> str:
    """``22:00-07:00 Europe/Berlin`` or ``none``."""
    if chat.quiet_hours is None:
        return "none"
    start, end = chat.quiet_hours
    return f"{start}-{end} {chat_zone(ctx, chat)}"


COMMAND = Command(
    name="alerts",
    usage=(("alerts on|off", "an alert at once for material news, at most a few a day"),),
    run=run,
    menu="Alerts for material news: /alerts on or off",
    changes_chat=True,
)
