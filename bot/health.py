"""The operator's HTTP endpoints, served in every mode on ``[server] listen:port``:

- ``GET /healthz``: 200 while the process runs (liveness);
- ``GET /readyz``: 200 when the database answers and every chat platform is connected, else
  503; the JSON body says which part is not ready;
- ``GET /metrics``: Prometheus metrics (:mod:`bot.metrics`).

A port that cannot be bound is logged as an error and the bot runs on without the endpoints:
delivering the news matters more than reporting on it.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Mapping
from datetime import datetime

import sqlalchemy as sa
from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, generate_latest

from bot.metrics import REGISTRY, QueueCollector
from bot.store.status import database_reachable

log = logging.getLogger(__name__)

PlatformStates = Callable[[], Mapping[str, bool]]


class HealthServer:
    """Implements :class:`bot.app.Service`: the three endpoints on one aiohttp server."""

    def __init__(
        self,
        engine: sa.Engine,
        platforms: PlatformStates,
        now: Callable[[], datetime],
        listen: str = "127.0.0.1",
        port: int = 8080,
    ) -> None:
        self._engine = engine
        self._platforms = platforms
        self._listen = listen
        self.port = port
        self._queue = CollectorRegistry(auto_describe=True)
        self._queue.register(QueueCollector(engine, now))
        self._runner: web.AppRunner | None = None

    def web_app(self) -> web.Application:
        app = web.Application()
        app.router.add_get("/healthz", self.healthz)
        app.router.add_get("/readyz", self.readyz)
        app.router.add_get("/metrics", self.metrics)
        return app

    async def start(self) -> None:
        runner = web.AppRunner(self.web_app(), handle_signals=False, access_log=None)
        await runner.setup()
        try:
            await web.TCPSite(runner, self._listen, self.port).start()
        except OSError as exc:
            await runner.cleanup()
            log.error(
                "cannot serve /healthz, /readyz and /metrics on %s:%s ([server] port): %s",
                self._listen,
                self.port,
                exc.strerror or exc,
            )
            return
        self._runner = runner
        self.port = int(runner.addresses[0][1])
        log.info("health and metrics on http://%s:%s/", self._listen, self.port)

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def healthz(self, _request: web.Request) -> web.Response:
        return web.Response(text="ok\n")

    async def readyz(self, _request: web.Request) -> web.Response:
        database = await asyncio.to_thread(database_reachable, self._engine)
        platforms = dict(self._platforms())
        ready = database and all(platforms.values())
        body = {
            "ready": ready,
            "database": "ok" if database else "unreachable",
            "platforms": {
                name: "connected" if up else "not connected" for name, up in platforms.items()
            },
        }
        return web.json_response(body, status=200 if ready else 503)

    async def metrics(self, _request: web.Request) -> web.Response:
        text = await asyncio.to_thread(self._exposition)
        return web.Response(body=text, headers={"Content-Type": CONTENT_TYPE_LATEST})

    def _exposition(self) -> bytes:
        return generate_latest(REGISTRY) + generate_latest(self._queue)
