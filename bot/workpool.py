"""CPU work away from the event loop: a process pool sized to the cores, and the ingest pass
that runs in it.

Reading hundreds of article pages (extraction, briefing, story grouping) keeps a core busy
for many seconds. Done inside the bot's event loop, nobody is answered meanwhile; so a whole
ingest pass (fetching, reading, storing) runs in a worker process with its own event loop,
HTTP client and database connections, and the bot's loop only awaits its report. The pool
keeps one core for the chat side: ``cores - 1`` workers, at least one. Workers also run at a
lower CPU priority (``WORKER_NICENESS``), so that on a machine whose cores are busy with other
work too, a chat's answer still comes before the next page is read.

Workers are started with ``spawn``: forking a process that runs threads (the scheduler's, the
database driver's) can copy a held lock into the child.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import threading
import time
from concurrent.futures import ProcessPoolExecutor

import httpx
import sqlalchemy as sa

from bot.clock import SystemClock
from bot.config import Settings
from bot.ingest import run_ingest
from bot.ingest.report import IngestReport
from bot.store.db import create_engine

log = logging.getLogger(__name__)

WORKER_NICENESS = 10
PARENT_CHECK_SECONDS = 1.0


def available_cores() -> int:
    """The cores this process may run on (its CPU affinity where the system has one)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on every system
        return os.cpu_count() or 1


def pool_size(cores: int | None = None) -> int:
    """Workers for ``cores`` cores: all but one, which stays with the chat side."""
    return max(1, (available_cores() if cores is None else cores) - 1)


def process_pool(size: int | None = None) -> ProcessPoolExecutor:
    """A pool of ``size`` (default :func:`pool_size`) spawned workers that log like this
    process does."""
    return ProcessPoolExecutor(
        max_workers=size or pool_size(),
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_start_worker,
        initargs=(os.getpid(), logging.getLogger().getEffectiveLevel()),
    )


def stop_pool(pool: ProcessPoolExecutor) -> None:
    """Stop the workers now, even mid-pass: an ingest pass stores its articles before it
    moves a feed's state on, so a pass cut short is polled again and loses nothing."""
    # ProcessPoolExecutor has no public way to end a running task before Python 3.14.
    workers = list(getattr(pool, "_processes", {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for worker in workers:
        if worker.is_alive():
            worker.terminate()
    for worker in workers:
        worker.join(timeout=5)


def database_url(engine: sa.Engine) -> str | None:
    """The URL a worker process opens ``engine``'s database with; None for an in-memory
    SQLite database, which another process cannot see."""
    url = engine.url
    if url.get_backend_name() == "sqlite" and url.database in (None, "", ":memory:"):
        return None
    return url.render_as_string(hide_password=False)


def ingest_pass(url: str, settings: Settings) -> IngestReport:
    """One ingest pass over the configured feeds, in a worker process."""
    return asyncio.run(_ingest_pass(url, settings))


async def _ingest_pass(url: str, settings: Settings) -> IngestReport:
    engine = create_engine(url)
    try:
        # Same client settings as `briefbot ingest`: proxies from the environment are not
        # followed; the fetcher sets headers, timeouts and redirects per request.
        async with httpx.AsyncClient(trust_env=False) as client:
            return await run_ingest(engine, settings, client, SystemClock())
    finally:
        engine.dispose()


def _end_with(parent: int) -> None:
    """A worker of a bot that was killed (SIGKILL, OOM) would wait for work forever: once
    its parent is gone (it is handed to another parent), it ends too."""
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK_SECONDS)
    os._exit(0)


def _start_worker(parent: int, level: int) -> None:
    """In each worker as it starts: end with the bot, lower its CPU priority, log like the
    parent."""
    threading.Thread(target=_end_with, args=(parent,), name="end-with-bot", daemon=True).start()
    try:
        os.nice(WORKER_NICENESS)
    except (AttributeError, OSError):  # no nice() on this system, or not allowed
        log.debug("ingest worker: CPU priority left as it is")
    logging.basicConfig(
        level=level, format="%(asctime)s %(levelname)s %(name)s [ingest]: %(message)s"
    )
