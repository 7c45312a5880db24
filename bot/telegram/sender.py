"""``TelegramSender``: one rendered message through PTB's ``Bot``, the outcome as a value.

PTB's errors are translated here, where they arise::

    RetryAfter                        -> retry after the delay Telegram asked for
    ChatMigrated                      -> moved to the new supergroup id
    Forbidden (blocked, kicked, ...)  -> gone
    BadRequest "chat not found", ...  -> gone
    BadRequest (anything else)        -> failed, with Telegram's reason
    TimedOut, NetworkError (5xx)      -> retry
"""

from __future__ import annotations

import datetime as dtm
import logging
from collections.abc import Mapping
from typing import Any

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, LinkPreviewOptions
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    NetworkError,
    RetryAfter,
    TelegramError,
)

from bot.delivery.sender import SendResult
from bot.render import RenderedMessage

logger = logging.getLogger(__name__)

# BadRequest descriptions that mean the bot can never write to the chat again.
_GONE_REASONS = (
    "chat not found",
    "peer_id_invalid",
    "user is deactivated",
    "bot was kicked",
    "bot is not a member",
    "not enough rights to send",
    "have no rights to send",
    "need administrator rights",
    "chat_write_forbidden",
)


class TelegramSender:
    """Implements :class:`bot.delivery.sender.Sender` for Telegram."""

    platform = "telegram"

    def __init__(self, bot: Bot) -> None:
        self._bot = bot

    async def send(self, chat_id: str, message: RenderedMessage) -> SendResult:
        try:
            sent = await self._bot.send_message(
                chat_id=chat_target(chat_id), **send_kwargs(message)
            )
        except TelegramError as error:
            result = translate_error(error)
            logger.info("telegram chat %s: send %s: %s", chat_id, result.status, result.reason)
            return result
        return SendResult.sent(str(sent.message_id))


def chat_target(chat_id: str) -> int | str:
    """Numeric ids as ints; ``@channelname`` stays a string."""
    return int(chat_id) if chat_id.lstrip("-").isdigit() else chat_id


def send_kwargs(message: RenderedMessage) -> dict[str, Any]:
    """PTB ``send_message`` keyword arguments for a rendered payload."""
    payload = message.payload
    kwargs: dict[str, Any] = {"text": payload["text"], "parse_mode": payload.get("parse_mode")}
    if "disable_web_page_preview" in payload:
        kwargs["link_preview_options"] = LinkPreviewOptions(
            is_disabled=bool(payload["disable_web_page_preview"])
        )
    markup = payload.get("reply_markup")
    if markup:
        kwargs["reply_markup"] = keyboard(markup)
    return kwargs


def keyboard(markup: Mapping[str, Any]) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [InlineKeyboardButton(b["text"], callback_data=b["callback_data"]) for b in row]
            for row in markup["inline_keyboard"]
        ]
    )


def translate_error(error: TelegramError) -> SendResult:
    reason = error.message
    if isinstance(error, RetryAfter):
        return SendResult.retry(reason, retry_after=retry_seconds(error))
    if isinstance(error, ChatMigrated):
        return SendResult.moved(str(error.new_chat_id), reason)
    if isinstance(error, Forbidden):
        return SendResult.gone(reason)
    if isinstance(error, BadRequest):
        lowered = reason.lower()
        if any(marker in lowered for marker in _GONE_REASONS):
            return SendResult.gone(reason)
        return SendResult.failed(reason)
    if isinstance(error, NetworkError):  # TimedOut included; BadRequest handled above
        return SendResult.retry(reason)
    return SendResult.failed(reason)  # InvalidToken, Conflict, EndPointNotFound: not transient


def retry_seconds(error: RetryAfter) -> float:
    """The delay Telegram asked for, in seconds (PTB gives a timedelta, or int seconds when
    ``PTB_TIMEDELTA`` is turned off)."""
    value: int | float | dtm.timedelta = error.retry_after
    return value.total_seconds() if isinstance(value, dtm.timedelta) else float(value)
