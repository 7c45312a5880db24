"""A real :class:`Fetcher` over ``httpx.MockTransport``, for names that look public."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Callable, Sequence

import httpx

from briefings.sources.fetch import Fetcher
from briefings.sources.policy import FetchPolicy

PUBLIC_ADDRESS = "93.184.216.34"
POLICY = FetchPolicy(per_host_interval_seconds=0.0)


async def public_dns(host: str, port: int) -> Sequence[str]:
    """Every name resolves to one public address (no real DNS in tests)."""
    return [PUBLIC_ADDRESS]


@contextlib.asynccontextmanager
async def mock_fetcher(
    handler: Callable[[httpx.Request], httpx.Response], policy: FetchPolicy = POLICY
) -> AsyncIterator[Fetcher]:
    async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as client:
        yield Fetcher(client, policy, resolver=public_dns)
