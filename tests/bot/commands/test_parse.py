from __future__ import annotations

import pytest

from bot.chat import ChatKind, CommandRequest
from bot.commands.parse import command_request, parse_command_line


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("subscribe trade-talks", ("subscribe", ("trade-talks",))),
        ("/Subscribe   Trade-Talks ", ("subscribe", ("Trade-Talks",))),
        ("LATEST", ("latest", ())),
        ("digest 08:00 Europe/Berlin", ("digest", ("08:00", "Europe/Berlin"))),
        ("\tdigest\toff\n", ("digest", ("off",))),
        ("", ("", ())),
        ("   ", ("", ())),
        ("/", ("", ())),
        ("/sub\u200bscribe trade\u202e-talks\x07", ("subscribe", ("trade-talks",))),
        ("\u2066latest\u2069", ("latest", ())),
    ],
)
def test_parse_command_line(line: str, expected: tuple[str, tuple[str, ...]]) -> None:
    assert parse_command_line(line) == expected


def test_command_request() -> None:
    request = command_request(
        "/Digest 08:00 Europe/Berlin",
        platform="console",
        chat_id="c",
        chat_kind=ChatKind.GROUP,
        user_id="u",
        user_is_admin=False,
        chat_title="Desk",
    )
    assert request == CommandRequest(
        "console", "c", ChatKind.GROUP, "u", False, "digest", ("08:00", "Europe/Berlin"), "Desk"
    )
    assert (
        command_request(
            "  ",
            platform="console",
            chat_id="c",
            chat_kind=ChatKind.PRIVATE,
            user_id="u",
            user_is_admin=True,
        )
        is None
    )
