"""Installations, OAuth states and seen events in our own tables, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa
from slack_sdk.oauth.installation_store.models.installation import Installation

from bot.clock import FakeClock
from bot.slack.dedupe import EventLedger
from bot.slack.installations import DbInstallationStore, DbOAuthStateStore
from bot.slack.tokens import InstalledTokens
from tests.bot.slack.samples import NOW


def installation(team: str, token: str) -> Installation:
    return Installation(
        app_id="A0BRIEF",
        team_id=team,
        team_name=f"Team {team}",
        bot_token=token,
        bot_id="B1",
        bot_user_id="UBOT",
        bot_scopes=["chat:write", "commands"],
        user_id="UINSTALLER",
        installed_at=NOW.timestamp(),
    )


async def test_installations_saved_found_replaced_deleted(engine: sa.Engine) -> None:
    store = DbInstallationStore(engine)
    assert await store.async_find_bot(enterprise_id=None, team_id="T1") is None
    await store.async_save(installation("T1", "xoxb-old"))
    await store.async_save(installation("T1", "xoxb-new"))  # a reinstall replaces the token
    await store.async_save(installation("T2", "xoxb-t2"))
    bot = await store.async_find_bot(enterprise_id=None, team_id="T1")
    assert bot is not None
    assert (bot.bot_token, bot.bot_scopes, bot.installed_at) == (
        "xoxb-new",
        ["chat:write", "commands"],
        NOW.timestamp(),
    )
    found = await store.async_find_installation(enterprise_id=None, team_id="T2")
    assert found is not None
    assert (found.user_id, found.bot_token, found.team_name) == ("UINSTALLER", "xoxb-t2", "Team T2")
    tokens = InstalledTokens(store)
    assert await tokens.token("T2") == "xoxb-t2"
    await store.async_delete_all(enterprise_id=None, team_id="T2")
    assert await tokens.token("T2") is None
    assert await tokens.token("T1") == "xoxb-new"


async def test_oauth_state_is_valid_once_and_expires(engine: sa.Engine) -> None:
    clock = FakeClock(NOW)
    states = DbOAuthStateStore(engine, clock, expiration_seconds=600)
    state = await states.async_issue()
    assert await states.async_consume(state)
    assert not await states.async_consume(state)
    late = await states.async_issue()
    clock.advance(timedelta(minutes=11))
    assert not await states.async_consume(late)
    assert not await states.async_consume("never-issued")


async def test_event_seen_once_across_restarts(engine: sa.Engine) -> None:
    clock = FakeClock(NOW)
    ledger = EventLedger(engine, clock)
    assert await ledger.first_time("Ev1", "T1")
    assert not await ledger.first_time("Ev1", "T1")
    restarted = EventLedger(engine, clock)  # empty memory: the table answers
    assert not await restarted.first_time("Ev1", "T1")
    assert await restarted.first_time("Ev2", "T1")
