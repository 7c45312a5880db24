"""Opening the database: SQLite (WAL) by default, PostgreSQL when ``DATABASE_URL`` says so."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic import command
from alembic.config import Config

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def normalize_url(url: str) -> str:
    """Accept the common ``postgres://`` and ``postgresql://`` spellings; use psycopg 3."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def create_engine(url: str, **kwargs: Any) -> sa.Engine:
    """An engine for ``url``; SQLite files get WAL, a busy timeout and foreign keys."""
    url = normalize_url(url)
    if url.startswith("sqlite"):
        engine = sa.create_engine(url, connect_args={"timeout": 30}, **kwargs)
        sa.event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return sa.create_engine(url, pool_pre_ping=True, **kwargs)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def alembic_config(engine: sa.Engine) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["engine"] = engine
    return config


def migrate(engine: sa.Engine, revision: str = "head") -> None:
    """Bring the schema up to ``revision`` (idempotent)."""
    command.upgrade(alembic_config(engine), revision)
    log.info("database schema at %s on %s", revision, engine.url.render_as_string())


def open_database(url: str) -> sa.Engine:
    """Create the engine and apply migrations."""
    engine = create_engine(url)
    migrate(engine)
    return engine
