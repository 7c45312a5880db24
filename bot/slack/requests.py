"""Slack payloads -> platform-neutral :class:`~bot.chat.CommandRequest` values."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.chat import ChatKind, CommandRequest
from bot.commands.parse import parse_command_line

PLATFORM = "slack"
_LEADING_MENTIONS = re.compile(r"^(?:\s*<@[A-Z0-9]+(?:\|[^>]*)?>)+\s*")


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a command was typed: workspace, conversation and user ids."""

    team_id: str
    channel_id: str
    user_id: str
    channel_name: str = ""

    @property
    def chat_id(self) -> str:
        return f"{self.team_id}:{self.channel_id}"

    @property
    def is_dm(self) -> bool:
        return self.channel_id.startswith("D")

    @property
    def kind(self) -> ChatKind:
        return ChatKind.PRIVATE if self.is_dm else ChatKind.CHANNEL


def strip_mentions(text: str) -> str:
    """``"<@UBOT> latest trade-talks"`` -> ``"latest trade-talks"``."""
    return _LEADING_MENTIONS.sub("", text, count=1).strip()


def command_request(
    origin: Origin, text: str, *, is_admin: bool, title: str = "", default: str = "help"
) -> CommandRequest:
    """The request for ``text`` (``"subscribe trade-talks"``); an empty line runs ``default``."""
    name, args = parse_command_line(text)
    if not name:
        name, args = default, ()
    return CommandRequest(
        platform=PLATFORM,
        chat_id=origin.chat_id,
        chat_kind=origin.kind,
        user_id=origin.user_id,
        user_is_admin=is_admin,
        name=name,
        args=args,
        chat_title=title or origin.channel_name,
    )
