"""Time codes around a line: a video's shot list or a transcript marks each passage with the
time it starts and its length ("00:00:17 Minister speaks ... 00:00:28"). The codes are the
player's furniture, not the passage's words: without them a quoted passage reads as the
sentences it is, and a shot ("00:00:14 Cutaway 00:00:03") as the label it is.
"""

from __future__ import annotations

import re

# hh:mm:ss, with an optional frame or fraction (00:01:39:12, 00:01:39.5); a clock time
# ("10:30 a.m.") has no seconds and stays.
_CODE = r"\d{1,2}:\d{2}:\d{2}(?:[:.,]\d{1,3})?"
LEADING_CODE = re.compile(rf"^\[?{_CODE}\]?(?:\s*[-–—]\s*\[?{_CODE}\]?)?\s+(?=\S)")
TRAILING_CODE = re.compile(rf"\s+\[?{_CODE}\]?$")


def without_timecodes(line: str) -> str:
    """``line`` without the time codes that open or close it. A line that is only a time code
    (a clock time under a headline) stays as it is."""
    if not (line[:1].isdigit() or line[:1] == "[" or line[-1:].isdigit() or line[-1:] == "]"):
        return line  # the cheap test first: most lines neither open nor close with a digit
    text = LEADING_CODE.sub("", line, count=1)
    text = TRAILING_CODE.sub("", text, count=1)
    return text if text.strip() else line
