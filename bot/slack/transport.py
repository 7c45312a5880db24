"""How Slack reaches the app: an HTTP server (signed requests) or a Socket Mode connection."""

from __future__ import annotations

import logging
from typing import Protocol

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_bolt.async_app import AsyncApp
from slack_sdk.signature import SignatureVerifier

from bot.slack.backlog import AnswerQueue, Traffic
from bot.slack.frontdoor import FrontDoor
from bot.slack.lines import ChannelLines

log = logging.getLogger(__name__)


class Transport(Protocol):
    async def start(self) -> None: ...

    async def stop(self) -> None: ...


class HttpTransport:
    """Serves ``path`` (events, commands, interactivity) and, with OAuth, the install routes.

    Every request's signature is verified and timestamps older than five minutes are refused
    (:class:`~bot.slack.frontdoor.FrontDoor`, and Bolt again before routing).
    """

    def __init__(
        self,
        app: AsyncApp,
        host: str,
        port: int,
        path: str,
        signing_secret: str,
        lines: ChannelLines | None = None,
    ) -> None:
        self._app = app
        self._host = host
        self._port = port
        self.path = path
        traffic = Traffic()
        self.answers = AnswerQueue(traffic)
        self._front = FrontDoor(
            app, SignatureVerifier(signing_secret), self.answers, traffic, lines
        )
        self._runner: web.AppRunner | None = None
        self.port = port

    def _web_app(self) -> web.Application:
        web_app = web.Application()
        web_app.router.add_post(self.path, self._front.handle)
        web_app.router.add_get("/healthz", _healthz)
        oauth = self._app.oauth_flow
        if oauth is not None:
            web_app.router.add_get(oauth.install_path, self._install)
            web_app.router.add_get(oauth.redirect_uri_path, self._oauth_redirect)
        return web_app

    async def start(self) -> None:
        self.answers.start()
        self._runner = web.AppRunner(self._web_app(), handle_signals=False, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self._host, self._port)
        await site.start()
        self.port = int(self._runner.addresses[0][1])
        log.info("slack http mode: listening on %s:%s%s", self._host, self.port, self.path)

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
        await self.answers.stop()

    async def _install(self, request: web.Request) -> web.Response:
        assert self._app.oauth_flow is not None
        response = await self._app.oauth_flow.handle_installation(await to_bolt_request(request))
        return await to_aiohttp_response(response)

    async def _oauth_redirect(self, request: web.Request) -> web.Response:
        assert self._app.oauth_flow is not None
        response = await self._app.oauth_flow.handle_callback(await to_bolt_request(request))
        return await to_aiohttp_response(response)


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
