"""The command handler every adapter calls: finds the command, applies the group admin rule,
records the chat, and runs the command off the event loop."""

from __future__ import annotations

import asyncio
import logging

import sqlalchemy as sa

from bot import metrics
from bot.chat import CommandRequest, Reply
from bot.clock import Clock
from bot.commands.base import Command, CommandContext, admins_only_reply, is_shared, shown
from bot.commands.registry import COMMANDS
from bot.config import Settings
from bot.store.briefings import BriefingStore
from bot.store.chats import ChatStore
from bot.store.sent import SentStore, Via
from bot.store.threads import ThreadStore
from bot.store.topicviews import TopicViews

log = logging.getLogger(__name__)


class Commands:
    """Implements :class:`bot.adapter.CommandHandler` for every platform."""

    def __init__(
        self,
        engine: sa.Engine,
        settings: Settings,
        clock: Clock,
        commands: tuple[Command, ...] = COMMANDS,
    ) -> None:
        threads = ThreadStore(engine)
        briefings = BriefingStore(engine)
        self._ctx = CommandContext(
            chats=ChatStore(engine),
            briefings=briefings,
            settings=settings,
            clock=clock,
            commands=commands,
            threads=threads,
            sent=SentStore(engine),
            views=TopicViews(engine, threads, briefings),
        )
        self._by_name = {command.name: command for command in commands}

    @property
    def commands(self) -> tuple[Command, ...]:
        """Every command this handler runs (what adapters publish and route)."""
        return self._ctx.commands

    @property
    def names(self) -> tuple[str, ...]:
        """The listed command names, in help order."""
        return tuple(c.name for c in self._ctx.commands if c.listed)

    async def handle(self, request: CommandRequest) -> Reply:
        command = self._by_name.get(request.name.lower())
        if command is None:
            return self._unknown(request)
        try:
            with metrics.COMMAND_SECONDS.labels(command.name).time():
                return await asyncio.to_thread(self._run, command, request)
        except Exception:
            # The chat gets an answer whatever broke; the log keeps the details.
            log.exception(
                "command %r failed in chat %s:%s", request.name, request.platform, request.chat_id
            )
            return Reply.error("Sorry, that failed on our side. Please try again in a minute.")

    async def delivered(self, reply: Reply) -> None:
        """Record what ``reply`` showed as sent to its chat, off the event loop. A failure is
        logged, not raised: the reply is out, and what it showed merely stays new."""
        marks = reply.on_delivered
        if marks is None or not marks.developments:
            return
        try:
            await asyncio.to_thread(
                self._ctx.sent.mark,
                marks.platform,
                marks.chat_id,
                marks.developments,
                Via(marks.via),
                self._ctx.clock.now(),  # when the platform took the reply
            )
        except Exception:
            log.exception(
                "chat %s:%s: what a %s reply showed was not recorded",
                marks.platform,
                marks.chat_id,
                marks.via,
            )

    def _run(self, command: Command, request: CommandRequest) -> Reply:
        ctx = self._ctx
        if command.changes_chat and self._forbidden(request):
            log.info(
                "chat %s:%s: %s refused, user %s is not an admin",
                request.platform,
                request.chat_id,
                command.name,
                request.user_id,
            )
            return admins_only_reply(request.chat_kind)
        chat = ctx.chats.ensure_chat(
            request.platform,
            request.chat_id,
            request.chat_kind,
            request.chat_title,
            ctx.clock.now(),
        )
        if chat.migrated_to:
            # A late command from a chat's old id acts on where the chat lives now.
            chat = ctx.chats.chat(chat.platform, chat.migrated_to) or chat
        log.debug(
            "chat %s:%s: %s %s", request.platform, request.chat_id, command.name, request.args
        )
        return command.run(ctx, request, chat)

    def _forbidden(self, request: CommandRequest) -> bool:
        return (
            is_shared(request.chat_kind)
            and self._ctx.settings.bot.group_admins_only
            and not request.user_is_admin
        )

    def _unknown(self, request: CommandRequest) -> Reply:
        if not request.name:
            return Reply.error("Type a command, e.g.: help")
        return Reply.error(
            f"Unknown command {shown(request.name)}. Commands: {', '.join(self.names)}. "
            "Details: help"
        )
