"""Sending to the terminal: each message is written to the output stream as it arrives."""

from __future__ import annotations

import itertools
import logging
from typing import TextIO

from bot.delivery.sender import SendResult
from bot.render import RenderedMessage

log = logging.getLogger(__name__)


class ConsoleSender:
    """Implements :class:`bot.delivery.sender.Sender` for the console; message ids count up."""

    platform = "console"

    def __init__(self, output: TextIO) -> None:
        self._output = output
        self._ids = itertools.count(1)

    def write(self, message: RenderedMessage) -> str:
        """Write one message now; its id."""
        text = str(message.payload.get("text", ""))
        self._output.write(text.rstrip("\n") + "\n\n")
        self._output.flush()
        return str(next(self._ids))

    async def send(self, chat_id: str, message: RenderedMessage) -> SendResult:
        message_id = self.write(message)
        log.debug("console chat %s: sent message %s", chat_id, message_id)
        return SendResult.sent(message_id)
