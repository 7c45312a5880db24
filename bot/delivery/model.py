"""The delivery queue's values: what is queued, what a worker leases, what is stored."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.render import RenderedMessage

QUEUED = "queued"
SENT = "sent"
FAILED = "failed"
GONE = "gone"


@dataclass(frozen=True, slots=True)
class Delivery:
    """A leased row: what to send where, and until when this worker holds it."""

    id: int
    key: str
    platform: str
    chat_id: str
    chat_kind: str
    kind: str
    message: RenderedMessage
    attempts: int
    claimed_until: datetime


@dataclass(frozen=True, slots=True)
class Outgoing:
    """A message to queue: see :meth:`DeliveryQueue.enqueue`."""

    key: str
    platform: str
    chat_id: str
    kind: str
    message: RenderedMessage
    chat_kind: str = "private"


@dataclass(frozen=True, slots=True)
class DeliveryRecord:
    """A row as stored, for inspection (``briefbot`` status output and tests)."""

    key: str
    platform: str
    chat_id: str
    status: str
    attempts: int
    next_attempt_at: datetime
    message_id: str | None
    last_error: str | None
    sent_at: datetime | None
