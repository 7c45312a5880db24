"""the facts and lede of each development, so threads are rebuilt from the store

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("stories") as batch:
        batch.add_column(sa.Column("facts", sa.JSON(), server_default="[]", nullable=False))
        batch.add_column(sa.Column("lede", sa.Text(), server_default="", nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("stories") as batch:
        batch.drop_column("lede")
        batch.drop_column("facts")
