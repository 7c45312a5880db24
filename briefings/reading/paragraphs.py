"""The article's paragraphs as the reader reads them: a list joined to the sentence that leads
into it, list marks and excerpt marks gone, glued sentences apart, a quote's stray opening
mark back with its quote."""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefings.reading.furniture import LineKind
from briefings.reading.lineshape import ends_sentence, words

# A list inside the article: a sentence that leads into it with a colon ("Ministers led
# discussions of the negotiations for:"), then short items that are no sentences.
_LIST_LEAD_MIN_WORDS = 5
_LIST_ITEM_MAX_WORDS = 30
_LIST_MAX_ITEMS = 12
_LIST_ITEM_KINDS = frozenset({LineKind.BODY, LineKind.LABEL, LineKind.SUBHEAD})
_BULLET = re.compile(r"^[•·▪◦‣∙*–-]\s*")
# A list marker before a paragraph ("- Over 10,000 workers ...") and an excerpt's mark after
# it ("... until 12 September. [...]"): the page's, not the sentence's.
MARKER = re.compile(r"^[•·▪◦‣∙*–-]\s+(?=\S)")
_EXCERPT_MARK = re.compile(r"\s*\[(?:\.\.\.|…)\]$")


def body_paragraphs(
    lines: Sequence[str], kinds: Sequence[LineKind], origins: list[int] | None = None
) -> list[str]:
    """The body's paragraphs (the lines of ``kinds`` BODY); a list's items join the sentence
    that leads into them ("... negotiations for: the UK-India FTA; the UK-Canada FTA."), so
    the list is read with the words that say what it is. A paragraph said again (a list of
    key points that repeats the lede) is read once. ``origins``, when given, gets the index
    of the line each paragraph starts at."""
    body: list[str] = []
    seen: set[str] = set()
    i = 0
    while i < len(lines):
        line = lines[i]
        start = i
        i += 1
        if kinds[start] is not LineKind.BODY:
            continue
        if line.rstrip().endswith(":") and words(line) >= _LIST_LEAD_MIN_WORDS:
            items: list[str] = []
            while (
                i < len(lines) and len(items) < _LIST_MAX_ITEMS and _list_item(lines[i], kinds[i])
            ):
                items.append(_BULLET.sub("", lines[i].strip()).rstrip(" ;,."))
                i += 1
            if items:
                line = f"{line.rstrip()} {'; '.join(items)}."
        if line.endswith((",\u201d", ',"')) and i < len(lines) and lines[i][:1].islower():
            line = f"{line} {lines[i].strip()}"  # '"...,"' and 'he stated.' on the next line
            i += 1
        if line[:1] in MARKERS:
            line = MARKER.sub("", line, count=1)
        if line.endswith("]"):
            line = _EXCERPT_MARK.sub("", line)
        text = _unglued(line)
        if text in seen:
            continue  # a key point that repeats the lede word for word: read once
        seen.add(text)
        body.append(text)
        if origins is not None:
            origins.append(start)
    return _move_stray_marks(body)


# A sentence glued to the next by a page that lost the space: "... a trade deal.US trade
# representative ...", "... with Liu He.“It’s a beautiful day”". The stop is looked for
# first, each kind of stop as a literal (a search skips to a literal far more quickly than to
# a character of a set); the words around it are then read.
_STOPS_BEFORE_CAPITAL = tuple((stop, re.compile(rf"\{stop}(?=[A-Z“\"])")) for stop in ".!?")


def _unglued(line: str) -> str:
    stops = [
        found.start()
        for stop, pattern in _STOPS_BEFORE_CAPITAL
        if stop in line
        for found in pattern.finditer(line)
    ]
    if not stops:
        return line  # most lines: no stop right before a capital
    cuts = [at + 1 for at in sorted(stops) if _glued_at(line, at)]
    if not cuts:
        return line
    parts = [line[a:b] for a, b in zip([0, *cuts], [*cuts, len(line)], strict=True)]
    return " ".join(parts)


def _glued_at(line: str, stop: int) -> bool:
    """Whether the stop at ``stop`` ends a word of running text and a new sentence follows."""
    after = line[stop + 1 : stop + 3]
    if after[:1] in '“"':  # an opening mark: a straight one opens after an even count
        opens = after[:1] == "“" or line.count('"', 0, stop) % 2 == 0
        return opens and stop >= 2 and line[stop - 2 : stop].isalnum() and after[1:].isupper()
    before = line[max(0, stop - 3) : stop]
    return len(before) == 3 and before.isalpha() and before.islower() and after[1:].isalpha()


MARKERS = "•·▪◦‣∙*–-"


def _list_item(line: str, kind: LineKind) -> bool:
    if kind not in _LIST_ITEM_KINDS or words(line) > _LIST_ITEM_MAX_WORDS:
        return False
    return _BULLET.match(line.strip()) is not None or not ends_sentence(line)


_STRAY_OPENING = re.compile(r"(?<=[.!?])\s*“$")


def _move_stray_marks(body: list[str]) -> list[str]:
    """A quote's opening mark that a page left at the end of the paragraph before it
    ('... with Kenya.“' then 'Kenya is a leader ...,” said X.') goes back to its quote."""
    for i in range(len(body) - 1):
        if not body[i].endswith("“"):
            continue
        stray = _STRAY_OPENING.search(body[i])
        if stray and body[i + 1][:1] not in '“"':
            body[i] = body[i][: stray.start()]
            body[i + 1] = stray.group(0).strip() + body[i + 1]
    return body
