"""Stories, threads and chats for alert tests, written straight through the schema (what the
ingest stores for a development: its briefing, topics, thread, material reasons and
changes)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

import sqlalchemy as sa

from bot.chat import ChatKind
from bot.store.briefings import BriefingStore
from bot.store.chats import ChatStore
from bot.store.schema import chats, deliveries, sent_developments, stories, threads
from briefings.model import Briefing, Fact, SourceRef

RATE_CHANGE = {
    "kind": "rate",
    "subject": "car tariff",
    "before": "25 %",
    "after": "15 %",
    "source_url": "https://wire.example/deal",
}


def briefing(headline: str, published: datetime, topics: Sequence[str]) -> Briefing:
    url = "https://wire.example/" + "-".join(re.findall(r"[a-z0-9]+", headline.lower()))
    return Briefing(
        headline=headline,
        url=url,
        outlet="Pacific Wire",
        published=published,
        outcomes=(
            Fact(f"First outcome of {headline}.", url),
            Fact(f"Second outcome of {headline}.", url),
            Fact(f"Third outcome of {headline}.", url),
        ),
        next=(Fact("Ministers meet again next week.", url),),
        sources=(
            SourceRef(url, "Pacific Wire", headline),
            SourceRef(url + "-b", "Harbour Times", headline),
        ),
        topics=tuple(topics),
    )


def add_thread(engine: sa.Engine, key: str, at: datetime) -> int:
    with engine.begin() as connection:
        return int(
            connection.execute(
                threads.insert()
                .values(key=key, headline=key, started_at=at, last_at=at, updated_at=at)
                .returning(threads.c.id)
            ).scalar_one()
        )


def add_development(
    engine: sa.Engine,
    headline: str,
    *,
    published: datetime,
    arrived: datetime | None = None,
    material: Sequence[str] = ("agreement reached",),
    changes: Sequence[dict[str, str]] = (),
    topics: Sequence[str] = ("trade-talks",),
    thread_id: int | None = None,
) -> int:
    """A development stored at ``arrived`` (default: when published); its story id."""
    arrived = arrived or published
    stored = BriefingStore(engine).save(
        f"dev-{headline}", briefing(headline, published, topics), arrived
    )
    with engine.begin() as connection:
        connection.execute(
            stories.update()
            .where(stories.c.id == stored.story_id)
            .values(
                thread_id=thread_id,
                published_at=published,
                material=list(material),
                changes=list(changes),
            )
        )
    return stored.story_id


@dataclass(frozen=True, slots=True)
class ChatSetup:
    platform: str
    chat_id: str
    zone: str = "UTC"
    alerts: bool = True
    quiet: tuple[str, str] | None = None
    topics: tuple[str, ...] = ("trade-talks",)
    kind: ChatKind = ChatKind.PRIVATE


def add_chat(engine: sa.Engine, setup: ChatSetup, now: datetime) -> int:
    """The chat as its commands would leave it; its primary key."""
    store = ChatStore(engine)
    store.ensure_chat(setup.platform, setup.chat_id, setup.kind, setup.chat_id, now)
    for topic in setup.topics:
        store.subscribe(setup.platform, setup.chat_id, topic, now)
    store.set_digest(setup.platform, setup.chat_id, "08:00", setup.zone, now)
    store.set_alerts(setup.platform, setup.chat_id, setup.alerts, now)
    store.set_quiet_hours(setup.platform, setup.chat_id, setup.quiet, now)
    return chat_pk(engine, setup.platform, setup.chat_id)


def chat_pk(engine: sa.Engine, platform: str, chat_id: str) -> int:
    with engine.connect() as connection:
        return int(
            connection.execute(
                sa.select(chats.c.id).where(
                    chats.c.platform == platform, chats.c.chat_id == chat_id
                )
            ).scalar_one()
        )


def mark_sent(engine: sa.Engine, chat: int, story_id: int, via: str, at: datetime) -> None:
    """What ``latest`` or a digest records when it shows the chat a development."""
    with engine.begin() as connection:
        connection.execute(
            sent_developments.insert().values(chat_pk=chat, story_id=story_id, via=via, sent_at=at)
        )


def sent(engine: sa.Engine) -> list[tuple[int, int, str]]:
    """Every (chat, development, via) recorded as sent, in order."""
    with engine.connect() as connection:
        rows = connection.execute(
            sa.select(
                sent_developments.c.chat_pk, sent_developments.c.story_id, sent_developments.c.via
            ).order_by(sent_developments.c.id)
        )
        return [(row.chat_pk, row.story_id, row.via) for row in rows]


def queued(engine: sa.Engine) -> list[tuple[str, str, str]]:
    """Every queued message as (key, chat id, text), in order."""
    with engine.connect() as connection:
        rows = connection.execute(
            sa.select(deliveries.c.idempotency_key, deliveries.c.chat_id, deliveries.c.payload)
            .where(deliveries.c.kind == "alert")
            .order_by(deliveries.c.id)
        )
        return [(row.idempotency_key, row.chat_id, row.payload["text"]) for row in rows]


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)
