"""Briefings for the Telegram tests, built from the Asahi fixture's gold facts."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from briefings.model import Briefing, Fact, Quote, SourceRef

DATA = Path(__file__).resolve().parents[2] / "data"
ASAHI_URL = "https://www.asahi.example/ajw/articles/15812345"


def asahi_briefing() -> Briefing:
    gold = json.loads((DATA / "asahi-2025-06-07-tariff-talks.expected.json").read_text())
    meta = gold["metadata"]
    quotes = tuple(
        Quote(
            text=q["text"].rstrip(","),
            speaker=q["speaker"],
            role="minister in charge of economic revitalization",
            source_url=ASAHI_URL,
            partial=q.get("partial", False),
        )
        for q in gold["quotes"][:2]
    )
    return Briefing(
        headline="Japan-US tariff talks: fifth round ends without agreement",
        url=ASAHI_URL,
        outlet=meta["outlet"],
        published=datetime.fromisoformat(meta["published"]),
        outcomes=(
            Fact(
                "Japan and the U.S. failed to find common ground in the fifth round (June 6).",
                ASAHI_URL,
            ),
        ),
        next=(Fact("Ishiba and Trump meet at the G7 summit in Canada, June 15-17.", ASAHI_URL),),
        quotes=quotes,
        sources=(SourceRef(ASAHI_URL, meta["outlet"]),),
        topics=("trade-talks",),
    )
