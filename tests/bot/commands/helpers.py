"""Building requests and reading replies in command tests."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.chat import BriefingPart, ChatKind, CommandRequest, Reply, TextPart
from briefings.stories.topics import Topic

T0 = datetime(2025, 6, 7, 10, 0, tzinfo=UTC)

TOPICS = (
    Topic("trade-talks", "Trade talks", "Tariff negotiations.", include=("tariff",)),
    Topic("energy", "Energy", include=("oil",)),
)


def request(
    line: str,
    *,
    kind: ChatKind = ChatKind.PRIVATE,
    admin: bool = False,
    chat_id: str = "c1",
    platform: str = "console",
) -> CommandRequest:
    name, *args = line.split()
    return CommandRequest(
        platform=platform,
        chat_id=chat_id,
        chat_kind=kind,
        user_id="u1",
        user_is_admin=admin,
        name=name,
        args=tuple(args),
        chat_title="Chat",
    )


def text(reply: Reply) -> str:
    """The reply's own text parts, one per line."""
    return "\n".join(p.text for p in reply.parts if isinstance(p, TextPart))


def headlines(reply: Reply) -> list[str]:
    return [p.briefing.headline for p in reply.parts if isinstance(p, BriefingPart)]
