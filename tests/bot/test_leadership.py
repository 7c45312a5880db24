"""One leader at a time, by a lease in the database: taken at start, renewed, taken over when
the leader stops renewing, given up before it can run out when the database is unreachable.
Time is a fake clock; each round is called directly."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa

from bot.clock import FakeClock
from bot.leadership import Leadership
from bot.store.leases import lease_holder

T0 = datetime(2026, 12, 6, 12, 0, tzinfo=UTC)
LEASE = 20.0


class Recorded:
    """A service that records when it runs."""

    def __init__(self) -> None:
        self.running = False
        self.starts = 0

    async def start(self) -> None:
        self.running = True
        self.starts += 1

    async def stop(self) -> None:
        self.running = False


def replica(engine: sa.Engine, clock: FakeClock, name: str) -> tuple[Leadership, Recorded]:
    service = Recorded()
    return Leadership(engine, clock, [service], holder=name, lease_seconds=LEASE), service


def holder(engine: sa.Engine, clock: FakeClock) -> str | None:
    with engine.connect() as connection:
        return lease_holder(connection, "leader", clock.now())


async def test_one_replica_leads_and_another_takes_over_when_it_dies(engine: sa.Engine) -> None:
    clock = FakeClock(T0)
    first, first_jobs = replica(engine, clock, "first")
    second, second_jobs = replica(engine, clock, "second")
    await first.start()
    await second.start()
    try:
        assert (first.leading, first_jobs.running) == (True, True)
        assert (second.leading, second_jobs.running) == (False, False)
        for _ in range(8):  # renewals keep the lease with the first replica
            clock.advance(timedelta(seconds=LEASE / 4))
            await first.check()
            await second.check()
        assert holder(engine, clock) == "first"
        assert not second_jobs.running

        # The first replica dies (no more renewals): within 1.25 leases the second leads.
        for _ in range(5):
            clock.advance(timedelta(seconds=LEASE / 4))
            await second.check()
            if second.leading:
                break
        assert second_jobs.running
        assert clock.now() - T0 - timedelta(seconds=2 * LEASE) <= timedelta(seconds=1.25 * LEASE)
        assert holder(engine, clock) == "second"

        # Were the first one only paused, it finds out at once and stops its jobs.
        await first.check()
        assert (first.leading, first_jobs.running) == (False, False)

        # And it leads again (its jobs started anew) once the second one stops.
        await second.stop()
        await first.check()
        assert (first.leading, first_jobs.running, first_jobs.starts) == (True, True, 2)
    finally:
        await first.stop()
        await second.stop()


async def test_a_clean_stop_hands_the_lease_over_at_once(engine: sa.Engine) -> None:
    clock = FakeClock(T0)
    first, _ = replica(engine, clock, "first")
    second, second_jobs = replica(engine, clock, "second")
    await first.start()
    await second.start()
    await first.stop()
    await second.check()
    assert second_jobs.running
    await second.stop()
    assert holder(engine, clock) is None


async def test_a_leader_that_cannot_renew_stops_before_its_lease_runs_out(
    engine: sa.Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = FakeClock(T0)
    first, first_jobs = replica(engine, clock, "first")
    second, second_jobs = replica(engine, clock, "second")
    await first.start()
    await second.start()
    renewed_at = clock.now()

    def unreachable(now: datetime) -> bool:
        raise sa.exc.OperationalError("INSERT INTO leases", {}, Exception("server gone"))

    monkeypatch.setattr(first, "_take", unreachable)
    while first_jobs.running:
        clock.advance(timedelta(seconds=LEASE / 4))
        await first.check()
        await second.check()
        assert not (first_jobs.running and second_jobs.running)
    assert clock.now() < renewed_at + timedelta(seconds=LEASE)  # stopped before it ran out
    for _ in range(3):
        clock.advance(timedelta(seconds=LEASE / 4))
        await second.check()
    assert second_jobs.running
    await first.stop()
    await second.stop()


async def test_every_replica_knows_how_many_are_alive(engine: sa.Engine) -> None:
    clock = FakeClock(T0)
    counts: dict[str, list[int]] = {"a": [], "b": [], "c": []}
    replicas = [
        Leadership(
            engine, clock, [Recorded()], holder=name, lease_seconds=LEASE, on_replicas=seen.append
        )
        for name, seen in counts.items()
    ]
    for one in replicas:
        await one.start()
    for one in replicas:
        await one.check()
    assert [seen[-1] for seen in counts.values()] == [3, 3, 3]

    await replicas[2].stop()  # a clean stop leaves the count at once
    await replicas[0].check()
    assert counts["a"][-1] == 2

    replicas[1]._stop.set()  # dies: it stops renewing, and is counted until its lease runs out
    clock.advance(timedelta(seconds=LEASE + 1))
    await replicas[0].check()
    assert counts["a"][-1] == 1
    await replicas[0].stop()
