"""A real HTTP server on 127.0.0.1 (port 0) for fetch and ingest tests, in the test's loop.

Routes map a path to an aiohttp handler; every request is recorded (path and headers), so
tests can check conditional GETs, the User-Agent and politeness.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass

from aiohttp import web
from aiohttp.test_utils import TestServer

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@dataclass(frozen=True, slots=True)
class Seen:
    path: str
    headers: dict[str, str]


class LocalServer:
    def __init__(self) -> None:
        self.routes: dict[str, Handler] = {}
        self.requests: list[Seen] = []
        self._server: TestServer | None = None

    def route(self, path: str, handler: Handler) -> None:
        self.routes[path] = handler

    def serve(
        self,
        path: str,
        body: bytes | str,
        content_type: str = "application/rss+xml; charset=utf-8",
        headers: dict[str, str] | None = None,
    ) -> None:
        """Serve a fixed body, answering 304 when the client's ETag matches."""
        payload = body.encode("utf-8") if isinstance(body, str) else body

        async def handler(request: web.Request) -> web.StreamResponse:
            extra = dict(headers or {})
            etag = extra.get("ETag")
            if etag and request.headers.get("If-None-Match") == etag:
                return web.Response(status=304, headers={"ETag": etag})
            return web.Response(body=payload, headers={"Content-Type": content_type, **extra})

        self.route(path, handler)

    def url(self, path: str) -> str:
        assert self._server is not None
        return f"http://127.0.0.1:{self._server.port}{path}"

    def hits(self, path: str) -> list[Seen]:
        return [seen for seen in self.requests if seen.path == path]

    async def start(self) -> None:
        app = web.Application()
        app.router.add_route("GET", "/{tail:.*}", self._dispatch)
        self._server = TestServer(app, host="127.0.0.1", port=0)
        await self._server.start_server()

    async def close(self) -> None:
        if self._server is not None:
            await self._server.close()

    async def _dispatch(self, request: web.Request) -> web.StreamResponse:
        self.requests.append(Seen(request.path_qs, dict(request.headers)))
        handler = self.routes.get(request.path_qs) or self.routes.get(request.path)
        if handler is None:
            return web.Response(status=404, text="not found")
        return await handler(request)


@asynccontextmanager
async def running_server() -> AsyncIterator[LocalServer]:
    """A started server, closed on exit (wrap it in a fixture per test module)."""
    server = LocalServer()
    await server.start()
    try:
        yield server
    finally:
        await server.close()
