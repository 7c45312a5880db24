"""Per-platform send limits, as schedules: the limiter says *when* a message may go.

Every limit is a bucket with no burst (a minimum spacing between messages, GCRA-style): a
message reserved at ``t`` pushes the bucket's next free instant to ``t + interval``. Evenly
spaced sends stay under a sliding-window limit of the same rate, which is how platforms count.
Each limit is scaled by ``limit_fraction`` so network jitter does not tip a burst over.

- Telegram: ``telegram_per_second`` overall, ``telegram_per_chat_per_second`` per chat, and
  ``telegram_per_group_per_minute`` per group or channel.
- Slack: ``slack_per_channel_per_second`` per channel.
- Anything else (the console): unlimited.

Where several replicas send (webhook and Slack modes, where any replica answers the commands
it receives), each keeps to its share: :meth:`RateLimiter.share_with` the live replicas.

The limiter never sleeps; the worker awaits the returned instant with its own sleep function.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Iterator
from datetime import UTC, datetime

from bot.clock import Clock
from bot.config import DeliverySettings

GROUP_KINDS = frozenset({"group", "channel"})
_PRUNE_EVERY = 4096
# When every place in the window is taken by messages still being sent: look again this soon.
_IN_FLIGHT_RECHECK = 0.02

Bucket = tuple[str, ...]


class RateLimiter:
    """Message schedules per platform, chat and group. Not thread-safe: one per event loop."""

    def __init__(self, settings: DeliverySettings, clock: Clock) -> None:
        self._clock = clock
        self._settings = settings
        self._next_free: dict[Bucket, float] = {}
        self._windows: dict[str, deque[float]] = {}
        self._window_cap: dict[str, int] = {}
        self._in_flight: dict[str, int] = {}
        self._reservations = 0
        self.replicas = 1
        self._configure()

    def share_with(self, replicas: int) -> None:
        """Keep to ``1 / replicas`` of every limit: that many processes send for the bot,
        each through a limiter of its own, and together they must stay within the limits."""
        replicas = max(1, replicas)
        if replicas != self.replicas:
            self.replicas = replicas
            self._configure()

    def _configure(self) -> None:
        settings = self._settings
        fraction = settings.limit_fraction / self.replicas
        self._telegram_overall = _interval(settings.telegram_per_second * fraction, 1.0)
        self._telegram_chat = _interval(settings.telegram_per_chat_per_second * fraction, 1.0)
        self._telegram_group = _interval(settings.telegram_per_group_per_minute * fraction, 60.0)
        self._slack_channel = _interval(settings.slack_per_channel_per_second * fraction, 1.0)
        if self._telegram_overall:
            self._windows.setdefault("telegram", deque())
            self._window_cap["telegram"] = max(
                1, math.floor(settings.telegram_per_second * fraction + 1e-9)
            )

    def ready_at(self, platform: str, chat_id: str, chat_kind: str) -> datetime:
        """The earliest instant the chat's own limits allow (the overall one not included).
        Books nothing: a chat waits here without holding a place in the platform's line."""
        now = self._now()
        start = max(
            [now]
            + [
                self._next_free.get(bucket, now)
                for bucket, _ in self._buckets(platform, chat_id, chat_kind, overall=False)
            ]
        )
        return datetime.fromtimestamp(start, UTC)

    def reserve(
        self, platform: str, chat_id: str, chat_kind: str, *, overall: bool = True
    ) -> datetime:
        """Book the earliest instant every limit allows, and return it.

        Call it once :meth:`ready_at` has come: the platform-wide line is one schedule, so a
        chat booked far ahead would hold every other chat back until then. ``overall=False``
        books the chat's own limits only: a reply then keeps to the platform-wide limit
        through :meth:`admit`'s window alone, which lets a few replies go at once as the
        platform's own count allows, instead of queueing them behind an even schedule.
        """
        now = self._now()
        buckets = list(self._buckets(platform, chat_id, chat_kind, overall=overall))
        start = max([now] + [self._next_free.get(bucket, now) for bucket, _ in buckets])
        for bucket, interval in buckets:
            self._next_free[bucket] = start + interval
        self._reservations += 1
        if self._reservations % _PRUNE_EVERY == 0:
            self._prune(now)
        return datetime.fromtimestamp(start, UTC)

    def admit(self, platform: str, chat_id: str, chat_kind: str) -> datetime | None:
        """Ask right before sending: None means go (and the send is counted), an instant
        means wait until then and ask again.

        The schedule spaces messages evenly, but a busy loop can wake several reservations
        late at once; the platform counts arrivals, so the overall limit is also kept as a
        sliding window. A message counts in it from the moment it is admitted until one
        second after :meth:`sent` (it arrived somewhere in between), so a burst whose answers
        come slowly is not followed too soon by the next one. A late send also moves the
        chat's next slot, so one chat never gets two messages too close.
        """
        now = self._now()
        window = self._windows.get(platform)
        if window is not None:
            while window and window[0] <= now - 1.0:
                window.popleft()
            in_flight = self._in_flight.get(platform, 0)
            if len(window) + in_flight >= self._window_cap[platform]:
                wake = window[0] + 1.0 if window else now + _IN_FLIGHT_RECHECK
                return datetime.fromtimestamp(wake, UTC)
            self._in_flight[platform] = in_flight + 1
        for bucket, interval in self._buckets(platform, chat_id, chat_kind, overall=False):
            self._next_free[bucket] = max(self._next_free.get(bucket, now), now + interval)
        return None

    def sent(self, platform: str, chat_id: str, chat_kind: str) -> None:
        """A send to the chat has just been answered: its next message waits a full interval
        from now. The platform counts arrivals, and a slow answer to one message followed by
        a quick one to the next would otherwise bring two arrivals too close."""
        now = self._now()
        window = self._windows.get(platform)
        if window is not None and self._in_flight.get(platform, 0) > 0:
            self._in_flight[platform] -= 1
            window.append(now)
        for bucket, interval in self._buckets(platform, chat_id, chat_kind, overall=False):
            self._next_free[bucket] = max(self._next_free.get(bucket, now), now + interval)

    def defer(self, platform: str, chat_id: str, until: datetime) -> None:
        """The platform asked to wait: nothing more goes to the chat before ``until``."""
        bucket = (platform, "chat", chat_id)
        self._next_free[bucket] = max(self._next_free.get(bucket, 0.0), until.timestamp())

    def _buckets(
        self, platform: str, chat_id: str, chat_kind: str, *, overall: bool
    ) -> Iterator[tuple[Bucket, float]]:
        # Deferral buckets exist for every platform; a zero interval only carries the wait.
        chat_interval = 0.0
        if platform == "telegram":
            chat_interval = self._telegram_chat
            if overall and self._telegram_overall:
                yield ("telegram", "all"), self._telegram_overall
            if chat_kind in GROUP_KINDS and self._telegram_group:
                yield ("telegram", "group", chat_id), self._telegram_group
        elif platform == "slack":
            chat_interval = self._slack_channel
        yield (platform, "chat", chat_id), chat_interval

    def _now(self) -> float:
        return self._clock.now().timestamp()

    def _prune(self, now: float) -> None:
        # Buckets whose next free instant has passed constrain nothing; drop them so a
        # fan-out to many chats does not keep one entry per chat forever.
        self._next_free = {key: when for key, when in self._next_free.items() if when > now}


def _interval(rate: float, per_seconds: float) -> float:
    """Seconds between messages for ``rate`` messages per ``per_seconds``; 0 = unlimited."""
    return per_seconds / rate if rate > 0 else 0.0
