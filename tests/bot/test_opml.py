"""OPML import and export: folders flattened, titles kept, bad files named, text escaped."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.opml import OpmlError, OpmlFeed, is_feed_url, parse_opml, render_opml

NOW = datetime(2026, 6, 7, 8, 0, tzinfo=UTC)

READER_EXPORT = """<?xml version="1.0" encoding="UTF-8"?>
<opml version="1.0">
  <head><title>My feeds</title></head>
  <body>
    <outline text="Trade" title="Trade">
      <outline type="rss" text="Japan Times" xmlUrl="https://www.japantimes.co.jp/feed/"/>
      <outline type="rss" title="BBC Business" text="BBC"
               xmlUrl="https://feeds.bbci.co.uk/news/business/rss.xml"/>
    </outline>
    <outline type="rss" text="Again" xmlUrl="https://www.japantimes.co.jp/feed/"/>
    <outline text="A folder without feeds"/>
  </body>
</opml>
"""


def test_feeds_at_any_depth_each_once_with_their_titles() -> None:
    assert parse_opml(READER_EXPORT) == [
        OpmlFeed("https://www.japantimes.co.jp/feed/", "Japan Times"),
        OpmlFeed("https://feeds.bbci.co.uk/news/business/rss.xml", "BBC Business"),
    ]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("<opml><body>", "not well-formed XML"),
        ("<rss version='2.0'/>", "the root element is <rss>, not <opml>"),
        ("<opml version='2.0'><head/></opml>", "no <body> element"),
    ],
)
def test_a_file_that_is_not_opml_is_named(text: str, reason: str) -> None:
    with pytest.raises(OpmlError, match=reason):
        parse_opml(text)


def test_export_reads_back_the_same_feeds_and_escapes_titles() -> None:
    feeds = [
        OpmlFeed("https://a.example/feed?x=1&y=2", 'Tariffs <"live">'),
        OpmlFeed("https://b.example/rss", ""),
    ]
    text = render_opml(feeds, "briefbot", NOW)
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<opml version="2.0">')
    assert "&amp;y=2" in text
    assert "&lt;&quot;live&quot;&gt;" in text
    assert parse_opml(text) == [
        feeds[0],
        OpmlFeed("https://b.example/rss", "https://b.example/rss"),
    ]


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://a.example/feed", True),
        ("http://a.example", True),
        ("ftp://a.example/feed", False),
        ("https://", False),
        ("feed.xml", False),
    ],
)
def test_feed_urls_are_http_with_a_host(url: str, ok: bool) -> None:
    assert is_feed_url(url) is ok
