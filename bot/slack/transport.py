"""How Slack reaches the app: an HTTP server (signed requests) or a Socket Mode connection."""

from __future__ import annotations

import logging
from typing import Protocol

from aiohttp import web
from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_bolt.app.async_server import AsyncSlackAppServer
from slack_bolt.async_app import AsyncApp

log = logging.getLogger(__name__)


class Transport(Protocol):
    async def start(self) -> None: ...

    async def stop(self) -> None: ...


class HttpTransport:
    """Serves ``path`` (events, commands, interactivity) and, with OAuth, the install routes.

    Bolt verifies every request's signature and refuses timestamps older than five minutes.
    """

    def __init__(self, app: AsyncApp, host: str, port: int, path: str) -> None:
        self._server = AsyncSlackAppServer(port=port, path=path, app=app, host=host)
        self._server.web_app.router.add_get("/healthz", _healthz)
        self._host = host
        self._port = port
        self._runner: web.AppRunner | None = None
        self.port = port

    async def start(self) -> None:
        self._runner = web.AppRunner(self._server.web_app, handle_signals=False, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self._host, self._port)
        await site.start()
        self.port = int(self._runner.addresses[0][1])
        log.info("slack http mode: listening on %s:%s%s", self._host, self.port, self._server.path)

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None


class SocketTransport:
    """One Socket Mode connection (app-level token); no public URL needed."""

    def __init__(self, app: AsyncApp, app_token: str) -> None:
        self._app = app
        self._app_token = app_token
        self._handler: AsyncSocketModeHandler | None = None

    async def start(self) -> None:
        # Built here, not in __init__: its aiohttp session belongs to the running loop.
        self._handler = AsyncSocketModeHandler(
            self._app, self._app_token, web_client=self._app.client
        )
        await self._handler.connect_async()
        log.info("slack socket mode: connected")

    async def stop(self) -> None:
        if self._handler is not None:
            await self._handler.close_async()
            self._handler = None


async def _healthz(request: web.Request) -> web.Response:
    return web.Response(text="ok")
