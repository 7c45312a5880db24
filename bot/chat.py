"""Platform-neutral values for talking to a chat: requests in, replies out."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from briefings.model import Briefing, Change


class ChatKind(StrEnum):
    PRIVATE = "private"
    GROUP = "group"
    CHANNEL = "channel"


@dataclass(frozen=True, slots=True)
class CommandRequest:
    """One command typed in a chat, already stripped of platform syntax.

    ``name`` is the command without a slash (``"latest"``); ``args`` are its words.
    """

    platform: str
    chat_id: str
    chat_kind: ChatKind
    user_id: str
    user_is_admin: bool
    name: str
    args: tuple[str, ...] = ()
    chat_title: str = ""


@dataclass(frozen=True, slots=True)
class TextPart:
    """Plain text written by the bot itself (never article text)."""

    text: str


@dataclass(frozen=True, slots=True)
class BriefingPart:
    briefing: Briefing


@dataclass(frozen=True, slots=True)
class DigestPart:
    """A daily digest: a title line and the briefings it holds."""

    title: str
    briefings: tuple[Briefing, ...]


@dataclass(frozen=True, slots=True)
class AlertPart:
    """An alert for a material development: why it is one (``reasons``, bot-written words
    such as "agreement reached"), its briefing as the alert shows it (headline, key outcomes,
    sources) and its ``changes`` (each shown as its ``Changed:`` line)."""

    reasons: tuple[str, ...]
    briefing: Briefing
    changes: tuple[Change, ...] = ()

    @property
    def title(self) -> str:
        """``Alert — agreement reached, new rate`` (the headline follows it)."""
        return "Alert — " + ", ".join(self.reasons) if self.reasons else "Alert"


@dataclass(frozen=True, slots=True)
class Choice:
    """A button: ``label`` shown, ``command`` the command line a tap runs (``subscribe x``)."""

    label: str
    command: str


@dataclass(frozen=True, slots=True)
class ChoicesPart:
    prompt: str
    choices: tuple[Choice, ...]


ReplyPart = TextPart | BriefingPart | DigestPart | AlertPart | ChoicesPart


@dataclass(frozen=True, slots=True)
class Reply:
    """What the bot answers. ``is_error`` replies may be shown privately (Slack ephemeral)."""

    parts: tuple[ReplyPart, ...]
    is_error: bool = False

    @classmethod
    def text(cls, text: str) -> Reply:
        return cls(parts=(TextPart(text),))

    @classmethod
    def error(cls, text: str) -> Reply:
        return cls(parts=(TextPart(text),), is_error=True)
