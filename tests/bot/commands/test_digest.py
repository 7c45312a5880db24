from __future__ import annotations

import sqlalchemy as sa

from bot.chat import Reply
from bot.commands.dispatch import Commands
from bot.store.chats import ChatStore
from tests.bot.commands.helpers import request


def _digest(engine: sa.Engine) -> tuple[str | None, str | None]:
    chat = ChatStore(engine).chat("console", "c1")
    assert chat is not None
    return chat.digest_time, chat.digest_zone


async def test_digest_time_and_zone(commands: Commands, sqlite_engine: sa.Engine) -> None:
    await commands.handle(request("subscribe trade-talks"))
    reply = await commands.handle(request("digest 8:00 europe/berlin"))
    # 2025-06-07 10:00 UTC is 12:00 in Berlin: the next 08:00 there is tomorrow, 06:00 UTC.
    assert reply == Reply.text("Daily digest at 08:00 Europe/Berlin (next: Sun 08 Jun 06:00 UTC).")
    assert _digest(sqlite_engine) == ("08:00", "Europe/Berlin")


async def test_digest_without_zone_keeps_the_chats_zone(
    commands: Commands, sqlite_engine: sa.Engine
) -> None:
    await commands.handle(request("digest 08:00 Asia/Tokyo"))
    reply = await commands.handle(request("digest 21:30"))
    assert (
        reply.parts[0]
        == Reply.text(
            "Daily digest at 21:30 Asia/Tokyo (next: Sat 07 Jun 12:30 UTC). "
            "Follow a topic to get one: subscribe trade-talks"
        ).parts[0]
    )
    assert _digest(sqlite_engine) == ("21:30", "Asia/Tokyo")


async def test_digest_off_and_on_again(commands: Commands, sqlite_engine: sa.Engine) -> None:
    await commands.handle(request("subscribe trade-talks"))
    await commands.handle(request("digest 07:00 Europe/Berlin"))
    reply = await commands.handle(request("digest OFF"))
    assert reply == Reply.text(
        "Daily digest off. Turn it on again with: digest 08:00 Europe/Berlin"
    )
    assert _digest(sqlite_engine) == (None, "Europe/Berlin")
    await commands.handle(request("digest 09:00"))
    assert _digest(sqlite_engine) == ("09:00", "Europe/Berlin")


async def test_digest_errors(commands: Commands, sqlite_engine: sa.Engine) -> None:
    assert await commands.handle(request("digest")) == Reply.error(
        "Missing time. Try: digest 08:00 Europe/Berlin, or: digest off"
    )
    assert await commands.handle(request("digest 25:00")) == Reply.error(
        "'25:00' is not a time: use 24-hour HH:MM. Try: digest 08:00 Europe/Berlin, or: digest off"
    )
    assert await commands.handle(request("digest 8am")) == Reply.error(
        "'8am' is not a time: use 24-hour HH:MM. Try: digest 08:00 Europe/Berlin, or: digest off"
    )
    assert await commands.handle(request("digest 08:00 Mars/Olympus")) == Reply.error(
        "Unknown time zone 'Mars/Olympus': use an IANA name such as Europe/Berlin, "
        "America/New_York or UTC. Try: digest 08:00 Europe/Berlin"
    )
    assert await commands.handle(request("digest 08:00 Europe Berlin")) == Reply.error(
        "Too many words: give a time and a zone. Try: digest 08:00 Europe/Berlin"
    )
    assert await commands.handle(request("digest off now")) == Reply.error("Just: digest off")
    assert _digest(sqlite_engine) == (None, None)  # nothing changed
