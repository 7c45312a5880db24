"""Telegram HTML building blocks: lines of escaped runs, measured like Telegram measures.

A message is built from :class:`Line` values, each a tuple of :class:`Run` values holding raw
(unescaped) text. Escaping happens only in :func:`line_html`, at the last moment, so no
article text ever reaches Telegram unescaped. Lengths are counted in UTF-16 code units of the
visible text (after entity parsing), as the Bot API counts its 4096-character limit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

MESSAGE_LIMIT = 4096
ELLIPSIS = "…"

# Control characters (other than whitespace, which is collapsed) and lone surrogates have no
# business in a chat message; Telegram rejects text that is not valid UTF-8.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_SPACE = re.compile(r"\s+")
_URL_FORBIDDEN = re.compile(r"[\s<>\"'\\`{}|^\x00-\x1f\x7f]")


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of raw text, optionally inside one tag (``b``, ``i`` or ``a`` with ``href``)."""

    text: str
    tag: str = ""
    href: str = ""


Line = tuple[Run, ...]


def clean(text: str) -> str:
    """Article text as one line: control characters dropped, whitespace collapsed."""
    return _SPACE.sub(" ", _CONTROL.sub("", text)).strip()


def clean_block(text: str) -> tuple[str, ...]:
    """Bot-written text kept line by line (each line cleaned)."""
    return tuple(clean(line) for line in text.split("\n"))


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def escape_attribute(text: str) -> str:
    return escape(text).replace('"', "&quot;")


def safe_http_url(url: str) -> str:
    """``url`` if it is a plain absolute http(s) URL Telegram will take as a link, else ``""``."""
    url = url.strip()
    if not url or len(url) > 2048 or _URL_FORBIDDEN.search(url):
        return ""
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:
        return ""
    if parts.scheme.lower() not in ("http", "https") or not host:
        return ""
    return url


def host_of(url: str) -> str:
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return ""
    return host.removeprefix("www.")


def utf16_len(text: str) -> int:
    if text.isascii():
        return len(text)
    # surrogatepass: a lone surrogate counts as the one unit Telegram would see
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def line_len(line: Line) -> int:
    return sum(utf16_len(run.text) for run in line)


def run_html(run: Run) -> str:
    body = escape(run.text)
    if not run.text:
        return ""
    if run.tag == "a":
        return f'<a href="{escape_attribute(run.href)}">{body}</a>'
    if run.tag:
        return f"<{run.tag}>{body}</{run.tag}>"
    return body


def line_html(line: Line) -> str:
    return "".join(run_html(run) for run in line)


def truncate_line(line: Line, limit: int) -> Line:
    """``line`` cut to at most ``limit`` units, ending in an ellipsis when cut; runs stay whole
    tags (only their text is shortened), so no tag is ever cut."""
    if line_len(line) <= limit:
        return line
    budget = limit - utf16_len(ELLIPSIS)
    kept: list[Run] = []
    for run in line:
        size = utf16_len(run.text)
        if size <= budget:
            kept.append(run)
            budget -= size
            continue
        head = _cut(run.text, budget)
        kept.append(Run(head + ELLIPSIS, run.tag, run.href))
        return tuple(kept)
    return tuple(kept)  # pragma: no cover - the loop always cuts when the line was too long


def _cut(text: str, budget: int) -> str:
    used = 0
    for index, char in enumerate(text):
        used += 2 if ord(char) > 0xFFFF else 1
        if used > budget:
            return text[:index]
    return text
