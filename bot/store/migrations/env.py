"""Alembic environment: runs against the engine handed over in ``config.attributes``."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import context

from bot.store.schema import metadata

config = context.config
# An arbitrary constant naming the migration lock among PostgreSQL advisory locks.
MIGRATION_LOCK = 0x62726967


def run_migrations() -> None:
    engine = config.attributes["engine"]
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            # Replicas starting together migrate one at a time (PostgreSQL runs DDL in the
            # transaction): the next one then finds the schema at head and does nothing.
            connection.execute(sa.select(sa.func.pg_advisory_xact_lock(MIGRATION_LOCK)))
        context.configure(
            connection=connection,
            target_metadata=metadata,
            render_as_batch=connection.dialect.name == "sqlite",
        )
        with context.begin_transaction():
            context.run_migrations()


run_migrations()
