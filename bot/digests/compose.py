"""What a digest says: its title line, or the one-line notice of an empty day."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from bot.chat import DigestPart, Reply
from bot.stories.days import day_label
from briefings.model import Briefing

__all__ = ["day_label", "digest_reply", "digest_title", "empty_notice"]


def digest_title(labels: Sequence[str], day: date) -> str:
    """``Your briefing — Trade talks — Tue 25 Nov``."""
    return f"Your briefing — {', '.join(labels)} — {day_label(day)}"


def digest_reply(labels: Sequence[str], day: date, briefings: Sequence[Briefing]) -> Reply:
    return Reply(parts=(DigestPart(digest_title(labels, day), tuple(briefings)),))


def empty_notice(labels: Sequence[str], since_local: datetime) -> Reply:
    """``No news on Trade talks since Mon 24 Nov, 08:00.`` (``since_local`` in the chat's
    own zone)."""
    when = f"{day_label(since_local.date())}, {since_local:%H:%M}"
    return Reply.text(f"No news on {', '.join(labels)} since {when}.")
