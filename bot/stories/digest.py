"""A digest of threads for one chat: the developments it was not sent, one short block per
thread, the threads that matter first.

A block holds the thread's newest new development: its headline and link, one or two key
outcomes the chat has not been shown, the Changed lines of what is new, a one-line reminder
of where the thread stood before, and the outlets. Threads are ranked by their material
developments (then by how many reasons make them material), then the number of outlets,
then recency; at most ``max_threads`` are shown and
a last line names how many more there are and the command that lists them. Only what is
shown is marked sent: the rest stays new for ``latest``.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.chat import DigestThread, ThreadDigestPart
from bot.store.developments import StoredDevelopment
from bot.store.sent import Sent
from bot.stories.days import local_day
from bot.stories.facts import change_lines, standing_line
from briefings.stories.updates import fresh_briefing

KEY_OUTCOMES = 2


@dataclass(frozen=True, slots=True)
class DigestPlan:
    """The digest of one chat (None: nothing new) and the developments it shows."""

    part: ThreadDigestPart | None
    shown: tuple[Sent, ...] = ()


@dataclass(frozen=True, slots=True)
class _Ranked:
    rank: tuple[int, int, int, datetime]
    block: DigestThread
    shown: tuple[Sent, ...]
    topics: frozenset[str]


def digest_plan(
    title: str,
    new: Sequence[StoredDevelopment],
    history: Mapping[int, Sequence[StoredDevelopment]],
    sent: Collection[int],
    zone: ZoneInfo,
    max_threads: int,
    topics: Sequence[str],
) -> DigestPlan:
    """The digest of the developments ``new`` (already without what the chat was sent).

    ``history`` holds each thread's stored developments, oldest first; ``sent`` the story
    ids the chat was sent; ``topics`` the chat's topics, in the order the last line names
    them.
    """
    groups: dict[tuple[str, int], list[StoredDevelopment]] = {}
    for stored in new:
        key = ("t", stored.thread_id) if stored.thread_id is not None else ("s", stored.story_id)
        groups.setdefault(key, []).append(stored)
    ranked = sorted(
        (
            _block(news, history.get(key[1], ()) if key[0] == "t" else (), sent, zone)
            for key, news in groups.items()
        ),
        key=lambda r: r.rank,
        reverse=True,
    )
    if not ranked:
        return DigestPlan(None)
    shown, hidden = ranked[:max_threads], ranked[max_threads:]
    return DigestPlan(
        ThreadDigestPart(title, tuple(r.block for r in shown), _more(hidden, topics)),
        tuple(item for r in shown for item in r.shown),
    )


def _block(
    news: Sequence[StoredDevelopment],
    history: Sequence[StoredDevelopment],
    sent: Collection[int],
    zone: ZoneInfo,
) -> _Ranked:
    news = sorted(news, key=lambda d: (d.published, d.story_id))
    newest = news[-1]
    new_ids = {d.story_id for d in news}
    earlier = [d for d in history if d.story_id not in new_ids and d.published < news[0].published]
    seen = [d.development for d in history if d.story_id in sent]
    fresh = fresh_briefing(newest.development, seen)
    outcomes = [f.text for f in fresh.outcomes[:KEY_OUTCOMES]] or [f.text for f in fresh.next[:1]]
    stood = standing_line([d.development for d in earlier])
    if not stood and earlier:
        last = earlier[-1]
        stood = f"{local_day(last.published, zone)}: {last.briefing.headline}"
    outlets = tuple(
        dict.fromkeys(o for d in news for o in (d.development.outlets or (d.briefing.outlet,)) if o)
    )
    block = DigestThread(
        headline=newest.briefing.headline,
        url=newest.briefing.url,
        outcomes=tuple(outcomes),
        changes=change_lines(d.development for d in news),
        stood=stood,
        outlets=outlets,
        new_count=len(news),
        day=local_day(newest.published, zone),
    )
    material = sum(1 for d in news if d.material)
    reasons = sum(len(d.material) for d in news)
    return _Ranked(
        (material, reasons, len(outlets), newest.published),
        block,
        tuple((d.story_id, d.thread_id) for d in news),
        frozenset(t for d in news for t in d.topics),
    )


def _more(hidden: Sequence[_Ranked], topics: Sequence[str]) -> str:
    if not hidden:
        return ""
    named = [t for t in topics if any(t in r.topics for r in hidden)] or list(topics[:1])
    commands = ", ".join(f"timeline {t} all" for t in named)
    count = "1 more thread" if len(hidden) == 1 else f"{len(hidden)} more threads"
    return f"{count}: {commands}"
