"""A page that is one speaker's words and nothing else: remarks or a statement printed as
paragraphs that each open with a quote mark (the continued-quote convention), with no line of
the article's own and no speaker named by the title.

Read with its marks, such a page has no sentence of the article's own and no quote anyone is
said to have spoken: nothing to brief. Its paragraphs are then the article's text, without the
marks that only say the whole page is spoken.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_OPENING = ("“", '"', "«", "‘")
_CLOSING = {"“": "”", '"': '"', "«": "»", "‘": "’"}
# Any quote mark inside a paragraph but an apostrophe between letters ("don’t", "Estria's").
_INNER_MARK = re.compile(r"[“”\"«»‘]|’(?![A-Za-z])|(?<![A-Za-z])’")
# A title that names the author of the words: the quote finder gives them to that person.
_TITLE_AUTHOR = re.compile(
    r"\b(?i:statement|remarks|speech|address|message|testimony|keynote)\s+(?:by|from)\s+"
    r"(?:[A-Z][\w.’'-]*\s+){1,4}[A-Z][\w’'-]+"
)


def unquoted_statement(paragraphs: Sequence[str], title: str) -> list[str]:
    """``paragraphs`` without the opening (and closing) marks of the continued-quote
    convention when every paragraph is such a quote and ``title`` names nobody whose words
    they are; else ``paragraphs`` unchanged."""
    if not paragraphs or paragraphs[0][:1] not in _OPENING:
        return list(paragraphs)  # the cheap test first: most pages open with no quote mark
    if _names_author(title):
        return list(paragraphs)
    bare = [_inner(paragraph) for paragraph in paragraphs]
    if any(text is None for text in bare):
        return list(paragraphs)
    return [text for text in bare if text is not None]


def _names_author(title: str) -> bool:
    return bool(title) and _TITLE_AUTHOR.search(title) is not None


def _inner(paragraph: str) -> str | None:
    """The words of a paragraph that opens with a quote mark and holds no other quote than
    the one it opens (closed at its end or continued in the next paragraph), or None."""
    text = paragraph.strip()
    mark = text[:1]
    if mark not in _OPENING:
        return None
    inner = text[1:]
    closing = _CLOSING[mark]
    if inner.endswith(closing):
        inner = inner[: -len(closing)]
    if _INNER_MARK.search(inner) or not inner.strip():
        return None
    return inner.strip()
