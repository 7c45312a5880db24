"""The Telegram renderer: layout, escaping, links, splitting, keyboards."""

from __future__ import annotations

import dataclasses

from bot.chat import BriefingPart, Choice, ChoicesPart, DigestPart, Reply, TextPart
from bot.telegram.render import TelegramRenderer
from briefings.model import Briefing, Fact, Quote, SourceRef
from tests.bot.telegram.samples import ASAHI_URL, asahi_briefing
from tests.telegram_standin import parse_html
from tests.telegram_standin.html import utf16_len

RENDERER = TelegramRenderer()


def _texts(reply: Reply) -> list[str]:
    return [m.payload["text"] for m in RENDERER.render(reply)]


def test_briefing_reads_like_a_wire_brief() -> None:
    (message,) = RENDERER.render(Reply(parts=(BriefingPart(asahi_briefing()),)))
    assert message.payload == {
        "parse_mode": "HTML",
        "disable_web_page_preview": False,
        "text": (
            "<b>Japan-US tariff talks: fifth round ends without agreement</b>\n"
            "• Outcome: Japan and the U.S. failed to find common ground in the fifth round "
            "(June 6).\n"
            "• Next: Ishiba and Trump meet at the G7 summit in Canada, June 15-17.\n"
            "<b>Quotes</b>\n"
            "• Ryosei Akazawa, minister in charge of economic revitalization: <i>“We confirmed "
            "once again the position of Japan and the U.S., and further progress was made in "
            "discussions toward the realization of an agreement”</i>\n"
            "• Ryosei Akazawa: <i>“But we have not found any point of agreement”</i>\n"
            f'Source: <a href="{ASAHI_URL}">The Asahi Shimbun</a>, June 7, 2025'
        ),
    }


def test_article_text_is_escaped_and_only_http_links_are_links() -> None:
    briefing = Briefing(
        headline='<b>Tariffs</b> & "deals" <script>',
        url="javascript:alert(1)",
        outlet="Evil <Co>",
        outcomes=(Fact("a < b && c > d", "ftp://x.example/"),),
        quotes=(Quote('say "<i>hi</i>"', "Ann & Bob", "boss</i>"),),
        sources=(
            SourceRef("javascript:alert(1)", "Evil <Co>"),
            SourceRef("https://ok.example/?a=1&b=2", "Good & Co"),
        ),
    )
    (text,) = _texts(Reply(parts=(BriefingPart(briefing),)))
    assert '<b>&lt;b&gt;Tariffs&lt;/b&gt; &amp; "deals" &lt;script&gt;</b>' in text
    assert "a &lt; b &amp;&amp; c &gt; d" in text
    assert 'Ann &amp; Bob, boss&lt;/i&gt;: <i>“say "&lt;i&gt;hi&lt;/i&gt;"”</i>' in text
    parsed = parse_html(text)
    assert parsed.links == ("https://ok.example/?a=1&b=2",)
    assert '<a href="https://ok.example/?a=1&amp;b=2">Good &amp; Co</a>' in text
    assert "Evil <Co>" in parsed.text  # shown as text, not linked
    assert "javascript" not in text


def test_several_sources_link_each_bullet() -> None:
    other = "https://pacificwire.example/trade/fifth-round"
    briefing = dataclasses.replace(
        asahi_briefing(),
        outcomes=(Fact("No deal.", other),),
        sources=(SourceRef(ASAHI_URL, "The Asahi Shimbun"), SourceRef(other, "Pacific Wire")),
    )
    (text,) = _texts(Reply(parts=(BriefingPart(briefing),)))
    assert f'• Outcome: No deal. — <a href="{other}">Pacific Wire</a>' in text
    assert "<b>Sources (June 7, 2025)</b>" in text
    assert f'• <a href="{other}">Pacific Wire</a>' in text


def test_digest_splits_between_briefings_and_turns_previews_off() -> None:
    briefings = tuple(
        dataclasses.replace(asahi_briefing(), headline=f"Story {n}") for n in range(40)
    )
    messages = RENDERER.render(Reply(parts=(DigestPart("Your digest", briefings),)))
    assert len(messages) > 1
    for message in messages:
        assert message.payload["disable_web_page_preview"] is True
        plain = parse_html(message.payload["text"]).text
        assert utf16_len(plain) <= 4096
        # Each message starts at a briefing (or the title), never mid-briefing.
        assert plain.startswith(("Your digest", "Story "))
    plain_all = "\n".join(parse_html(m.payload["text"]).text for m in messages)
    assert all(f"Story {n}\n" in plain_all for n in range(40))


def test_an_overlong_briefing_is_split_between_bullets() -> None:
    facts = tuple(Fact(f"Outcome number {n}: " + "x" * 300) for n in range(30))
    briefing = dataclasses.replace(asahi_briefing(), outcomes=facts)
    messages = RENDERER.render(Reply(parts=(BriefingPart(briefing),)))
    assert len(messages) == 3
    lines = [line for m in messages for line in parse_html(m.payload["text"]).text.split("\n")]
    assert [line for line in lines if line.startswith("• Outcome")] == [
        f"• Outcome: Outcome number {n}: " + "x" * 300 for n in range(30)
    ]


def test_one_line_longer_than_a_message_is_cut_with_an_ellipsis() -> None:
    briefing = dataclasses.replace(asahi_briefing(), headline="😀" * 3000)
    (first, *_) = RENDERER.render(Reply(parts=(BriefingPart(briefing),)))
    plain = parse_html(first.payload["text"]).text
    assert utf16_len(plain) <= 4096
    assert plain.startswith("😀" * 100)
    assert "…" in plain


def test_text_keeps_its_lines() -> None:
    assert _texts(Reply.text("Subscribed to <Trade talks>.\nNext: latest")) == [
        "Subscribed to &lt;Trade talks&gt;.\nNext: latest"
    ]


def test_choices_become_an_inline_keyboard() -> None:
    part = ChoicesPart(
        "Which topic?",
        (
            Choice("Trade talks", "subscribe trade-talks"),
            Choice("Too long", "subscribe " + "x" * 60),
        ),
    )
    (message,) = RENDERER.render(Reply(parts=(part,)))
    assert message.payload["reply_markup"] == {
        "inline_keyboard": [[{"text": "Trade talks", "callback_data": "subscribe trade-talks"}]]
    }
    assert message.payload["text"] == "Which topic?"


def test_each_part_is_its_own_message() -> None:
    reply = Reply(parts=(TextPart("Here it is:"), BriefingPart(asahi_briefing())))
    texts = _texts(reply)
    assert texts[0] == "Here it is:"
    assert texts[1].startswith("<b>Japan-US")


def test_a_short_quote_is_shown_in_its_sentence() -> None:
    context = 'Minister Ana Lindqvist called the talks "frank" & <b>useful</b>.'
    quote = Quote("frank", "Ana Lindqvist", "Trade Minister", partial=True, context=context)
    (text,) = _texts(
        Reply(parts=(BriefingPart(Briefing("Talks", "https://x.example/", quotes=(quote,))),))
    )
    assert (
        '• Ana Lindqvist, Trade Minister: Minister Ana Lindqvist called the talks "frank" '
        "&amp; &lt;b&gt;useful&lt;/b&gt;." in text
    )
