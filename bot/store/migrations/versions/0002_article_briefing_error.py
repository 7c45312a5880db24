"""articles.briefing_error: why an article on a topic could not be briefed

An article whose briefing fails is stored with the reason instead of being left out, so the
next poll finds it seen and does not fetch its page and brief it again.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.add_column(sa.Column("briefing_error", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("briefing_error")
