"""``briefbot run`` wiring: the composition root builds the Slack adapter from the settings
(outside any event loop, as the CLI does) and it serves Slack in either mode."""

from __future__ import annotations

import asyncio
import dataclasses
import json
from pathlib import Path

import aiohttp

from bot.app import build_app
from bot.config import Settings
from bot.slack.adapter import SlackAdapter
from tests.bot.slack.conftest import SECRET, slack_settings
from tests.bot.slack.slackhttp import signed_headers
from tests.bot.slack.standin import SlackStandin


def settings_for(standin: SlackStandin, tmp_path: Path, mode: str, **secrets: str) -> Settings:
    settings = slack_settings(standin, mode=mode, **secrets)
    return dataclasses.replace(
        settings, bot=dataclasses.replace(settings.bot, data_dir=str(tmp_path / "data"))
    )


def slack_of(adapters: tuple[object, ...]) -> SlackAdapter:
    [slack] = [a for a in adapters if isinstance(a, SlackAdapter)]
    return slack


def test_http_mode_serves_signed_requests(tmp_path: Path) -> None:
    async def scenario() -> None:
        standin = await SlackStandin().start()
        standin.add_team("T1", "xoxb-t1")
        settings = settings_for(standin, tmp_path, "http", slack_bot_token="xoxb-t1")
        app = await asyncio.to_thread(build_app, settings)  # built off the loop, like the CLI
        slack = slack_of(app.adapters)
        await app.start()
        try:
            body = json.dumps({"type": "url_verification", "challenge": "hi"})
            url = f"http://127.0.0.1:{slack.port}/slack/events"
            headers = signed_headers(SECRET, body, "application/json")
            async with (
                aiohttp.ClientSession() as session,
                session.post(url, data=body, headers=headers) as response,
            ):
                assert (response.status, await response.json()) == (200, {"challenge": "hi"})
        finally:
            await app.stop()
            await standin.close()

    asyncio.run(scenario())


def test_socket_mode_connects(tmp_path: Path) -> None:
    async def scenario() -> None:
        standin = await SlackStandin().start()
        standin.add_team("T1", "xoxb-t1")
        settings = settings_for(
            standin, tmp_path, "socket", slack_bot_token="xoxb-t1", slack_app_token="xapp-test"
        )
        app = await asyncio.to_thread(build_app, settings)
        assert slack_of(app.adapters).port is None
        await app.start()
        try:
            await standin.wait_for(lambda: standin.socket_connected)
        finally:
            await app.stop()
            await standin.wait_for(lambda: not standin.socket_connected)
            await standin.close()

    asyncio.run(scenario())
