"""PTB's network backend on aiohttp.

PTB's default backend (httpx) spends most of a busy bot's CPU on connection-pool
bookkeeping; aiohttp's client does the same job several times cheaper. Errors map to PTB's
own: a timeout is ``TimedOut``, any other client failure ``NetworkError``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urlencode

import aiohttp
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData

if TYPE_CHECKING:
    from telegram._utils.types import ODVInput  # PTB's own annotation for these arguments

_FORM = {"Content-Type": "application/x-www-form-urlencoded"}


class AiohttpRequest(BaseRequest):
    """``connections`` bounds the open connections; timeouts are PTB's defaults."""

    __slots__ = ("_connections", "_session", "_timeouts")

    def __init__(
        self,
        connections: int = 64,
        read_timeout: float | None = 5.0,
        write_timeout: float | None = 5.0,
        connect_timeout: float | None = 5.0,
        pool_timeout: float | None = 10.0,
    ) -> None:
        self._connections = connections
        self._timeouts = (read_timeout, write_timeout, connect_timeout, pool_timeout)
        self._session: aiohttp.ClientSession | None = None

    @property
    def read_timeout(self) -> float | None:
        return self._timeouts[0]

    async def initialize(self) -> None:
        if self._session is None or self._session.closed:
            connector = aiohttp.TCPConnector(limit=self._connections)
            self._session = aiohttp.ClientSession(
                connector=connector,
                headers={"User-Agent": self.USER_AGENT},
                trust_env=True,  # HTTPS_PROXY and friends, as PTB's default backend honours
            )

    async def shutdown(self) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()
        self._session = None

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        write_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        connect_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        pool_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        if self._session is None or self._session.closed:
            raise RuntimeError("AiohttpRequest is not initialized")
        read, _write, connect, pool = (
            _pick(given, default)
            for given, default in zip(
                (read_timeout, write_timeout, connect_timeout, pool_timeout),
                self._timeouts,
                strict=True,
            )
        )
        # aiohttp has no write timeout of its own; sending a small form is bounded by the
        # read timeout that follows it.
        timeout = aiohttp.ClientTimeout(connect=pool, sock_connect=connect, sock_read=read)
        try:
            body = _body(request_data)
            headers = _FORM if isinstance(body, bytes) else None
            async with self._session.request(
                method, url, data=body, headers=headers, timeout=timeout
            ) as response:
                return response.status, await response.read()
        except TimeoutError as error:
            raise TimedOut from error
        except aiohttp.ClientError as error:
            raise NetworkError(f"aiohttp.{type(error).__name__}: {error}") from error


def _pick(given: ODVInput[float], default: float | None) -> float | None:
    """A timeout passed to the call, else this request's default (PTB's DEFAULT_NONE)."""
    if given is None:
        return None
    return float(given) if isinstance(given, int | float) else default


def _body(request_data: RequestData | None) -> aiohttp.FormData | bytes | None:
    if request_data is None:
        return None
    if not request_data.contains_files:
        # Encoded here: aiohttp would build a multipart writer for a dict just to decide.
        return urlencode(request_data.json_parameters).encode()
    form = aiohttp.FormData(request_data.json_parameters)
    for name, (filename, content, mimetype) in request_data.multipart_data.items():
        form.add_field(name, content, filename=filename, content_type=mimetype)
    return form
