"""The command line itself: --version, common options before and after the subcommand, the
log format and level, and bad settings exiting with status 2."""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path

import pytest

from bot.cli import build_parser, main, version


@pytest.fixture(autouse=True)
def _no_user_config(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BRIEFBOT_CONFIG", raising=False)


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["--version"])
    assert stopped.value.code == 0
    assert capsys.readouterr().out.strip() == f"briefbot {version()}"
    assert re.fullmatch(r"\d+\.\d+\.\d+.*", version())


@pytest.mark.parametrize(
    "argv",
    [
        ["--config", "my.toml", "--log-level", "debug", "--log-format", "json", "ingest"],
        ["ingest", "--config", "my.toml", "--log-level", "debug", "--log-format", "json"],
        ["--config", "my.toml", "ingest", "--log-level", "DEBUG", "--log-format", "json"],
    ],
)
def test_common_options_before_or_after_the_subcommand(argv: list[str]) -> None:
    args = build_parser().parse_args(argv)
    assert (args.config, args.log_level, args.log_format) == ("my.toml", "DEBUG", "json")


def test_options_not_given_fall_back_to_the_settings() -> None:
    args = build_parser().parse_args(["ingest", "--once"])
    assert (args.config, args.log_level, args.log_format) == (None, None, None)


def test_a_bad_log_level_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["brief", "x.txt", "--log-level", "LOUD"])
    assert stopped.value.code == 2
    assert "--log-level" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ('[bot]\ndefault_timezone = "Mars/Olympus"\n', "bot.default_timezone"),
        ('[bot]\ndefault_digest_time = "25:99"\n', "bot.default_digest_time"),
        ("[fetch]\ntimeout_seconds = -5.0\n", "fetch.timeout_seconds"),
        ("[fetch]\nmax_bytes = 0\n", "fetch.max_bytes"),
        ('[logging]\nlevel = "CHATTY"\n', "logging.level"),
    ],
)
def test_bad_settings_exit_with_status_2_naming_the_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, named: str
) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    assert main(["run", "--console", "--config", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"briefbot: configuration error: {named} ")
    assert "Traceback" not in err


def test_json_log_lines_with_the_secrets_scrubbed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SLACK_SIGNING_SECRET", "very-secret-value")
    path = tmp_path / "c.toml"
    path.write_text('[logging]\nformat = "json"\nlevel = "info"\n', encoding="utf-8")
    assert main(["brief", "/nonexistent/a.txt", "--config", str(path)]) == 1
    logging.getLogger("bot.test").warning("signed with %s", "very-secret-value")
    try:
        raise ValueError("very-secret-value in a traceback")
    except ValueError:
        logging.getLogger("bot.test").exception("failed")
    lines = [json.loads(line) for line in capsys.readouterr().err.splitlines() if "{" in line]
    mine = [line for line in lines if line["logger"] == "bot.test"]
    assert mine[0]["level"] == "WARNING"
    assert mine[0]["message"] == "signed with ***"
    assert "very-secret-value" not in mine[1]["exc_info"]
    assert "*** in a traceback" in mine[1]["exc_info"]
    assert {"time", "level", "logger", "message"} <= set(mine[0])
