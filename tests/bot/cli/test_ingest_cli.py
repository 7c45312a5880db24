"""`briefbot ingest --once` against a local server."""

from __future__ import annotations

import io
import socket
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
import sqlalchemy as sa
from aiohttp import web

from bot.cli import build_parser
from bot.cli.ingest import ingest_loop
from bot.clock import FakeClock
from tests.bot.ingest.helpers import RouteToLocal, serve_fixture_pages, settings_for
from tests.httpserver import LocalServer, running_server

DATA = Path(__file__).resolve().parents[2] / "data"
T0 = datetime(2025, 6, 7, 12, 0, tzinfo=UTC)


@pytest.fixture
async def server() -> AsyncIterator[LocalServer]:
    async with running_server() as running:
        yield running


def test_parser_knows_the_options() -> None:
    args = build_parser().parse_args(["ingest", "--once", "--feed", "http://a/", "--feed", "b"])
    assert (args.once, args.feed, args.all) == (True, ["http://a/", "b"], False)


async def test_prints_a_line_per_feed_and_a_summary(engine: sa.Engine, server: LocalServer) -> None:
    server.serve("/trade.rss", (DATA / "trade-talks.rss").read_bytes())
    serve_fixture_pages(server)

    async def down(request: web.Request) -> web.Response:
        return web.Response(status=503, headers={"Retry-After": "120"})

    server.route("/down.rss", down)
    out = io.StringIO()
    settings = settings_for(server.url("/trade.rss"))
    async with httpx.AsyncClient(transport=RouteToLocal(server)) as client:
        status = await ingest_loop(
            engine,
            settings,
            FakeClock(T0),
            extra_feeds=[server.url("/down.rss")],
            once=True,
            only_due=True,
            out=out,
            client=client,
        )
    lines = out.getvalue().splitlines()
    assert status == 0
    assert lines[0] == f"{server.url('/trade.rss')}: 4 new"
    assert lines[1] == (
        f"{server.url('/down.rss')}: failed: HTTP 503 [1 in a row, retry at 2025-06-07 12:05 UTC]"
    )
    assert lines[2] == (
        "2 feeds polled: 1 with new entries, 0 unchanged, 1 failed; "
        "4 new articles, 3 on a topic; 2 new stories, 0 updated; 1 new thread, 0 developed"
    )


async def test_exit_status_is_1_when_every_feed_failed(
    engine: sa.Engine, server: LocalServer
) -> None:
    out = io.StringIO()
    settings = settings_for(server.url("/missing.rss"))
    async with httpx.AsyncClient() as client:
        status = await ingest_loop(
            engine,
            settings,
            FakeClock(T0),
            extra_feeds=[],
            once=True,
            only_due=True,
            out=out,
            client=client,
        )
    assert status == 1
    assert "failed: HTTP 404" in out.getvalue()


def test_main_runs_once_with_a_config_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from bot.cli import main

    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    feed = f"http://127.0.0.1:{port}/none.rss"
    config = tmp_path / "briefbot.toml"
    config.write_text(
        f'[bot]\ndata_dir = "{tmp_path / "data"}"\n[topics.trade-talks]\nfeeds = ["{feed}"]\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("BRIEFBOT_ALLOW_PRIVATE_NETWORKS", "1")
    monkeypatch.delenv("DATABASE_URL", raising=False)
    assert main(["--config", str(config), "ingest", "--once"]) == 1
    out = capsys.readouterr().out
    assert f"{feed}: failed: connection failed" in out
    assert (tmp_path / "data" / "briefbot.sqlite3").exists()
