"""Polite, defensive HTTP GETs over an injected ``httpx.AsyncClient``.

Every fetch is a conditional GET (ETag / Last-Modified) with a contactable User-Agent, a
timeout for the whole exchange, a size cap enforced while streaming (on the decoded body, so
a gzip bomb is refused too), redirects followed by hand (each hop re-checked by
:mod:`briefings.sources.netguard`, at most ``max_redirects``) and per-host concurrency and spacing.

Nothing escapes as an exception: every outcome is a :class:`FetchResult`.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin

import httpx

from briefings.errors import FetchError
from briefings.sources.fetchresult import FetchResult, FetchStatus
from briefings.sources.hostlimit import HostLimiter
from briefings.sources.netguard import (
    Resolver,
    UnsafeUrl,
    address_refusal,
    check_url,
    system_resolver,
)
from briefings.sources.policy import FetchPolicy
from briefings.sources.urls import host_of

log = logging.getLogger(__name__)

FEED_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, "
    "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
)
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"
REDIRECTS = frozenset({301, 302, 303, 307, 308})
RETRY_AFTER_STATUSES = frozenset({429, 503})
MAX_RETRY_AFTER_SECONDS = 7 * 24 * 3600.0


class _Refused(Exception):
    """Internal: a response was refused (too big, unsafe peer); the message says why."""


class Fetcher:
    """Fetches URLs politely; one instance is shared by everything polling in a process."""

    def __init__(
        self,
        client: httpx.AsyncClient,
        policy: FetchPolicy,
        *,
        limiter: HostLimiter | None = None,
        resolver: Resolver = system_resolver,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._client = client
        self._policy = policy
        self._limiter = limiter or HostLimiter(
            policy.per_host_concurrency, policy.per_host_interval_seconds
        )
        self._resolver = resolver
        self._now = now

    @property
    def policy(self) -> FetchPolicy:
        return self._policy

    async def fetch(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        accept: str = FEED_ACCEPT,
    ) -> FetchResult:
        """GET ``url``; send ``etag``/``last_modified`` as validators when known."""
        headers = {"User-Agent": self._policy.user_agent, "Accept": accept}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        current = url
        for _hop in range(self._policy.max_redirects + 1):
            try:
                result = await self._hop(url, current, headers)
            except UnsafeUrl as exc:
                return self._failed(url, current, f"refused: {exc}", FetchStatus.REFUSED)
            except FetchError as exc:
                return self._failed(url, current, str(exc))
            except _Refused as exc:
                return self._failed(url, current, str(exc))
            except (TimeoutError, httpx.TimeoutException):
                return self._failed(url, current, "timed out")
            except httpx.HTTPError as exc:
                return self._failed(url, current, _describe(exc))
            except OSError as exc:
                return self._failed(url, current, f"network error: {exc}")
            if isinstance(result, FetchResult):
                return result
            current = result
        return self._failed(url, current, f"more than {self._policy.max_redirects} redirects")

    async def _hop(self, url: str, current: str, headers: dict[str, str]) -> FetchResult | str:
        """One request: a final result, or the URL a redirect points to."""
        async with asyncio.timeout(self._policy.timeout_seconds):
            await check_url(
                current,
                allow_private_networks=self._policy.allow_private_networks,
                resolver=self._resolver,
            )
        # Waiting for the host's turn is politeness, not slowness: it is not timed.
        async with (
            self._limiter.slot(host_of(current)),
            asyncio.timeout(self._policy.timeout_seconds),
        ):
            request = self._client.build_request(
                "GET", current, headers=headers, timeout=self._policy.timeout_seconds
            )
            response = await self._client.send(request, stream=True, follow_redirects=False)
            try:
                self._check_peer(response)
                return await self._read(url, current, response)
            finally:
                await response.aclose()

    async def _read(self, url: str, current: str, response: httpx.Response) -> FetchResult | str:
        status = response.status_code
        if status in REDIRECTS and "location" in response.headers:
            return urljoin(current, response.headers["location"])
        if status == 304:
            return self._result(url, current, response, FetchStatus.NOT_MODIFIED)
        if status in RETRY_AFTER_STATUSES:
            retry_after = parse_retry_after(response.headers.get("retry-after"), self._now())
            return self._result(
                url,
                current,
                response,
                FetchStatus.FAILED,
                error=f"HTTP {status}",
                retry_after=retry_after,
            )
        if not 200 <= status < 300:
            return self._result(url, current, response, FetchStatus.FAILED, error=f"HTTP {status}")
        body = await self._body(response)
        return self._result(url, current, response, FetchStatus.OK, body=body)

    async def _body(self, response: httpx.Response) -> bytes:
        cap = self._policy.max_bytes
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > cap:
            raise _Refused(f"too large: Content-Length {declared} bytes, limit {cap}")
        chunks: list[bytes] = []
        size = 0
        async for chunk in response.aiter_bytes():
            size += len(chunk)
            if size > cap:
                raise _Refused(f"too large: more than {cap} bytes")
            chunks.append(chunk)
        return b"".join(chunks)

    def _check_peer(self, response: httpx.Response) -> None:
        """Refuse when the connection went to an internal address after all (DNS rebinding)."""
        if self._policy.allow_private_networks:
            return
        stream = response.extensions.get("network_stream")
        peer = stream.get_extra_info("server_addr") if stream is not None else None
        if peer:
            refusal = address_refusal(str(peer[0]))
            if refusal:
                raise UnsafeUrl(f"connected to a {refusal}")

    @staticmethod
    def _result(
        url: str,
        current: str,
        response: httpx.Response,
        status: FetchStatus,
        *,
        body: bytes = b"",
        error: str = "",
        retry_after: float | None = None,
    ) -> FetchResult:
        return FetchResult(
            url=url,
            status=status,
            final_url=current,
            http_status=response.status_code,
            body=body,
            etag=response.headers.get("etag"),
            last_modified=response.headers.get("last-modified"),
            content_type=response.headers.get("content-type", ""),
            retry_after=retry_after,
            error=error,
        )

    @staticmethod
    def _failed(
        url: str, current: str, reason: str, status: FetchStatus = FetchStatus.FAILED
    ) -> FetchResult:
        log.info("fetch %s failed: %s", url, reason)
        return FetchResult(url=url, status=status, final_url=current, error=reason)


def parse_retry_after(value: str | None, now: datetime) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date), capped."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        seconds = float(value)
    else:
        try:
            when = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        seconds = (when - now).total_seconds()
    return min(max(seconds, 0.0), MAX_RETRY_AFTER_SECONDS)


def _describe(exc: httpx.HTTPError) -> str:
    kinds: dict[type[httpx.HTTPError], str] = {
        httpx.ConnectError: "connection failed",
        httpx.RemoteProtocolError: "protocol error",
        httpx.DecodingError: "undecodable content encoding",
    }
    kind = kinds.get(type(exc), exc.__class__.__name__)
    detail = str(exc)
    return f"{kind}: {detail}" if detail else kind
