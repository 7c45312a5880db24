"""``briefings/`` is the platform-free core: it never imports the chat side."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FORBIDDEN = ("bot", "telegram", "slack_bolt", "slack_sdk", "apscheduler")


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


@pytest.mark.parametrize(
    "path", sorted((ROOT / "briefings").rglob("*.py")), ids=lambda p: str(p.relative_to(ROOT))
)
def test_briefings_does_not_import_chat_side(path: Path) -> None:
    bad = sorted(m for m in _imported_modules(path) if m.split(".")[0] in FORBIDDEN)
    assert bad == []


def test_command_handling_is_platform_neutral() -> None:
    commands = ROOT / "bot" / "commands"
    platform_sdks = ("telegram", "slack_bolt", "slack_sdk")
    bad = {
        str(path.relative_to(ROOT)): sorted(
            m for m in _imported_modules(path) if m.split(".")[0] in platform_sdks
        )
        for path in commands.rglob("*.py")
    }
    assert {k: v for k, v in bad.items() if v} == {}
