"""The SQL of leases (the ``leases`` table): a named job held by one holder until a time.

Taking is one statement: insert the lease, or take it over when it is this holder's already
(a renewal) or has run out. Whoever the statement leaves in the row holds the lease.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from bot.store.schema import leases


def take_lease(
    connection: sa.Connection, name: str, holder: str, now: datetime, ttl: timedelta
) -> bool:
    """Take or renew the lease ``name`` for ``holder`` until ``now + ttl``; False when
    another holder has it and it has not run out."""
    insert = _insert_for(connection).values(
        name=name, holder=holder, expires_at=now + ttl, taken_at=now
    )
    renewing = leases.c.holder == insert.excluded.holder
    statement = insert.on_conflict_do_update(
        index_elements=[leases.c.name],
        set_={
            "holder": insert.excluded.holder,
            "expires_at": insert.excluded.expires_at,
            "taken_at": sa.case((renewing, leases.c.taken_at), else_=insert.excluded.taken_at),
        },
        where=sa.or_(renewing, leases.c.expires_at <= now),
    ).returning(leases.c.holder)
    return connection.execute(statement).first() is not None


def release_lease(connection: sa.Connection, name: str, holder: str, now: datetime) -> bool:
    """End ``holder``'s lease now, so another may take it at once; False if not held."""
    statement = (
        leases.update()
        .where(leases.c.name == name, leases.c.holder == holder)
        .values(expires_at=now)
    )
    return bool(connection.execute(statement).rowcount)


def lease_holder(connection: sa.Connection, name: str, now: datetime) -> str | None:
    """Who holds ``name`` now (None: nobody, or it ran out)."""
    statement = sa.select(leases.c.holder).where(leases.c.name == name, leases.c.expires_at > now)
    holder: str | None = connection.execute(statement).scalar()
    return holder


def count_live(connection: sa.Connection, prefix: str, now: datetime) -> int:
    """How many leases named ``prefix...`` have not run out (the live replicas, for the
    ``replica:`` leases each replica renews)."""
    statement = sa.select(sa.func.count()).where(
        leases.c.name.startswith(prefix, autoescape=True), leases.c.expires_at > now
    )
    return int(connection.execute(statement).scalar_one())


def _insert_for(connection: sa.Connection) -> Any:
    if connection.dialect.name == "postgresql":
        return postgresql.insert(leases)
    return sqlite.insert(leases)
