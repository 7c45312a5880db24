from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from briefings.errors import NothingToBrief, SourceUnreadable
from briefings.sources.policy import FetchPolicy
from briefings.sources.read import classify, read_source

DATA = Path(__file__).resolve().parents[1] / "data"
PAGE = (DATA / "pacificwire-2025-06-07-tariff-talks.html").read_bytes()


def _client(handler: httpx.MockTransport) -> httpx.Client:
    return httpx.Client(transport=handler)


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
    with pytest.raises(SourceUnreadable, match=r"nope\.txt"):
        read_source("/nonexistent/nope.txt")


def test_empty_file(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("\n\n", encoding="utf-8")
    with pytest.raises(NothingToBrief, match="no article text"):
        read_source(str(tmp_path / "empty.txt"))


def test_url_through_injected_client() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        assert request.url.path == "/world/talks"
        return httpx.Response(200, content=PAGE, headers={"content-type": "text/html"})

    article = read_source(
        "https://pacificwire.example/world/talks", client=_client(httpx.MockTransport(handler))
    )
    assert article.url == "https://pacificwire.example/world/talks"
    assert article.authors == ("Mara Whitfield",)


@pytest.mark.parametrize(
    ("response", "message"),
    [
        (httpx.Response(404), "HTTP 404"),
        (httpx.Response(200, content=b"x" * 5000, headers={"content-type": "text/html"}), "larger"),
        (httpx.Response(200, content=b"\x89PNG", headers={"content-type": "image/png"}), "not an"),
    ],
)
def test_url_failures(response: httpx.Response, message: str) -> None:
    client = _client(httpx.MockTransport(lambda request: response))
    with pytest.raises(SourceUnreadable, match=message):
        read_source("https://x.test/a", client=client, policy=FetchPolicy(max_bytes=1000))


def test_connection_error_is_translated() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    with pytest.raises(SourceUnreadable, match="ConnectError"):
        read_source("https://x.test/a", client=_client(httpx.MockTransport(handler)))


def test_plain_text_url() -> None:
    body = (DATA / "asahi-2025-06-07-tariff-talks.txt").read_bytes()
    client = _client(
        httpx.MockTransport(
            lambda r: httpx.Response(200, content=body, headers={"content-type": "text/plain"})
        )
    )
    assert read_source("https://x.test/a.txt", client=client).outlet == "The Asahi Shimbun"
