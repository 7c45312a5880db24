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


@dataclass(frozen=True, slots=True)
class DatedLine:
    """One development as one line: its day as the chat reads it (``Fri 13 Mar``, in the
    chat's zone), its headline and link; ``new`` when the chat had not been sent it."""

    day: str
    headline: str
    url: str
    new: bool = False


@dataclass(frozen=True, slots=True)
class ThreadPart:
    """One thread in ``latest``: what is new to the chat first, then earlier developments.

    ``briefing`` is the newest development without the bullets the chat was already sent
    (None: nothing is new); ``new_count`` how many developments are new; ``changes`` the
    thread's ``Changed: …`` lines since the chat last looked; ``earlier`` at most five
    dated lines, newest first. With nothing new, ``last`` is the newest development and
    ``more`` the command that lists the thread's developments.
    """

    briefing: Briefing | None
    changes: tuple[str, ...] = ()
    earlier: tuple[DatedLine, ...] = ()
    new_count: int = 0
    seen_before: bool = False
    last: DatedLine | None = None
    more: str = ""


@dataclass(frozen=True, slots=True)
class TimelinePart:
    """A thread's developments, one dated line each with its link, newest first.
    ``title`` is written by the bot; ``headline`` is the thread's newest headline."""

    title: str
    headline: str
    lines: tuple[DatedLine, ...]


@dataclass(frozen=True, slots=True)
class DigestThread:
    """One thread in a digest, in one short block: the newest development's headline and
    link, one or two key ``outcomes``, its ``changes`` lines, ``stood`` (where the thread
    stood before, one line of facts; empty for a new thread), the outlets and how many
    developments are new."""

    headline: str
    url: str
    outcomes: tuple[str, ...] = ()
    changes: tuple[str, ...] = ()
    stood: str = ""
    outlets: tuple[str, ...] = ()
    new_count: int = 1
    day: str = ""


@dataclass(frozen=True, slots=True)
class ThreadDigestPart:
    """A daily digest of threads: a title line, one block per thread, and ``more``: the
    bot's line naming the threads left out and the command that lists them ("" for none)."""

    title: str
    threads: tuple[DigestThread, ...]
    more: str = ""


ReplyPart = (
    TextPart
    | BriefingPart
    | DigestPart
    | AlertPart
    | ChoicesPart
    | ThreadPart
    | TimelinePart
    | ThreadDigestPart
)


@dataclass(frozen=True, slots=True)
class SentMarks:
    """What a reply shows that counts as sent to its chat once the platform has accepted the
    whole reply: ``developments`` (story id, thread id or None) for the chat stored as
    ``platform``/``chat_id`` (where the chat lives now, if it moved), sent ``via`` a command
    (``"latest"``)."""

    platform: str
    chat_id: str
    developments: tuple[tuple[int, int | None], ...]
    via: str


@dataclass(frozen=True, slots=True)
class Reply:
    """What the bot answers. ``is_error`` replies may be shown privately (Slack ephemeral).

    ``on_delivered``: what to record once every message of the reply was accepted by the
    platform (see :meth:`bot.adapter.CommandHandler.delivered`); a reply that does not arrive
    records nothing, so what it showed stays new to the chat.
    """

    parts: tuple[ReplyPart, ...]
    is_error: bool = False
    on_delivered: SentMarks | None = None

    @classmethod
    def text(cls, text: str) -> Reply:
        return cls(parts=(TextPart(text),))

    @classmethod
    def error(cls, text: str) -> Reply:
        return cls(parts=(TextPart(text),), is_error=True)
