"""HTML snippets from feeds to plain-text paragraphs (scripts, styles and markup gone).

The result is plain text: characters such as ``<`` stay literal and are escaped only by each
chat renderer, at the last moment.
"""

from __future__ import annotations

import re

import lxml.etree
import lxml.html

_DROP = ("script", "style", "noscript", "iframe", "object", "embed", "template", "svg", "form")
_BLOCKS = frozenset(
    {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr"}
    | {"section", "article", "figure", "figcaption", "pre", "table", "dd", "dt", "hr"}
)
_BREAK = "\n\n"
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
_PARAGRAPH_SPLIT = re.compile(r"\n\s*\n")
_LOOKS_LIKE_MARKUP = re.compile(r"<[A-Za-z/!?]|&[#A-Za-z0-9]+;")
# Script and style blocks spelled out inside plain text (an escaped <script> in a title).
_SCRIPT_BLOCK = re.compile(
    r"<(script|style)\b[^>]*>.*?(?:</\1\s*>|$)|</?(?:script|style)\b[^>]*>",
    re.IGNORECASE | re.DOTALL,
)


def html_to_paragraphs(html: str) -> tuple[str, ...]:
    """Plain-text paragraphs of an HTML fragment."""
    if not html or not html.strip():
        return ()
    if not _LOOKS_LIKE_MARKUP.search(html):
        return _split(html)
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return _split(html)
    for element in list(root.iter(*_DROP)):
        _remove_keep_tail(element)
    for element in root.iter(*_BLOCKS):
        element.tail = _BREAK + (element.tail or "")
        if element.tag != "br":
            element.text = _BREAK + (element.text or "")
    return _split(root.text_content())


def html_to_text(html: str) -> str:
    """One line of plain text (titles, names)."""
    return " ".join(html_to_paragraphs(html))


def plain_text(text: str) -> str:
    """A plain-text value on one line: whitespace collapsed, spelled-out scripts removed.

    Everything else stays literal (``<!channel>``, ``<b>``): renderers escape it.
    """
    return " ".join(_SCRIPT_BLOCK.sub(" ", text).split())


def _remove_keep_tail(element: lxml.html.HtmlElement) -> None:
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail or ""
    previous = element.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail
    parent.remove(element)


def _split(text: str) -> tuple[str, ...]:
    paragraphs = (" ".join(_SPACES.sub(" ", p).split()) for p in _PARAGRAPH_SPLIT.split(text))
    return tuple(p for p in paragraphs if p)
