"""Groups, supergroups and channels: admin rule, bot addressing, migration."""

from __future__ import annotations

import asyncio
from datetime import datetime

import sqlalchemy as sa

from bot.store.chats import ChatRecord, ChatStore
from bot.telegram.adapter import TelegramAdapter
from tests.bot.telegram.conftest import BotFactory
from tests.telegram_standin import BotApiStandIn

GROUP = -100200
ADMIN, MEMBER, CREATOR = 11, 12, 13


def _group(standin: BotApiStandIn, chat_id: int = GROUP, kind: str = "supergroup") -> None:
    standin.add_chat(chat_id, kind, "Trade desk", admins=(ADMIN,), creator=CREATOR)


async def _reply(standin: BotApiStandIn, chat_id: int, text: str, **kw: object) -> str:
    before = len(standin.sent_to(chat_id))
    standin.send_text(chat_id, text, **kw)  # type: ignore[arg-type]
    await standin.wait_for(lambda: len(standin.sent_to(chat_id)) > before)
    return standin.sent_to(chat_id)[before].plain


async def test_only_admins_change_a_groups_subscriptions(
    bot: TelegramAdapter, standin: BotApiStandIn, sqlite_engine: sa.Engine
) -> None:
    _group(standin)
    refused = await _reply(standin, GROUP, "/subscribe trade-talks", user_id=MEMBER)
    assert refused.startswith("Only admins of this group")
    assert (await _reply(standin, GROUP, "/subscribe trade-talks", user_id=ADMIN)).startswith(
        "Subscribed"
    )
    assert ChatStore(sqlite_engine).subscriptions("telegram", str(GROUP)) == ("trade-talks",)
    await _reply(standin, GROUP, "/unsubscribe trade-talks", user_id=CREATOR)
    assert ChatStore(sqlite_engine).subscriptions("telegram", str(GROUP)) == ()
    # Anyone may read.
    assert "Trade talks" in await _reply(standin, GROUP, "/topics", user_id=MEMBER)


async def test_anonymous_admins_count(bot: TelegramAdapter, standin: BotApiStandIn) -> None:
    _group(standin)
    reply = await _reply(standin, GROUP, "/subscribe trade-talks", sender_chat_id=GROUP)
    assert reply.startswith("Subscribed")
    # No member lookup was needed for a message sent on behalf of the group itself.
    assert not [c for c in standin.calls if c[0] == "getChatMember"]


async def test_admin_answers_are_cached(bot: TelegramAdapter, standin: BotApiStandIn) -> None:
    _group(standin)
    await _reply(standin, GROUP, "/settings", user_id=ADMIN)
    await _reply(standin, GROUP, "/settings", user_id=ADMIN)
    assert len([c for c in standin.calls if c[0] == "getChatMember"]) == 1


async def test_commands_for_other_bots_are_ignored(
    bot: TelegramAdapter, standin: BotApiStandIn
) -> None:
    _group(standin)
    standin.send_text(GROUP, "/latest@some_other_bot", user_id=MEMBER)
    standin.send_text(GROUP, "/frobnicate", user_id=MEMBER)  # not ours either
    reply = await _reply(standin, GROUP, f"/topics@{standin.username}", user_id=MEMBER)
    assert "Trade talks" in reply
    # Updates are handled in order per chat, so the two ignored ones were seen first.
    assert len(standin.sent_to(GROUP)) == 1


async def test_channel_posts_set_the_channels_subscriptions(
    bot: TelegramAdapter, standin: BotApiStandIn, sqlite_engine: sa.Engine
) -> None:
    channel = -100300
    standin.add_chat(channel, "channel", "Trade news")
    reply = await _reply(standin, channel, f"/subscribe@{standin.username} trade-talks")
    assert reply.startswith("Subscribed")
    chat = ChatStore(sqlite_engine).chat("telegram", str(channel))
    assert chat is not None
    assert chat.kind == "channel"
    assert chat.topics == ("trade-talks",)


class _WatchedChats(ChatStore):
    """A chat store that tells the test when a migration went through."""

    def __init__(self, engine: sa.Engine) -> None:
        super().__init__(engine)
        self.loop = asyncio.get_running_loop()
        self.migrated = asyncio.Event()

    def migrate_chat(
        self, platform: str, old_id: str, new_id: str, now: datetime
    ) -> ChatRecord | None:
        record = super().migrate_chat(platform, old_id, new_id, now)
        self.loop.call_soon_threadsafe(self.migrated.set)
        return record


async def test_a_group_that_becomes_a_supergroup_keeps_its_subscriptions(
    start_bot: BotFactory, standin: BotApiStandIn, sqlite_engine: sa.Engine
) -> None:
    chats = _WatchedChats(sqlite_engine)
    await start_bot(chats=chats)
    old, new = -4000, -100400
    _group(standin, old, "group")
    await _reply(standin, old, "/subscribe trade-talks", user_id=ADMIN)
    standin.migrate_group(old, new, ADMIN)
    await asyncio.wait_for(chats.migrated.wait(), 10)
    assert chats.subscriptions("telegram", str(new)) == ("trade-talks",)
    old_chat = chats.chat("telegram", str(old))
    assert old_chat is not None
    assert old_chat.state == "migrated"
    assert "Trade talks" in await _reply(standin, new, "/settings", user_id=MEMBER)


async def test_a_tap_by_a_member_is_refused_privately(
    bot: TelegramAdapter, standin: BotApiStandIn, sqlite_engine: sa.Engine
) -> None:
    _group(standin)
    await _reply(standin, GROUP, "/subscribe", user_id=ADMIN)
    keyboard = standin.sent_to(GROUP)[0]
    standin.tap(keyboard, "subscribe trade-talks", MEMBER)
    await standin.wait_for(lambda: bool(standin.callback_answers))
    answer = standin.callback_answers[0]
    assert str(answer["text"]).startswith("Only admins")
    assert answer["show_alert"] in (True, "true")
    assert not standin.edits
    assert ChatStore(sqlite_engine).subscriptions("telegram", str(GROUP)) == ()
