"""Logging, configured once at start: text or JSON lines on stderr, secrets scrubbed.

Every formatted line (message, arguments and traceback alike) has each secret value replaced
by ``***``, so a token inside a URL that a library logs never reaches the log.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import TextIO

TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
HIDDEN = "***"
HANDLER_NAME = "briefbot"


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time (UTC, ISO 8601), level, logger, message, and the
    traceback as ``exc_info`` when there is one."""

    def format(self, record: logging.LogRecord) -> str:
        line = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_info:
            line["exc_info"] = self.formatException(record.exc_info)
        return json.dumps(line, ensure_ascii=False)


class Scrubbing(logging.Formatter):
    """Wraps a formatter and replaces every secret in its output."""

    def __init__(self, inner: logging.Formatter, secrets: Iterable[str]) -> None:
        super().__init__()
        self._inner = inner
        # Longest first, so a secret containing another is hidden whole.
        self._secrets = sorted({s for s in secrets if s}, key=len, reverse=True)

    def format(self, record: logging.LogRecord) -> str:
        return self.scrub(self._inner.format(record))

    def scrub(self, text: str) -> str:
        for secret in self._secrets:
            text = text.replace(secret, HIDDEN)
        return text


def configure_logging(
    level: str, fmt: str = "text", secrets: Iterable[str] = (), stream: TextIO | None = None
) -> Scrubbing:
    """(Re)configure the root logger: ``level`` by name, ``fmt`` "text" or "json"."""
    inner = JsonFormatter() if fmt == "json" else logging.Formatter(TEXT_FORMAT)
    formatter = Scrubbing(inner, secrets)
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(formatter)
    handler.set_name(HANDLER_NAME)
    root = logging.getLogger()
    # Replace only our own handler: others (a test's log capture) stay.
    for old in [h for h in root.handlers if h.get_name() == HANDLER_NAME]:
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(getattr(logging, level.upper(), logging.WARNING))
    return formatter
