"""Threads in Telegram HTML lines: a thread in ``latest``, a timeline, a digest of threads.

Every field is raw text in a :class:`~bot.telegram.markup.Run`, escaped when the message is
built; links only for http(s) URLs.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.chat import DatedLine, DigestThread, ThreadDigestPart, ThreadPart, TimelinePart
from bot.telegram.markup import Line, Run, clean, safe_http_url

BULLET = "• "
CHANGED = "Changed: "

Group = tuple[Line, ...]


def thread_groups(part: ThreadPart, briefing: Group) -> list[Group]:
    """``briefing``: the lines of ``part.briefing`` (headline first), empty when None."""
    if part.briefing is None:
        return [_quiet(part)]
    lines: list[Line] = []
    if part.seen_before:
        count = f" ({part.new_count} developments)" if part.new_count > 1 else ""
        lines.append((Run(f"New since you last looked{count}", "i"),))
    lines.extend(briefing[:1])
    lines.extend(change_line(text) for text in part.changes)
    lines.extend(briefing[1:])
    if part.earlier:
        lines.append((Run("Earlier:", "b"),))
        lines.extend(dated_line(line) for line in part.earlier)
    return [tuple(lines)]


def timeline_groups(part: TimelinePart) -> list[Group]:
    head: list[Line] = [(Run(clean(part.title) or "Timeline", "b"),)]
    if part.headline:
        head.append((Run(clean(part.headline), "i"),))
    return [(*head, *(dated_line(line) for line in part.lines))]


def digest_groups(part: ThreadDigestPart) -> list[Group]:
    groups: list[Group] = [((Run(clean(part.title) or "Digest", "b"),),)]
    groups.extend(_digest_block(thread) for thread in part.threads)
    if part.more:
        groups.append(((Run(clean(part.more)),),))
    return groups


def change_line(text: str) -> Line:
    rest = text.removeprefix(CHANGED)
    return (Run(CHANGED, "b"), Run(clean(rest)))


def dated_line(line: DatedLine) -> Line:
    tail = (Run(" (new)", "i"),) if line.new else ()
    return (Run(f"{BULLET}{clean(line.day)} — "), _linked(line.headline, line.url), *tail)


def _quiet(part: ThreadPart) -> Group:
    lines: list[Line] = []
    if part.last is not None:
        last = part.last
        lines.append(
            (
                Run(f"Nothing new since you last looked. Last development, {clean(last.day)}: "),
                _linked(last.headline, last.url),
            )
        )
    if part.more:
        lines.append((Run(f"Earlier developments: {clean(part.more)}"),))
    return tuple(lines)


def _digest_block(thread: DigestThread) -> Group:
    lines: list[Line] = [(_linked(thread.headline, thread.url, bold=True),)]
    lines.extend((Run(BULLET), Run(clean(text))) for text in thread.outcomes)
    lines.extend(change_line(text) for text in thread.changes)
    if thread.stood:
        lines.append((Run(f"Before: {clean(thread.stood)}", "i"),))
    lines.append((Run(_footer(thread.outlets, thread.day, thread.new_count)),))
    return tuple(lines)


def _footer(outlets: Sequence[str], day: str, new_count: int) -> str:
    parts = [", ".join(clean(o) for o in outlets if clean(o)), clean(day)]
    if new_count > 1:
        parts.append(f"{new_count} new developments")
    return " · ".join(p for p in parts if p)


def _linked(text: str, url: str, bold: bool = False) -> Run:
    label = clean(text) or "(untitled)"
    href = safe_http_url(url)
    if href:
        return Run(label, "a", href)
    return Run(label, "b" if bold else "")
