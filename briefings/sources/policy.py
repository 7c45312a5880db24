"""How politely and how defensively sources are fetched (the ``[fetch]`` config section)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class FetchPolicy:
    user_agent: str = "briefbot/0.1 (news briefing bot; +https://github.com/briefbot/briefbot)"
    timeout_seconds: float = 20.0
    max_bytes: int = 5_000_000
    max_redirects: int = 5
    concurrency: int = 16
    per_host_concurrency: int = 2
    per_host_interval_seconds: float = 1.0
    poll_interval_minutes: int = 15
    backoff_base_minutes: int = 5
    backoff_max_minutes: int = 1440
    broken_after: int = 8
    allow_private_networks: bool = False
