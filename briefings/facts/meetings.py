"""Who met whom and for how long: "he met with Treasury Secretary Scott Bessent for 45
minutes and then with Commerce Secretary Howard Lutnick for 1 hour and 50 minutes"."""

from __future__ import annotations

import re
from dataclasses import dataclass

_NUMBER = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|an?|half an)"
DURATION = (
    rf"(?:(?:about|around|nearly|almost|more than|less than|over|some)\s+)?{_NUMBER}\s+"
    rf"(?:hours?|minutes?|days?)(?:\s+and\s+{_NUMBER}\s+(?:minutes?|hours?))?"
)
_WHO = r"(?P<who{n}>(?:[A-Z][\w.'’-]*\s+){{0,5}}[A-Z][\w'’-]+)"
_PART = r"(?:with\s+)?" + _WHO + r"\s+for\s+(?P<dur{n}>" + DURATION + ")"
MEETING = re.compile(
    r"\b(?P<subject>[A-Z][\w'’-]+|[Hh]e|[Ss]he)\s+(?:\w+\s+)?met\s+"
    + _PART.format(n=1)
    + r"(?:,?\s+and\s+(?:then\s+)?"
    + _PART.format(n=2)
    + r")?"
)


@dataclass(frozen=True, slots=True)
class Meeting:
    subject: str
    who: tuple[str, ...]
    durations: tuple[str, ...]

    def sentence(self) -> str:
        parts = [f"{w} for {d}" for w, d in zip(self.who, self.durations, strict=True)]
        return f"{self.subject} met {' and '.join(parts)}."


def find_meeting(sentence: str, subject: str) -> Meeting | None:
    """The meeting a sentence reports; a he/she subject becomes ``subject``."""
    match = MEETING.search(sentence)
    if match is None:
        return None
    who = match["subject"]
    name = subject if who.lower() in {"he", "she"} or not subject else who
    people = tuple(p for p in (match["who1"], match["who2"]) if p)
    durations = tuple(d for d in (match["dur1"], match["dur2"]) if d)
    return Meeting(name, people, durations)
