"""The console adapter: each input line is a command in one private chat, the reply is
written to the output stream, and once all of it is written the command handler is told.

Input is read on a daemon thread, so a blocking read of stdin never holds up the event loop
nor the process exit; lines reach the loop through a queue.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
from typing import TextIO

from bot.adapter import CommandHandler, reply_delivered
from bot.chat import ChatKind, ChoicesPart, Reply
from bot.commands.parse import command_request
from bot.console.render import ConsoleRenderer
from bot.console.sender import ConsoleSender
from bot.delivery.sender import Sender
from bot.render import Renderer

log = logging.getLogger(__name__)

PLATFORM = "console"


class ConsoleAdapter:
    """Implements :class:`bot.adapter.Adapter` over text streams (stdin/stdout by default).

    The person at the console is the admin of chat ``chat_id``. After a reply with choices,
    typing a choice's number runs its command. :attr:`closed` is set at end of input.
    """

    platform = PLATFORM

    def __init__(
        self,
        handler: CommandHandler,
        input_stream: TextIO,
        output_stream: TextIO,
        *,
        chat_id: str = "console",
        user_id: str = "console-user",
        prompt: str = "",
    ) -> None:
        self._handler = handler
        self._input = input_stream
        self._output = output_stream
        self.chat_id = chat_id
        self._user_id = user_id
        self._prompt = prompt
        self._writer = ConsoleSender(output_stream)
        self.renderer: Renderer = ConsoleRenderer()
        self.sender: Sender = self._writer
        self.closed = asyncio.Event()
        self._choices: tuple[str, ...] = ()
        self._task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        loop = asyncio.get_running_loop()
        lines: asyncio.Queue[str | None] = asyncio.Queue()
        reader = threading.Thread(
            target=_read_lines, args=(self._input, loop, lines), name="console-input", daemon=True
        )
        reader.start()
        self._task = asyncio.create_task(self._serve(lines), name="console-chat")
        log.info("console chat %s started", self.chat_id)

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
        log.info("console chat %s stopped", self.chat_id)

    async def handle_line(self, line: str) -> Reply | None:
        """Run one typed line, write the reply and record what it showed; None for a blank
        line."""
        line = line.strip()
        if line.isdigit() and 0 < int(line) <= len(self._choices):
            line = self._choices[int(line) - 1]
        request = command_request(
            line,
            platform=PLATFORM,
            chat_id=self.chat_id,
            chat_kind=ChatKind.PRIVATE,
            user_id=self._user_id,
            user_is_admin=True,
            chat_title="Console",
        )
        if request is None:
            return None
        reply = await self._handler.handle(request)
        self._choices = tuple(
            choice.command
            for part in reply.parts
            if isinstance(part, ChoicesPart)
            for choice in part.choices
        )
        for message in self.renderer.render(reply):
            self._writer.write(message)  # a failed write raises: nothing is recorded
        await reply_delivered(self._handler, reply)
        return reply

    async def _serve(self, lines: asyncio.Queue[str | None]) -> None:
        self._show_prompt()
        while (line := await lines.get()) is not None:
            try:
                await self.handle_line(line)
            except Exception:
                log.exception("console chat %s: line %r failed", self.chat_id, line)
            self._show_prompt()
        log.info("console chat %s: end of input", self.chat_id)
        self.closed.set()

    def _show_prompt(self) -> None:
        if self._prompt:
            self._output.write(self._prompt)
            self._output.flush()


def _read_lines(
    stream: TextIO, loop: asyncio.AbstractEventLoop, lines: asyncio.Queue[str | None]
) -> None:
    try:
        for line in stream:
            loop.call_soon_threadsafe(lines.put_nowait, line)
        loop.call_soon_threadsafe(lines.put_nowait, None)
    except (RuntimeError, ValueError, OSError):
        # The loop closed, or the stream did, while we were reading: nobody is listening.
        pass
