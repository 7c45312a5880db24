"""A daily digest to 50 channels in two installed workspaces, one channel archived: the real
digest job, delivery queue and worker, SlackRenderer and SlackSender, against the stand-in."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from slack_sdk.oauth.installation_store.models.installation import Installation

from bot.clock import FakeClock
from bot.delivery.queue import DeliveryQueue
from bot.delivery.ratelimit import RateLimiter
from bot.delivery.worker import DeliveryWorker
from bot.digests.job import DigestJob
from bot.slack.installations import DbInstallationStore
from bot.slack.render import SlackRenderer
from bot.slack.sender import SlackSender
from bot.slack.tokens import InstalledTokens
from bot.store.chats import ChatStore
from bot.store.threads import ThreadStore
from tests.bot.slack.conftest import slack_settings
from tests.bot.slack.standin import SlackStandin

DIGEST_AT = datetime(2025, 6, 9, 8, 0, 20, tzinfo=UTC)
CHANNELS = [("T1", f"C1{n:02d}") for n in range(25)] + [("T2", f"C2{n:02d}") for n in range(25)]
ARCHIVED = "C207"


async def install(store: DbInstallationStore, team: str, token: str) -> None:
    await store.async_save(
        Installation(
            app_id="A0BRIEF",
            team_id=team,
            team_name=f"Team {team}",
            bot_token=token,
            bot_id="B" + team,
            bot_user_id="UBOT",
            bot_scopes="chat:write,commands",
            user_id="UINSTALLER",
            installed_at=DIGEST_AT.timestamp() - 86400,
        )
    )


def subscribe_channels(engine: sa.Engine, now: datetime) -> None:
    chats = ChatStore(engine)
    for team, channel in CHANNELS:
        chat_id = f"{team}:{channel}"
        chats.ensure_chat("slack", chat_id, "channel", f"news-{channel}", now)
        chats.subscribe("slack", chat_id, "trade-talks", now)
        chats.set_digest("slack", chat_id, "08:00", "UTC", now)


async def test_digest_to_fifty_channels_in_two_workspaces(
    standin: SlackStandin, slack_engine: sa.Engine
) -> None:
    standin.add_team("T2", "xoxb-t2")
    standin.archived.add(ARCHIVED)
    standin.limit_once("chat.postMessage", retry_after=2)  # Slack says "slow down" once
    settings = slack_settings(standin, slack_client_id="1.2", slack_client_secret="s")
    clock = FakeClock(DIGEST_AT)
    store = DbInstallationStore(slack_engine)
    await install(store, "T1", "xoxb-t1")
    await install(store, "T2", "xoxb-t2")
    subscribe_channels(slack_engine, DIGEST_AT - timedelta(days=2))

    queue = DeliveryQueue(slack_engine, clock, worker_id="w1")
    job = DigestJob(
        slack_engine, ThreadStore(slack_engine), queue, {"slack": SlackRenderer()}, settings
    )
    run = job.run(DIGEST_AT, DIGEST_AT - timedelta(minutes=5))
    assert (run.due, run.queued) == (50, 50)

    async def sleep(seconds: float) -> None:
        clock.advance(timedelta(seconds=seconds))

    delivery = dataclasses.replace(settings.delivery, poll_seconds=0.0)
    sender = SlackSender(InstalledTokens(store), standin.base_url)
    chats = ChatStore(slack_engine)
    worker = DeliveryWorker(
        queue, {"slack": sender}, RateLimiter(delivery, clock), chats, clock, sleep, delivery
    )
    assert await worker.run_once() == 50
    clock.advance(timedelta(seconds=3))  # past the Retry-After of the rate-limited send
    assert await worker.run_once() == 1

    posts = standin.called("chat.postMessage")
    sent_to = sorted(f"{c.team_id}:{c.params['channel']}" for c in posts)
    expected = sorted(f"{t}:{c}" for t, c in CHANNELS if c != ARCHIVED)
    assert sent_to == expected  # each once, with its own workspace's token
    assert posts[0].params["blocks"][0]["type"] == "header"
    assert queue.counts() == {"sent": 49, "gone": 1}
    archived = chats.chat("slack", f"T2:{ARCHIVED}")
    assert archived is not None
    assert archived.state == "blocked"
