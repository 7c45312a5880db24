"""Every command the bot knows, in the order ``help`` lists them: the one list every platform
reads (Telegram's command menu and group handling, Slack's admin checks and private answers,
the console). A new command is one more entry here."""

from __future__ import annotations

from bot.commands import (
    alerts,
    digest,
    latest,
    quiet,
    settings,
    start,
    subscribe,
    timeline,
    topics,
    unsubscribe,
)
from bot.commands import help as help_command
from bot.commands.base import Command

COMMANDS: tuple[Command, ...] = (
    topics.COMMAND,
    subscribe.COMMAND,
    unsubscribe.COMMAND,
    latest.COMMAND,
    timeline.COMMAND,
    digest.COMMAND,
    alerts.COMMAND,
    quiet.COMMAND,
    settings.COMMAND,
    help_command.COMMAND,
    start.COMMAND,
)
