from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from briefings.errors import FetchError, NothingToBrief, UnsafeUrl
from briefings.model import Article
from briefings.sources.policy import FetchPolicy
from briefings.sources.read import classify, read_source, read_url
from tests.briefings.mockfetch import POLICY, mock_fetcher

DATA = Path(__file__).resolve().parents[1] / "data"
PAGE = (DATA / "pacificwire-2025-06-07-tariff-talks.html").read_bytes()


@pytest.mark.parametrize(
    ("source", "kind"),
    [
        ("https://x.test/a", "url"),
        ("http://x.test/a", "url"),
        ("a/b.html", "html"),
        ("a/b.HTM", "html"),
        ("b.txt", "text"),
        ("b", "file"),
    ],
)
def test_classify(source: str, kind: str) -> None:
    assert classify(source) == kind


def test_text_and_html_files() -> None:
    text = read_source(str(DATA / "asahi-2025-06-07-tariff-talks.txt"))
    page = read_source(str(DATA / "asahi-2025-06-07-tariff-talks.html"))
    assert text.url.startswith("file://")
    assert text.paragraphs == page.paragraphs


def test_file_without_suffix_is_sniffed(tmp_path: Path) -> None:
    (tmp_path / "page").write_bytes(PAGE)
    assert read_source(str(tmp_path / "page")).outlet == "Pacific Wire"


def test_missing_file() -> None:
    with pytest.raises(FetchError, match=r"nope\.txt"):
        read_source("/nonexistent/nope.txt")


def test_empty_file(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("\n\n", encoding="utf-8")
    with pytest.raises(NothingToBrief, match="no article text"):
        read_source(str(tmp_path / "empty.txt"))


async def test_url_through_the_fetcher() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        assert request.url.path == "/world/talks"
        assert request.headers["User-Agent"] == POLICY.user_agent
        return httpx.Response(200, content=PAGE, headers={"content-type": "text/html"})

    async with mock_fetcher(handler) as fetcher:
        article = await read_url("https://pacificwire.example/world/talks", fetcher)
    assert isinstance(article, Article)
    assert article.url == "https://pacificwire.example/world/talks"
    assert article.authors == ("Mara Whitfield",)


@pytest.mark.parametrize(
    ("response", "message"),
    [
        (httpx.Response(404), "HTTP 404"),
        (httpx.Response(200, content=b"x" * 5000, headers={"content-type": "text/html"}), "large"),
        (httpx.Response(200, content=b"\x89PNG", headers={"content-type": "image/png"}), "not an"),
    ],
)
async def test_url_failures(response: httpx.Response, message: str) -> None:
    policy = FetchPolicy(max_bytes=1000, per_host_interval_seconds=0)
    async with mock_fetcher(lambda request: response, policy) as fetcher:
        with pytest.raises(FetchError, match=message):
            await read_url("https://x.test/a", fetcher)


async def test_connection_error_is_translated() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    async with mock_fetcher(handler) as fetcher:
        with pytest.raises(FetchError, match="connection failed"):
            await read_url("https://x.test/a", fetcher)


async def test_plain_text_url() -> None:
    body = (DATA / "asahi-2025-06-07-tariff-talks.txt").read_bytes()

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=body, headers={"content-type": "text/plain"})

    async with mock_fetcher(handler) as fetcher:
        article = await read_url("https://x.test/a.txt", fetcher)
    assert isinstance(article, Article)
    assert article.outlet == "The Asahi Shimbun"


async def test_a_refused_url_is_an_unsafe_url_error_and_nothing_is_requested() -> None:
    requested: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        requested.append(request)
        return httpx.Response(200, content=PAGE, headers={"content-type": "text/html"})

    async with mock_fetcher(handler) as fetcher:
        with pytest.raises(UnsafeUrl, match=r"loopback address 127\.0\.0\.1"):
            await read_url("http://0x7f.1/admin", fetcher)
    assert requested == []


def test_read_source_reads_files_only() -> None:
    with pytest.raises(FetchError, match="read_url"):
        read_source("https://x.test/a")
