"""Install briefbot; with ``BRIEFBOT_COMPILE=1``, build the engine's hot modules with mypyc.

The engine is pure Python by default, for source and editable installs alike: what you edit
is what runs. Compiling is an explicit choice (``make compiled``, or ``BRIEFBOT_COMPILE=1 pip
install .``): mypyc turns the same typed Python source into C extensions, nothing written in C
by hand, and briefs about half again as fast (``bench/brief_throughput.py``). It needs a C
compiler and mypyc. When compiling is asked for and cannot be done, the install stops with a
block saying why and what to do (pip shows a failed build's output even with ``--quiet``),
and compiled modules of an earlier build are removed: what is left runs as pure Python.

Every install that does not compile removes compiled modules an earlier one left in the
source tree, so they never shadow edited sources.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any, NoReturn

from setuptools import setup
from setuptools.command.build_ext import build_ext

ROOT = Path(__file__).resolve().parent
COMPILE_ENV = "BRIEFBOT_COMPILE"
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
    "briefings/quotes/owners.py",
    "briefings/quotes/phrases.py",
    "briefings/quotes/finder.py",
    "briefings/quotes/shown.py",
    "briefings/quotes/signature.py",
    "briefings/quotes/marks.py",
    "briefings/quotes/mask.py",
    "briefings/quotes/people.py",
    "briefings/quotes/registry.py",
    "briefings/quotes/speakers.py",
    "briefings/quotes/tokens.py",
    "briefings/quotes/turns.py",
    "briefings/quotes/verbs.py",
    "briefings/facts/outcomes.py",
    "briefings/facts/choice.py",
    "briefings/facts/worth.py",
    "briefings/facts/stance.py",
    "briefings/facts/cues.py",
    "briefings/facts/background.py",
    "briefings/facts/tenses.py",
    "briefings/facts/nextsteps.py",
    "briefings/facts/ledesteps.py",
    "briefings/facts/ledecut.py",
    "briefings/facts/news.py",
    "briefings/facts/firmsteps.py",
    "briefings/facts/narration.py",
    "briefings/facts/quotedsteps.py",
    "briefings/facts/asides.py",
    "briefings/facts/onestep.py",
    "briefings/facts/oneevent.py",
    "briefings/facts/stepdays.py",
    "briefings/facts/claims.py",
    "briefings/facts/standing.py",
    "briefings/reading/sentences.py",
    "briefings/reading/captions.py",
    "briefings/reading/furniture.py",
    "briefings/reading/lineshape.py",
    "briefings/reading/page.py",
    "briefings/reading/pagebody.py",
    "briefings/reading/pagetitle.py",
    "briefings/reading/gluedmarks.py",
    "briefings/reading/embeds.py",
    "briefings/reading/promos.py",
    "briefings/reading/paragraphs.py",
    "briefings/reading/repeats.py",
    "briefings/reading/scanning.py",
    "briefings/reading/timecode.py",
    "briefings/quotes/runs.py",
    "briefings/quotes/acronyms.py",
    "briefings/quotes/subjects.py",
    "briefings/quotes/subject_events.py",
    "briefings/facts/statements.py",
    "briefings/quotes/textcache.py",
    "briefings/reading/headings.py",
    "briefings/reading/listings.py",
    "briefings/reading/officialdom.py",
    "briefings/quotes/offices.py",
    "briefings/quotes/pairs.py",
    "briefings/quotes/reported.py",
    "briefings/quotes/statement.py",
    "briefings/facts/pointers.py",
    "briefings/facts/voices.py",
    "briefings/reading/sitemarks.py",
    "briefings/reading/spoken.py",
    "briefings/reading/sitelines.py",
    "briefings/reading/backmatter.py",
]
# One shared library for the group, kept inside the package so that every install (wheel
# or editable) finds it wherever the package is.
GROUP = "briefings._engine"


def compile_requested() -> bool:
    return os.environ.get(COMPILE_ENV) == "1"


def _cannot_compile(reason: str) -> NoReturn:
    """Stop the build with a block that stands out in a long build log."""
    _remove_built(_module_names())
    rule = "-" * 78
    print(
        f"\n{rule}\nbriefbot: {COMPILE_ENV}=1, but the engine could not be compiled:\n"
        f"  {reason}\n"
        "Compiling needs a C compiler (e.g. apt-get install build-essential python3-dev)\n"
        "and mypyc (installed with the build). Without them, install without\n"
        f"{COMPILE_ENV}: the pure-Python engine gives the same briefings, more slowly.\n"
        f"{rule}\n",
        file=sys.stderr,
    )
    raise SystemExit(1)


def _remove_built(names: list[str]) -> None:
    """Delete compiled modules left in the source tree by an earlier editable install."""
    for name in names:
        folder = ROOT.joinpath(*name.split(".")[:-1])
        for built in folder.glob(f"{name.split('.')[-1]}.*.so"):
            built.unlink()


def _module_names() -> list[str]:
    return [path.removesuffix(".py").replace("/", ".") for path in COMPILED] + [f"{GROUP}__mypyc"]


class ExplainedBuildExt(build_ext):  # type: ignore[misc]
    """Build the compiled modules; a failure ends the build with the reason."""

    def run(self) -> None:
        try:
            super().run()
        # A failed compiler run is a CompileError or LinkError, and some tools exit instead
        # (SystemExit is not an Exception): all of them are explained the same way.
        except (Exception, SystemExit) as exc:
            _cannot_compile(f"{type(exc).__name__}: {exc}")


def _extensions() -> list[Any]:
    if not compile_requested():
        _remove_built(_module_names())
        return []
    try:
        from mypyc.build import mypycify

        return list(mypycify(COMPILED, group_name=GROUP, opt_level="3"))
    # mypycify exits (SystemExit) when mypy finds an error in the engine's source.
    except (Exception, SystemExit) as exc:
        _cannot_compile(f"mypyc failed ({type(exc).__name__}: {exc})")


setup(ext_modules=_extensions(), cmdclass={"build_ext": ExplainedBuildExt})
