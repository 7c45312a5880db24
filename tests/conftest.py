"""Shared fixtures: test data paths and a migrated database on SQLite and PostgreSQL."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from bot.store.db import create_engine, migrate, sqlite_url
from bot.store.schema import metadata

DATA = Path(__file__).parent / "data"
DEFAULT_POSTGRES_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return DATA


def _postgres_admin_url() -> str:
    return os.environ.get("BRIEFBOT_TEST_POSTGRES_URL", DEFAULT_POSTGRES_URL)


def _postgres_reachable(url: str) -> str | None:
    """None when reachable, else the reason."""
    try:
        engine = sa.create_engine(url, connect_args={"connect_timeout": 3})
        with engine.connect() as connection:
            connection.execute(sa.text("select 1"))
        engine.dispose()
    except Exception as exc:  # any driver or network error means "not reachable"
        return f"PostgreSQL not reachable at {url}: {exc.__class__.__name__}"
    return None


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A fresh database for this test session on the test server; dropped afterwards."""
    admin_url = _postgres_admin_url()
    reason = _postgres_reachable(admin_url)
    if reason is not None:
        if os.environ.get("BRIEFBOT_REQUIRE_POSTGRES") == "1":
            pytest.fail(f"{reason} (BRIEFBOT_REQUIRE_POSTGRES=1)")
        pytest.skip(reason)
    name = f"briefbot_test_{uuid.uuid4().hex[:10]}"
    admin = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
    url = sa.make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    engine = create_engine(url)
    migrate(engine)
    engine.dispose()
    yield url
    with admin.connect() as connection:
        connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def _truncate_all(engine: sa.Engine) -> None:
    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            names = ", ".join(f'"{t.name}"' for t in metadata.sorted_tables)
            connection.execute(sa.text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
        else:
            for table in reversed(metadata.sorted_tables):
                connection.execute(table.delete())


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A migrated, empty database URL: a SQLite file, or the session's PostgreSQL database."""
    if request.param == "sqlite":
        url = sqlite_url(tmp_path / "briefbot.sqlite3")
        engine = create_engine(url)
        migrate(engine)
        engine.dispose()
        return url
    url: str = request.getfixturevalue("postgres_url")
    engine = create_engine(url)
    _truncate_all(engine)
    engine.dispose()
    return url


@pytest.fixture
def engine(db_url: str) -> Iterator[sa.Engine]:
    engine = create_engine(db_url)
    yield engine
    engine.dispose()
