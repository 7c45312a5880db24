"""Telegram's HTML parse mode, as strict as the real parser (stricter on nesting).

Supported: the tags Telegram documents, the four named entities and numeric entities; an
unknown ``&`` sequence is literal text, as in Telegram. Errors read like Telegram's
"can't parse entities" details.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

TAGS = frozenset(
    {
        "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a", "code", "pre",
        "blockquote", "span", "tg-spoiler", "tg-emoji",
    }
)  # fmt: skip
_NAMED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_ENTITY = re.compile(r"&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]+);")
_TAG_NAME = re.compile(r"[a-zA-Z0-9-]*")
_ATTRIBUTE = re.compile(r"\s*([a-zA-Z-]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>\"']+))")


class HtmlError(ValueError):
    """The text is not valid Telegram HTML; ``str()`` is Telegram's detail."""


@dataclass(frozen=True, slots=True)
class Parsed:
    text: str
    links: tuple[str, ...]


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def parse_html(source: str) -> Parsed:
    """The visible text and the link targets of ``source``; :class:`HtmlError` if invalid."""
    out: list[str] = []
    links: list[str] = []
    stack: list[str] = []
    index = 0
    while index < len(source):
        char = source[index]
        if char == "&":
            index = _entity(source, index, out)
        elif char == "<":
            index = _tag(source, index, stack, links)
        else:
            out.append(char)
            index += 1
    if stack:
        raise HtmlError(f'Can\'t find end tag corresponding to start tag "{stack[-1]}"')
    return Parsed("".join(out), tuple(links))


def _entity(source: str, index: int, out: list[str]) -> int:
    match = _ENTITY.match(source, index)
    if match is None:
        out.append("&")
        return index + 1
    name = match.group(1)
    if name.startswith("#"):
        code = int(name[2:], 16) if name[1] in "xX" else int(name[1:])
        if code == 0 or code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
            raise HtmlError(f"Invalid numeric entity at byte offset {_offset(source, index)}")
        out.append(chr(code))
    elif name in _NAMED:
        out.append(_NAMED[name])
    else:
        out.append(match.group(0))
    return match.end()


def _tag(source: str, index: int, stack: list[str], links: list[str]) -> int:
    closing = source.startswith("</", index)
    start = index + (2 if closing else 1)
    name_match = _TAG_NAME.match(source, start)
    assert name_match is not None
    name = name_match.group(0).lower()
    end = source.find(">", name_match.end())
    offset = _offset(source, index)
    if closing:
        if end < 0 or source[name_match.end() : end].strip():
            raise HtmlError(f"Unclosed end tag at byte offset {offset}")
        if not stack or stack[-1] != name:
            expected = f'"</{stack[-1]}>"' if stack else "no end tag"
            raise HtmlError(
                f'Unmatched end tag at byte offset {offset}, expected {expected}, found "</{name}>"'
            )
        stack.pop()
        return end + 1
    if name not in TAGS:
        raise HtmlError(f'Unsupported start tag "{name}" at byte offset {offset}')
    if end < 0:
        raise HtmlError(f"Unclosed start tag at byte offset {offset}")
    attributes = _attributes(source[name_match.end() : end], offset)
    if name == "a":
        if "a" in stack:
            raise HtmlError(f"Nested links are not allowed at byte offset {offset}")
        href = attributes.get("href", "")
        if not re.match(r"(?i)(https?|tg)://\S", href):
            raise HtmlError(f'Wrong HTTP URL "{href}" at byte offset {offset}')
        links.append(href)
    stack.append(name)
    return end + 1


def _attributes(raw: str, offset: int) -> dict[str, str]:
    values: dict[str, str] = {}
    position = 0
    while raw[position:].strip():
        match = _ATTRIBUTE.match(raw, position)
        if match is None:
            raise HtmlError(
                f"Expected equal sign in declaration of an attribute at byte offset {offset}"
            )
        value = next(group for group in match.groups()[1:] if group is not None)
        values[match.group(1).lower()] = _decode(value)
        position = match.end()
    return values


def _decode(value: str) -> str:
    out: list[str] = []
    index = 0
    while index < len(value):
        if value[index] == "&":
            index = _entity(value, index, out)
        else:
            out.append(value[index])
            index += 1
    return "".join(out)


def _offset(source: str, index: int) -> int:
    return len(source[:index].encode("utf-8", "surrogatepass"))
