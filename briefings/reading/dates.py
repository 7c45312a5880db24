"""Publication dates as printed on pages ("June 7, 2025 at 17:46 JST") or as ISO strings."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
# Offsets of the zone abbreviations news sites print; unknown ones fall back to UTC.
ZONES = {
    "UTC": 0.0, "GMT": 0.0, "Z": 0.0, "JST": 9.0, "KST": 9.0, "HKT": 8.0, "SGT": 8.0,
    "CST": -6.0, "CDT": -5.0, "EST": -5.0, "EDT": -4.0, "PST": -8.0, "PDT": -7.0,
    "MST": -7.0, "MDT": -6.0, "CET": 1.0, "CEST": 2.0, "BST": 1.0, "IST": 5.5,
    "AEST": 10.0, "AEDT": 11.0, "EET": 2.0, "EEST": 3.0, "MSK": 3.0,
}  # fmt: skip

DATE_LINE = re.compile(
    r"^(?:(?:published|posted|updated|last updated|date)\s*:?\s+)?"
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
    r"(?:(?P<month>[A-Za-z]{3,9})\.?\s+(?P<day>\d{1,2}),?"
    r"|(?P<day_first>\d{1,2})(?:st|nd|rd|th)?\s+(?P<month_second>[A-Za-z]{3,9})\.?,?)"
    r"\s+(?P<year>\d{4})"
    r"(?:\s*(?:at|,|-)?\s*(?P<hour>\d{1,2}):(?P<minute>\d{2})\s*(?P<ampm>[ap]\.?m\.?)?)?"
    r"\s*(?P<zone>[A-Z]{1,5})?\s*$",
    re.IGNORECASE,
)


# A date printed on its own before the body: "Monday, January 7, 2019".
DATE_PREFIX = re.compile(
    r"^\s*(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
    r"(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december)\s+\d{1,2},\s+\d{4}\b\s*",
    re.IGNORECASE,
)


def parse_date_line(line: str) -> datetime | None:
    """``"June 7, 2025 at 17:46 JST"`` or ``"Published 12 June 2025"`` -> the instant in UTC,
    or None if it is no date line."""
    match = DATE_LINE.match(line.strip())
    if match is None:
        return None
    month = MONTHS.get((match["month"] or match["month_second"]).lower())
    if month is None:
        return None
    day = int(match["day"] or match["day_first"])
    hour = int(match["hour"] or 0)
    if match["ampm"] and match["ampm"][0].lower() == "p" and hour < 12:
        hour += 12
    zone = (match["zone"] or "UTC").upper()
    offset = timezone(timedelta(hours=ZONES.get(zone, 0.0)))
    try:
        local = datetime(
            int(match["year"]), month, day, hour, int(match["minute"] or 0),
            tzinfo=offset,
        )  # fmt: skip
    except ValueError:
        return None
    return local.astimezone(UTC)


def parse_iso(value: str | None) -> datetime | None:
    """An ISO 8601 date or datetime -> tz-aware UTC (naive values are taken as UTC)."""
    if not value:
        return None
    text = value.strip().replace("Z", "+00:00")
    if re.search(r"[+-]\d{4}$", text):
        text = f"{text[:-2]}:{text[-2:]}"
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)
