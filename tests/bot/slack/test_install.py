"""Multi-workspace: the OAuth install stores the workspace's token in our database; requests
and sends then use it; uninstalling removes it."""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator

import pytest
import sqlalchemy as sa

from bot.delivery.sender import SendResult
from bot.render import RenderedMessage
from bot.slack.installations import DbInstallationStore
from bot.store.schema import slack_installations
from tests.bot.slack.conftest import Running, run_app, slack_settings
from tests.bot.slack.standin import SlackStandin, Team

STATE = re.compile(r"state=([A-Za-z0-9_\-]+)")


@pytest.fixture
async def oauth_app(standin: SlackStandin, slack_engine: sa.Engine) -> AsyncIterator[Running]:
    settings = slack_settings(
        standin, slack_client_id="111.222", slack_client_secret="client-secret"
    )
    async for running in run_app(standin, slack_engine, settings):
        yield running


async def install(app: Running, team: Team, code: str) -> int:
    """Walks the install link and the redirect like a browser; returns the redirect status."""
    app.standin.oauth_codes[code] = team
    root = app.http.url.removesuffix("/slack/events")
    async with app.http.session.get(f"{root}/slack/install") as page:
        assert page.status == 200
        html = await page.text()
        cookie = page.headers["Set-Cookie"].split(";")[0]
    match = STATE.search(html)
    assert match is not None
    assert "client_id=111.222" in html
    redirect = f"{root}/slack/oauth_redirect?code={code}&state={match.group(1)}"
    async with app.http.session.get(redirect, headers={"Cookie": cookie}) as done:
        return done.status


async def test_install_then_use_the_workspace_token(oauth_app: Running) -> None:
    standin = oauth_app.standin
    status = await install(oauth_app, Team("T2", "xoxb-t2", "UBOT2", "Second"), "code-2")
    assert status == 200
    with oauth_app.engine.connect() as connection:
        row = connection.execute(sa.select(slack_installations)).one()
    assert (row.workspace, row.bot_token, row.bot_user_id) == ("T2", "xoxb-t2", "UBOT2")
    assert row.installer_user_id == "UINSTALLER"

    url = standin.response_url("t2")
    await oauth_app.http.slash("latest trade-talks", url, team="T2")
    await standin.wait_for(lambda: bool(standin.responses["t2"]))
    assert standin.responses["t2"][0]["response_type"] == "in_channel"

    message = RenderedMessage({"text": "digest"})
    assert (await oauth_app.adapter.sender.send("T2:C1", message)).status == "sent"
    [post] = standin.called("chat.postMessage")
    assert post.team_id == "T2"


async def test_a_forged_state_installs_nothing(oauth_app: Running) -> None:
    standin = oauth_app.standin
    standin.oauth_codes["code-x"] = Team("T9", "xoxb-t9")
    root = oauth_app.http.url.removesuffix("/slack/events")
    redirect = f"{root}/slack/oauth_redirect?code=code-x&state=forged"
    async with oauth_app.http.session.get(redirect, headers={"Cookie": "x=y"}) as done:
        assert done.status == 400
    with oauth_app.engine.connect() as connection:
        assert connection.execute(sa.select(slack_installations)).all() == []


async def test_requests_from_a_workspace_not_installed_are_refused(oauth_app: Running) -> None:
    standin = oauth_app.standin
    answer = await oauth_app.http.slash("help", standin.response_url("no"), team="T404")
    assert answer.status == 200
    await standin.wait_for(lambda: bool(standin.responses["no"]))
    assert "reinstall this app" in standin.responses["no"][0]["text"]
    assert oauth_app.standin.called("chat.postMessage") == []


async def test_uninstall_removes_the_token(oauth_app: Running) -> None:
    await install(oauth_app, Team("T2", "xoxb-t2", "UBOT2"), "code-2")
    store = oauth_app.adapter.app.installation_store
    assert isinstance(store, DbInstallationStore)
    deleted = asyncio.Event()
    delete_bot = store.async_delete_bot

    async def observed(**ids: str | None) -> None:
        await delete_bot(**ids)
        deleted.set()

    store.async_delete_bot = observed  # type: ignore[method-assign]
    answer = await oauth_app.http.event({"type": "app_uninstalled"}, team="T2")
    assert answer.status == 200
    await asyncio.wait_for(deleted.wait(), 5)
    assert await store.async_find_bot(enterprise_id=None, team_id="T2") is None
    message = RenderedMessage({"text": "digest"})
    result = await oauth_app.adapter.sender.send("T2:C1", message)
    assert result == SendResult.gone("workspace T2 not installed")
