"""Keeping the garbage collector out of the way in a long-running process."""

from __future__ import annotations

import gc

# Collections of the youngest generation once started: after this many container objects
# allocated (net of those freed); the next generations after 10 of the one below, as usual.
YOUNG_THRESHOLD = 10_000


def freeze_startup_heap() -> None:
    """Collect once, then exclude every object alive now from later collections, and
    collect the young generations less often from now on.

    What exists once the bot has started (modules, SQLAlchemy, the SDK clients) lives as long
    as the process. A full collection walking it all stalls the event loop for tens of
    milliseconds: long enough to delay Slack acknowledgements mid-burst
    (bench/slack_latency.py) or let a burst of late sends cross a platform limit
    (bench/fanout.py). Frozen objects are no longer walked.

    Python's default collects the youngest generation every 700 allocations: mid-burst, so
    each collection walks the requests still in flight and promotes them, and the middle
    generation, walking them again, takes milliseconds. With 10,000 a burst's objects are
    mostly freed before a collection comes: in bench/slack_latency.py with a 500-command flood
    (seven bursts) about 110 young and 9 middle collections, 100-180 ms of pauses in all,
    became 5 young ones and no middle one, 10-18 ms. Garbage in reference cycles waits a
    little longer to be freed; 10,000 objects are a few megabytes at most.
    """
    gc.collect()
    gc.freeze()
    gc.set_threshold(YOUNG_THRESHOLD, 10, 10)
