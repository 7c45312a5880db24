"""The Alembic migrations build exactly the schema the code declares, on every backend."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from bot.store.db import alembic_config, migrate
from bot.store.schema import metadata


def test_migrations_match_declared_schema(engine: sa.Engine) -> None:
    with engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), metadata)
    assert diff == []


def test_migrate_twice_is_harmless(engine: sa.Engine) -> None:
    migrate(engine)
    migrate(engine)
    assert set(sa.inspect(engine).get_table_names()) >= {t.name for t in metadata.sorted_tables}


def test_0002_adds_and_removes_the_briefing_error_column(engine: sa.Engine) -> None:
    def columns() -> set[str]:
        return {c["name"] for c in sa.inspect(engine).get_columns("articles")}

    command.downgrade(alembic_config(engine), "0001")
    assert "briefing_error" not in columns()
    migrate(engine)
    assert "briefing_error" in columns()
