"""Sample values for the Slack tests."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from briefings.model import Briefing, Fact, Quote, SourceRef

ASAHI = "https://www.asahi.example/articles/tariff-talks"
WIRE = "https://pacificwire.example/tariffs"
NOW = datetime(2025, 6, 8, 9, 0, tzinfo=UTC)


def briefing(**changes: Any) -> Briefing:
    base: dict[str, Any] = {
        "headline": "Japan-US tariff talks: fifth round ends without agreement",
        "url": ASAHI,
        "outlet": "The Asahi Shimbun",
        "published": datetime(2025, 6, 7, 8, 46, tzinfo=UTC),
        "outcomes": (Fact("Japan and the U.S. failed to find common ground.", ASAHI),),
        "next": (Fact("Ishiba and Trump meet at the G7 summit, June 15-17.", ASAHI),),
        "quotes": (
            Quote(
                "But we have not found any point of agreement.",
                "Ryosei Akazawa",
                "Japan's top negotiator",
                ASAHI,
            ),
        ),
        "sources": (SourceRef(ASAHI, "The Asahi Shimbun"),),
        "topics": ("trade-talks",),
    }
    base.update(changes)
    return Briefing(**base)
