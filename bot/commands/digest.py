"""``digest <HH:MM> [zone]`` and ``digest off``: when the chat gets its daily digest."""

from __future__ import annotations

from bot.chat import CommandRequest, Reply
from bot.commands.base import Command, CommandContext, example_topic, shown
from bot.commands.timeparse import next_local_time, parse_digest_time, resolve_zone
from bot.store.chats import ChatRecord

EXAMPLE = "digest 08:00 Europe/Berlin"


def run(ctx: CommandContext, request: CommandRequest, chat: ChatRecord) -> Reply:
    args = request.args
    if not args:
        return Reply.error(f"Missing time. Try: {EXAMPLE}, or: digest off")
    if len(args) > 2:
        return Reply.error(f"Too many words: give a time and a zone. Try: {EXAMPLE}")
    now = ctx.clock.now()
    if args[0].lower() == "off":
        if len(args) > 1:
            return Reply.error("Just: digest off")
        ctx.chats.set_digest(chat.platform, chat.chat_id, None, chat.digest_zone, now)
        return Reply.text(f"Daily digest off. Turn it on again with: {EXAMPLE}")
    at = parse_digest_time(args[0])
    if at is None:
        return Reply.error(
            f"{shown(args[0])} is not a time: use 24-hour HH:MM. Try: {EXAMPLE}, or: digest off"
        )
    if len(args) == 2:
        zone = resolve_zone(args[1])
        if zone is None:
            return Reply.error(
                f"Unknown time zone {shown(args[1])}: use an IANA name such as Europe/Berlin, "
                f"America/New_York or UTC. Try: digest {at} Europe/Berlin"
            )
    else:
        zone = chat.digest_zone or ctx.settings.bot.default_timezone
    ctx.chats.set_digest(chat.platform, chat.chat_id, at, zone, now)
    upcoming = next_local_time(at, zone, now)
    text = f"Daily digest at {at} {zone} (next: {upcoming:%a %d %b %H:%M} UTC)."
    if not chat.topics:
        text += f" Follow a topic to get one: subscribe {example_topic(ctx)}"
    return Reply.text(text)


COMMAND = Command(
    name="digest",
    usage=(
        ("digest <HH:MM> [zone]", "a daily digest at that local time, e.g. " + EXAMPLE),
        ("digest off", "no daily digest"),
    ),
    run=run,
    menu="Daily digest time, e.g. /digest 08:00 Europe/Berlin",
    changes_chat=True,
)
