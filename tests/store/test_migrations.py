"""The Alembic migrations build exactly the schema the code declares, on every backend."""

from __future__ import annotations

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from bot.store.db import migrate
from bot.store.schema import metadata


def test_migrations_match_declared_schema(engine: sa.Engine) -> None:
    with engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), metadata)
    assert diff == []


def test_migrate_twice_is_harmless(engine: sa.Engine) -> None:
    migrate(engine)
    migrate(engine)
    assert set(sa.inspect(engine).get_table_names()) >= {t.name for t in metadata.sorted_tables}
