"""Slack's own rows: workspace installations, OAuth states and the events already handled.

The Slack side (``bot.slack.installations``, ``bot.slack.dedupe``) turns these into the SDK's
objects; the SQL stays here.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from bot.store.schema import slack_events, slack_installations, slack_oauth_states


def save_slack_installation(engine: sa.Engine, workspace: str, values: Mapping[str, Any]) -> None:
    """Insert or update the installation row of ``workspace``."""
    table = slack_installations
    with engine.begin() as connection:
        updated = connection.execute(
            table.update().where(table.c.workspace == workspace).values(**values)
        ).rowcount
        if not updated:
            connection.execute(table.insert().values(workspace=workspace, **values))


def slack_installation(engine: sa.Engine, workspace: str) -> dict[str, Any] | None:
    """The installation row of ``workspace`` (column name -> value), or None."""
    table = slack_installations
    with engine.connect() as connection:
        row = connection.execute(sa.select(table).where(table.c.workspace == workspace)).first()
    return None if row is None else dict(row._mapping)


def delete_slack_installation(engine: sa.Engine, workspace: str) -> None:
    table = slack_installations
    with engine.begin() as connection:
        connection.execute(table.delete().where(table.c.workspace == workspace))


def add_oauth_state(engine: sa.Engine, state: str, expires_at: datetime) -> None:
    with engine.begin() as connection:
        connection.execute(slack_oauth_states.insert().values(state=state, expires_at=expires_at))


def consume_oauth_state(engine: sa.Engine, state: str, now: datetime) -> bool:
    """Whether ``state`` was issued and still valid; it is gone afterwards (valid once)."""
    table = slack_oauth_states
    with engine.begin() as connection:
        connection.execute(table.delete().where(table.c.expires_at <= now))
        return bool(connection.execute(table.delete().where(table.c.state == state)).rowcount)


def claim_slack_event(
    engine: sa.Engine,
    event_id: str,
    team_id: str | None,
    now: datetime,
    forget_before: datetime | None = None,
) -> bool:
    """True for the first claim of ``event_id`` (across replicas), False for a repeat.

    With ``forget_before``, events received before it are forgotten in the same transaction.
    """
    try:
        with engine.begin() as connection:
            connection.execute(
                slack_events.insert().values(event_id=event_id, team_id=team_id, received_at=now)
            )
            if forget_before is not None:
                connection.execute(
                    slack_events.delete().where(slack_events.c.received_at < forget_before)
                )
    except sa.exc.IntegrityError:
        return False
    return True
