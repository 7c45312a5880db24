"""Brief the whole Wikinews corpus and the labelled news set; one JSON line per source.

    python -m tests.engine_briefs [--pure]

``--pure`` imports the engine from its ``.py`` sources even when compiled modules sit beside
them, so one checkout can be briefed by both engines and the outputs compared
(``tests/briefings/test_engine_parity.py``).
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

NEWS = Path(__file__).parent / "data" / "news"
PACKAGE = "briefings"


class SourceOnly(importlib.abc.MetaPathFinder):
    """Finds the engine's modules as ``.py`` files only, never as extension modules."""

    def find_spec(
        self, name: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if name != PACKAGE and not name.startswith(f"{PACKAGE}."):
            return None
        if name == f"{PACKAGE}._engine__mypyc":
            return None
        places = path if path is not None else sys.path
        loader = (importlib.machinery.SourceFileLoader, importlib.machinery.SOURCE_SUFFIXES)
        for place in places:
            spec = importlib.machinery.FileFinder(place, loader).find_spec(name)
            if spec is not None:
                return spec
        return None


def use_pure_engine() -> None:
    """From now on, import the engine from source (call before anything imports it)."""
    if any(name == PACKAGE or name.startswith(f"{PACKAGE}.") for name in sys.modules):
        raise RuntimeError("the engine is already imported")
    sys.meta_path.insert(0, SourceOnly())


def news_sources() -> list[Path]:
    """Every text and page of the labelled news set, none skipped."""
    return sorted([*NEWS.glob("*.txt"), *NEWS.glob("*.html")])


def briefs() -> Iterator[dict[str, Any]]:
    from briefings.errors import BriefbotError
    from briefings.output.serialize import briefing_to_dict
    from briefings.sources.read import read_source
    from briefings.summarize import summarize
    from tests.wikinews import articles

    for article in articles():
        yield {"source": article.url, "briefing": briefing_to_dict(summarize(article))}
    for path in news_sources():
        name = f"news/{path.name}"
        try:
            briefing = summarize(read_source(str(path)))
        except BriefbotError as exc:
            yield {"source": name, "error": f"{type(exc).__name__}: {exc}".replace(str(NEWS), "")}
            continue
        yield {"source": name, "briefing": briefing_to_dict(briefing)}


def main(argv: Sequence[str]) -> int:
    if "--pure" in argv:
        use_pure_engine()
    from briefings.engine import engine_kind

    print(json.dumps({"engine": engine_kind()}))
    for found in briefs():
        print(json.dumps(found, ensure_ascii=False, sort_keys=True))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
