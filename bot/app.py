"""The composition root: the one place that builds the concrete parts and wires them together.

``briefbot run`` builds an :class:`App` with :func:`build_app` and runs it until a stop signal.
Each chat platform has one small factory below (``telegram_adapter``, ``slack_adapter``) that
returns its adapter when its settings are present, else None; SDKs are imported only there,
so a bot without Telegram never loads PTB.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, TextIO

import sqlalchemy as sa

from bot.adapter import Adapter
from bot.clock import Clock, SystemClock
from bot.commands.dispatch import Commands
from bot.config import ConfigError, Settings
from bot.console.adapter import ConsoleAdapter
from bot.delivery.queue import default_worker_id
from bot.delivery.ratelimit import RateLimiter
from bot.health import HealthServer
from bot.heap import freeze_startup_heap
from bot.leadership import Leadership
from bot.reachability import PlatformReach
from bot.slack.config import slack_config, slack_configured
from bot.store.chats import ChatStore
from bot.store.db import open_database

log = logging.getLogger(__name__)


class AdapterStarter(Protocol):
    """Starts an adapter once its platform answers (see :mod:`bot.reachability`)."""

    async def start(self, adapter: Adapter) -> None: ...


class Service(Protocol):
    """Something that runs in the background between ``start`` and ``stop``."""

    async def start(self) -> None: ...

    async def stop(self) -> None: ...


@dataclass(frozen=True, slots=True)
class Wiring:
    """What a platform factory may use to build its adapter."""

    settings: Settings
    engine: sa.Engine
    commands: Commands
    clock: Clock
    # The bot's one rate limiter: replies and the delivery worker take turns in it.
    limiter: RateLimiter


@dataclass(slots=True)
class App:
    """Adapters and background services over one database, started and stopped together."""

    wiring: Wiring
    adapters: tuple[Adapter, ...]
    services: tuple[Service, ...] = ()
    console: ConsoleAdapter | None = None
    starter: AdapterStarter | None = None
    # Serves /healthz, /readyz and /metrics: started first (so a platform still being waited
    # for shows as not ready) and stopped last.
    monitor: Service | None = None
    # Adapters that only the leading replica runs (started by its Leadership service).
    led: tuple[Adapter, ...] = ()
    leadership: Leadership | None = None
    _started: list[Service | Adapter] = field(default_factory=list)

    def platform_states(self) -> dict[str, bool]:
        """Each platform, and whether its adapter is started (connected): by this replica, or
        by its leadership while it leads (a standby does not poll, so is not connected)."""
        return {adapter.platform: self._running(adapter) for adapter in self.adapters}

    def _running(self, adapter: Adapter) -> bool:
        if adapter in self.led:
            return self.leadership is not None and self.leadership.runs(adapter)
        return adapter in self._started

    async def start(self) -> None:
        """The monitor, then the adapters this replica runs whether it leads or not (so the
        delivery worker has somewhere to send), then services (the leadership starts the
        adapters only a leader runs)."""
        if self.monitor is not None:
            await self.monitor.start()
            self._started.append(self.monitor)
        independent = [a for a in self.adapters if a not in self.led]
        for part in (*independent, *self.services):
            if self.starter is not None and part in independent:
                await self.starter.start(part)
            else:
                await part.start()
            self._started.append(part)
        log.info("briefbot started: %s", ", ".join(a.platform for a in self.adapters))

    async def stop(self) -> None:
        """Stop everything started, newest first; one part failing to stop does not keep the
        others running."""
        while self._started:
            part = self._started.pop()
            try:
                await part.stop()
            except Exception:
                log.exception("stopping %s failed", type(part).__name__)
        self.wiring.engine.dispose()
        log.info("briefbot stopped")

    async def run(self, stop: asyncio.Event) -> None:
        """Run until ``stop`` is set (or the console input ends), then stop cleanly."""
        try:
            if not await _unless_stopped(self.start(), stop):
                return  # stopped while still starting (a platform not reachable yet)
            freeze_startup_heap()
            waiters = [asyncio.create_task(stop.wait())]
            if self.console is not None:
                waiters.append(asyncio.create_task(self.console.closed.wait()))
            _, pending = await asyncio.wait(waiters, return_when=asyncio.FIRST_COMPLETED)
            for task in pending:
                task.cancel()
        finally:
            await self.stop()


async def _unless_stopped(work: Awaitable[None], stop: asyncio.Event) -> bool:
    """Run ``work`` unless ``stop`` is set first (then cancel it); whether it finished."""
    working = asyncio.ensure_future(work)
    stopping = asyncio.create_task(stop.wait())
    await asyncio.wait({working, stopping}, return_when=asyncio.FIRST_COMPLETED)
    stopping.cancel()
    if not working.done():
        working.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await working
        return False
    working.result()  # its error, if any
    return True


# --- platforms -----------------------------------------------------------------------------


def telegram_adapter(wiring: Wiring) -> Adapter | None:
    """The Telegram adapter when ``TELEGRAM_BOT_TOKEN`` is set."""
    if not wiring.settings.secrets.telegram_bot_token:
        return None
    from bot.telegram.adapter import build_telegram_adapter

    return build_telegram_adapter(
        wiring.settings,
        wiring.commands,
        ChatStore(wiring.engine),
        wiring.clock,
        limiter=wiring.limiter,
    )


def slack_adapter(wiring: Wiring) -> Adapter | None:
    """The Slack adapter when a bot token (or an OAuth app for many workspaces) is set."""
    if not slack_configured(wiring.settings):
        return None
    from bot.slack.adapter import build_slack_adapter

    return build_slack_adapter(
        wiring.settings, wiring.engine, wiring.commands, wiring.clock, limiter=wiring.limiter
    )


PLATFORMS: tuple[Callable[[Wiring], Adapter | None], ...] = (telegram_adapter, slack_adapter)


def check_runnable(settings: Settings, console: bool) -> None:
    """Raise ConfigError, naming the setting, when ``briefbot run`` could not work."""
    if slack_configured(settings):
        slack_config(settings)  # raises ConfigError naming what is missing
    if not (console or settings.secrets.telegram_bot_token or slack_configured(settings)):
        raise ConfigError(
            "no chat platform configured: set TELEGRAM_BOT_TOKEN or SLACK_BOT_TOKEN, "
            "or pass --console"
        )


# --- background services -------------------------------------------------------------------


def background_services(wiring: Wiring, adapters: tuple[Adapter, ...]) -> tuple[Service, ...]:
    """The scheduler (feed polling, digest slots, catch-up at start) and the delivery worker,
    with the renderers and senders of ``adapters``. Started after the adapters, by the
    replica that leads (see :func:`leader_services`)."""
    from bot.scheduling import build_background

    scheduler, worker = build_background(
        wiring.engine,
        wiring.settings,
        wiring.clock,
        {adapter.platform: adapter.renderer for adapter in adapters},
        {adapter.platform: adapter.sender for adapter in adapters},
        ChatStore(wiring.engine),
        limiter=wiring.limiter,
    )
    return (scheduler, worker)


@dataclass(frozen=True, slots=True)
class ReachedAdapter:
    """An adapter the leadership starts once its platform answers, like any other."""

    adapter: Adapter
    starter: AdapterStarter | None

    async def start(self) -> None:
        if self.starter is None:
            await self.adapter.start()
        else:
            await self.starter.start(self.adapter)

    async def stop(self) -> None:
        await self.adapter.stop()


def leader_services(
    wiring: Wiring, adapters: tuple[Adapter, ...], starter: AdapterStarter | None = None
) -> tuple[Leadership, tuple[Adapter, ...]]:
    """What one replica at a time runs, under one lease in the database: Telegram polling,
    the scheduler and the delivery worker (one sender per platform, so the platform's limits
    hold for the whole bot). Also the adapters it starts."""
    led = tuple(a for a in adapters if getattr(a, "polls", False))
    leadership = Leadership(
        wiring.engine,
        wiring.clock,
        (*(ReachedAdapter(a, starter) for a in led), *background_services(wiring, adapters)),
        holder=default_worker_id(),
        lease_seconds=wiring.settings.bot.leader_lease_seconds,
        on_replicas=wiring.limiter.share_with if answers_anywhere(adapters) else None,
    )
    return leadership, led


def answers_anywhere(adapters: Sequence[Adapter]) -> bool:
    """Whether every replica answers commands (Telegram webhook mode, Slack), not the leader
    alone: then each replica keeps to its share of the platform limits."""
    return any(
        not getattr(a, "polls", False) and not isinstance(a, ConsoleAdapter) for a in adapters
    )


# --- the whole ----------------------------------------------------------------------------


def build_app(
    settings: Settings,
    *,
    console: bool = False,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    clock: Clock | None = None,
    engine: sa.Engine | None = None,
) -> App:
    """Open the database (migrating it) and build every configured part."""
    check_runnable(settings, console)
    clock = clock or SystemClock()
    if engine is None:
        engine = open_database_for(settings)
    commands = Commands(engine, settings, clock)
    wiring = Wiring(settings, engine, commands, clock, RateLimiter(settings.delivery, clock))
    adapters: list[Adapter] = [a for factory in PLATFORMS if (a := factory(wiring)) is not None]
    console_adapter = None
    if console:
        if stdin is None or stdout is None:
            raise ValueError("the console adapter needs stdin and stdout")
        console_adapter = ConsoleAdapter(commands, stdin, stdout, prompt="> " * stdin.isatty())
        adapters.append(console_adapter)
    starter = PlatformReach(settings)
    leadership, led = leader_services(wiring, tuple(adapters), starter)
    app = App(
        wiring=wiring,
        adapters=tuple(adapters),
        services=(leadership,),
        console=console_adapter,
        starter=starter,
        led=led,
        leadership=leadership,
    )
    app.monitor = HealthServer(
        engine, app.platform_states, clock.now, settings.server.listen, settings.server.port
    )
    return app


def open_database_for(settings: Settings) -> sa.Engine:
    """The configured database, migrated; the SQLite data directory is created if needed."""
    if not settings.secrets.database_url:
        Path(settings.bot.data_dir).mkdir(parents=True, exist_ok=True)
    return open_database(settings.database_url)


async def run_until_signalled(app: App) -> None:
    """Run ``app`` until SIGINT or SIGTERM (or the end of console input). A second signal
    while stopping gets the default behaviour (Ctrl-C twice interrupts at once)."""
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    installed: list[int] = []

    def on_signal(signum: int) -> None:
        log.info("received %s, stopping", signal.Signals(signum).name)
        stop.set()
        for each in installed:
            loop.remove_signal_handler(each)
        installed.clear()

    for wanted in (signal.SIGINT, signal.SIGTERM):
        # Not possible off the main thread (e.g. in tests); the caller stops the app there.
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
            loop.add_signal_handler(wanted, on_signal, int(wanted))
            installed.append(int(wanted))
    try:
        await app.run(stop)
    finally:
        for each in installed:
            loop.remove_signal_handler(each)
