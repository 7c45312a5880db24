"""Shared parts of the ingest tests: settings, a stand-in engine, routing to the local server."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import httpx

from bot.config import Settings
from briefings.model import Article, Briefing, Fact, SourceRef
from briefings.reading.extract import parse_html
from briefings.sources.policy import FetchPolicy
from briefings.stories.topics import Topic
from tests.httpserver import LocalServer

DATA = Path(__file__).resolve().parents[2] / "data"
TRADE_TERMS = ("tariff", "tariffs", "trade talks", "trade deal", "Akazawa", "Bessent", "Lutnick")
POLICY = FetchPolicy(
    user_agent="briefbot-test/1 (+mailto:ops@briefbot.example)",
    timeout_seconds=5.0,
    max_bytes=2_000_000,
    per_host_interval_seconds=0.0,
    broken_after=3,
    allow_private_networks=True,
)


def settings_for(*feeds: str, **policy: object) -> Settings:
    topic = Topic("trade-talks", "Trade talks", include=TRADE_TERMS, feeds=tuple(feeds))
    return Settings(fetch=dataclasses.replace(POLICY, **policy), topics=(topic,))  # type: ignore[arg-type]


class StandInBriefer:
    """Real page extraction; a one-bullet summary."""

    def __init__(self) -> None:
        self.summarized: list[str] = []

    def extract(self, page: str, url: str) -> Article:
        return parse_html(page, url)

    def summarize(self, article: Article) -> Briefing:
        self.summarized.append(article.link)
        return Briefing(
            headline=article.title,
            url=article.link,
            outlet=article.outlet,
            published=article.published,
            outcomes=(Fact(article.paragraphs[0] if article.paragraphs else "", article.link),),
            sources=(SourceRef(article.link, article.outlet, article.title),),
        )


class RouteToLocal(httpx.AsyncBaseTransport):
    """Sends every request to the local server: ``https://host/path`` -> ``/host/path``."""

    def __init__(self, server: LocalServer) -> None:
        self._server = server
        self._inner = httpx.AsyncHTTPTransport()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.host != "127.0.0.1":
            path = request.url.raw_path.decode("ascii")
            request.url = httpx.URL(self._server.url(f"/{request.url.host}{path}"))
        return await self._inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self._inner.aclose()


def serve_fixture_pages(server: LocalServer) -> None:
    """The two fifth-round pages at the URLs the fixture feed links to (the others 404)."""
    server.serve(
        "/asahi.example/ajw/articles/15800000",
        (DATA / "asahi-2025-06-07-tariff-talks.html").read_bytes(),
        "text/html; charset=utf-8",
    )
    server.serve(
        "/pacificwire.example/world/2025/06/07/japan-us-tariff-talks-fifth-round",
        (DATA / "pacificwire-2025-06-07-tariff-talks.html").read_bytes(),
        "text/html; charset=utf-8",
    )
