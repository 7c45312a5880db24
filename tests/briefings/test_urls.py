from __future__ import annotations

import pytest

from briefings.sources.urls import canonical_url, host_of, is_http_url


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "https://pacificwire.example/world/2025/06/07/x?utm_source=rss&utm_medium=feed",
            "https://pacificwire.example/world/2025/06/07/x",
        ),
        ("HTTPS://News.Example:443/a#comments", "https://news.example/a"),
        ("http://news.example:8080/a", "http://news.example:8080/a"),
        ("https://news.example/a?b=2&a=1&fbclid=zz&gclid=1", "https://news.example/a?a=1&b=2"),
        (
            "https://news.example/a?id=7&mc_cid=1&mc_eid=2&ref=tw&cmpid=x",
            "https://news.example/a?id=7",
        ),
        ("https://news.example", "https://news.example/"),
        ("  https://news.example/a b  ", "https://news.example/ab"),
    ],
)
def test_canonical_url(url: str, expected: str) -> None:
    assert canonical_url(url) == expected


def test_rel_canonical_is_preferred_when_http() -> None:
    assert canonical_url("https://m.news.example/a?x=1", "https://news.example/a") == (
        "https://news.example/a"
    )
    assert canonical_url("https://news.example/a", "javascript:alert(1)") == (
        "https://news.example/a"
    )


def test_non_http_urls_are_left_alone() -> None:
    assert canonical_url("javascript:alert(1)") == "javascript:alert(1)"
    assert not is_http_url("javascript:alert(1)")
    assert not is_http_url("/relative")
    assert is_http_url("http://a.example/")


def test_host_of() -> None:
    assert host_of("https://News.Example/x") == "news.example"
    assert host_of("not a url") == ""
