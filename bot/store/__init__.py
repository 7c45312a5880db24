"""Storage: one schema (SQLAlchemy Core) and Alembic migrations, on SQLite or PostgreSQL."""
