"""SlackRenderer: Block Kit layout, escaping of hostile text, and Slack's limits."""

from __future__ import annotations

import re
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.chat import BriefingPart, Choice, ChoicesPart, DigestPart, Reply, TextPart
from bot.slack.mrkdwn import truncate
from bot.slack.render import SlackRenderer
from briefings.model import Briefing, Fact, Quote, SourceRef
from tests.bot.slack.samples import ASAHI, WIRE, briefing

RENDERER = SlackRenderer()
# Every "<" our renderer writes opens an http(s) link or a date; anything else is injected.
OWN_MARKUP = re.compile(
    r"<(?:https?://[^\s<>|]+\|[^<>|]+|!date\^\d+\^\{date_long_pretty\}\|[^<>]+)>"
)


def mrkdwn_texts(blocks: list[dict[str, Any]]) -> list[str]:
    texts = []
    for block in blocks:
        if block["type"] == "section":
            texts.append(block["text"]["text"])
        elif block["type"] == "context":
            texts.extend(element["text"] for element in block["elements"])
    return texts


def assert_within_limits(payloads: list[dict[str, Any]]) -> None:
    for payload in payloads:
        assert set(payload) == {"text", "blocks"}
        assert 0 < len(payload["blocks"]) <= 50
        assert payload["text"]
        for block in payload["blocks"]:
            if block["type"] == "section":
                assert 0 < len(block["text"]["text"]) <= 3000
            if block["type"] == "header":
                assert block["text"]["type"] == "plain_text"
                assert 0 < len(block["text"]["text"]) <= 150


def assert_inert(payloads: list[dict[str, Any]]) -> None:
    for payload in payloads:
        for text in [*mrkdwn_texts(payload["blocks"]), payload["text"]]:
            assert "<" not in OWN_MARKUP.sub("", text)
            assert ">" not in OWN_MARKUP.sub("", text)


def render(reply: Reply) -> list[dict[str, Any]]:
    return [dict(message.payload) for message in RENDERER.render(reply)]


def test_briefing_layout() -> None:
    [payload] = render(Reply(parts=(BriefingPart(briefing()),)))
    assert payload["text"] == "Japan-US tariff talks: fifth round ends without agreement"
    kinds = [block["type"] for block in payload["blocks"]]
    assert kinds == ["header", "section", "section", "context"]
    header, facts, quotes, context = payload["blocks"]
    assert header["text"]["text"] == payload["text"]
    assert facts["text"]["text"] == (
        "• Japan and the U.S. failed to find common ground.\n"
        "• *Next:* Ishiba and Trump meet at the G7 summit, June 15-17."
    )
    assert quotes["text"]["text"] == (
        "*Quotes*\n• *Ryosei Akazawa*, Japan's top negotiator: "
        "“But we have not found any point of agreement.”"
    )
    assert context["elements"][0]["text"] == (
        f"Source: <{ASAHI}|The Asahi Shimbun>, <!date^1749285960^{{date_long_pretty}}|June 7, 2025>"
    )


def test_several_sources_link_every_bullet() -> None:
    sources = (SourceRef(ASAHI, "The Asahi Shimbun"), SourceRef(WIRE, "Pacific Wire"))
    quote = Quote("We are close.", "An official", "", WIRE, unnamed=True)
    [payload] = render(Reply(parts=(BriefingPart(briefing(sources=sources, quotes=(quote,))),)))
    texts = mrkdwn_texts(payload["blocks"])
    assert texts[0].startswith(f"• Japan and the U.S. failed to find common ground. (<{ASAHI}|")
    quote = "• *An official (unnamed)*: “We are close.”"
    assert texts[1] == f"*Quotes*\n{quote} (<{WIRE}|Pacific Wire>)"
    assert texts[2].startswith(f"Sources: <{ASAHI}|The Asahi Shimbun> · <{WIRE}|Pacific Wire>")


def test_hostile_headline_is_inert() -> None:
    hostile = "<!channel> <!here> <@U123> <http://evil|bank> & co"
    b = briefing(
        headline=hostile,
        outcomes=(Fact(hostile, ASAHI),),
        sources=(SourceRef("javascript:alert(1)", hostile),),
    )
    [payload] = render(Reply(parts=(BriefingPart(b),)))
    assert payload["text"] == (
        "&lt;!channel&gt; &lt;!here&gt; &lt;@U123&gt; &lt;http://evil|bank&gt; &amp; co"
    )
    assert payload["blocks"][0]["text"]["text"] == hostile  # plain_text: never parsed
    assert payload["blocks"][1]["text"]["text"].startswith("• " + payload["text"] + "\n")
    context = payload["blocks"][-1]["elements"][0]["text"]
    assert context.startswith("Source: &lt;!channel&gt;")  # no link for a non-http URL
    assert_inert([payload])


def test_link_labels_cannot_break_out() -> None:
    b = briefing(sources=(SourceRef(ASAHI + "?a=1|x>y", "Bank | <b>Evil</b>"),))
    [payload] = render(Reply(parts=(BriefingPart(b),)))
    context = payload["blocks"][-1]["elements"][0]["text"]
    assert context.startswith(f"Source: <{ASAHI}?a=1%7Cx%3Ey|Bank ¦ &lt;b&gt;Evil&lt;/b&gt;>")


def test_long_headline_is_cut_at_a_word_with_an_ellipsis() -> None:
    headline = " ".join(["negotiations"] * 30)
    [payload] = render(Reply(parts=(BriefingPart(briefing(headline=headline)),)))
    text = payload["blocks"][0]["text"]["text"]
    assert len(text) <= 150
    assert text.endswith("negotiations…")


def test_cuts_keep_entities_whole_and_far_ampersands_alone() -> None:
    assert truncate("AT&T " + "merger " * 30, 40) == "AT&T merger merger merger merger merger…"
    assert truncate("a" * 30 + " &amp;&amp;&amp;", 36) == "a" * 30 + "…"
    assert truncate("short", 40) == "short"


def test_digest_splits_into_messages_between_briefings() -> None:
    items = tuple(briefing(headline=f"Story {n}") for n in range(30))
    payloads = render(Reply(parts=(DigestPart("Your daily digest", items),)))
    assert len(payloads) == 3
    assert_within_limits(payloads)
    assert payloads[0]["blocks"][0] == {
        "type": "header",
        "text": {"type": "plain_text", "text": "Your daily digest", "emoji": True},
    }
    sections = [b for p in payloads for b in p["blocks"] if b["type"] == "section"]
    headlines = [s["text"]["text"] for s in sections if s["text"]["text"].startswith("*<")]
    assert headlines == [f"*<{ASAHI}|Story {n}>*" for n in range(30)]
    for payload in payloads[1:]:
        assert payload["blocks"][0]["type"] != "divider"


def test_long_bullets_split_between_bullets_and_never_mid_word() -> None:
    facts = tuple(Fact(f"fact{n} " + "word " * 180) for n in range(5))
    [payload] = render(Reply(parts=(BriefingPart(briefing(outcomes=facts)),)))
    assert_within_limits([payload])
    sections = [b["text"]["text"] for b in payload["blocks"] if b["type"] == "section"]
    assert len(sections) >= 3
    joined = "\n".join(sections)
    assert all(f"• fact{n} " in joined for n in range(5))


def test_choices_become_buttons() -> None:
    part = ChoicesPart(
        "Pick a topic",
        (Choice("Trade talks", "subscribe trade-talks"), Choice("Energy", "subscribe energy")),
    )
    [payload] = render(Reply(parts=(part,)))
    assert payload["blocks"][1] == {
        "type": "actions",
        "elements": [
            {
                "type": "button",
                "text": {"type": "plain_text", "text": "Trade talks", "emoji": True},
                "action_id": "briefbot:subscribe trade-talks",
                "value": "subscribe trade-talks",
            },
            {
                "type": "button",
                "text": {"type": "plain_text", "text": "Energy", "emoji": True},
                "action_id": "briefbot:subscribe energy",
                "value": "subscribe energy",
            },
        ],
    }


def test_text_reply() -> None:
    [payload] = render(Reply.text("Subscribed to *trade-talks* <now>."))
    assert payload == {
        "text": "Subscribed to *trade-talks* &lt;now&gt;.",
        "blocks": [
            {
                "type": "section",
                "text": {"type": "mrkdwn", "text": "Subscribed to *trade-talks* &lt;now&gt;."},
            }
        ],
    }


TOKENS = [*"<>&|@!#^ *_~`\n\t", "<!channel>", "<@U1>", "&amp;", "<http://evil|bank>", "é"]
HOSTILE = st.lists(st.sampled_from(TOKENS) | st.text(max_size=8), max_size=80).map("".join)
URLS = st.one_of(
    st.just(ASAHI), st.just("javascript:alert(1)"), HOSTILE.map(lambda s: "https://x.example/" + s)
)


@st.composite
def hostile_briefings(draw: st.DrawFn) -> Briefing:
    def facts() -> tuple[Fact, ...]:
        return tuple(draw(st.lists(st.builds(Fact, HOSTILE, URLS), max_size=4)))

    quotes = draw(st.lists(st.builds(Quote, HOSTILE, HOSTILE, HOSTILE, URLS), max_size=4))
    sources = draw(st.lists(st.builds(SourceRef, URLS, HOSTILE, HOSTILE), max_size=3))
    return Briefing(
        headline=draw(HOSTILE),
        url=draw(URLS),
        outlet=draw(HOSTILE),
        outcomes=facts(),
        next=facts(),
        quotes=tuple(quotes),
        sources=tuple(sources),
    )


@settings(max_examples=60, deadline=None)
@given(st.lists(hostile_briefings(), min_size=1, max_size=3), HOSTILE)
def test_hostile_text_stays_inert_and_within_limits(items: list[Briefing], title: str) -> None:
    reply = Reply(parts=(BriefingPart(items[0]), DigestPart(title, tuple(items)), TextPart(title)))
    payloads = render(reply)
    assert_within_limits(payloads)
    assert_inert(payloads)


@settings(max_examples=30, deadline=None)
@given(st.integers(min_value=1, max_value=12), st.integers(min_value=100, max_value=4000))
def test_huge_digests_stay_within_limits(count: int, size: int) -> None:
    text = "long " * (size // 5)
    items = tuple(
        briefing(outcomes=tuple(Fact(text) for _ in range(4)), next=(), quotes=())
        for _ in range(count)
    )
    payloads = render(Reply(parts=(DigestPart("Digest", items),)))
    assert_within_limits(payloads)
    for payload in payloads:
        for text_ in mrkdwn_texts(payload["blocks"]):
            for line in text_.split("\n"):
                assert line.endswith(("long", "…", ">", "*")) or not line.startswith("•")


def test_a_short_quote_is_shown_in_its_sentence() -> None:
    context = 'Minister Ana Lindqvist called the talks "frank" <!channel>.'
    quote = Quote("frank", "Ana Lindqvist", "", "", partial=True, context=context)
    [payload] = render(Reply(parts=(BriefingPart(Briefing("Talks", WIRE, quotes=(quote,))),)))
    assert any(
        '*Ana Lindqvist*: Minister Ana Lindqvist called the talks "frank" &lt;!channel&gt;.' in text
        for text in mrkdwn_texts(payload["blocks"])
    )
    assert_inert([payload])
