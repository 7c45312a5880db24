from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa

from bot.chat import BriefingPart, Reply, TextPart
from bot.commands.dispatch import Commands
from bot.store.briefings import BriefingStore
from briefings.model import Briefing, Fact
from tests.bot.commands.helpers import T0, headlines, request


def _briefing(headline: str, *topics: str) -> Briefing:
    return Briefing(
        headline=headline,
        url="https://news.example/" + headline.replace(" ", "-"),
        outcomes=(Fact("No deal.", "https://news.example/a"),),
        topics=topics,
    )


def _save(engine: sa.Engine, key: str, briefing: Briefing, minutes: int) -> None:
    BriefingStore(engine).save(key, briefing, T0 + timedelta(minutes=minutes))


async def test_latest_for_a_topic(commands: Commands, sqlite_engine: sa.Engine) -> None:
    _save(sqlite_engine, "a", _briefing("Older round", "trade-talks"), 1)
    _save(sqlite_engine, "b", _briefing("Fifth round ends", "trade-talks"), 2)
    reply = await commands.handle(request("latest Trade-Talks"))
    assert reply == Reply(parts=(BriefingPart(_briefing("Fifth round ends", "trade-talks")),))


async def test_latest_says_when_there_is_none(commands: Commands) -> None:
    reply = await commands.handle(request("latest energy"))
    assert reply == Reply(
        parts=(
            TextPart(
                "No briefing for Energy (energy) yet: one arrives when the feeds bring a story "
                "on it."
            ),
        )
    )


async def test_latest_for_each_followed_topic(commands: Commands, sqlite_engine: sa.Engine) -> None:
    _save(sqlite_engine, "shared", _briefing("Tariffs on oil", "trade-talks", "energy"), 1)
    await commands.handle(request("subscribe trade-talks"))
    reply = await commands.handle(request("latest"))
    assert headlines(reply) == ["Tariffs on oil"]
    await commands.handle(request("subscribe energy"))
    reply = await commands.handle(request("latest"))
    assert headlines(reply) == ["Tariffs on oil"]  # one story, shown once
    _save(sqlite_engine, "oil", _briefing("Oil output cut", "energy"), 2)
    reply = await commands.handle(request("latest"))
    assert headlines(reply) == ["Oil output cut", "Tariffs on oil"]  # energy, trade-talks


async def test_latest_errors(commands: Commands) -> None:
    reply = await commands.handle(request("latest"))
    assert reply == Reply.error(
        "This chat follows no topics yet. Try: latest trade-talks, or: subscribe trade-talks"
    )
    reply = await commands.handle(request("latest tarifs"))
    assert reply == Reply.error(
        "Unknown topic 'tarifs'. Topics: trade-talks, energy. Try: latest trade-talks"
    )
    reply = await commands.handle(request("latest energy trade-talks"))
    assert reply == Reply.error("One topic at a time. Try: latest energy")
