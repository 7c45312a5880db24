"""The adapter seam: a chat platform plugged into the bot.

An adapter turns platform events into :class:`~bot.chat.CommandRequest` values, hands them to a
:class:`CommandHandler`, and renders the :class:`~bot.chat.Reply` back; once the platform has
accepted every message of a reply, it tells the handler so (:func:`reply_delivered`). It also
provides the renderer and sender the delivery worker uses for digests.
"""

from __future__ import annotations

from typing import Protocol

from bot.chat import CommandRequest, Reply
from bot.commands.base import Command
from bot.delivery.sender import Sender
from bot.render import Renderer


class CommandHandler(Protocol):
    @property
    def commands(self) -> tuple[Command, ...]:
        """The registry this handler serves; adapters route and publish exactly these."""
        ...

    async def handle(self, request: CommandRequest) -> Reply: ...

    async def delivered(self, reply: Reply) -> None:
        """Every message of ``reply`` was accepted by the platform: record what it showed
        (``reply.on_delivered``). Idempotent; never raises."""
        ...


async def reply_delivered(handler: CommandHandler, reply: Reply) -> None:
    """Tell ``handler`` that ``reply`` arrived, if it has anything to record."""
    if reply.on_delivered is not None:
        await handler.delivered(reply)


class Adapter(Protocol):
    platform: str
    renderer: Renderer
    sender: Sender

    async def start(self) -> None:
        """Begin receiving events (polling, webhook server, socket) and return."""
        ...

    async def stop(self) -> None:
        """Stop receiving events and release connections."""
        ...
