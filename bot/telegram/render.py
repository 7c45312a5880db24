"""Telegram renderer: a neutral :class:`~bot.chat.Reply` as Bot API ``sendMessage`` payloads.

HTML parse mode. A briefing reads: bold headline, outcome and next-step bullets, quotes with
speaker and role in italics, then the source links. Long briefings and digests are split
between lines (never inside one, never inside a tag) so each message stays within Telegram's
4096 characters of visible text.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from bot.chat import (
    AlertPart,
    BriefingPart,
    ChoicesPart,
    DigestPart,
    Reply,
    ReplyPart,
    TextPart,
    ThreadDigestPart,
    ThreadPart,
    TimelinePart,
)
from bot.render import RenderedMessage
from bot.telegram.markup import (
    MESSAGE_LIMIT,
    Line,
    Run,
    clean,
    clean_block,
    host_of,
    line_html,
    line_len,
    safe_http_url,
    truncate_line,
)
from bot.telegram.threadlines import digest_groups, thread_groups, timeline_groups
from briefings.model import Briefing, Fact, Quote, SourceRef

logger = logging.getLogger(__name__)

CALLBACK_DATA_LIMIT = 64  # bytes, a Bot API limit
BUTTON_LABEL_LIMIT = 64
BULLET = "• "

# A group is a run of lines kept in one message when it fits (one briefing in a digest).
Group = tuple[Line, ...]


class TelegramRenderer:
    """Renders replies in Telegram HTML; ``limit`` is the visible length per message."""

    platform = "telegram"

    def __init__(self, limit: int = MESSAGE_LIMIT) -> None:
        self._limit = limit

    def render(self, reply: Reply) -> tuple[RenderedMessage, ...]:
        messages: list[RenderedMessage] = []
        # Threads (and a note after them) share messages, split only where they overflow:
        # five threads are one message, not five a second apart.
        pending: list[Group] = []
        for part in reply.parts:
            groups = _thread_groups(part)
            if groups is None and pending and isinstance(part, TextPart):
                groups = [_text_lines(part.text)]
            if groups is not None:
                pending.extend(groups)
                continue
            if pending:
                messages.extend(self._messages(pending, preview=False))
                pending = []
            messages.extend(self._render_part(part))
        if pending:
            messages.extend(self._messages(pending, preview=False))
        return tuple(messages)

    def _render_part(self, part: ReplyPart) -> list[RenderedMessage]:
        if isinstance(part, ThreadPart | TimelinePart | ThreadDigestPart):
            return self._messages(_thread_groups(part) or [], preview=False)
        if isinstance(part, TextPart):
            return self._messages([_text_lines(part.text)], preview=False)
        if isinstance(part, BriefingPart):
            return self._messages([briefing_lines(part.briefing)], preview=True)
        if isinstance(part, DigestPart):
            title: Group = ((Run(clean(part.title) or "Digest", "b"),),)
            groups = [title, *(briefing_lines(b) for b in part.briefings)]
            return self._messages(groups, preview=False)
        if isinstance(part, AlertPart):
            return self._messages([alert_lines(part)], preview=False)
        return [self._choices(part)]

    def _messages(self, groups: Sequence[Group], preview: bool) -> list[RenderedMessage]:
        return [
            RenderedMessage(
                {"parse_mode": "HTML", "text": text, "disable_web_page_preview": not preview}
            )
            for text in pack(groups, self._limit)
        ]

    def _choices(self, part: ChoicesPart) -> RenderedMessage:
        rows: list[list[dict[str, str]]] = []
        for choice in part.choices:
            if len(choice.command.encode("utf-8")) > CALLBACK_DATA_LIMIT:
                logger.warning("telegram: choice %r dropped: command too long", choice.command)
                continue
            label = clean(choice.label)[:BUTTON_LABEL_LIMIT] or choice.command
            rows.append([{"text": label, "callback_data": choice.command}])
        texts = pack([_text_lines(part.prompt)], self._limit)
        payload: dict[str, Any] = {
            "parse_mode": "HTML",
            "text": texts[0],
            "disable_web_page_preview": True,
        }
        if rows:
            payload["reply_markup"] = {"inline_keyboard": rows}
        return RenderedMessage(payload)


def pack(groups: Iterable[Group], limit: int) -> list[str]:
    """HTML texts of at most ``limit`` visible units each, groups separated by a blank line.

    A group starts a new message when it would not fit in the current one but fits alone; a
    group longer than a message is split between its lines; a single over-long line is cut.
    """
    messages: list[list[Line]] = []
    current: list[Line] = []
    used = 0
    for group in groups:
        lines = [truncate_line(line, limit) for line in group]
        if not lines:
            continue
        size = sum(line_len(line) for line in lines) + len(lines) - 1
        if current and used + 2 + size > limit and size <= limit:
            messages.append(current)
            current, used = [], 0
        for index, line in enumerate(lines):
            separator = 0 if not current else (2 if index == 0 else 1)
            if current and used + separator + line_len(line) > limit:
                messages.append(current)
                current, used, separator = [], 0, 0
            if separator == 2:
                current.append(())
            current.append(line)
            used += separator + line_len(line)
    if current:
        messages.append(current)
    texts = ["\n".join(line_html(line) for line in message) for message in messages]
    return [text for text in texts if text.strip()] or ["…"]


def _thread_groups(part: ReplyPart) -> list[Group] | None:
    """The groups of a thread, timeline or digest of threads; None for other parts."""
    if isinstance(part, ThreadPart):
        lines = briefing_lines(part.briefing) if part.briefing is not None else ()
        return thread_groups(part, lines)
    if isinstance(part, TimelinePart):
        return timeline_groups(part)
    if isinstance(part, ThreadDigestPart):
        return digest_groups(part)
    return None


def _text_lines(text: str) -> Group:
    return tuple((Run(line),) for line in clean_block(text))


def briefing_lines(briefing: Briefing) -> Group:
    """One briefing as lines: headline, bullets, quotes, sources."""
    sources = _sources(briefing)
    per_bullet_links = len(sources) > 1
    lines: list[Line] = [(Run(clean(briefing.headline) or "(untitled)", "b"),)]
    for label, facts in (("Outcome", briefing.outcomes), ("Next", briefing.next)):
        lines.extend(_fact_line(label, fact, sources, per_bullet_links) for fact in facts)
    if briefing.quotes:
        lines.append((Run("Quotes", "b"),))
        introduced: set[str] = set()
        for quote in briefing.quotes:
            # The role is given with a speaker's first quote only, as a wire brief does.
            with_role = clean(quote.speaker) not in introduced
            introduced.add(clean(quote.speaker))
            lines.append(_quote_line(quote, sources, per_bullet_links, with_role))
    lines.extend(_source_lines(briefing, sources))
    return tuple(lines)


def alert_lines(part: AlertPart) -> Group:
    """An alert as lines: why and the headline in bold, the Changed lines, then the
    briefing's bullets and sources."""
    headline = clean(part.briefing.headline) or "(untitled)"
    title: Line = (Run(f"{part.title}: ", "b"), Run(headline, "b"))
    changed = [(Run(clean(change.line)),) for change in part.changes]
    return (title, *changed, *briefing_lines(part.briefing)[1:])


def _fact_line(label: str, fact: Fact, sources: Sequence[SourceRef], links: bool) -> Line:
    line = (Run(f"{BULLET}{label}: "), Run(clean(fact.text)))
    return line + _bullet_link(fact.source_url, sources) if links else line


def _quote_line(
    quote: Quote, sources: Sequence[SourceRef], links: bool, with_role: bool = True
) -> Line:
    role = clean(quote.role) if with_role else ""
    who = ", ".join(part for part in (clean(quote.speaker_label), role) if part)
    lead = Run(f"{BULLET}{who}: " if who else BULLET)
    # A quote of a few words is shown in its sentence, which holds its own marks.
    if quote.in_sentence:
        line: Line = (lead, Run(clean(quote.context)))
    else:
        line = (lead, Run(f"“{clean(quote.display_text)}”", "i"))
    return line + _bullet_link(quote.source_url, sources) if links else line


def _bullet_link(url: str, sources: Sequence[SourceRef]) -> Line:
    href = safe_http_url(url)
    if not href:
        return ()
    outlet = next((clean(s.outlet) for s in sources if s.url == url and clean(s.outlet)), "")
    return (Run(" — "), Run(outlet or host_of(href) or "source", "a", href))


def _sources(briefing: Briefing) -> tuple[SourceRef, ...]:
    if briefing.sources:
        return briefing.sources
    return (SourceRef(url=briefing.url, outlet=briefing.outlet),)


def _source_lines(briefing: Briefing, sources: Sequence[SourceRef]) -> list[Line]:
    date = _date(briefing.published)
    if len(sources) == 1:
        source = sources[0]
        if clean(source.title) == clean(briefing.headline):
            source = SourceRef(source.url, source.outlet)  # the headline already says it
        tail = (Run(f", {date}"),) if date else ()
        return [(Run("Source: "), *_source_runs(source), *tail)]
    heading = f"Sources ({date})" if date else "Sources"
    return [(Run(heading, "b"),), *((Run(BULLET), *_source_runs(s)) for s in sources)]


def _source_runs(source: SourceRef) -> Line:
    href = safe_http_url(source.url)
    label = clean(source.outlet) or (host_of(href) if href else "") or "unknown outlet"
    title = clean(source.title)
    tail = (Run(f" — {title}"),) if title else ()
    return ((Run(label, "a", href) if href else Run(label)), *tail)


def _date(published: datetime | None) -> str:
    if published is None:
        return ""
    return f"{published:%B} {published.day}, {published.year}"
