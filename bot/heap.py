"""Keeping the start-up heap out of the garbage collector in a long-running process."""

from __future__ import annotations

import gc


def freeze_startup_heap() -> None:
    """Collect once, then exclude every object alive now from later collections.

    What exists once the bot has started (modules, SQLAlchemy, the SDK clients) lives as long
    as the process. A full collection walking it all stalls the event loop for tens of
    milliseconds: long enough to delay Slack acknowledgements mid-burst
    (bench/slack_latency.py) or let a burst of late sends cross a platform limit
    (bench/fanout.py). Frozen objects are no longer walked.
    """
    gc.collect()
    gc.freeze()
