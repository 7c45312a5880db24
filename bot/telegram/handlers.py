"""PTB callbacks: a Telegram update in, a :class:`~bot.chat.CommandRequest` to the command
handler, the reply rendered and sent back, and the handler told once Telegram has accepted all
of it. Nothing else happens here."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from datetime import datetime
from typing import Protocol

from telegram import CallbackQuery, Chat, Message, Update, User
from telegram.error import TelegramError
from telegram.ext import ContextTypes

from bot.adapter import CommandHandler, reply_delivered
from bot.chat import ChatKind, CommandRequest, Reply, TextPart
from bot.clock import Clock
from bot.commands.parse import parse_command_line
from bot.delivery.replies import FLOOD_NOTICE, LimitedReplies
from bot.delivery.sender import SendStatus
from bot.render import RenderedMessage
from bot.telegram.admins import AdminCache
from bot.telegram.render import TelegramRenderer
from bot.telegram.sender import send_kwargs

logger = logging.getLogger(__name__)

PLATFORM = "telegram"
ALERT_LIMIT = 200  # characters Telegram shows in a callback answer
Context = ContextTypes.DEFAULT_TYPE


class ChatMigrator(Protocol):
    def migrate_chat(self, platform: str, old_id: str, new_id: str, now: datetime) -> object: ...


def split_command(text: str) -> tuple[str, tuple[str, ...]]:
    """``"/latest@briefbot trade-talks"`` -> ``("latest", ("trade-talks",))``; slash optional.

    The ``@botname`` suffix is Telegram's; the rest is the platform-neutral parse.
    """
    name, args = parse_command_line(text)
    return name.split("@", 1)[0], args


def chat_kind(chat: Chat) -> ChatKind:
    if chat.type == Chat.PRIVATE:
        return ChatKind.PRIVATE
    if chat.type == Chat.CHANNEL:
        return ChatKind.CHANNEL
    return ChatKind.GROUP


def chat_title(chat: Chat) -> str:
    return chat.title or chat.full_name or chat.username or ""


class TelegramHandlers:
    def __init__(
        self,
        handler: CommandHandler,
        renderer: TelegramRenderer,
        replies: LimitedReplies,
        admins: AdminCache,
        chats: ChatMigrator | None,
        clock: Clock,
    ) -> None:
        self._handler = handler
        self._renderer = renderer
        self._replies = replies
        self._admins = admins
        self._chats = chats
        self._clock = clock

    async def on_command(self, update: Update, context: Context) -> None:
        """A ``/command`` in any chat (PTB has already dropped ``/cmd@otherbot``)."""
        message = update.effective_message
        if message is None or message.text is None:
            return
        await self._answer_message(message, message.text)

    async def on_private_text(self, update: Update, context: Context) -> None:
        """Plain text in a private chat is read as a command, so ``latest`` works like
        ``/latest`` and an unknown word gets the list of commands."""
        message = update.effective_message
        if message is None or message.text is None:
            return
        await self._answer_message(message, message.text)

    async def on_callback(self, update: Update, context: Context) -> None:
        """A tapped button: its ``callback_data`` is the command line to run."""
        query = update.callback_query
        if query is None:
            return
        message = query.message
        if message is None or not query.data:
            await query.answer()
            return
        name, args = split_command(query.data)
        try:
            reply = await self._run(message.chat, query.from_user, None, name, args)
        except Exception:
            await _answer_quietly(query)
            raise
        if await self._answer_tap(query, message.chat, message.message_id, reply):
            await reply_delivered(self._handler, reply)

    async def on_migrate(self, update: Update, context: Context) -> None:
        """A group became a supergroup: its subscriptions move to the new id."""
        message = update.effective_message
        if message is None or message.migrate_to_chat_id is None or self._chats is None:
            return
        old_id, new_id = str(message.chat.id), str(message.migrate_to_chat_id)
        logger.info("telegram chat %s: migrated to supergroup %s", old_id, new_id)
        await asyncio.to_thread(
            self._chats.migrate_chat, PLATFORM, old_id, new_id, self._clock.now()
        )

    async def on_flood(self, update: Update) -> None:
        """The chat sends commands faster than they are answered: say so, once per flood."""
        chat = update.effective_chat
        if chat is not None:
            await self._send(chat, self._renderer.render(Reply.error(FLOOD_NOTICE)))

    async def on_error(self, update: object, context: Context) -> None:
        chat = update.effective_chat if isinstance(update, Update) else None
        logger.error(
            "telegram chat %s: update failed",
            chat.id if chat else "-",
            exc_info=context.error,
        )

    async def _answer_message(self, message: Message, text: str) -> None:
        name, args = split_command(text)
        if not name:
            return
        reply = await self._run(message.chat, message.from_user, message.sender_chat, name, args)
        if await self._send(message.chat, self._renderer.render(reply)):
            await reply_delivered(self._handler, reply)

    async def _run(
        self,
        chat: Chat,
        user: User | None,
        sender_chat: Chat | None,
        name: str,
        args: tuple[str, ...],
    ) -> Reply:
        author = user.id if user is not None else (sender_chat.id if sender_chat else chat.id)
        request = CommandRequest(
            platform=PLATFORM,
            chat_id=str(chat.id),
            chat_kind=chat_kind(chat),
            user_id=str(author),
            user_is_admin=await self._admins.is_admin(chat, user, sender_chat),
            name=name,
            args=args,
            chat_title=chat_title(chat),
        )
        return await self._handler.handle(request)

    async def _answer_tap(
        self, query: CallbackQuery, chat: Chat, message_id: int, reply: Reply
    ) -> bool:
        """Whether the answer went out as messages and Telegram took them all (a refusal
        shown in a popup is not such an answer: False)."""
        # A refusal ("only admins ...") is shown to the one who tapped; the buttons stay for
        # the others. Anything else replaces the buttons with the answer.
        if reply.is_error and len(reply.parts) == 1 and isinstance(reply.parts[0], TextPart):
            await _answer_quietly(query, reply.parts[0].text[:ALERT_LIMIT], alert=True)
            return False
        await _answer_quietly(query)
        messages = list(self._renderer.render(reply))
        if messages and "reply_markup" not in messages[0].payload:
            kind = chat_kind(chat).value
            await self._replies.wait_turn(str(chat.id), kind)
            try:
                await query.get_bot().edit_message_text(
                    chat_id=chat.id, message_id=message_id, **send_kwargs(messages.pop(0))
                )
            except TelegramError as error:
                logger.info("telegram chat %s: edit failed (%s), sending instead", chat.id, error)
                messages = list(self._renderer.render(reply))
            finally:
                self._replies.done(str(chat.id), kind)
        return await self._send(chat, messages)

    async def _send(self, chat: Chat, messages: Sequence[RenderedMessage]) -> bool:
        """Each message in turn, within the bot's limits (see ``bot.delivery.replies``);
        whether Telegram accepted them all (it stops at the first one refused)."""
        kind = chat_kind(chat).value
        for message in messages:
            result = await self._replies.send(str(chat.id), kind, message)
            if result.status is not SendStatus.SENT:
                logger.warning(
                    "telegram chat %s: reply not sent (%s: %s)",
                    chat.id,
                    result.status,
                    result.reason,
                )
                return False
        return True


async def _answer_quietly(query: CallbackQuery, text: str = "", alert: bool = False) -> None:
    try:
        await query.answer(text=text or None, show_alert=alert)
    except TelegramError as error:
        # An old query cannot be answered any more; the reply itself still goes out.
        logger.info("telegram callback %s: answer failed: %s", query.id, error)
