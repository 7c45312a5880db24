"""Slack mrkdwn, escaped at the last moment.

Slack parses ``<...>`` as links, mentions (``<@U123>``) and broadcasts (``<!channel>``), and
``&`` as the start of an entity. Escaping ``& < >`` in every piece of article text keeps all of
them inert; links are built only here, only for http(s) URLs.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from urllib.parse import quote, urlsplit

ELLIPSIS = "…"
_URL_UNSAFE = re.compile(r"[\s<>|\"`]")
_SPACE = re.compile(r"\s+")


def escape(text: str) -> str:
    """``& < >`` as Slack entities, so nothing in ``text`` is parsed as markup."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def one_line(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def safe_url(url: str) -> str | None:
    """``url`` fit for ``<url|label>``, or None when it is not a plain http(s) URL."""
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    # Characters that would end the link early or open a new one are percent-encoded.
    return _URL_UNSAFE.sub(lambda match: quote(match.group(0), safe=""), url)


def link(url: str, label: str) -> str:
    """``<url|label>`` for http(s) URLs, else the escaped label alone."""
    label = escape(one_line(label)).replace("|", "¦")
    target = safe_url(url)
    if target is None or not label:
        return label
    return f"<{target}|{label}>"


def date(when: datetime) -> str:
    """A date Slack shows in the reader's own time zone, with a UTC fallback text."""
    stamp = int(when.timestamp())
    utc = when.astimezone(UTC)
    return f"<!date^{stamp}^{{date_long_pretty}}|{utc:%B} {utc.day}, {utc.year}>"


def truncate(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters: at a word boundary, with an ellipsis.

    ``text`` may already be escaped: a cut never splits an ``&...;`` entity.
    """
    if len(text) <= limit:
        return text
    budget = max(limit - len(ELLIPSIS), 0)
    head = text[:budget]
    space = head.rfind(" ")
    # Unless the cut falls on a space already, go back to the last one; a single word longer
    # than half the room is cut inside (the ellipsis shows it).
    if not text[budget].isspace() and space > budget // 2:
        head = head[:space]
    # An entity is at most 5 characters (&amp;): only the last 4 can hold a cut one.
    amp = head.find("&", max(0, len(head) - 4))
    if amp != -1 and ";" not in head[amp:]:
        head = head[:amp]
    return head.rstrip() + ELLIPSIS
