"""The outcome of one fetch: a frozen value, whether it worked or not."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class FetchStatus(StrEnum):
    """How a fetch ended."""

    OK = "ok"
    NOT_MODIFIED = "not_modified"
    FAILED = "failed"  # transient: an HTTP error, a timeout, too big; worth a retry
    REFUSED = "refused"  # permanent: the address guard refused the URL or a redirect


@dataclass(frozen=True, slots=True)
class FetchResult:
    """What one conditional GET produced.

    ``status`` is ``OK`` (``body`` holds the bytes), ``NOT_MODIFIED`` (a 304: nothing more to
    do), ``FAILED`` (``error`` says why; ``retry_after`` is the delay in seconds the server
    asked for on 429/503, for the caller to schedule) or ``REFUSED`` (the address guard
    refused the URL or a redirect target; ``error`` says why; never worth a retry).
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
        return self.status is FetchStatus.OK

    @property
    def not_modified(self) -> bool:
        return self.status is FetchStatus.NOT_MODIFIED

    @property
    def failed(self) -> bool:
        """Nothing usable came back, for whatever reason (refusals included)."""
        return self.status in (FetchStatus.FAILED, FetchStatus.REFUSED)

    @property
    def refused(self) -> bool:
        return self.status is FetchStatus.REFUSED

    @property
    def charset(self) -> str:
        """The charset declared in the Content-Type header ("" when none)."""
        for part in self.content_type.split(";")[1:]:
            key, _, value = part.partition("=")
            if key.strip().lower() == "charset":
                return value.strip().strip("\"'").lower()
        return ""
