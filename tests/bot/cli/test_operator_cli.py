"""`briefbot status`, `briefbot chats list|remove` and `briefbot feeds ...` on a real
SQLite database in a temporary folder."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.app import open_database_for
from bot.chat import ChatKind
from bot.cli import main
from bot.config import load_settings
from bot.opml import parse_opml
from bot.store.chats import ChatStore

NOW = datetime(2026, 6, 7, 8, 0, tzinfo=UTC)
CONFIGURED = "https://configured.example/feed"


@pytest.fixture
def config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("BRIEFBOT_CONFIG", raising=False)
    monkeypatch.delenv("DATABASE_URL", raising=False)
    path = tmp_path / "briefbot.toml"
    # data_dir is relative: resolved against this file's folder, whatever the working folder.
    path.write_text(
        f'[bot]\ndata_dir = "state"\n[topics.trade-talks]\nfeeds = ["{CONFIGURED}"]\n',
        encoding="utf-8",
    )
    return path


def _run(config: Path, capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main([*argv, "--config", str(config)])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_status_of_a_fresh_database(config: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(config, capsys, "status")
    assert status == 0
    assert out.splitlines() == [
        "queue: 0 queued, 0 due (empty)",
        "feeds: none polled yet",
        "chats: none",
        "last digest: never",
    ]
    assert (config.parent / "state" / "briefbot.sqlite3").is_file()


def test_chats_list_and_remove(config: Path, capsys: pytest.CaptureFixture[str]) -> None:
    engine = open_database_for(load_settings(config))
    chats = ChatStore(engine)
    chats.ensure_chat("telegram", "-1001", ChatKind.GROUP, "Trade desk", NOW)
    chats.subscribe("telegram", "-1001", "trade-talks", NOW)
    chats.set_digest("telegram", "-1001", "08:00", "Europe/Berlin", NOW)
    engine.dispose()
    status, out, _ = _run(config, capsys, "chats", "list")
    assert (status, out) == (
        0,
        "telegram:-1001\tgroup\tactive\tdigest 08:00 Europe/Berlin\ttopics trade-talks\t"
        "Trade desk\n",
    )
    assert _run(config, capsys, "chats", "remove", "telegram:-1001")[1] == (
        "removed telegram:-1001 (0 queued messages dropped)\n"
    )
    status, _, err = _run(config, capsys, "chats", "remove", "telegram:-1001")
    assert (status, err) == (1, "briefbot chats remove: no chat telegram:-1001\n")
    assert _run(config, capsys, "chats", "remove", "nonsense")[0] == 2


def test_feeds_add_remove_list_and_export(config: Path, capsys: pytest.CaptureFixture[str]) -> None:
    added = "https://added.example/rss"
    assert _run(config, capsys, "feeds", "add", added, "--title", "Added")[1] == (
        f"added {added}\n"
    )
    assert _run(config, capsys, "feeds", "add", added)[1] == f"{added} is polled already\n"
    assert _run(config, capsys, "feeds", "remove", CONFIGURED)[1] == f"removed {CONFIGURED}\n"
    assert _run(config, capsys, "feeds", "list")[1] == f"new\toperator\t{added}\tAdded\n"
    status, out, _ = _run(config, capsys, "feeds", "export")
    assert status == 0
    assert [(f.url, f.title) for f in parse_opml(out)] == [(added, "Added")]
    status, _, err = _run(config, capsys, "feeds", "remove", "https://never.example/")
    assert status == 1
    assert "not a feed being polled" in err
    status, _, err = _run(config, capsys, "feeds", "add", "javascript:alert(1)")
    assert status == 2
    assert "not an http(s) URL" in err


def test_feeds_import_from_opml(
    config: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    opml = tmp_path / "subs.opml"
    opml.write_text(
        '<opml version="2.0"><body><outline text="News">'
        '<outline type="rss" text="One" xmlUrl="https://one.example/rss"/>'
        '<outline type="rss" text="Bad" xmlUrl="file:///etc/passwd"/>'
        f'<outline type="rss" text="Configured" xmlUrl="{CONFIGURED}"/>'
        "</outline></body></opml>",
        encoding="utf-8",
    )
    status, out, _ = _run(config, capsys, "feeds", "import", str(opml))
    assert status == 0
    assert out.splitlines() == [
        "skipped 'file:///etc/passwd': not an http(s) URL",
        "imported 2 feeds (0 polled already)",
    ]
    status, out, _ = _run(config, capsys, "feeds", "import", str(opml))
    assert out.splitlines()[-1] == "imported 0 feeds (2 polled already)"
    exported = parse_opml(_run(config, capsys, "feeds", "export")[1])
    assert [f.url for f in exported] == [CONFIGURED, "https://one.example/rss"]


def test_a_bad_opml_file_imports_nothing(
    config: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.opml"
    bad.write_text("<rss/>", encoding="utf-8")
    status, _, err = _run(config, capsys, "feeds", "import", str(bad))
    assert status == 1
    assert (
        err == f"briefbot feeds import: {bad} is not OPML: the root element is <rss>, not <opml>\n"
    )
    status, _, err = _run(config, capsys, "feeds", "import", str(tmp_path / "missing.opml"))
    assert (status, "cannot read" in err) == (1, True)
    assert _run(config, capsys, "feeds", "list")[1] == ""
