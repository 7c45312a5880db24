"""Injectable faults: blocked and migrated chats, per-chat errors, 429 storms, and the
enforcement of Telegram's rate limits."""

from __future__ import annotations

import math
import time
from collections import deque
from collections.abc import Callable

from tests.telegram_standin.model import ApiError, Chat


class Faults:
    def __init__(self) -> None:
        self.blocked: dict[int, str] = {}
        self.migrated: dict[int, int] = {}
        self.errors: dict[int, ApiError] = {}
        self._storm = 0
        self._storm_retry_after = 1
        self._limits: tuple[float, float, float] | None = None
        self._rate_clock: Callable[[], float] = time.monotonic
        self._global_window: deque[float] = deque()
        self._chat_windows: dict[int, deque[float]] = {}

    def block(
        self, chat_id: int, description: str = "Forbidden: bot was blocked by the user"
    ) -> None:
        self.blocked[chat_id] = description

    def fail(self, chat_id: int, code: int, description: str, **parameters: int) -> None:
        """Every sendMessage to ``chat_id`` answers this error until :meth:`heal`."""
        self.errors[chat_id] = ApiError(code, description, **parameters)

    def heal(self, chat_id: int) -> None:
        self.errors.pop(chat_id, None)
        self.blocked.pop(chat_id, None)

    def storm(self, count: int, retry_after: int = 1) -> None:
        """The next ``count`` sendMessage calls answer 429 with ``retry_after``."""
        self._storm = count
        self._storm_retry_after = retry_after

    def enforce_rate_limits(
        self,
        per_second: float = 30,
        per_chat_per_second: float = 1,
        per_group_per_minute: float = 20,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        """Answer 429 (with ``retry_after``) past Telegram's limits, counted in sliding
        windows of ``clock()`` seconds (a test's fake clock, or real time)."""
        self._limits = (per_second, per_chat_per_second, per_group_per_minute)
        self._rate_clock = clock

    def check(self, chat: Chat) -> None:
        """Raise the error a sendMessage to ``chat`` gets now, if any."""
        if self._storm > 0:
            self._storm -= 1
            retry = self._storm_retry_after
            raise ApiError(429, f"Too Many Requests: retry after {retry}", retry_after=retry)
        if chat.id in self.errors:
            raise self.errors[chat.id]
        if chat.id in self.blocked:
            raise ApiError(403, self.blocked[chat.id])
        if chat.id in self.migrated:
            raise ApiError(
                400,
                "Bad Request: group chat was upgraded to a supergroup chat",
                migrate_to_chat_id=self.migrated[chat.id],
            )
        if self._limits is not None:
            self._check_rate(chat)

    def _check_rate(self, chat: Chat) -> None:
        assert self._limits is not None
        per_second, per_chat, per_group_minute = self._limits
        now = self._rate_clock()
        window = self._chat_windows.setdefault(chat.id, deque())
        span, allowed = (60.0, per_group_minute) if chat.type != "private" else (1.0, per_chat)
        for queue, length, count in (
            (self._global_window, 1.0, per_second),
            (window, span, allowed),
        ):
            while queue and queue[0] <= now - length:
                queue.popleft()
            if len(queue) >= count:
                wait = queue[0] + length - now
                raise ApiError(
                    429, f"Too Many Requests: retry after {math.ceil(wait)}",
                    retry_after=max(1, math.ceil(wait)),
                )  # fmt: skip
        if chat.type != "private":
            # a group also obeys the per-chat second limit
            recent = [t for t in window if t > now - 1.0]
            if len(recent) >= per_chat:
                raise ApiError(429, "Too Many Requests: retry after 1", retry_after=1)
        self._global_window.append(now)
        window.append(now)
