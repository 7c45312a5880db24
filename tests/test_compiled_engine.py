"""The compiled engine modules (``make compiled`` builds them with mypyc) must match their
source: a compiled module older than its ``.py`` file would run code that no longer exists."""

from __future__ import annotations

from pathlib import Path

import briefings

PACKAGE = Path(briefings.__file__).resolve().parent


def test_no_compiled_module_is_older_than_its_source() -> None:
    stale = []
    for built in PACKAGE.rglob("*.so"):
        source = built.with_name(built.name.split(".")[0] + ".py")
        if source.exists() and built.stat().st_mtime < source.stat().st_mtime:
            stale.append(str(source.relative_to(PACKAGE.parent)))
    assert not stale, (
        f"compiled modules older than {stale}: run `make compiled` again to rebuild them, "
        "or `make pure` to remove them"
    )
