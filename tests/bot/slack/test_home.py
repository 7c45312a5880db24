"""The App Home view: the user's topics, the workspace's channels, buttons per topic."""

from __future__ import annotations

import json

import sqlalchemy as sa

from bot.config import load_settings
from bot.slack.home import ChannelRow, HomeData, StoreHome, TopicRow, home_view
from bot.store.chats import ChatStore
from tests.bot.slack.samples import NOW, briefing
from tests.bot.slack.standin import block_errors


def test_view_escapes_text_and_has_one_button_per_topic() -> None:
    hostile = briefing(headline="<!channel> win", url="javascript:alert(1)")
    data = HomeData(
        user_topics=("trade-talks",),
        user_digest="08:00 Europe/Berlin",
        channels=tuple(ChannelRow(f"C{n}", "", ("trade-talks",), "08:00 UTC") for n in range(60)),
        topics=(
            TopicRow("trade-talks", "Trade talks", "Tariffs <b>", hostile, NOW),
            TopicRow("energy", "Energy", ""),
        ),
    )
    view = home_view(data, "D1")
    assert (view["type"], view["private_metadata"]) == ("home", "D1")
    assert block_errors(view["blocks"], 100) == []
    buttons = [b["accessory"] for b in view["blocks"] if "accessory" in b]
    assert [b["value"] for b in buttons] == ["unsubscribe trade-talks", "subscribe energy"]
    text = json.dumps(view, ensure_ascii=False)
    assert "&lt;!channel&gt; win" in text
    assert "<!" not in text.replace("<!date^", "")
    assert "<topic>" not in text
    assert "Tariffs &lt;b&gt;" in text
    assert "…and 20 more channels" in text
    assert "Daily digest at 08:00 Europe/Berlin." in text


async def test_store_home_lists_the_workspaces_channels_only(engine: sa.Engine) -> None:
    chats = ChatStore(engine)
    for chat_id, kind in (("T1:C1", "channel"), ("T1:D9", "private"), ("T2:C2", "channel")):
        chats.ensure_chat("slack", chat_id, kind, "", NOW)
        chats.subscribe("slack", chat_id, "trade-talks", NOW)
    chats.set_digest("slack", "T1:D9", "07:30", "Asia/Tokyo", NOW)
    home = StoreHome(engine, load_settings(environ={}))
    data = await home.load("T1", "T1:D9")
    assert data.user_topics == ("trade-talks",)
    assert data.user_digest == "07:30 Asia/Tokyo"
    assert [c.channel_id for c in data.channels] == ["C1"]
    assert [t.name for t in data.topics] == ["trade-talks"]
    assert data.topics[0].latest is None
