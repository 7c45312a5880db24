"""Block Kit building blocks and the limits Slack enforces on them."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from bot.slack.mrkdwn import truncate

Block = dict[str, Any]

MAX_BLOCKS = 50
MAX_SECTION_TEXT = 3000
MAX_HEADER_TEXT = 150
MAX_CONTEXT_TEXT = 2000
MAX_BUTTON_TEXT = 75
MAX_ACTION_ID = 255
MAX_BUTTON_VALUE = 2000
MAX_ACTIONS_ELEMENTS = 25
MAX_FALLBACK_TEXT = 3000


def header(text: str) -> Block:
    """A header block; ``text`` is plain text (Slack parses no markup in it)."""
    plain = " ".join(text.split()) or "Briefing"
    return {
        "type": "header",
        "text": {"type": "plain_text", "text": truncate(plain, MAX_HEADER_TEXT), "emoji": True},
    }


def section(mrkdwn: str) -> Block:
    return {"type": "section", "text": {"type": "mrkdwn", "text": mrkdwn}}


def context(mrkdwn: str) -> Block:
    return {
        "type": "context",
        "elements": [{"type": "mrkdwn", "text": truncate(mrkdwn, MAX_CONTEXT_TEXT)}],
    }


def divider() -> Block:
    return {"type": "divider"}


def button(label: str, action_id: str, value: str) -> Block:
    return {
        "type": "button",
        "text": {
            "type": "plain_text",
            "text": truncate(" ".join(label.split()) or "?", MAX_BUTTON_TEXT),
            "emoji": True,
        },
        "action_id": action_id[:MAX_ACTION_ID],
        "value": value[:MAX_BUTTON_VALUE],
    }


def actions(elements: Sequence[Block]) -> list[Block]:
    """Buttons in as many actions blocks as Slack's 25-per-block limit needs."""
    return [
        {"type": "actions", "elements": list(elements[i : i + MAX_ACTIONS_ELEMENTS])}
        for i in range(0, len(elements), MAX_ACTIONS_ELEMENTS)
    ]


def sections(lines: Iterable[str], limit: int = MAX_SECTION_TEXT) -> list[Block]:
    """Lines packed into section blocks of at most ``limit`` characters, split between lines.

    A single line longer than ``limit`` is cut at a word with an ellipsis.
    """
    blocks: list[Block] = []
    current: list[str] = []
    size = 0
    for raw in lines:
        line = truncate(raw, limit)
        added = len(line) + (1 if current else 0)
        if current and size + added > limit:
            blocks.append(section("\n".join(current)))
            current, size = [], 0
            added = len(line)
        current.append(line)
        size += added
    if current:
        blocks.append(section("\n".join(current)))
    return blocks
