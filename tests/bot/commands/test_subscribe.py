from __future__ import annotations

import sqlalchemy as sa

from bot.chat import Choice, ChoicesPart, Reply
from bot.clock import FakeClock
from bot.commands.dispatch import Commands
from bot.config import Settings
from bot.store.chats import ChatStore
from tests.bot.commands.helpers import T0, request, text


async def test_subscribe_sets_default_digest(commands: Commands) -> None:
    reply = await commands.handle(request("subscribe Trade-Talks"))
    assert not reply.is_error
    assert text(reply) == (
        "Subscribed to Trade talks (trade-talks).\n"
        "Daily digest at 08:00 UTC; change it with: digest HH:MM [zone], or: digest off\n"
        "Newest briefing: latest trade-talks"
    )


async def test_subscribe_keeps_chosen_digest(commands: Commands, sqlite_engine: sa.Engine) -> None:
    await commands.handle(request("digest 07:15 Asia/Tokyo"))
    reply = await commands.handle(request("subscribe energy"))
    assert "Daily digest: 07:15 Asia/Tokyo." in text(reply)
    chat = ChatStore(sqlite_engine).chat("console", "c1")
    assert chat is not None
    assert (chat.digest_time, chat.digest_zone, chat.topics) == ("07:15", "Asia/Tokyo", ("energy",))


async def test_subscribe_after_digest_off_keeps_it_off(commands: Commands) -> None:
    await commands.handle(request("subscribe energy"))
    await commands.handle(request("digest off"))
    reply = await commands.handle(request("subscribe trade-talks"))
    assert "Daily digest: off." in text(reply)


async def test_subscribe_twice(commands: Commands) -> None:
    await commands.handle(request("subscribe trade-talks"))
    reply = await commands.handle(request("subscribe trade-talks"))
    assert reply == Reply.text("This chat already follows Trade talks (trade-talks).")


async def test_subscribe_unknown_topic(commands: Commands) -> None:
    reply = await commands.handle(request("subscribe tarifs"))
    assert reply == Reply.error(
        "Unknown topic 'tarifs'. Topics: trade-talks, energy. Try: subscribe trade-talks"
    )
    reply = await commands.handle(request("subscribe enrgy"))
    assert text(reply).endswith("Try: subscribe energy")


async def test_subscribe_two_topics_at_once(commands: Commands) -> None:
    reply = await commands.handle(request("subscribe energy trade-talks"))
    assert reply == Reply.error("One topic at a time. Try: subscribe energy")


async def test_subscribe_without_topic_offers_choices(commands: Commands) -> None:
    reply = await commands.handle(request("subscribe"))
    assert reply == Reply(
        parts=(
            ChoicesPart(
                prompt="Which topic? Tap one, or type: subscribe <topic>",
                choices=(
                    Choice("Trade talks", "subscribe trade-talks"),
                    Choice("Energy", "subscribe energy"),
                ),
            ),
        )
    )
    await commands.handle(request("subscribe energy"))
    reply = await commands.handle(request("subscribe"))
    part = reply.parts[0]
    assert isinstance(part, ChoicesPart)
    assert part.choices == (Choice("Trade talks", "subscribe trade-talks"),)
    await commands.handle(request("subscribe trade-talks"))
    reply = await commands.handle(request("subscribe"))
    assert reply == Reply.text("This chat already follows every topic. See: settings")


async def test_unsubscribe(commands: Commands) -> None:
    await commands.handle(request("subscribe trade-talks"))
    await commands.handle(request("subscribe energy"))
    reply = await commands.handle(request("unsubscribe ENERGY"))
    assert reply == Reply.text("Unsubscribed from Energy (energy).")
    reply = await commands.handle(request("unsubscribe trade-talks"))
    assert reply == Reply.text(
        "Unsubscribed from Trade talks (trade-talks). "
        "This chat follows no topics now, so it gets no digest."
    )


async def test_unsubscribe_errors(commands: Commands) -> None:
    reply = await commands.handle(request("unsubscribe"))
    assert reply == Reply.error("This chat follows no topics. See them with: topics")
    await commands.handle(request("subscribe trade-talks"))
    reply = await commands.handle(request("unsubscribe"))
    assert reply == Reply.error(
        "Which topic? This chat follows: trade-talks. Try: unsubscribe trade-talks"
    )
    reply = await commands.handle(request("unsubscribe energy"))
    assert reply == Reply.error("This chat does not follow energy. It follows: trade-talks.")
    reply = await commands.handle(request("unsubscribe tarifs"))
    assert reply == Reply.error(
        "Unknown topic 'tarifs'. Topics: trade-talks, energy. Try: unsubscribe trade-talks"
    )
    reply = await commands.handle(request("unsubscribe a b"))
    assert reply.is_error
    assert text(reply).startswith("One topic at a time.")


async def test_commands_from_a_migrated_chat_act_on_its_new_id(
    commands: Commands, sqlite_engine: sa.Engine
) -> None:
    await commands.handle(request("subscribe trade-talks"))
    store = ChatStore(sqlite_engine)
    store.migrate_chat("console", "c1", "c2", T0)
    await commands.handle(request("subscribe energy"))
    assert store.subscriptions("console", "c2") == ("energy", "trade-talks")
    assert store.subscriptions("console", "c1") == ()


async def test_a_chat_session_on_every_backend(
    engine: sa.Engine, settings: Settings, clock: FakeClock
) -> None:
    commands = Commands(engine, settings, clock)
    for line in ("subscribe trade-talks", "subscribe energy", "unsubscribe energy"):
        assert not (await commands.handle(request(line))).is_error
    assert not (await commands.handle(request("digest 07:30 Asia/Tokyo"))).is_error
    reply = await commands.handle(request("settings"))
    assert text(reply) == (
        "This chat:\n• Topics: Trade talks (trade-talks)\n• Daily digest: 07:30 Asia/Tokyo\n"
        "• Alerts: off. Try: alerts on"
    )
