"""The sender seam: each platform adapter sends one rendered message and says how it went.

Platform errors are translated into a :class:`SendResult` where they arise, so the delivery
worker never sees an SDK exception.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from bot.render import RenderedMessage


class SendStatus(StrEnum):
    SENT = "sent"
    RETRY = "retry"  # transient: rate limited, network, 5xx; retry after ``retry_after``
    GONE = "gone"  # the chat is gone for good: blocked, kicked, deleted, archived
    MOVED = "moved"  # the chat has a new id (``new_chat_id``); resend there
    FAILED = "failed"  # permanent for this message (e.g. rejected content); do not retry


@dataclass(frozen=True, slots=True)
class SendResult:
    status: SendStatus
    message_id: str = ""
    retry_after: float | None = None
    new_chat_id: str = ""
    reason: str = ""

    @classmethod
    def sent(cls, message_id: str = "") -> SendResult:
        return cls(SendStatus.SENT, message_id=message_id)

    @classmethod
    def retry(cls, reason: str, retry_after: float | None = None) -> SendResult:
        return cls(SendStatus.RETRY, retry_after=retry_after, reason=reason)

    @classmethod
    def gone(cls, reason: str) -> SendResult:
        return cls(SendStatus.GONE, reason=reason)

    @classmethod
    def moved(cls, new_chat_id: str, reason: str = "chat migrated") -> SendResult:
        return cls(SendStatus.MOVED, new_chat_id=new_chat_id, reason=reason)

    @classmethod
    def failed(cls, reason: str) -> SendResult:
        return cls(SendStatus.FAILED, reason=reason)


class Sender(Protocol):
    """Sends rendered messages to one platform."""

    platform: str

    async def send(self, chat_id: str, message: RenderedMessage) -> SendResult: ...
