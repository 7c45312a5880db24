"""Threads, timelines and digests of threads on every platform: layout, and article text
(headlines, outcomes, Changed lines, outlets) escaped as each platform needs."""

from __future__ import annotations

import json
from typing import Any

from bot.chat import (
    DatedLine,
    DigestThread,
    Reply,
    TextPart,
    ThreadDigestPart,
    ThreadPart,
    TimelinePart,
)
from bot.console.render import ConsoleRenderer
from bot.slack.render import SlackRenderer
from bot.telegram.render import TelegramRenderer
from briefings.model import Briefing, Fact, SourceRef
from tests.bot.slack.test_render import assert_inert, assert_within_limits
from tests.telegram_standin import parse_html

EVIL = "<b>Tariffs</b> & <!channel> <@U1>"
URL = "https://news.example/a?x=1&y=2"
BRIEFING = Briefing(
    headline=f"Deal reached {EVIL}",
    url=URL,
    outcomes=(Fact(f"Cars pay 15 % {EVIL}", URL),),
    sources=(SourceRef(URL, f"Outlet {EVIL}"),),
)
EARLIER = (
    DatedLine("Mon 9 Mar", f"Deadline moved {EVIL}", "https://news.example/b", new=True),
    DatedLine("Wed 4 Mar", "Round ends", "javascript:alert(1)"),
)
THREAD = ThreadPart(
    BRIEFING,
    changes=(f"Changed: car tariff 25 % → 15 % {EVIL}",),
    earlier=EARLIER,
    new_count=2,
    seen_before=True,
)
QUIET = ThreadPart(None, last=EARLIER[0], more="timeline trade-talks")
TIMELINE = TimelinePart("Timeline of Trade talks — 2 developments", "", EARLIER)
DIGEST = ThreadDigestPart(
    "Your briefing — Trade talks — Tue 10 Mar",
    (
        DigestThread(
            f"Deal reached {EVIL}",
            URL,
            outcomes=(f"Cars pay 15 % {EVIL}",),
            changes=("Changed: no agreement → agreement in principle",),
            stood=f"deadline 1 May; {EVIL}",
            outlets=("Harbour Times", f"Wire {EVIL}"),
            new_count=2,
            day="Tue 10 Mar",
        ),
    ),
    more="1 more thread: timeline trade-talks all",
)


def test_telegram_threads_in_one_message_escaped() -> None:
    reply = Reply(parts=(THREAD, QUIET, TextPart("2 more threads: timeline trade-talks all")))
    (message,) = TelegramRenderer().render(reply)
    html = message.payload["text"]
    assert message.payload["disable_web_page_preview"] is True
    assert "<b>Tariffs</b>" not in html
    assert "&lt;b&gt;Tariffs&lt;/b&gt; &amp; &lt;!channel&gt;" in html
    parsed = parse_html(html)
    assert parsed.text.splitlines()[:3] == [
        "New since you last looked (2 developments)",
        f"Deal reached {EVIL}",
        f"Changed: car tariff 25 % → 15 % {EVIL}",
    ]
    assert f"• Mon 9 Mar — Deadline moved {EVIL} (new)" in parsed.text
    assert "• Wed 4 Mar — Round ends" in parsed.text
    assert "javascript" not in html  # not a link
    assert (
        f"Nothing new since you last looked. Last development, Mon 9 Mar: Deadline moved {EVIL}"
        in (parsed.text)
    )
    assert parsed.text.endswith(
        "Earlier developments: timeline trade-talks\n\n2 more threads: timeline trade-talks all"
    )
    assert "https://news.example/b" in parsed.links


def test_telegram_timeline_and_digest() -> None:
    (timeline,) = TelegramRenderer().render(Reply(parts=(TIMELINE,)))
    assert parse_html(timeline.payload["text"]).text.splitlines() == [
        "Timeline of Trade talks — 2 developments",
        f"• Mon 9 Mar — Deadline moved {EVIL} (new)",
        "• Wed 4 Mar — Round ends",
    ]
    (digest,) = TelegramRenderer().render(Reply(parts=(DIGEST,)))
    parsed = parse_html(digest.payload["text"])
    assert parsed.text.split("\n\n") == [
        "Your briefing — Trade talks — Tue 10 Mar",
        "\n".join(
            [
                f"Deal reached {EVIL}",
                f"• Cars pay 15 % {EVIL}",
                "Changed: no agreement → agreement in principle",
                f"Before: deadline 1 May; {EVIL}",
                f"Harbour Times, Wire {EVIL} · Tue 10 Mar · 2 new developments",
            ]
        ),
        "1 more thread: timeline trade-talks all",
    ]
    assert parsed.links == (URL,)


def _slack(reply: Reply) -> list[dict[str, Any]]:
    return [dict(m.payload) for m in SlackRenderer().render(reply)]


def test_slack_threads_timeline_and_digest_are_inert() -> None:
    for part in (THREAD, QUIET, TIMELINE, DIGEST):
        payloads = _slack(Reply(parts=(part,)))
        assert_within_limits(payloads)
        assert_inert(payloads)
        assert "javascript" not in json.dumps(payloads)
    (thread,) = _slack(Reply(parts=(THREAD,)))
    blocks = thread["blocks"]
    assert blocks[0]["elements"][0]["text"] == "_New since you last looked (2 developments)_"
    assert blocks[1]["type"] == "header"
    assert blocks[2]["text"]["text"] == (
        "*Changed:* car tariff 25 % → 15 % &lt;b&gt;Tariffs&lt;/b&gt; &amp; "
        "&lt;!channel&gt; &lt;@U1&gt;"
    )
    (digest,) = _slack(Reply(parts=(DIGEST,)))
    assert digest["blocks"][-1]["elements"][0]["text"] == "1 more thread: timeline trade-talks all"


def test_console_threads_read_as_plain_text() -> None:
    (message,) = ConsoleRenderer().render(Reply(parts=(THREAD, QUIET)))
    lines = message.payload["text"].splitlines()
    assert lines[:3] == [
        "New since you last looked (2 developments):",
        f"Deal reached {EVIL}",
        f"Changed: car tariff 25 % → 15 % {EVIL}",
    ]
    assert "Earlier:" in lines
    assert f"• Mon 9 Mar — Deadline moved {EVIL} (new) — https://news.example/b" in lines
    assert lines[-1] == "Earlier developments: timeline trade-talks"
    (digest,) = ConsoleRenderer().render(Reply(parts=(DIGEST,)))
    assert digest.payload["text"].endswith("1 more thread: timeline trade-talks all")
