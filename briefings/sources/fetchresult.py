"""The outcome of one fetch: a frozen value, whether it worked or not."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

FetchStatus = Literal["ok", "not_modified", "failed"]


@dataclass(frozen=True, slots=True)
class FetchResult:
    """What one conditional GET produced.

    ``status`` is ``ok`` (``body`` holds the bytes), ``not_modified`` (a 304: nothing more to
    do) or ``failed`` (``error`` says why; ``retry_after`` is the delay in seconds the server
    asked for on 429/503, for the caller to schedule).
    """

    url: str
    status: FetchStatus
    final_url: str = ""
    http_status: int | None = None
    body: bytes = b""
    etag: str | None = None
    last_modified: str | None = None
    content_type: str = ""
    retry_after: float | None = None
    error: str = ""

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    @property
    def not_modified(self) -> bool:
        return self.status == "not_modified"

    @property
    def failed(self) -> bool:
        return self.status == "failed"

    @property
    def charset(self) -> str:
        """The charset declared in the Content-Type header ("" when none)."""
        for part in self.content_type.split(";")[1:]:
            key, _, value = part.partition("=")
            if key.strip().lower() == "charset":
                return value.strip().strip("\"'").lower()
        return ""
