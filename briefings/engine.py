"""Which engine is running: the compiled modules (``BRIEFBOT_COMPILE=1`` at install) or the
pure-Python source."""

from __future__ import annotations

import importlib
import importlib.machinery

# A module the compiled build always includes; when it is an extension, they all are.
_PROBE = "briefings.summarize"


def is_compiled() -> bool:
    """True when the engine's hot modules are the C extensions mypyc built."""
    module = importlib.import_module(_PROBE)
    path = getattr(module, "__file__", "") or ""
    return path.endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES))


def engine_kind() -> str:
    """``"compiled"`` or ``"pure"``, for logs and benchmark output."""
    return "compiled" if is_compiled() else "pure"
