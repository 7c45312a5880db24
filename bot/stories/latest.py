"""One thread as ``latest`` shows it to a chat: what is new to the chat first (the newest
development without the bullets the chat was already sent, with the Changed lines since it
last looked), then ``Earlier:`` with at most :data:`MAX_EARLIER` dated lines; or, when
nothing is new, one line with the last development and the command that lists the rest.

New to a chat is what it was not sent and came after the newest development it was sent:
a development from before the chat first looked is earlier, not new.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.chat import DatedLine, ThreadPart
from bot.store.developments import StoredDevelopment
from bot.stories.days import local_day
from bot.stories.facts import change_lines
from briefings.stories.updates import fresh_briefing

MAX_EARLIER = 5
# When several threads are shown, each tells its news in at most this many outcome and
# next-step bullets and quotes: an answer that reads in a minute, not a wall of text.
SHORT_FACTS = 3
SHORT_QUOTES = 1


@dataclass(frozen=True, slots=True)
class ThreadView:
    """What to show of a thread, and the developments it shows (to be marked sent)."""

    part: ThreadPart
    shown: tuple[StoredDevelopment, ...]


def dated_line(stored: StoredDevelopment, zone: ZoneInfo, new: bool = False) -> DatedLine:
    briefing = stored.briefing
    return DatedLine(local_day(stored.published, zone), briefing.headline, briefing.url, new)


def new_to_chat(
    developments: Sequence[StoredDevelopment], sent: Collection[int]
) -> list[StoredDevelopment]:
    """The developments (any order) the chat was not sent and that came after the newest one
    it was sent, oldest first."""
    chronological = sorted(developments, key=lambda d: (d.published, d.story_id))
    seen = [d.published for d in chronological if d.story_id in sent]
    last_seen = max(seen) if seen else None
    return [
        d
        for d in chronological
        if d.story_id not in sent and (last_seen is None or d.published > last_seen)
    ]


def needed(outline: Sequence[tuple[int, datetime]], sent: Collection[int]) -> set[int]:
    """The developments (story ids) :func:`latest_view` needs of a thread whose developments
    are ``outline`` (story id, publication time; newest first): the newest alone when nothing
    is new to the chat; else the new ones, the newest with the earlier lines it shows, and
    those the chat was sent (what it was shown is left out of the news)."""
    if not outline:
        return set()
    seen = [when for story_id, when in outline if story_id in sent]
    last_seen = max(seen) if seen else None
    new = {
        story_id
        for story_id, when in outline
        if story_id not in sent and (last_seen is None or when > last_seen)
    }
    if not new:
        return {outline[0][0]}
    shown = {story_id for story_id, _ in outline[: 1 + MAX_EARLIER]}
    return new | shown | (set(sent) & {story_id for story_id, _ in outline})


def latest_view(
    developments: Sequence[StoredDevelopment],
    sent: Collection[int],
    zone: ZoneInfo,
    more: str,
    short: bool = False,
) -> ThreadView:
    """The view of a thread whose ``developments`` (at least one) are given newest first;
    ``sent`` holds the story ids the chat was sent, ``more`` the command listing them all;
    ``short``: the news in a few bullets (one thread among several)."""
    new = new_to_chat(developments, sent)
    if not new:
        return ThreadView(ThreadPart(None, last=dated_line(developments[0], zone), more=more), ())
    seen = [d for d in reversed(developments) if d.story_id in sent]
    newest = new[-1]
    fresh = fresh_briefing(newest.development, [d.development for d in seen])
    if short:
        outcomes = fresh.outcomes[:SHORT_FACTS]
        fresh = dataclasses.replace(
            fresh,
            outcomes=outcomes,
            next=fresh.next[: SHORT_FACTS - len(outcomes)],
            quotes=fresh.quotes[:SHORT_QUOTES],
        )
    # To a chat that followed the thread: everything that moved since; to a newcomer: what
    # the newest development moved.
    changes = change_lines(d.development for d in (new if seen else [newest]))
    new_ids = {d.story_id for d in new}
    earlier = [d for d in developments if d.story_id != newest.story_id][:MAX_EARLIER]
    part = ThreadPart(
        fresh,
        changes=changes,
        earlier=tuple(dated_line(d, zone, bool(seen) and d.story_id in new_ids) for d in earlier),
        new_count=len(new),
        seen_before=bool(seen),
        more=more,
    )
    return ThreadView(part, (newest, *earlier))
