"""Property: for any article text, every rendered message is valid Telegram HTML within 4096."""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.chat import BriefingPart, DigestPart, Reply
from bot.telegram.markup import clean
from bot.telegram.render import TelegramRenderer
from briefings.model import Briefing, Fact, Quote, SourceRef
from tests.telegram_standin import parse_html
from tests.telegram_standin.html import utf16_len

HOSTILE = st.one_of(
    st.text(max_size=300),
    st.text(alphabet="<>&\"';/ab=#x0-9", max_size=80),
    st.sampled_from(
        ["</b>", "<a href='x'>", "&amp;", "&lt;", "&#0;", "&#xD800;", "<b", "&", "😀", "\u0000"]
    ),
    # long runs (up to 6000 characters) at a low generation cost, astral characters included
    st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=20).map(lambda s: s * 300),
)
URLS = st.one_of(
    st.just("https://example.com/a?b=1&c=<2>"),
    st.just('http://x.example/"quoted"'),
    st.just("javascript:alert(1)"),
    st.just(""),
    HOSTILE,
)
FACTS = st.lists(st.builds(Fact, HOSTILE, URLS), max_size=6).map(tuple)
QUOTES = st.lists(st.builds(Quote, HOSTILE, HOSTILE, HOSTILE, URLS), max_size=4).map(tuple)
SOURCES = st.lists(st.builds(SourceRef, URLS, HOSTILE, HOSTILE), max_size=4).map(tuple)
BRIEFINGS = st.builds(
    Briefing,
    headline=HOSTILE,
    url=URLS,
    outlet=HOSTILE,
    published=st.none() | st.just(datetime(2025, 6, 7, tzinfo=UTC)),
    outcomes=FACTS,
    next=FACTS,
    quotes=QUOTES,
    sources=SOURCES,
)
RENDERER = TelegramRenderer()


def _check(reply: Reply) -> list[str]:
    plains = []
    for message in RENDERER.render(reply):
        parsed = parse_html(message.payload["text"])  # raises on anything Telegram would refuse
        assert utf16_len(parsed.text) <= 4096
        assert parsed.text.strip()
        assert all(link.startswith(("http://", "https://")) for link in parsed.links)
        plains.append(parsed.text)
    return plains


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(BRIEFINGS)
def test_any_briefing_renders_to_valid_messages(briefing: Briefing) -> None:
    plains = _check(Reply(parts=(BriefingPart(briefing),)))
    headline = clean(briefing.headline)
    # The headline arrives as text, never interpreted as markup (it may be cut if huge).
    assert plains[0].startswith(headline[:50] if headline else "(untitled)")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(HOSTILE, st.lists(BRIEFINGS, max_size=5))
def test_any_digest_renders_to_valid_messages(title: str, briefings: list[Briefing]) -> None:
    _check(Reply(parts=(DigestPart(title, tuple(briefings)),)))
