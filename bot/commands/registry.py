"""Every command the bot knows, in the order ``help`` lists them."""

from __future__ import annotations

from bot.commands import digest, latest, settings, start, subscribe, topics, unsubscribe
from bot.commands import help as help_command
from bot.commands.base import Command

COMMANDS: tuple[Command, ...] = (
    topics.COMMAND,
    subscribe.COMMAND,
    unsubscribe.COMMAND,
    latest.COMMAND,
    digest.COMMAND,
    settings.COMMAND,
    help_command.COMMAND,
    start.COMMAND,
)
