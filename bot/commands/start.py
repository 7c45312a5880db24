"""``start``: the welcome a new chat sees (Telegram sends it when a user opens the bot)."""

from __future__ import annotations

from bot.chat import CommandRequest, Reply
from bot.commands.base import Command, CommandContext, example_topic
from bot.store.chats import ChatRecord


def run(ctx: CommandContext, request: CommandRequest, chat: ChatRecord) -> Reply:
    topic = example_topic(ctx)
    return Reply.text(
        "Welcome to briefbot: short news briefings of who said what (verbatim quotes) and what "
        "came of it (outcomes, next steps), with links to the sources.\n"
        f"To begin, type: subscribe {topic}\n"
        f"Then: latest {topic} for the newest briefing, and digest 08:00 Europe/Berlin for a "
        "daily digest at your local time.\n"
        "All commands: help"
    )


COMMAND = Command(
    name="start",
    usage=(("start", "the welcome message"),),
    run=run,
    menu="Welcome and how to begin",
    private=True,
    listed=False,
)
