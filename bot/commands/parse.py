"""Turning a typed line into a command name and its words, the same way on every platform."""

from __future__ import annotations

import re
import unicodedata

from bot.chat import ChatKind, CommandRequest

_SPACE = re.compile(r"\s+")
# Unicode categories never worth keeping in a typed command or echoing back: control
# characters, and format characters (zero-width spaces and joiners, bidirectional overrides
# and isolates, the BOM), surrogates and private-use or unassigned code points.
_INVISIBLE = frozenset({"Cc", "Cf", "Cs", "Co", "Cn"})


def visible_text(text: str) -> str:
    """``text`` without control, zero-width, bidirectional-override and other invisible
    characters (whitespace stays: it separates words)."""
    if text.isascii() and text.isprintable():
        return text
    return "".join(c for c in text if c.isspace() or unicodedata.category(c) not in _INVISIBLE)


def parse_command_line(text: str) -> tuple[str, tuple[str, ...]]:
    """``"/Subscribe  trade-talks"`` -> ``("subscribe", ("trade-talks",))``.

    Strips one leading ``/`` and lowercases the command name; the arguments keep their case
    (zone names need it), commands lowercase topic names themselves. A platform adapter
    removes its own syntax first (Telegram's ``@botname`` suffix). An empty line gives
    ``("", ())``.
    """
    words = _SPACE.split(visible_text(text).strip())
    if not words or not words[0]:
        return "", ()
    name = words[0].removeprefix("/").lower()
    return name, tuple(words[1:])


def command_request(
    text: str,
    *,
    platform: str,
    chat_id: str,
    chat_kind: ChatKind,
    user_id: str,
    user_is_admin: bool,
    chat_title: str = "",
) -> CommandRequest | None:
    """The request for a typed line in a chat; None for a blank line."""
    name, args = parse_command_line(text)
    if not name:
        return None
    return CommandRequest(
        platform=platform,
        chat_id=chat_id,
        chat_kind=chat_kind,
        user_id=user_id,
        user_is_admin=user_is_admin,
        name=name,
        args=args,
        chat_title=chat_title,
    )
