"""Plain-text rendering for the console: a reply becomes one message of readable text.

Briefings read as :mod:`briefings.output.plaintext` writes them."""

from __future__ import annotations

from bot.chat import (
    AlertPart,
    BriefingPart,
    ChoicesPart,
    DigestPart,
    Reply,
    ReplyPart,
    TextPart,
)
from bot.render import RenderedMessage
from briefings.output.plaintext import render_briefing as briefing_text


class ConsoleRenderer:
    """Renders a whole reply as one ``{"text": ...}`` message, parts separated by a blank
    line. Choices are numbered so a person can type the number instead of the command."""

    platform = "console"

    def render(self, reply: Reply) -> tuple[RenderedMessage, ...]:
        text = "\n\n".join(_part(part) for part in reply.parts)
        return (RenderedMessage({"text": text}),) if text else ()


def _part(part: ReplyPart) -> str:
    if isinstance(part, TextPart):
        return part.text
    if isinstance(part, BriefingPart):
        return briefing_text(part.briefing)
    if isinstance(part, DigestPart):
        return digest_text(part)
    if isinstance(part, AlertPart):
        return alert_text(part)
    return choices_text(part)


def choices_text(part: ChoicesPart) -> str:
    lines = [part.prompt]
    lines.extend(f"  [{n}] {c.label}: {c.command}" for n, c in enumerate(part.choices, 1))
    return "\n".join(lines)


def alert_text(part: AlertPart) -> str:
    """``Alert — why: headline``, the Changed lines, then the briefing below its headline."""
    _, *body = briefing_text(part.briefing).split("\n")
    lines = [f"{part.title}: {part.briefing.headline}"]
    lines += [change.line for change in part.changes]
    return "\n".join(lines + body)


def digest_text(part: DigestPart) -> str:
    rule = "=" * min(len(part.title), 72)
    blocks = [f"{part.title}\n{rule}"]
    blocks.extend(briefing_text(b) for b in part.briefings)
    return "\n\n".join(blocks)
