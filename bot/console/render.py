"""Plain-text rendering for the console: a reply becomes one message of readable text.

Briefings read as :mod:`briefings.output.plaintext` writes them."""

from __future__ import annotations

from bot.chat import (
    AlertPart,
    BriefingPart,
    ChoicesPart,
    DatedLine,
    DigestPart,
    DigestThread,
    Reply,
    ReplyPart,
    TextPart,
    ThreadDigestPart,
    ThreadPart,
    TimelinePart,
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
    if isinstance(part, ThreadPart):
        return thread_text(part)
    if isinstance(part, TimelinePart):
        return timeline_text(part)
    if isinstance(part, ThreadDigestPart):
        return thread_digest_text(part)
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


def thread_text(part: ThreadPart) -> str:
    """A thread in ``latest``: what is new first, its Changed lines under the headline."""
    if part.briefing is None:
        lines = []
        if part.last is not None:
            last = part.last
            lines.append(
                f"Nothing new since you last looked. Last development, {last.day}: "
                f"{last.headline} — {last.url}"
            )
        if part.more:
            lines.append(f"Earlier developments: {part.more}")
        return "\n".join(lines)
    lines = []
    if part.seen_before:
        count = f" ({part.new_count} developments)" if part.new_count > 1 else ""
        lines.append(f"New since you last looked{count}:")
    headline, *rest = briefing_text(part.briefing).split("\n")
    lines += [headline, *part.changes, *rest]
    if part.earlier:
        lines.append("Earlier:")
        lines += [dated_text(line) for line in part.earlier]
    return "\n".join(lines)


def timeline_text(part: TimelinePart) -> str:
    lines = [part.title]
    if part.headline:
        lines.append(part.headline)
    lines += [dated_text(line) for line in part.lines]
    return "\n".join(lines)


def thread_digest_text(part: ThreadDigestPart) -> str:
    rule = "=" * min(len(part.title), 72)
    blocks = [f"{part.title}\n{rule}"]
    blocks += [_digest_thread_text(thread) for thread in part.threads]
    if part.more:
        blocks.append(part.more)
    return "\n\n".join(blocks)


def dated_text(line: DatedLine) -> str:
    new = " (new)" if line.new else ""
    return f"• {line.day} — {line.headline}{new} — {line.url}"


def _digest_thread_text(thread: DigestThread) -> str:
    lines = [thread.headline]
    lines += [f"• {text}" for text in thread.outcomes]
    lines += list(thread.changes)
    if thread.stood:
        lines.append(f"Before: {thread.stood}")
    footer = [", ".join(thread.outlets), thread.day]
    if thread.new_count > 1:
        footer.append(f"{thread.new_count} new developments")
    lines.append(" · ".join(f for f in footer if f) + (f" — {thread.url}" if thread.url else ""))
    return "\n".join(lines)
