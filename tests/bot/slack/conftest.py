"""Fixtures for the Slack tests: the Web API stand-in and the app running against it."""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path

import aiohttp
import pytest
import sqlalchemy as sa

from bot.clock import FakeClock
from bot.commands.dispatch import Commands
from bot.config import Secrets, Settings, load_settings
from bot.slack.adapter import SlackAdapter, build_slack_adapter
from bot.store.briefings import BriefingStore
from bot.store.db import create_engine, migrate, sqlite_url
from tests.bot.slack.samples import NOW, briefing
from tests.bot.slack.slackhttp import SlackHttp
from tests.bot.slack.standin import SlackStandin

SECRET = "8f742231b10e8888abcd99yyyzzz85a5"


@pytest.fixture
async def standin() -> AsyncIterator[SlackStandin]:
    server = await SlackStandin().start()
    server.add_team("T1", "xoxb-t1")
    yield server
    await server.close()


@pytest.fixture
def slack_engine(tmp_path: Path) -> Iterator[sa.Engine]:
    engine = create_engine(sqlite_url(tmp_path / "slack.sqlite3"))
    migrate(engine)
    BriefingStore(engine).save("fifth-round", briefing(), NOW)
    yield engine
    engine.dispose()


def slack_settings(standin: SlackStandin, mode: str = "http", **secrets: str) -> Settings:
    settings = load_settings(environ={})
    values = {
        "slack_signing_secret": SECRET,
        "slack_api_base_url": standin.base_url,
        **secrets,
    }
    return dataclasses.replace(
        settings,
        slack=dataclasses.replace(settings.slack, mode=mode, host="127.0.0.1", port=0),
        secrets=Secrets(**values),
    )


@dataclass(slots=True)
class Running:
    adapter: SlackAdapter
    engine: sa.Engine
    standin: SlackStandin
    http: SlackHttp
    clock: FakeClock


async def run_app(
    standin: SlackStandin, engine: sa.Engine, settings: Settings
) -> AsyncIterator[Running]:
    clock = FakeClock(NOW)
    commands = Commands(engine, settings, clock)
    adapter = build_slack_adapter(settings, engine, commands, clock)
    await adapter.start()
    async with aiohttp.ClientSession() as session:
        url = f"http://127.0.0.1:{adapter.port}/slack/events"
        yield Running(adapter, engine, standin, SlackHttp(session, url, SECRET), clock)
    await adapter.stop()


@pytest.fixture
async def http_app(standin: SlackStandin, slack_engine: sa.Engine) -> AsyncIterator[Running]:
    """The app in HTTP mode, one workspace (SLACK_BOT_TOKEN)."""
    settings = slack_settings(standin, slack_bot_token="xoxb-t1")
    async for running in run_app(standin, slack_engine, settings):
        yield running
