"""Datelines: the place an article was filed from, printed before its first sentence."""

from __future__ import annotations

import re

# "WASHINGTON--", "WASHINGTON (Pacific Wire) —", "TOKYO, June 6 (Reuters) -", "PARIS —".
DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’\- ]{1,40}?(?:,\s*[A-Z][A-Za-z.]+)?)"
    r"(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
    r"\s*(?:\([^)]{1,40}\))?\s*(?:--|—|–|-)\s*(?=\S)"
)
# The place in brackets: "[BEIJING] Chinese ...", "(Washington, DC) Trade ...", and the
# agency alone before a dash: "(Agency) - The talks ...".
BRACKETED_DATELINE = re.compile(
    r"^[\[(](?P<place>[A-Z][A-Z.'’\- ]{1,40}?(?:,\s*[A-Z][A-Za-z.]+)?|"
    r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}(?:,\s*[A-Z][A-Za-z.]+)?)[\])]\s+(?=[A-Z“\"‘'])|"
    r"^\((?P<agency>[A-Z][\w.'’ ]{1,30})\)\s*(?:--|—|–|-)\s*(?=\S)"
)


def split_dateline(paragraph: str) -> tuple[str, str]:
    """``"WASHINGTON--Japan and ..."`` -> ``("WASHINGTON", "Japan and ...")``; an agency
    alone (``"(Agency) - Japan and ..."``) is no place: ``("", "Japan and ...")``."""
    if paragraph[:1] in "[(":
        return _split_bracketed(paragraph)
    match = DATELINE.match(paragraph)
    if match is None:
        return "", paragraph
    place = match["place"].strip()
    if not any(c.isupper() for c in place.split(",")[0][1:]) and len(place) > 1:
        return "", paragraph  # "Mr-" etc.: not an all-caps place
    return place, paragraph[match.end() :]


def _split_bracketed(paragraph: str) -> tuple[str, str]:
    match = BRACKETED_DATELINE.match(paragraph)
    if match is None:
        return "", paragraph
    return (match["place"] or "").strip(), paragraph[match.end() :]


def opens_with_dateline(paragraph: str) -> bool:
    """Whether ``paragraph`` opens with a dateline (a place, or an agency in brackets)."""
    if paragraph[:1] in "[(":
        return BRACKETED_DATELINE.match(paragraph) is not None
    return split_dateline(paragraph)[0] != ""
