"""Replies as Slack Block Kit messages: ``{"text": fallback, "blocks": [...]}``.

Every piece of article text is escaped (:mod:`bot.slack.mrkdwn`); limits (50 blocks, 3,000
characters per section, 150 per header) are met by splitting into several messages between
briefings and bullets, and by cutting an over-long bullet at a word with an ellipsis.
"""

from __future__ import annotations

from dataclasses import dataclass, field

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
from bot.slack import blocks as bk
from bot.slack.mrkdwn import date, escape, link, one_line, safe_url, truncate
from bot.slack.threadblocks import digest_blocks, thread_blocks, timeline_blocks
from briefings.model import Briefing, Fact, Quote

ACTION_PREFIX = "briefbot:"


@dataclass(frozen=True, slots=True)
class _Group:
    """Blocks that belong together (one briefing, one text); split only if they alone overflow."""

    blocks: tuple[bk.Block, ...]
    fallback: str


@dataclass(slots=True)
class _Message:
    blocks: list[bk.Block] = field(default_factory=list)
    fallbacks: list[str] = field(default_factory=list)


class SlackRenderer:
    """Implements :class:`bot.render.Renderer` for Slack."""

    platform = "slack"

    def render(self, reply: Reply) -> tuple[RenderedMessage, ...]:
        groups = [group for part in reply.parts for group in _part_groups(part)]
        return tuple(_payload(message) for message in _pack(groups))


def _part_groups(part: ReplyPart) -> list[_Group]:
    if isinstance(part, TextPart):
        return [_text_group(part.text)]
    if isinstance(part, BriefingPart):
        return [_briefing_group(part.briefing, with_header=True)]
    if isinstance(part, DigestPart):
        return _digest_groups(part)
    if isinstance(part, ThreadPart):
        briefing = _briefing_group(part.briefing, with_header=True).blocks if part.briefing else ()
        return [_Group(*thread_blocks(part, briefing))]
    if isinstance(part, TimelinePart):
        return [_Group(*timeline_blocks(part))]
    if isinstance(part, ThreadDigestPart):
        return [_Group(*group) for group in digest_blocks(part)]
    if isinstance(part, AlertPart):
        return [_alert_group(part)]
    return [_choices_group(part)]


def _text_group(text: str) -> _Group:
    lines = [escape(line) for line in text.splitlines()] or [""]
    blocks = bk.sections(line or " " for line in lines)
    return _Group(tuple(blocks), escape(one_line(text)))


def _briefing_group(briefing: Briefing, *, with_header: bool) -> _Group:
    blocks: list[bk.Block] = []
    if with_header:
        blocks.append(bk.header(briefing.headline))
    else:
        title = escape(one_line(briefing.headline)) or "Briefing"
        linked = link(briefing.url, briefing.headline) if safe_url(briefing.url) else title
        blocks.append(bk.section(truncate(f"*{linked}*", bk.MAX_SECTION_TEXT)))
    outlets = _outlets(briefing)
    facts = [_fact_line(fact, "", outlets) for fact in briefing.outcomes]
    facts += [_fact_line(fact, "*Next:* ", outlets) for fact in briefing.next]
    blocks.extend(bk.sections(facts))
    if briefing.quotes:
        quotes = ["*Quotes*"] + [_quote_line(quote, outlets) for quote in briefing.quotes]
        blocks.extend(bk.sections(quotes))
    source_line = _sources_line(briefing)
    if source_line:
        blocks.append(bk.context(source_line))
    return _Group(tuple(blocks), escape(one_line(briefing.headline)))


def _alert_group(part: AlertPart) -> _Group:
    """Why (bot-written), the linked headline, the Changed lines, the briefing's bullets and
    sources."""
    briefing = _briefing_group(part.briefing, with_header=False)
    headline, *rest = briefing.blocks
    changed = bk.sections(escape(one_line(change.line)) for change in part.changes)
    blocks = (bk.section(f"*{escape(part.title)}*"), headline, *changed, *rest)
    fallback = f"{escape(part.title)}: {briefing.fallback}"
    return _Group(blocks, fallback)


def _digest_groups(part: DigestPart) -> list[_Group]:
    title = part.title or "Digest"
    groups = [_Group((bk.header(title),), escape(one_line(title)))]
    for index, briefing in enumerate(part.briefings):
        group = _briefing_group(briefing, with_header=False)
        if index:
            group = _Group((bk.divider(), *group.blocks), group.fallback)
        groups.append(group)
    return groups


def _choices_group(part: ChoicesPart) -> _Group:
    seen: set[str] = set()
    buttons = []
    for choice in part.choices:
        action_id = (ACTION_PREFIX + choice.command)[: bk.MAX_ACTION_ID]
        if action_id in seen:  # Slack rejects a message with two equal action_ids
            continue
        seen.add(action_id)
        buttons.append(bk.button(choice.label, action_id, choice.command))
    prompt = escape(part.prompt) or " "
    blocks = [*bk.sections([prompt]), *bk.actions(buttons)]
    return _Group(tuple(blocks), escape(one_line(part.prompt)))


def _outlets(briefing: Briefing) -> dict[str, str]:
    """Source URL -> outlet name, when the briefing has several sources (else no per-line links)."""
    if len(briefing.sources) < 2:
        return {}
    return {source.url: source.outlet or source.title or "source" for source in briefing.sources}


def _fact_line(fact: Fact, label: str, outlets: dict[str, str]) -> str:
    return _bullet(label + escape(one_line(fact.text)), fact.source_url, outlets)


def _quote_line(quote: Quote, outlets: dict[str, str]) -> str:
    speaker = escape(one_line(quote.speaker_label)) or "Unnamed source"
    who = f"*{speaker}*"
    if quote.role:
        who += f", {escape(one_line(quote.role))}"
    if quote.in_sentence:  # a quote of a few words is shown in its sentence
        return _bullet(f"{who}: {escape(one_line(quote.context))}", quote.source_url, outlets)
    said = escape(one_line(quote.display_text))
    return _bullet(f"{who}: “{said}”", quote.source_url, outlets)


def _bullet(body: str, source_url: str, outlets: dict[str, str]) -> str:
    suffix = ""
    if source_url in outlets and safe_url(source_url):
        suffix = f" ({link(source_url, outlets[source_url])})"
    # Cut the text, never the link, when one bullet alone is over the section limit.
    return "• " + truncate(body, bk.MAX_SECTION_TEXT - 2 - len(suffix)) + suffix


def _sources_line(briefing: Briefing) -> str:
    sources = briefing.sources or ()
    links = [link(s.url, s.outlet or s.title or s.url) for s in sources if s.url]
    if not links and briefing.url:
        links = [link(briefing.url, briefing.outlet or briefing.url)]
    text = ("Sources: " if len(links) > 1 else "Source: ") + " · ".join(links) if links else ""
    if briefing.published is not None:
        text = f"{text}, {date(briefing.published)}" if text else date(briefing.published)
    return text


def _pack(groups: list[_Group]) -> list[_Message]:
    """Groups into messages of at most 50 blocks; a group is split only when it alone overflows."""
    messages = [_Message()]
    for group in groups:
        current = messages[-1]
        if current.blocks and len(current.blocks) + len(group.blocks) > bk.MAX_BLOCKS:
            current = _Message()
            messages.append(current)
        current.fallbacks.append(group.fallback)
        for block in group.blocks:
            if not current.blocks and block["type"] == "divider":
                continue  # a divider only separates briefings within one message
            if len(current.blocks) == bk.MAX_BLOCKS:
                current = _Message(fallbacks=[group.fallback])
                messages.append(current)
            current.blocks.append(block)
    return [message for message in messages if message.blocks]


def _payload(message: _Message) -> RenderedMessage:
    fallback = "\n".join(text for text in message.fallbacks if text) or "Briefing"
    return RenderedMessage(
        payload={"text": truncate(fallback, bk.MAX_FALLBACK_TEXT), "blocks": message.blocks}
    )
