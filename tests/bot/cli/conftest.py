"""``main()`` installs the log handler of a real start; each test removes it again, so no
later test logs into a closed capture stream."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest

from bot.logsetup import HANDLER_NAME


@pytest.fixture(autouse=True)
def _remove_the_log_handler() -> Iterator[None]:
    root = logging.getLogger()
    level = root.level
    yield
    for handler in [h for h in root.handlers if h.get_name() == HANDLER_NAME]:
        root.removeHandler(handler)
    root.setLevel(level)
