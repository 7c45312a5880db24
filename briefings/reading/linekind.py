"""The kinds of a page's lines: article text or one kind of furniture."""

from __future__ import annotations

from enum import StrEnum


class LineKind(StrEnum):
    """Kinds of page lines. ``BODY`` is article text; every other kind is furniture."""

    BODY = "body"
    TITLE = "title"
    STANDFIRST = "standfirst"
    CAPTION = "caption"
    CREDIT = "credit"
    BYLINE = "byline"
    BIO = "bio"
    PROMPT = "prompt"
    LABEL = "label"
    TIMESTAMP = "timestamp"
    SUBHEAD = "subhead"
    TEASER = "teaser"
