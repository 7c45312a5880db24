"""The Alembic migrations build exactly the schema the code declares, on every backend."""

from __future__ import annotations

import multiprocessing
import uuid
from concurrent.futures import ProcessPoolExecutor

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from bot.store.db import alembic_config, create_engine, migrate
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


def migrate_url(url: str) -> None:
    """A replica starting: open the database and migrate it (in its own process)."""
    engine = create_engine(url)
    migrate(engine)
    engine.dispose()


@pytest.mark.postgres
def test_replicas_starting_together_migrate_one_at_a_time(postgres_url: str) -> None:
    admin = sa.create_engine(
        sa.make_url(postgres_url).set(database="postgres"), isolation_level="AUTOCOMMIT"
    )
    name = f"briefbot_test_race_{uuid.uuid4().hex[:8]}"
    with admin.connect() as connection:
        connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
    url = sa.make_url(postgres_url).set(database=name).render_as_string(hide_password=False)
    try:
        spawn = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=3, mp_context=spawn) as pool:
            list(pool.map(migrate_url, [url] * 3))  # raises if any of them failed
        engine = create_engine(url)
        with engine.connect() as connection:
            assert not compare_metadata(MigrationContext.configure(connection), metadata)
        engine.dispose()
    finally:
        with admin.connect() as connection:
            connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
