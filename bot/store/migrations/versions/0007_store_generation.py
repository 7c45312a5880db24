"""a store generation, counted up by every write to what chats read of a topic

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

# The tables a topic's threads, developments and briefings are read from.
WATCHED = ("stories", "briefings", "briefing_topics", "threads")
OPERATIONS = ("INSERT", "UPDATE", "DELETE")
# The row is written back if it went missing (a table emptied wholesale), so the count goes on.
SQLITE_BUMP = (
    "INSERT OR REPLACE INTO store_generation (id, generation) VALUES "
    "(1, coalesce((SELECT generation FROM store_generation WHERE id = 1), 0) + 1)"
)
POSTGRES_FUNCTION = """
CREATE OR REPLACE FUNCTION bump_store_generation() RETURNS trigger AS $$
BEGIN
    INSERT INTO store_generation (id, generation) VALUES (1, 1)
    ON CONFLICT (id) DO UPDATE SET generation = store_generation.generation + 1;
    RETURN NULL;
END
$$ LANGUAGE plpgsql
"""


def upgrade() -> None:
    op.create_table(
        "store_generation",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("generation", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_store_generation")),
    )
    op.execute("INSERT INTO store_generation (id, generation) VALUES (1, 0)")
    if op.get_bind().dialect.name == "postgresql":
        op.execute(POSTGRES_FUNCTION)
        for table in WATCHED:
            # Once per statement: an ingest's writes count as few changes, not one a row.
            op.execute(
                f"CREATE TRIGGER {table}_store_generation "
                f"AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table} "
                "FOR EACH STATEMENT EXECUTE FUNCTION bump_store_generation()"
            )
        return
    for table in WATCHED:
        for operation in OPERATIONS:
            op.execute(
                f"CREATE TRIGGER {table}_{operation.lower()}_store_generation "
                f"AFTER {operation} ON {table} BEGIN {SQLITE_BUMP}; END"
            )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in WATCHED:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_store_generation ON {table}")
        op.execute("DROP FUNCTION IF EXISTS bump_store_generation()")
    else:
        for table in WATCHED:
            for operation in OPERATIONS:
                op.execute(f"DROP TRIGGER IF EXISTS {table}_{operation.lower()}_store_generation")
    op.drop_table("store_generation")
