"""Bytes from the web to proper Unicode, whatever the headers claim.

Order of trust: a byte-order mark; then UTF-8 if the bytes are valid UTF-8 (a document that
decodes strictly as UTF-8 and holds non-ASCII text is UTF-8 in practice, even when it is
declared as Latin-1); then the declared charset (HTTP header, XML declaration, HTML meta)
if the bytes decode with it strictly; then charset-normalizer's guess; then cp1252.
"""

from __future__ import annotations

import codecs
import re

import charset_normalizer

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_XML_DECLARATION = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']""")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_XML_ENCODING_ATTR = re.compile(r"""^(\s*<\?xml[^>]*?encoding\s*=\s*)["'][^"']*["']""")
_SNIFF_BYTES = 2048


def declared_charset(body: bytes) -> str:
    """The encoding a document declares about itself (XML declaration or HTML meta), or ""."""
    head = body[:_SNIFF_BYTES]
    match = _XML_DECLARATION.match(head) or _META_CHARSET.search(head)
    return match.group(1).decode("ascii").lower() if match else ""


def decode_text(body: bytes, declared: str = "") -> str:
    """Decode ``body``; ``declared`` is the HTTP header's charset, if any."""
    for bom, codec in _BOMS:
        if body.startswith(bom):
            return body.decode(codec, errors="replace")
    text = _strict(body, "utf-8")
    if text is not None:
        return text
    for codec in (declared, declared_charset(body)):
        text = _strict(body, codec) if codec else None
        if text is not None:
            return text
    guess = charset_normalizer.from_bytes(body).best()
    if guess is not None:
        return str(guess)
    return body.decode("cp1252", errors="replace")


def as_utf8_xml(text: str) -> bytes:
    """``text`` as UTF-8 bytes whose XML declaration (if any) says UTF-8 too."""
    return _XML_ENCODING_ATTR.sub(r'\1"utf-8"', text.lstrip("\ufeff"), count=1).encode("utf-8")


def _strict(body: bytes, codec: str) -> str | None:
    try:
        return body.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None
