"""Operator endpoints under load: /readyz and /metrics latency, and `briefbot status`, with a
large delivery queue in the database.

Fills a fresh database with N queued messages (a tenth of them due, the rest later) plus sent
and failed ones, serves the health endpoints on 127.0.0.1, and times sequential requests
(as a scraper makes them) and the status report.

Usage: .venv/bin/python bench/health.py [--queued N] [--requests N] [--database-url URL]
Prints human-readable figures; the last line is one JSON object.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import aiohttp
import sqlalchemy as sa

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.health import HealthServer  # noqa: E402
from bot.store.db import create_engine, migrate, sqlite_url  # noqa: E402
from bot.store.schema import deliveries  # noqa: E402
from bot.store.status import status_report  # noqa: E402

NOW = datetime(2026, 6, 7, 8, 0, tzinfo=UTC)
CHUNK = 10_000


def fill(engine: sa.Engine, queued: int) -> None:
    """``queued`` queued messages (one in ten due), and as many again sent or failed."""
    rows = []
    for n in range(queued * 2):
        status = "queued" if n < queued else ("sent" if n % 7 else "failed")
        due = NOW - timedelta(seconds=n % 600) if n % 10 == 0 else NOW + timedelta(hours=1)
        rows.append(
            {
                "idempotency_key": f"bench:{n}",
                "platform": "telegram" if n % 3 else "slack",
                "chat_id": str(n % 5000),
                "kind": "digest",
                "payload": {"text": "x"},
                "status": status,
                "next_attempt_at": due,
                "created_at": NOW - timedelta(hours=1),
            }
        )
    with engine.begin() as connection:
        for start in range(0, len(rows), CHUNK):
            connection.execute(deliveries.insert(), rows[start : start + CHUNK])


async def timed_gets(url: str, count: int) -> list[float]:
    times = []
    async with aiohttp.ClientSession() as session:
        for _ in range(count):
            started = time.perf_counter()
            async with session.get(url) as response:
                await response.read()
                assert response.status in (200, 503), response.status
            times.append((time.perf_counter() - started) * 1000)
    return times


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


async def measure(engine: sa.Engine, requests: int) -> dict[str, float]:
    server = HealthServer(engine, lambda: {"telegram": True}, lambda: NOW, "127.0.0.1", 0)
    await server.start()
    base = f"http://127.0.0.1:{server.port}"
    try:
        ready = await timed_gets(f"{base}/readyz", requests)
        metrics = await timed_gets(f"{base}/metrics", requests)
    finally:
        await server.stop()
    started = time.perf_counter()
    for _ in range(10):
        status_report(engine, NOW)
    status_ms = (time.perf_counter() - started) * 100
    return {
        "readyz_p50_ms": statistics.median(ready),
        "readyz_p95_ms": percentile(ready, 0.95),
        "metrics_p50_ms": statistics.median(metrics),
        "metrics_p95_ms": percentile(metrics, 0.95),
        "status_ms": status_ms,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--queued", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--database-url", help="a PostgreSQL database to fill (default: SQLite)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="briefbot-bench-") as tmp:
        engine = create_engine(args.database_url or sqlite_url(Path(tmp) / "bench.sqlite3"))
        migrate(engine)
        with engine.begin() as connection:
            connection.execute(deliveries.delete())
        fill(engine, args.queued)
        figures = asyncio.run(measure(engine, args.requests))
        engine.dispose()
    backend = "postgresql" if args.database_url else "sqlite"
    print(f"{args.queued:,} queued messages ({args.queued * 2:,} rows), {backend}")
    print(f"/readyz:  p50 {figures['readyz_p50_ms']:.1f} ms, p95 {figures['readyz_p95_ms']:.1f} ms")
    print(
        f"/metrics: p50 {figures['metrics_p50_ms']:.1f} ms, p95 {figures['metrics_p95_ms']:.1f} ms"
    )
    print(f"status report: {figures['status_ms']:.1f} ms")
    print(json.dumps({"queued": args.queued, "backend": backend, **figures}))


if __name__ == "__main__":
    main()
