"""Ingest: poll feeds, keep what is new, group it into stories and store their briefings."""

from bot.ingest.pipeline import Ingestor, configured_feeds, run_ingest
from bot.ingest.report import FeedOutcome, IngestReport

__all__ = [
    "FeedOutcome",
    "IngestReport",
    "Ingestor",
    "configured_feeds",
    "run_ingest",
]
