"""Developments to threads: after each ingest run, the developments it saved are threaded
onto the open threads of the store (rebuilt from their stored developments), and every
thread that changed is written back with each development's Changed lines and material
reasons.

Developments that belong to no thread yet (stored before threads were kept, or by a run
that stopped before this step) are threaded along with them.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.store.threads import StoredThread, ThreadStore
from briefings.model import Development, Thread
from briefings.stories.material import material_reasons
from briefings.stories.threads import MIN_OPEN, thread_developments

log = logging.getLogger(__name__)

# How far back a thread that is still open may have last developed: a thread stays open for
# its own age after its last development, so a year-old thread counts.
LOOKBACK = timedelta(days=400)


@dataclass(frozen=True, slots=True)
class ThreadCounts:
    """Threads written by one step: started, and developed further."""

    started: int = 0
    developed: int = 0


def thread_saved(store: ThreadStore, saved: Sequence[Development], now: datetime) -> ThreadCounts:
    """Thread the developments ``saved`` (and any left unthreaded) and store the threads."""
    incoming = {d.key: d for d in saved}
    for stored in store.unthreaded(now - MIN_OPEN, now):
        incoming.setdefault(stored.development.key, stored.development)
    if not incoming:
        return ThreadCounts()
    developments = list(incoming.values())
    earliest = min(d.published for d in developments)
    open_ids = [t.id for t in store.recent(earliest - LOOKBACK) if _open_at(t, earliest)]
    known = store.whole(open_ids, incoming)
    threads = thread_developments(developments, known)
    before = {t.key: _keys(t) for t in known}
    changed = [
        t for t in threads if before.get(t.key) != _keys(t) or set(_keys(t)) & incoming.keys()
    ]
    gone = set(before) - {t.key for t in threads}
    store.save(changed, material_of(changed), now, gone)
    started = sum(1 for t in changed if t.key not in before)
    counts = ThreadCounts(started, len(changed) - started)
    log.info(
        "threads: %d developments threaded, %d threads started, %d developed, %d gone",
        len(developments),
        counts.started,
        counts.developed,
        len(gone),
    )
    return counts


def material_of(threads: Sequence[Thread]) -> Mapping[str, tuple[str, ...]]:
    """Why each development of ``threads`` is material, given the earlier ones of its
    thread (empty when it is not)."""
    return {
        d.key: material_reasons(d, t.developments[:index])
        for t in threads
        for index, d in enumerate(t.developments)
    }


def _open_at(thread: StoredThread, when: datetime) -> bool:
    """Whether a new development at ``when`` may still join ``thread`` (its last development
    plus its own age, at least :data:`MIN_OPEN`)."""
    return when <= thread.last_at + max(MIN_OPEN, thread.last_at - thread.started_at)


def _keys(thread: Thread) -> tuple[str, ...]:
    return tuple(d.key for d in thread.developments)
