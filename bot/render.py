"""The renderer seam: a platform turns a neutral :class:`~bot.chat.Reply` into messages."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from bot.chat import Reply


@dataclass(frozen=True, slots=True)
class RenderedMessage:
    """One message ready for a platform's send call. ``payload`` is JSON-able.

    Telegram: ``{"parse_mode": "HTML", "text": ..., "disable_web_page_preview": bool}``;
    Slack: ``{"text": ..., "blocks": [...]}``; console: ``{"text": ...}``.
    """

    payload: Mapping[str, Any]


class Renderer(Protocol):
    platform: str

    def render(self, reply: Reply) -> tuple[RenderedMessage, ...]: ...
