"""Test doubles for delivery: a plain-text renderer, a scripted sender, a clock-moving sleep."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime

import sqlalchemy as sa

from bot.chat import BriefingPart, ChoicesPart, DigestPart, Reply, TextPart, ThreadDigestPart
from bot.clock import Clock, FakeClock
from bot.config import DeliverySettings
from bot.delivery.queue import DeliveryQueue
from bot.delivery.ratelimit import RateLimiter
from bot.delivery.sender import SendResult
from bot.delivery.worker import DeliveryWorker
from bot.render import RenderedMessage
from bot.store.chats import ChatStore
from briefings.model import Briefing

T0 = datetime(2026, 11, 25, 8, 0, tzinfo=UTC)


class TextRenderer:
    """One message per reply part; a digest is its title then one line per headline.
    ``split=True`` sends a digest as a title message and one message per briefing."""

    def __init__(self, platform: str = "console", *, split: bool = False) -> None:
        self.platform = platform
        self._split = split

    def render(self, reply: Reply) -> tuple[RenderedMessage, ...]:
        texts: list[str] = []
        for part in reply.parts:
            if isinstance(part, TextPart):
                texts.append(part.text)
            elif isinstance(part, DigestPart | ThreadDigestPart):
                heads = [f"• {h}" for h in _headlines(part)]
                texts.extend(
                    [part.title, *heads] if self._split else ["\n".join([part.title, *heads])]
                )
            elif isinstance(part, BriefingPart):
                texts.append(part.briefing.headline)
            elif isinstance(part, ChoicesPart):
                texts.append(part.prompt)
        return tuple(RenderedMessage({"text": text}) for text in texts)


def _headlines(part: DigestPart | ThreadDigestPart) -> list[str]:
    if isinstance(part, DigestPart):
        return [b.headline for b in part.briefings]
    return [t.headline for t in part.threads] + ([part.more] if part.more else [])


def message(text: str) -> RenderedMessage:
    return RenderedMessage({"text": text})


@dataclass(frozen=True, slots=True)
class Sent:
    chat_id: str
    text: str
    at: datetime


@dataclass
class ScriptedSender:
    """Answers from a per-chat script (then SENT), recording every call and its time."""

    platform: str
    clock: Clock
    script: dict[str, list[SendResult]] = field(default_factory=dict)
    calls: list[Sent] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    async def send(self, chat_id: str, message: RenderedMessage) -> SendResult:
        with self._lock:
            self.calls.append(Sent(chat_id, str(message.payload["text"]), self.clock.now()))
            answers = self.script.get(chat_id)
            result = answers.pop(0) if answers else SendResult.sent(f"m{len(self.calls)}")
        await asyncio.sleep(0)  # let other chats' sends interleave, as a network call would
        return result

    def delivered(self) -> list[Sent]:
        """Calls that were answered SENT (every call not scripted otherwise)."""
        return self.calls


class FakeSleep:
    """Moves the fake clock forward instead of waiting (never backwards: concurrent sleepers
    all wake at their own target)."""

    def __init__(self, clock: FakeClock) -> None:
        self.clock = clock
        self.delays: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.delays.append(seconds)
        target = self.clock.now().timestamp() + seconds
        await asyncio.sleep(0)
        if target > self.clock.now().timestamp():
            self.clock.set(datetime.fromtimestamp(target, UTC))


def settings(**overrides: object) -> DeliverySettings:
    values: dict[str, object] = {"retry_base_seconds": 2.0, "retry_max_seconds": 60.0}
    values.update(overrides)
    return DeliverySettings(**values)  # type: ignore[arg-type]


@dataclass
class Rig:
    queue: DeliveryQueue
    worker: DeliveryWorker
    sleep: FakeSleep
    chats: ChatStore


def rig(
    engine: sa.Engine,
    clock: FakeClock,
    senders: Iterable[ScriptedSender],
    delivery: DeliverySettings | None = None,
    *,
    worker_id: str = "w1",
) -> Rig:
    delivery = delivery or settings()
    queue = DeliveryQueue(engine, clock, worker_id=worker_id, lease_seconds=delivery.lease_seconds)
    sleep = FakeSleep(clock)
    chats = ChatStore(engine)
    by_platform: Mapping[str, ScriptedSender] = {s.platform: s for s in senders}
    worker = DeliveryWorker(
        queue, by_platform, RateLimiter(delivery, clock), chats, clock, sleep, delivery
    )
    return Rig(queue, worker, sleep, chats)


def briefing(headline: str, topic: str = "trade-talks") -> Briefing:
    return Briefing(
        headline=headline, url=f"https://news.example/{abs(hash(headline))}", topics=(topic,)
    )
