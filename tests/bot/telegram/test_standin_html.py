"""The stand-in's HTML check refuses what Telegram refuses, so the renderer's tests mean it."""

from __future__ import annotations

import pytest

from tests.telegram_standin import HtmlError, parse_html


@pytest.mark.parametrize(
    ("html", "text", "links"),
    [
        ("<b>bold</b> &amp; <i>it</i>", "bold & it", ()),
        ("a &lt;b&gt; &quot;c&quot; &#33; &#x41;", 'a <b> "c" ! A', ()),
        ("AT&T &nbsp; &copy;", "AT&T &nbsp; &copy;", ()),  # unknown entities stay text
        ('<a href="https://x.example/?a=1&amp;b=2">x</a>', "x", ("https://x.example/?a=1&b=2",)),
        ("<blockquote><i>q</i></blockquote>", "q", ()),
        ("2 > 1", "2 > 1", ()),
    ],
)
def test_valid_html(html: str, text: str, links: tuple[str, ...]) -> None:
    parsed = parse_html(html)
    assert (parsed.text, parsed.links) == (text, links)


@pytest.mark.parametrize(
    ("html", "error"),
    [
        ("<b>open", 'Can\'t find end tag corresponding to start tag "b"'),
        ("<b>x</i>", "Unmatched end tag"),
        ("<script>x</script>", 'Unsupported start tag "script"'),
        ("a < b", 'Unsupported start tag ""'),
        ('<a href="javascript:alert(1)">x</a>', "Wrong HTTP URL"),
        ('<a href="https://a.example"><a href="https://b.example">x</a></a>', "Nested links"),
        ("&#0;", "Invalid numeric entity"),
    ],
)
def test_invalid_html(html: str, error: str) -> None:
    with pytest.raises(HtmlError, match=error):
        parse_html(html)
