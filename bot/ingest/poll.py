"""Polling one feed: fetch (conditional GET), parse, and the plan for its next poll."""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace

from bot.store.sources import FeedState
from briefings.sources.feedmodel import ParsedFeed
from briefings.sources.feeds import parse_feed
from briefings.sources.fetch import Fetcher
from briefings.sources.fetchresult import FetchResult

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Poll:
    """A feed's fetch result and, when it had a body, what the body parsed to."""

    state: FeedState
    fetched: FetchResult
    parsed: ParsedFeed | None = None

    @property
    def failure(self) -> str:
        """Why this poll failed ("" when it did not)."""
        if self.fetched.failed:
            return self.fetched.error
        if self.parsed is not None and not self.parsed.ok:
            return self.parsed.error
        return ""


async def poll_feed(state: FeedState, fetcher: Fetcher) -> Poll:
    fetched = await fetcher.fetch(state.url, etag=state.etag, last_modified=state.last_modified)
    if not fetched.ok:
        return Poll(state, fetched)
    try:
        parsed = parse_feed(fetched.body, fetched.final_url or state.url, fetched.content_type)
    except Exception as exc:  # parse_feed never raises by design; a parser bug is one failure
        log.exception("feed %s: parser crashed", state.url)
        parsed = ParsedFeed(url=state.url, error=f"parser crashed: {exc!r}")
    for warning in parsed.warnings[:5]:
        log.info("feed %s: %s", state.url, warning)
    # Keep the body out of the value from here on: only the entries are needed.
    return Poll(state, _without_body(fetched), parsed)


def _without_body(result: FetchResult) -> FetchResult:
    return replace(result, body=b"")
