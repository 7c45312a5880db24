"""Three `briefbot run` replicas on one PostgreSQL, as real processes, against the Bot API
stand-in (which, like Telegram, ends an overlapping getUpdates with 409 Conflict) and a local
feed server. Counted: every digest sent once, every command answered once, no reply refused,
no Conflict in any log, the feed fetched once per interval, and a take-over when the leading
replica is killed.
"""

from __future__ import annotations

import asyncio
import collections
import os
import signal
import sys
import time
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa

from bot.store.briefings import BriefingStore
from bot.store.db import create_engine
from bot.store.schema import chats, deliveries, metadata, subscriptions
from tests.bot.delivery.fakes import briefing
from tests.httpserver import LocalServer, running_server
from tests.telegram_standin import BotApiStandIn

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

REPLICAS = 3
DIGEST_CHATS = [7000 + n for n in range(20)]
ASKING = [8000 + n for n in range(20)]
AFTER_KILL = [9000 + n for n in range(10)]
LEASE_SECONDS = 4
DEADLINE = 60.0  # seconds; only reached when something hangs
FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Wire</title><link>http://127.0.0.1/</link>
<item><title>Akazawa and Bessent end round six of tariff talks</title>
<link>http://127.0.0.1/story/6</link><guid>story-6</guid>
<pubDate>Sat, 07 Jun 2025 10:00:00 GMT</pubDate>
<content:encoded><![CDATA[<p>Japan and the United States failed to agree on tariffs in round
six of their trade talks, officials said.</p>]]></content:encoded></item>
</channel></rss>"""


@pytest.fixture
def pg_url(postgres_url: str) -> str:
    engine = create_engine(postgres_url)
    with engine.begin() as connection:
        names = ", ".join(f'"{t.name}"' for t in metadata.sorted_tables)
        connection.execute(sa.text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    engine.dispose()
    return postgres_url


@pytest.fixture
async def standin() -> AsyncIterator[BotApiStandIn]:
    server = BotApiStandIn()
    await server.start()
    yield server
    await server.close()


@pytest.fixture
async def feed_server() -> AsyncIterator[LocalServer]:
    async with running_server() as server:
        server.serve("/feed.rss", FEED)
        yield server


def seed_digests(url: str, now: datetime) -> None:
    """Chats whose digest fell due ten minutes ago, and a briefing for it."""
    engine = create_engine(url)
    due = (now - timedelta(minutes=10)).strftime("%H:%M")
    rows = [
        {
            "platform": "telegram",
            "chat_id": str(chat_id),
            "kind": "private",
            "state": "active",
            "digest_time": due,
            "digest_zone": "UTC",
            "created_at": now,
            "updated_at": now,
        }
        for chat_id in DIGEST_CHATS
    ]
    stamps = {"created_at": now, "updated_at": now}
    with engine.begin() as connection:
        connection.execute(chats.insert(), rows)
        pks = connection.execute(sa.select(chats.c.id)).scalars().all()
        connection.execute(
            subscriptions.insert(),
            [{"chat_pk": pk, "topic": "trade-talks", "active": True, **stamps} for pk in pks],
        )
    BriefingStore(engine).save("story", briefing("Fifth round ends"), now - timedelta(hours=1))
    engine.dispose()


class Replica:
    """One `briefbot run` process and the lines of its log."""

    def __init__(self, process: asyncio.subprocess.Process) -> None:
        self.process = process
        self.lines: list[str] = []
        self.leads = asyncio.Event()
        self._reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        assert self.process.stderr is not None
        async for raw in self.process.stderr:
            line = raw.decode(errors="replace")
            self.lines.append(line)
            if " leads: " in line:
                self.leads.set()

    async def finish(self) -> str:
        if self.process.returncode is None:
            self.process.send_signal(signal.SIGTERM)
        await asyncio.wait_for(self.process.wait(), DEADLINE)
        await asyncio.wait_for(self._reader, DEADLINE)  # the log ends with its last writer
        return "".join(self.lines)


async def start_replica(env: dict[str, str], cwd: Path) -> Replica:
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "--log-level", "info", "run", env=env, cwd=cwd,
        stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    return Replica(process)


def config(tmp_path: Path, feed_url: str) -> Path:
    path = tmp_path / "briefbot.toml"
    path.write_text(
        f"[bot]\nleader_lease_seconds = {LEASE_SECONDS}\n\n"
        "[fetch]\nallow_private_networks = true\nper_host_interval_seconds = 0.0\n\n"
        "[telegram]\npoll_timeout_seconds = 5\n\n"
        f'[topics.trade-talks]\ninclude = ["tariff", "Akazawa"]\nfeeds = ["{feed_url}"]\n',
        encoding="utf-8",
    )
    return path


async def test_replicas_lead_one_at_a_time_and_take_over(
    pg_url: str, standin: BotApiStandIn, feed_server: LocalServer, tmp_path: Path
) -> None:
    seed_digests(pg_url, datetime.now(UTC))
    for chat_id in (*DIGEST_CHATS, *ASKING, *AFTER_KILL):
        standin.add_chat(chat_id)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "BRIEFBOT_C"))}
    env.update(
        BRIEFBOT_CONFIG=str(config(tmp_path, feed_server.url("/feed.rss"))),
        TELEGRAM_BOT_TOKEN=standin.token,
        TELEGRAM_API_BASE_URL=standin.base_url,
        DATABASE_URL=pg_url,
    )
    replicas = [await start_replica(env, tmp_path) for _ in range(REPLICAS)]
    try:
        # The leader catches up on the digests that fell due, and polls the feed.
        await standin.wait_for(lambda: all(standin.sent_to(c) for c in DIGEST_CHATS), DEADLINE)
        for chat_id in ASKING:
            standin.send_text(chat_id, "/topics")
        await standin.wait_for(lambda: all(standin.sent_to(c) for c in ASKING), DEADLINE)
        await standin.wait_for(lambda: bool(feed_server.hits("/feed.rss")), DEADLINE)
        leaders = [r for r in replicas if r.leads.is_set()]
        assert len(leaders) == 1

        # Kill the leader; another replica takes over and answers.
        leaders[0].process.kill()
        killed = time.monotonic()
        for chat_id in AFTER_KILL:
            standin.send_text(chat_id, "/topics")
        await standin.wait_for(lambda: all(standin.sent_to(c) for c in AFTER_KILL), DEADLINE)
        take_over = time.monotonic() - killed
        survivors = [r for r in replicas if r is not leaders[0]]
        assert sum(r.leads.is_set() for r in survivors) == 1
    finally:
        logs = [await replica.finish() for replica in replicas]

    sent = collections.Counter(message.chat_id for message in standin.sent)
    engine = create_engine(pg_url)
    with engine.connect() as connection:
        queued = collections.Counter(
            int(chat_id)
            for chat_id in connection.execute(
                sa.select(deliveries.c.chat_id).where(deliveries.c.status == "sent")
            ).scalars()
        )
    engine.dispose()
    print(
        f"\n{REPLICAS} replicas: {sum(sent.values())} messages, take-over answered "
        f"{take_over:.1f} s after the kill, {len(feed_server.hits('/feed.rss'))} feed fetch"
    )
    assert {chat_id: sent[chat_id] for chat_id in DIGEST_CHATS} == {
        chat_id: queued[chat_id] for chat_id in DIGEST_CHATS
    }
    assert set(queued) == set(DIGEST_CHATS)  # every digest queued once, and sent once
    assert all(sent[chat_id] == 1 for chat_id in (*ASKING, *AFTER_KILL))  # answered once
    assert standin.rejected == []
    assert not any("Conflict" in log for log in logs)
    assert len(feed_server.hits("/feed.rss")) == 1  # once per interval, across a take-over
    assert take_over < 30
