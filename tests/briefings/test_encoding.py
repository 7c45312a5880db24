from __future__ import annotations

import codecs

import pytest

from briefings.sources.encoding import as_utf8_xml, declared_charset, decode_text

TEXT = "Ryosei Akazawa: “We have not found any point of agreement” — café"


@pytest.mark.parametrize(
    ("body", "declared"),
    [
        (TEXT.encode("utf-8"), ""),
        (TEXT.encode("utf-8"), "iso-8859-1"),  # declared Latin-1, written UTF-8
        (TEXT.encode("cp1252"), "utf-8"),  # declared UTF-8, written cp1252
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "latin-1"),
        (TEXT.encode("utf-16"), ""),
        (TEXT.encode("utf-8"), "no-such-charset"),
    ],
)
def test_text_comes_out_as_unicode(body: bytes, declared: str) -> None:
    assert decode_text(body, declared).lstrip("\ufeff") == TEXT


def test_declared_charset_in_the_document() -> None:
    assert declared_charset(b'<?xml version="1.0" encoding="KOI8-R"?><a/>') == "koi8-r"
    assert declared_charset(b'<html><head><meta charset="windows-1251">') == "windows-1251"
    assert declared_charset(b"<rss/>") == ""


def test_a_single_byte_document_in_its_declared_charset() -> None:
    body = '<?xml version="1.0" encoding="koi8-r"?><a>Переговоры о тарифах</a>'.encode("koi8-r")
    assert "Переговоры о тарифах" in decode_text(body)


def test_as_utf8_xml_rewrites_the_declaration() -> None:
    out = as_utf8_xml('<?xml version="1.0" encoding="iso-8859-1"?><a>é</a>')
    assert out == '<?xml version="1.0" encoding="utf-8"?><a>é</a>'.encode()
