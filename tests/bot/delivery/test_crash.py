"""A digest to 1,000 chats survives SIGKILL at random points: every chat gets its digest,
at most ``delivery.concurrency`` duplicates per kill (the messages in flight, sent but not yet
recorded), and the count is reported."""

from __future__ import annotations

import collections
import os
import random
import signal
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa

from bot.delivery.queue import SENT
from bot.store.briefings import BriefingStore
from bot.store.schema import chats, deliveries, subscriptions
from tests.bot.delivery.crash_child import CONCURRENCY
from tests.bot.delivery.fakes import briefing

CHATS = 1000
KILLS = 5
ROOT = Path(__file__).resolve().parents[3]


def _seed_chats(engine: sa.Engine, now: datetime) -> None:
    due = (now - timedelta(minutes=10)).strftime("%H:%M")
    rows = [
        {
            "platform": "console",
            "chat_id": f"chat-{i:04d}",
            "kind": "private",
            "state": "active",
            "digest_time": due,
            "digest_zone": "UTC",
            "created_at": now,
            "updated_at": now,
        }
        for i in range(CHATS)
    ]
    with engine.begin() as connection:
        connection.execute(chats.insert(), rows)
        pks = connection.execute(sa.select(chats.c.id)).scalars().all()
        connection.execute(
            subscriptions.insert(),
            [
                {
                    "chat_pk": pk,
                    "topic": "trade-talks",
                    "active": True,
                    "created_at": now,
                    "updated_at": now,
                }
                for pk in pks
            ],
        )
    BriefingStore(engine).save("story", briefing("Fifth round ends"), now - timedelta(hours=1))


def _run_child(url: str, sink: Path, generation: int, kill_after: tuple[str, int] | None) -> bool:
    """Run the worker process; with ``kill_after=(line, n)`` SIGKILL it once it has printed
    ``line`` n times. True when it ran to the end."""
    with subprocess.Popen(
        [sys.executable, "-m", "tests.bot.delivery.crash_child", url, str(sink), str(generation)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    ) as child:
        assert child.stdout is not None
        seen: collections.Counter[str] = collections.Counter()
        for line in child.stdout:
            seen[line.strip()] += 1
            if kill_after is not None and seen[kill_after[0]] >= kill_after[1]:
                os.kill(child.pid, signal.SIGKILL)
                break
        child.stdout.read()
        code = child.wait(timeout=60)
    if kill_after is None:
        assert code == 0
        return True
    return code == 0


@pytest.mark.slow
def test_a_digest_survives_kills(db_url: str, engine: sa.Engine, tmp_path: Path) -> None:
    seed = random.SystemRandom().randrange(1 << 30)
    rng = random.Random(seed)
    _seed_chats(engine, datetime.now(UTC))
    sink = tmp_path / "platform.log"
    # One kill while digests are being queued, one as delivery starts (leases being taken),
    # the rest right after a random message went out: the worst moment, sent but not yet
    # recorded, so each of those may cost the messages in flight.
    plan = [("ENQUEUE", 1), ("DELIVER", 1)]
    plan += [("S", rng.randint(10, 160)) for _ in range(KILLS - 2)]
    kills = 0
    for generation, kill_after in enumerate(plan):
        finished = _run_child(db_url, sink, generation, kill_after)
        kills += not finished
    _run_child(db_url, sink, len(plan), None)

    received = collections.Counter(sink.read_text().split())
    duplicates = sum(count - 1 for count in received.values())
    backend = db_url.split(":")[0]
    print(f"\ncrash test (seed {seed}, {backend}): {kills} kills, {duplicates} duplicates")
    assert set(received) == {f"chat-{i:04d}" for i in range(CHATS)}
    assert duplicates <= kills * CONCURRENCY
    with engine.connect() as connection:
        statuses = dict(
            connection.execute(
                sa.select(deliveries.c.status, sa.func.count()).group_by(deliveries.c.status)
            ).all()
        )
    assert statuses == {SENT: CHATS}
