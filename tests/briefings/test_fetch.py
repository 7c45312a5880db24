"""The fetcher against a real HTTP server on 127.0.0.1 (and MockTransport for DNS games)."""

from __future__ import annotations

import asyncio
import contextlib
import gzip
from collections.abc import AsyncIterator, Sequence
from datetime import UTC, datetime

import httpx
import pytest
from aiohttp import web

from briefings.sources.feeds import parse_feed
from briefings.sources.fetch import Fetcher, parse_retry_after
from briefings.sources.hostlimit import HostLimiter
from briefings.sources.policy import FetchPolicy
from tests.httpserver import LocalServer, running_server

POLICY = FetchPolicy(
    user_agent="briefbot-test/1 (+mailto:ops@briefbot.example)",
    timeout_seconds=5.0,
    max_bytes=1_000_000,
    per_host_concurrency=4,
    per_host_interval_seconds=0.0,
    allow_private_networks=True,
)
FEED = b"<?xml version='1.0'?><rss version='2.0'><channel><title>T</title></channel></rss>"
NOW = datetime(2025, 6, 7, 10, 0, tzinfo=UTC)


@pytest.fixture
async def server() -> AsyncIterator[LocalServer]:
    async with running_server() as running:
        yield running


@pytest.fixture
async def client() -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient() as client:
        yield client


def fetcher(client: httpx.AsyncClient, **changes: object) -> Fetcher:
    policy = FetchPolicy(**{**_fields(POLICY), **changes})  # type: ignore[arg-type]
    return Fetcher(client, policy, now=lambda: NOW)


def _fields(policy: FetchPolicy) -> dict[str, object]:
    return {name: getattr(policy, name) for name in policy.__slots__}


async def test_ok_then_not_modified_with_etag(server: LocalServer, client: httpx.AsyncClient):
    server.serve("/feed", FEED, headers={"ETag": '"v1"', "Last-Modified": "Sat, 07 Jun 2025"})
    first = await fetcher(client).fetch(server.url("/feed"))
    assert (first.status, first.body, first.etag) == ("ok", FEED, '"v1"')
    assert first.last_modified == "Sat, 07 Jun 2025"
    assert server.requests[0].headers["User-Agent"] == POLICY.user_agent

    second = await fetcher(client).fetch(
        server.url("/feed"), etag=first.etag, last_modified=first.last_modified
    )
    assert (second.status, second.body, second.http_status) == ("not_modified", b"", 304)
    assert server.requests[1].headers["If-None-Match"] == '"v1"'
    assert server.requests[1].headers["If-Modified-Since"] == "Sat, 07 Jun 2025"


async def test_changed_etag_fetches_the_new_body(server: LocalServer, client: httpx.AsyncClient):
    server.serve("/feed", FEED + b"<!-- v2 -->", headers={"ETag": '"v2"'})
    result = await fetcher(client).fetch(server.url("/feed"), etag='"v1"')
    assert (result.status, result.etag) == ("ok", '"v2"')
    assert result.body.endswith(b"<!-- v2 -->")


@pytest.mark.parametrize(
    ("status", "retry_after", "expected"),
    [(429, "120", 120.0), (503, "Sat, 07 Jun 2025 10:05:00 GMT", 300.0), (429, None, None)],
)
async def test_retry_after_is_returned_as_a_value(
    server: LocalServer,
    client: httpx.AsyncClient,
    status: int,
    retry_after: str | None,
    expected: float | None,
) -> None:
    async def slow_down(request: web.Request) -> web.Response:
        headers = {"Retry-After": retry_after} if retry_after else {}
        return web.Response(status=status, headers=headers)

    server.route("/feed", slow_down)
    result = await fetcher(client).fetch(server.url("/feed"))
    assert (result.status, result.error, result.retry_after) == (
        "failed",
        f"HTTP {status}",
        expected,
    )


def test_parse_retry_after_caps_and_ignores_garbage() -> None:
    assert parse_retry_after("999999999", NOW) == 7 * 24 * 3600.0
    assert parse_retry_after("soon", NOW) is None
    assert parse_retry_after("Fri, 06 Jun 2025 10:00:00 GMT", NOW) == 0.0


async def test_server_error_is_a_failure_value(server: LocalServer, client: httpx.AsyncClient):
    async def broken(request: web.Request) -> web.Response:
        return web.Response(status=500, text="oops")

    server.route("/feed", broken)
    result = await fetcher(client).fetch(server.url("/feed"))
    assert (result.status, result.http_status, result.error) == ("failed", 500, "HTTP 500")


async def test_timeout_is_a_failure_value(server: LocalServer, client: httpx.AsyncClient):
    release = asyncio.Event()

    async def hang(request: web.Request) -> web.Response:
        await release.wait()
        return web.Response(body=FEED)

    server.route("/feed", hang)
    result = await fetcher(client, timeout_seconds=0.2).fetch(server.url("/feed"))
    release.set()
    assert (result.status, result.error) == ("failed", "timed out")


async def test_redirects_are_followed(server: LocalServer, client: httpx.AsyncClient):
    server.route("/old", _redirect_to("/moved"))
    server.route("/moved", _redirect_to("/feed", 301))
    server.serve("/feed", FEED)
    result = await fetcher(client).fetch(server.url("/old"))
    assert (result.status, result.final_url, result.body) == ("ok", server.url("/feed"), FEED)


async def test_redirect_loop_is_capped(server: LocalServer, client: httpx.AsyncClient):
    server.route("/loop", _redirect_to("/loop"))
    result = await fetcher(client, max_redirects=3).fetch(server.url("/loop"))
    assert (result.status, result.error) == ("failed", "more than 3 redirects")
    assert len(server.hits("/loop")) == 4


async def test_gzip_body_is_decoded(server: LocalServer, client: httpx.AsyncClient):
    async def zipped(request: web.Request) -> web.Response:
        assert "gzip" in request.headers["Accept-Encoding"]
        return web.Response(
            body=gzip.compress(FEED),
            headers={"Content-Encoding": "gzip", "Content-Type": "application/rss+xml"},
        )

    server.route("/feed", zipped)
    result = await fetcher(client).fetch(server.url("/feed"))
    assert (result.status, result.body) == ("ok", FEED)


async def test_gzip_bomb_is_capped_on_the_decoded_size(
    server: LocalServer, client: httpx.AsyncClient
) -> None:
    bomb = gzip.compress(b"\0" * 5_000_000)  # about 5 KB on the wire

    async def zipped(request: web.Request) -> web.Response:
        return web.Response(body=bomb, headers={"Content-Encoding": "gzip"})

    server.route("/feed", zipped)
    result = await fetcher(client).fetch(server.url("/feed"))
    assert (result.status, result.error) == ("failed", "too large: more than 1000000 bytes")


async def test_a_50_mb_streamed_body_is_refused_early(
    server: LocalServer, client: httpx.AsyncClient
) -> None:
    sent = 0
    chunk = b"x" * 65536

    async def huge(request: web.Request) -> web.StreamResponse:
        nonlocal sent
        response = web.StreamResponse(headers={"Content-Type": "application/rss+xml"})
        await response.prepare(request)
        try:
            while sent < 50_000_000:
                await response.write(chunk)
                sent += len(chunk)
        except (ConnectionResetError, ConnectionError):
            pass
        return response

    server.route("/feed", huge)
    result = await fetcher(client).fetch(server.url("/feed"))
    assert (result.status, result.error) == ("failed", "too large: more than 1000000 bytes")
    assert result.body == b""
    assert sent < 20_000_000


async def test_declared_content_length_over_the_cap_is_refused_unread(
    server: LocalServer, client: httpx.AsyncClient
) -> None:
    async def declared(request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Length": "50000000"})
        await response.prepare(request)
        with contextlib.suppress(ConnectionError):
            await response.write(b"x" * 1024)
        return response

    server.route("/feed", declared)
    result = await fetcher(client).fetch(server.url("/feed"))
    assert result.error == "too large: Content-Length 50000000 bytes, limit 1000000"


async def test_private_address_is_refused_before_any_request(
    server: LocalServer, client: httpx.AsyncClient
) -> None:
    server.serve("/feed", FEED)
    result = await fetcher(client, allow_private_networks=False).fetch(server.url("/feed"))
    assert (result.status, result.refused, result.failed) == ("refused", True, True)
    assert result.error == "refused: loopback address 127.0.0.1"
    assert server.requests == []


async def test_non_http_scheme_is_refused(client: httpx.AsyncClient) -> None:
    result = await fetcher(client).fetch("file:///etc/passwd")
    assert result.status == "refused"
    assert "only http(s)" in result.error


async def test_redirect_to_an_internal_address_is_refused() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.host == "feeds.example":
            return httpx.Response(302, headers={"Location": "http://169.254.169.254/latest/"})
        return httpx.Response(200, content=b"secret")

    async def resolve(host: str, port: int) -> Sequence[str]:
        return [host] if host[0].isdigit() else ["93.184.216.34"]

    async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as mock_client:
        policy = FetchPolicy(allow_private_networks=False, per_host_interval_seconds=0)
        result = await Fetcher(mock_client, policy, resolver=resolve).fetch(
            "https://feeds.example/rss"
        )
    assert result.status == "refused"
    assert "link-local address 169.254.169.254" in result.error


async def test_connection_refused_is_a_failure_value(client: httpx.AsyncClient) -> None:
    async with running_server() as gone:
        url = gone.url("/feed")
    result = await fetcher(client).fetch(url)
    assert result.status == "failed"
    assert result.error.startswith("connection failed")


def _redirect_to(location: str, status: int = 302):  # type: ignore[no-untyped-def]
    async def redirect(request: web.Request) -> web.Response:
        return web.Response(status=status, headers={"Location": location})

    return redirect


class ConnectsTo(httpx.AsyncBaseTransport):
    """A real HTTP transport whose name lookup answers ``address`` for every name, as a
    rebinding DNS server would after the guard's own lookup."""

    def __init__(self, address: str) -> None:
        self._address = address
        self._inner = httpx.AsyncHTTPTransport()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        request.url = request.url.copy_with(host=self._address)
        return await self._inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self._inner.aclose()


class FakeTime:
    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def monotonic(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


async def test_requests_to_one_host_are_spaced() -> None:
    time = FakeTime()
    limiter = HostLimiter(2, 1.5, monotonic=time.monotonic, sleep=time.sleep)
    starts: list[tuple[str, float]] = []

    async def request(host: str) -> None:
        async with limiter.slot(host):
            starts.append((host, time.now))

    for host in ("a.example", "a.example", "b.example", "a.example"):
        await request(host)
    assert starts == [
        ("a.example", 0.0),
        ("a.example", 1.5),
        ("b.example", 1.5),
        ("a.example", 3.0),
    ]


async def test_requests_to_one_host_are_limited_in_number() -> None:
    limiter = HostLimiter(2, 0.0)
    inside = 0
    most = 0
    two_inside = asyncio.Event()
    release = asyncio.Event()

    async def request() -> None:
        nonlocal inside, most
        async with limiter.slot("a.example"):
            inside += 1
            most = max(most, inside)
            if inside == 2:
                two_inside.set()
            await release.wait()
            inside -= 1

    tasks = [asyncio.create_task(request()) for _ in range(5)]
    await two_inside.wait()
    for _ in range(10):  # let the other three try to get in
        await asyncio.sleep(0)
    assert (most, inside) == (2, 2)
    release.set()
    await asyncio.gather(*tasks)
    assert most == 2


async def test_the_fetcher_spaces_requests_to_one_host(
    server: LocalServer, client: httpx.AsyncClient
) -> None:
    server.serve("/feed", FEED)
    time = FakeTime()
    limiter = HostLimiter(1, 60.0, monotonic=time.monotonic, sleep=time.sleep)
    polite = Fetcher(client, POLICY, limiter=limiter)
    results = [await polite.fetch(server.url("/feed")) for _ in range(3)]
    assert [r.status for r in results] == ["ok", "ok", "ok"]
    assert time.sleeps == [60.0, 60.0]


async def test_connection_to_an_internal_address_is_refused_after_rebinding(
    server: LocalServer, client: httpx.AsyncClient
) -> None:
    """The name looked public when checked, but the connection went to loopback."""
    server.serve("/feed", FEED)

    async def lying_resolver(host: str, port: int) -> Sequence[str]:
        return ["93.184.216.34"]

    policy = FetchPolicy(allow_private_networks=False, per_host_interval_seconds=0)
    url = server.url("/feed").replace("127.0.0.1", "rebound.example")
    async with httpx.AsyncClient(transport=ConnectsTo("127.0.0.1")) as rebinding:
        result = await Fetcher(rebinding, policy, resolver=lying_resolver).fetch(url)
    assert result.status == "refused"
    assert result.error == "refused: connected to a loopback address 127.0.0.1"
    assert result.body == b""


@pytest.mark.parametrize(
    ("declared", "written"), [("iso-8859-1", "utf-8"), ("utf-8", "cp1252"), ("", "cp1252")]
)
async def test_feed_declared_in_one_encoding_and_written_in_another(
    server: LocalServer, client: httpx.AsyncClient, declared: str, written: str
) -> None:
    title = "Café talks — “no deal” for Akazawa"
    xml = (
        f'<?xml version="1.0" encoding="{declared or "utf-8"}"?><rss version="2.0"><channel>'
        f"<title>Enc</title><item><title>{title}</title>"
        "<link>https://news.example/enc</link></item></channel></rss>"
    )
    content_type = f"application/rss+xml; charset={declared}" if declared else "application/xml"
    server.serve("/feed", xml.encode(written), content_type)
    result = await fetcher(client).fetch(server.url("/feed"))
    feed = parse_feed(result.body, result.final_url, result.content_type)
    assert [e.title for e in feed.entries] == [title]


async def test_a_name_that_does_not_resolve_is_a_transient_failure() -> None:
    async def no_such_name(host: str, port: int) -> Sequence[str]:
        raise OSError("Name or service not known")

    async with httpx.AsyncClient(transport=httpx.MockTransport(httpx.Response)) as mock_client:
        policy = FetchPolicy(per_host_interval_seconds=0)
        result = await Fetcher(mock_client, policy, resolver=no_such_name).fetch(
            "https://gone.example/rss"
        )
    assert (result.status, result.refused) == ("failed", False)
    assert result.error == "cannot resolve gone.example: Name or service not known"
