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


NETWORK_MODULES = ("httpx", "socket", "urllib.request", "http.client", "aiohttp")
FILE_IO_CALLS = ("open", "read_text", "read_bytes", "write_text", "write_bytes")


def _file_io_calls(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    calls: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name in FILE_IO_CALLS:
                calls.add(name)
    return calls


@pytest.mark.parametrize(
    "path",
    sorted(
        p
        for p in (ROOT / "briefings").rglob("*.py")
        if (ROOT / "briefings" / "sources") not in p.parents
    ),
    ids=lambda p: str(p.relative_to(ROOT)),
)
def test_only_the_sources_stage_does_io(path: Path) -> None:
    network = sorted(
        m for m in _imported_modules(path) if m in NETWORK_MODULES or m.split(".")[0] == "httpx"
    )
    assert (network, sorted(_file_io_calls(path))) == ([], [])


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


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _cycles(package: str) -> list[list[str]]:
    """Import cycles among ``package``'s modules, counting imports inside functions too."""
    paths = sorted((ROOT / package).rglob("*.py"))
    names = {_module_name(p) for p in paths}
    graph = {_module_name(p): sorted(m for m in _imported_modules(p) if m in names) for p in paths}
    found: list[list[str]] = []

    def visit(module: str, trail: list[str]) -> None:
        for imported in graph[module]:
            if imported in trail:
                cycle = trail[trail.index(imported) :]
                if min(cycle) == cycle[0] and cycle not in found:  # each cycle once
                    found.append(cycle)
            elif imported > trail[0]:
                visit(imported, [*trail, imported])

    for module in sorted(graph):
        visit(module, [module])
    return found


@pytest.mark.parametrize("package", ["briefings", "bot"])
def test_no_import_cycles(package: str) -> None:
    """No module imports another that imports it back (feeds and JSON feeds once did)."""
    assert _cycles(package) == []
