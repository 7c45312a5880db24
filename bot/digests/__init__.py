"""Daily digests: when each chat's digest falls due (DST-correct), and the job that queues
them, one run per time slot.

Wiring::

    job = DigestJob(engine, ThreadStore(engine), queue, renderers, settings)
    job.catch_up(clock.now())   # once at start
    job.run_slot(clock.now())   # every ``bot.digest_slot_minutes``
"""

from bot.digests.due import due_instant, latest_due
from bot.digests.job import DigestJob, DigestRun, digest_key
from bot.digests.select import DueChat, due_chats

__all__ = [
    "DigestJob",
    "DigestRun",
    "DueChat",
    "digest_key",
    "due_chats",
    "due_instant",
    "latest_due",
]
