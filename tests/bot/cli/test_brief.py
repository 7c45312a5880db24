from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import Iterator, Sequence
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest

from bot.cli import brief, main
from briefings.model import Briefing
from briefings.sources.policy import FetchPolicy

DATA = Path(__file__).resolve().parents[2] / "data"
ASAHI_TXT = str(DATA / "asahi-2025-06-07-tariff-talks.txt")
ASAHI_HTML = str(DATA / "asahi-2025-06-07-tariff-talks.html")
PACIFIC = str(DATA / "pacificwire-2025-06-07-tariff-talks.html")
KEYS = {
    "headline",
    "url",
    "outlet",
    "published",
    "authors",
    "outcomes",
    "next",
    "quotes",
    "sources",
}


class _QuietHandler(SimpleHTTPRequestHandler):
    requested: ClassVar[list[str]] = []

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        self.requested.append(f"{self.path} {self.headers.get('User-Agent')}")
        super().do_GET()


@pytest.fixture
def requested() -> list[str]:
    """The paths the ``served`` server was asked for."""
    _QuietHandler.requested = []
    return _QuietHandler.requested


@pytest.fixture
def served(requested: list[str]) -> Iterator[str]:
    """The test data directory over HTTP on 127.0.0.1."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(DATA)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def test_text_format(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["brief", ASAHI_TXT]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("Japan and the United States failed to find common ground")
    assert out[1].startswith("• Outcome: ")
    assert "Quotes" in out
    assert out[-1].startswith("Source: The Asahi Shimbun, June 7, 2025 — file://")


def test_json_format_one_line_per_briefing(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["brief", "--format", "json", ASAHI_HTML, PACIFIC]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    records = [json.loads(line) for line in lines]
    assert all(set(r) >= KEYS for r in records)
    assert [r["outlet"] for r in records] == ["The Asahi Shimbun", "Pacific Wire"]
    assert set(records[0]["quotes"][0]) >= {"text", "speaker", "role"}
    assert records[1]["sources"][0]["outlet"] == "Pacific Wire"


def test_bad_source_is_reported_and_others_briefed(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["brief", "--format", "json", "/nonexistent/missing.html", PACIFIC]) == 0
    captured = capsys.readouterr()
    assert len(captured.out.splitlines()) == 1
    errors = captured.err.strip().splitlines()
    assert len(errors) == 1
    assert "/nonexistent/missing.html" in errors[0]


def test_nothing_briefed_is_a_failure(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("THE ASAHI SHIMBUN\nJune 7, 2025 at 17:46 JST\n", encoding="utf-8")
    assert main(["brief", "/nonexistent/a.txt", str(empty)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    errors = captured.err.strip().splitlines()
    assert len(errors) == 2
    assert "no article text" in errors[1]


def test_url_source(served: str, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"{served}/pacificwire-2025-06-07-tariff-talks.html"
    missing = f"{served}/missing.html"
    assert main(["brief", "--format", "json", "--allow-private", url, missing]) == 0
    captured = capsys.readouterr()
    record = json.loads(captured.out)
    assert record["outlet"] == "Pacific Wire"
    assert "HTTP 404" in captured.err


def test_urls_are_fetched_with_the_fetch_settings(
    served: str, requested: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "briefbot.toml"
    config.write_text(
        '[fetch]\nuser_agent = "desk-bot/2 (+mailto:desk@example.org)"\nmax_bytes = 1000\n'
    )
    url = f"{served}/pacificwire-2025-06-07-tariff-talks.html"
    assert main(["--config", str(config), "brief", "--allow-private", url]) == 1
    assert requested == [
        "/pacificwire-2025-06-07-tariff-talks.html desk-bot/2 (+mailto:desk@example.org)"
    ]
    assert "too large" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("host", "reason"),
    [
        ("127.0.0.1", "loopback address 127.0.0.1"),
        ("localhost", "localhost is this machine (loopback)"),
        ("0x7f.1", "0x7f.1 is a loopback address 127.0.0.1"),
        ("2130706433", "2130706433 is a loopback address 127.0.0.1"),
        ("[::ffff:127.0.0.1]", "::ffff:127.0.0.1 is a loopback address 127.0.0.1"),
    ],
)
def test_an_internal_url_is_refused_without_connecting(
    served: str,
    requested: list[str],
    host: str,
    reason: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("BRIEFBOT_ALLOW_PRIVATE_NETWORKS", raising=False)
    url = served.replace("127.0.0.1", host) + "/pacificwire-2025-06-07-tariff-talks.html"
    assert main(["brief", url]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.splitlines() == [
        f"briefbot brief: {url}: refused: {reason}; --allow-private allows it"
    ]
    assert requested == []


def test_the_metadata_address_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    url = "http://169.254.169.254/latest/meta-data/"
    assert main(["brief", url, ASAHI_TXT]) == 1  # a refusal is never outweighed
    err = capsys.readouterr().err.splitlines()
    assert err == [
        f"briefbot brief: {url}: refused: link-local address 169.254.169.254; "
        "--allow-private allows it"
    ]


def test_the_setting_allows_private_networks(
    served: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BRIEFBOT_ALLOW_PRIVATE_NETWORKS", "1")
    url = f"{served}/asahi-2025-06-07-tariff-talks.html".replace("127.0.0.1", "0x7f.1")
    assert main(["brief", "--format", "json", url]) == 0
    assert json.loads(capsys.readouterr().out)["outlet"] == "The Asahi Shimbun"


def test_a_public_looking_name_whose_dns_answer_is_private_is_refused(
    capsys: pytest.CaptureFixture[str],
) -> None:
    async def private_dns(host: str, port: int) -> Sequence[str]:
        return ["192.168.0.10"]

    emitted: list[Briefing] = []
    url = "https://news.example.com/world/talks"
    status = asyncio.run(
        brief.brief_all([url], (), FetchPolicy(), lambda b, _: emitted.append(b), private_dns)
    )
    assert (status, emitted) == (1, [])
    assert capsys.readouterr().err.splitlines() == [
        f"briefbot brief: {url}: refused: news.example.com resolves to a private address "
        "192.168.0.10; --allow-private allows it"
    ]


@pytest.mark.parametrize("fmt", ["telegram", "slack"])
def test_platform_formats(fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["brief", "--format", fmt, ASAHI_HTML]) == 0
    messages = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert messages
    assert all("text" in m for m in messages)
    assert "Akazawa" in "".join(json.dumps(m, ensure_ascii=False) for m in messages)


def test_missing_renderer_is_a_clear_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(brief.RENDERERS, "slack", ("bot.nowhere.render", "SlackRenderer"))
    assert main(["brief", "--format", "slack", ASAHI_HTML]) == 2
    assert "bot.nowhere.render.SlackRenderer" in capsys.readouterr().err
