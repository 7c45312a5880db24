"""Build the briefing engine's hot modules as C extensions with mypyc.

mypyc compiles the same typed Python source the engine is written in; nothing is written in C
by hand. The compiled modules turn an article into its briefing about half again as fast
(``bench/brief_throughput.py``). Set ``BRIEFBOT_PURE_PYTHON=1`` to install without them; a
machine without a C compiler, or where mypyc fails, falls back to the pure-Python modules
with a warning, so the install itself never fails for this.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from setuptools import setup
from setuptools.command.build_ext import build_ext

ROOT = Path(__file__).resolve().parent
# The engine's inner loops: reading a page, tokens, names, attribution, sentences and facts.
COMPILED = [
    "briefings/reading/boilerplate.py",
    "briefings/reading/dateline.py",
    "briefings/reading/extract.py",
    "briefings/reading/headline.py",
    "briefings/facts/meetings.py",
    "briefings/reading/pagemeta.py",
    "briefings/summarize.py",
    "briefings/quotes/attribution.py",
    "briefings/quotes/finder.py",
    "briefings/quotes/marks.py",
    "briefings/quotes/mask.py",
    "briefings/quotes/people.py",
    "briefings/quotes/speakers.py",
    "briefings/quotes/tokens.py",
    "briefings/facts/outcomes.py",
    "briefings/reading/sentences.py",
    "briefings/facts/statements.py",
    "briefings/quotes/textcache.py",
]
# One shared library for the group, kept inside the package so that every install (wheel
# or editable) finds it wherever the package is.
GROUP = "briefings._engine"


def _warn(message: str) -> None:
    print(f"briefbot: {message}; the engine runs as pure Python", file=sys.stderr)


def _remove_built(names: list[str]) -> None:
    """Delete compiled modules left in the source tree by an earlier editable install."""
    for name in names:
        folder = ROOT.joinpath(*name.split(".")[:-1])
        for built in folder.glob(f"{name.split('.')[-1]}.*.so"):
            built.unlink()


def _module_names() -> list[str]:
    return [path.removesuffix(".py").replace("/", ".") for path in COMPILED] + [f"{GROUP}__mypyc"]


class OptionalBuildExt(build_ext):  # type: ignore[misc]
    """Build the compiled modules if possible; otherwise leave the pure-Python ones."""

    def run(self) -> None:
        try:
            super().run()
        except Exception as exc:  # any build failure means pure Python
            _warn(f"could not compile the engine ({exc})")
            _remove_built(_module_names())


def _extensions() -> list[Any]:
    if os.environ.get("BRIEFBOT_PURE_PYTHON") == "1":
        _remove_built(_module_names())
        return []
    try:
        from mypyc.build import mypycify

        return list(mypycify(COMPILED, group_name=GROUP, opt_level="3"))
    except Exception as exc:  # mypyc missing or failing: pure Python
        _warn(f"mypyc is not usable ({exc})")
        return []


setup(ext_modules=_extensions(), cmdclass={"build_ext": OptionalBuildExt})
