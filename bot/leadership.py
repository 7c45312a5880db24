"""One replica at a time leads: it polls Telegram, polls feeds, runs the digest job and sends.

Every replica of a bot shares one database. The leader holds the ``leader`` lease there (see
:mod:`bot.store.leases`) and renews it every quarter of its length; the others are standbys
that try to take it as often. When the leader dies its lease runs out, and a standby takes it
over and starts the leader's services: within 1.25 lease lengths. A leader that cannot renew
(its database is unreachable) stops its services before its lease can run out, so two
replicas never lead at once (given clocks that agree to within a fraction of a second).

Every replica also renews a ``replica:<holder>`` lease of its own, so each knows how many are
alive: where any replica may send (webhook and Slack modes answer commands wherever they
arrive), each keeps to its share of the platform limits (``on_replicas``).

The database's unique keys stay the safety net: a digest is claimed once whoever queues it.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from typing import Protocol

import sqlalchemy as sa

from bot.clock import Clock
from bot.store.leases import count_live, release_lease, take_lease
from briefings.errors import ConfigError

log = logging.getLogger(__name__)

LEADER = "leader"
REPLICA_PREFIX = "replica:"


class Service(Protocol):
    async def start(self) -> None: ...

    async def stop(self) -> None: ...


class Leadership:
    """Implements the app's ``Service``: runs ``services`` while this replica holds the lease.

    :meth:`start` tries once, so a lone replica leads at once; then a background task renews
    (or keeps trying) every ``lease_seconds / 4``. :meth:`check` is one such round.
    """

    def __init__(
        self,
        engine: sa.Engine,
        clock: Clock,
        services: Sequence[Service],
        holder: str,
        lease_seconds: float = 20.0,
        name: str = LEADER,
        on_replicas: Callable[[int], None] | None = None,
    ) -> None:
        self._engine = engine
        self._clock = clock
        self._services = tuple(services)
        self.holder = holder
        self._ttl = timedelta(seconds=lease_seconds)
        self._every = lease_seconds / 4
        self._name = name
        self._on_replicas = on_replicas
        self._started: list[Service] = []
        self._held_until: datetime | None = None
        self._stop = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    @property
    def leading(self) -> bool:
        return self._held_until is not None

    def runs(self, service: object) -> bool:
        """Whether ``service`` (or the adapter a started service wraps) runs now: this
        replica leads and started it."""
        return any(s is service or getattr(s, "adapter", None) is service for s in self._started)

    async def start(self) -> None:
        self._stop.clear()
        await self.check()
        self._task = asyncio.create_task(self._keep())

    async def stop(self) -> None:
        self._stop.set()
        if self._task is not None:
            await self._task
            self._task = None
        if self.leading:
            await self._step_down("the replica is stopping", logging.INFO)
            with contextlib.suppress(Exception):  # it runs out by itself anyway
                await asyncio.to_thread(self._release)
        if self._on_replicas is not None:
            with contextlib.suppress(Exception):  # the others count it until it runs out
                await asyncio.to_thread(self._leave)

    async def check(self) -> None:
        """One round: take or renew the lease; start or stop the services to match."""
        now = self._clock.now()
        try:
            held, replicas = await asyncio.to_thread(self._take, now)
        except Exception:
            log.exception("replica %s: the %s lease could not be renewed", self.holder, self._name)
            if self._held_until is not None and now + timedelta(seconds=self._every) >= (
                self._held_until - timedelta(seconds=self._every)
            ):
                await self._step_down("its lease could not be renewed")
            return
        if self._on_replicas is not None:
            self._on_replicas(replicas)
        if held:
            leading = self.leading
            self._held_until = now + self._ttl
            if not leading:
                await self._step_up()
        elif self.leading:
            await self._step_down("another replica holds the lease")

    async def _keep(self) -> None:
        while not self._stop.is_set():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stop.wait(), self._every)
            if not self._stop.is_set():
                await self.check()

    async def _step_up(self) -> None:
        log.info("replica %s leads: it polls, runs the digest job and sends", self.holder)
        try:
            for service in self._services:
                await service.start()
                self._started.append(service)
        except Exception as exc:
            # Another replica may do better: give the lease back at once.
            if isinstance(exc, ConfigError):  # said once, without a traceback, by the caller
                log.error("replica %s: starting the leader's services failed: %s", self.holder, exc)
            else:
                log.exception("replica %s: starting the leader's services failed", self.holder)
            await self._step_down("its services did not start")
            with contextlib.suppress(Exception):
                await asyncio.to_thread(self._release)
            if not self._task:  # the first round, in start(): the app cannot run
                raise

    async def _step_down(self, why: str, level: int = logging.WARNING) -> None:
        if self._started:
            log.log(level, "replica %s stops leading: %s", self.holder, why)
        self._held_until = None
        while self._started:
            service = self._started.pop()
            try:
                await service.stop()
            except Exception:
                log.exception("stopping %s failed", type(service).__name__)

    def _take(self, now: datetime) -> tuple[bool, int]:
        """Take or renew the lease; with ``on_replicas``, renew this replica's own lease and
        count the live ones (else 1)."""
        with self._engine.begin() as connection:
            held = take_lease(connection, self._name, self.holder, now, self._ttl)
            if self._on_replicas is None:
                return held, 1
            take_lease(connection, self._member, self.holder, now, self._ttl)
            return held, count_live(connection, REPLICA_PREFIX, now)

    @property
    def _member(self) -> str:
        return REPLICA_PREFIX + self.holder

    def _release(self) -> None:
        with self._engine.begin() as connection:
            release_lease(connection, self._name, self.holder, self._clock.now())

    def _leave(self) -> None:
        with self._engine.begin() as connection:
            release_lease(connection, self._member, self.holder, self._clock.now())
