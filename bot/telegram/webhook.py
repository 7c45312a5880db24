"""Webhook mode: an aiohttp server that takes Telegram's POSTed updates.

Each request must carry the secret given to ``setWebhook`` in
``X-Telegram-Bot-Api-Secret-Token``; anything else is refused with 403 before the body is read.
"""

from __future__ import annotations

import hmac
import json
import logging
from typing import Any

from aiohttp import web
from telegram import Update
from telegram.ext import Application

logger = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
MAX_BODY = 1_048_576  # updates are small; anything bigger is not from Telegram
AnyApplication = Application[Any, Any, Any, Any, Any, Any]


class WebhookServer:
    def __init__(
        self, application: AnyApplication, listen: str, port: int, path: str, secret: str
    ) -> None:
        self._application = application
        self._listen = listen
        self._port = port
        self._path = path
        self._secret = secret.encode()
        self._runner: web.AppRunner | None = None

    @property
    def port(self) -> int:
        """The bound port (useful when configured as 0)."""
        return self._port

    async def start(self) -> None:
        app = web.Application(client_max_size=MAX_BODY)
        app.router.add_post(self._path, self._receive)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self._listen, self._port)
        await site.start()
        for address in self._runner.addresses:
            self._port = int(address[1])
            break
        logger.info("telegram webhook: listening on %s:%s%s", self._listen, self._port, self._path)

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def _receive(self, request: web.Request) -> web.Response:
        given = request.headers.get(SECRET_HEADER, "").encode()
        if not hmac.compare_digest(given, self._secret):
            logger.warning(
                "telegram webhook: refused a request from %s: bad secret", request.remote
            )
            return web.Response(status=403, text="forbidden")
        try:
            data = await request.json()
            update = Update.de_json(data, self._application.bot)
        except (json.JSONDecodeError, TypeError, KeyError, ValueError) as error:
            logger.warning("telegram webhook: unreadable update: %s", error)
            return web.Response(status=400, text="bad update")
        await self._application.update_queue.put(update)
        return web.Response(status=200)
