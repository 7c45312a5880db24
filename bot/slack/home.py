"""The App Home tab: what a user and their workspace follow, and the latest per topic.

:class:`StoreHome` reads the data (a worker thread over the synchronous stores);
:func:`home_view` turns it into a Block Kit ``home`` view with subscribe/unsubscribe buttons.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

import sqlalchemy as sa

from bot.config import Settings
from bot.slack import blocks as bk
from bot.slack.mrkdwn import date, escape, link, one_line
from bot.slack.render import ACTION_PREFIX
from bot.store.briefings import BriefingStore
from bot.store.chats import ChatStore
from bot.store.following import chats_following_topics
from briefings.model import Briefing

MAX_VIEW_BLOCKS = 100
MAX_CHANNELS_SHOWN = 40
_CHANNEL_ID = re.compile(r"^[CG][A-Z0-9]+$")


@dataclass(frozen=True, slots=True)
class TopicRow:
    name: str
    title: str
    description: str
    latest: Briefing | None = None
    latest_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class ChannelRow:
    channel_id: str
    title: str
    topics: tuple[str, ...]
    digest: str = ""


@dataclass(frozen=True, slots=True)
class HomeData:
    user_topics: tuple[str, ...]
    user_digest: str
    channels: tuple[ChannelRow, ...]
    topics: tuple[TopicRow, ...]


class HomeSource(Protocol):
    async def load(self, team_id: str, dm_chat_id: str) -> HomeData: ...


class StoreHome:
    """Implements :class:`HomeSource` over the project's database."""

    def __init__(self, engine: sa.Engine, settings: Settings) -> None:
        self._engine = engine
        self._settings = settings
        self._chats = ChatStore(engine)
        self._briefings = BriefingStore(engine)

    async def load(self, team_id: str, dm_chat_id: str) -> HomeData:
        return await asyncio.to_thread(self._load, team_id, dm_chat_id)

    def _load(self, team_id: str, dm_chat_id: str) -> HomeData:
        me = self._chats.chat("slack", dm_chat_id)
        topics = []
        for topic in self._settings.topics:
            latest = self._briefings.latest(topic.name, limit=1)
            topics.append(
                TopicRow(
                    topic.name,
                    topic.title,
                    topic.description,
                    latest[0].briefing if latest else None,
                    latest[0].updated_at if latest else None,
                )
            )
        return HomeData(
            user_topics=me.topics if me and me.is_active else (),
            user_digest=_digest(me.digest_time, me.digest_zone) if me else "",
            channels=self._channels(team_id),
            topics=tuple(topics),
        )

    def _channels(self, team_id: str) -> tuple[ChannelRow, ...]:
        followed = chats_following_topics(
            self._engine, platform="slack", chat_id_prefix=f"{team_id}:"
        )
        return tuple(
            ChannelRow(
                channel, chat.title, chat.topics, _digest(chat.digest_time, chat.digest_zone)
            )
            for chat in followed
            if _CHANNEL_ID.match(channel := chat.chat_id.partition(":")[2])  # DMs stay private
        )


def _digest(time: str | None, zone: str | None) -> str:
    return f"{time} {zone or 'UTC'}" if time else ""


def home_view(data: HomeData, dm_channel: str) -> dict[str, Any]:
    """The ``home`` view; ``private_metadata`` carries the user's DM so buttons act there."""
    blocks: list[bk.Block] = [bk.header("Your news briefings")]
    mine = ", ".join(f"`{escape(t)}`" for t in data.user_topics) or "nothing yet"
    digest = (
        f"Daily digest at {escape(data.user_digest)}." if data.user_digest else "No digest set."
    )
    blocks.append(bk.section(f"*You follow:* {mine}\n{digest}"))
    blocks.append(bk.divider())
    for topic in data.topics:
        blocks.extend(_topic_blocks(topic, topic.name in data.user_topics))
    blocks.append(bk.divider())
    blocks.extend(_channel_blocks(data.channels))
    blocks.append(
        bk.context("In any channel: `/briefing help` · `/briefing subscribe &lt;topic&gt;` · DM me")
    )
    return {"type": "home", "private_metadata": dm_channel, "blocks": blocks[:MAX_VIEW_BLOCKS]}


def _topic_blocks(topic: TopicRow, following: bool) -> list[bk.Block]:
    text = f"*{escape(one_line(topic.title or topic.name))}* (`{escape(topic.name)}`)"
    if topic.description:
        text += f"\n{escape(one_line(topic.description))}"
    command = f"{'unsubscribe' if following else 'subscribe'} {topic.name}"
    label = "Unsubscribe" if following else "Subscribe"
    section = bk.section(text[: bk.MAX_SECTION_TEXT])
    section["accessory"] = bk.button(label, ACTION_PREFIX + command, command)
    blocks = [section]
    if topic.latest is not None:
        when = f" · {date(topic.latest_at)}" if topic.latest_at else ""
        blocks.append(bk.context(f"Latest: {link(topic.latest.url, topic.latest.headline)}{when}"))
    return blocks


def _channel_blocks(channels: Sequence[ChannelRow]) -> list[bk.Block]:
    if not channels:
        return [bk.section("*In this workspace:* no channel follows a topic yet.")]
    lines = ["*In this workspace:*"]
    for row in channels[:MAX_CHANNELS_SHOWN]:
        topics = ", ".join(f"`{escape(t)}`" for t in row.topics)
        digest = f" · digest {escape(row.digest)}" if row.digest else ""
        lines.append(f"• <#{row.channel_id}> {topics}{digest}")
    if len(channels) > MAX_CHANNELS_SHOWN:
        lines.append(f"…and {len(channels) - MAX_CHANNELS_SHOWN} more channels")
    return bk.sections(lines)
