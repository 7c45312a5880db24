"""Telegram: the adapter (python-telegram-bot), its renderer and its sender."""

import os

# PTB 22 is moving its durations (RetryAfter.retry_after, ...) from int seconds to timedelta
# and warns on every read until a program opts in. This package reads them as timedelta (and
# copes with ints should a deployment set PTB_TIMEDELTA=false), so it opts in.
os.environ.setdefault("PTB_TIMEDELTA", "true")
