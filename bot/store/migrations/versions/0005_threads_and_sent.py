"""threads of developments, what each chat was sent, alerts and quiet hours

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "threads",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=128), nullable=False),
        sa.Column("headline", sa.String(length=1024), server_default="", nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_threads")),
        sa.UniqueConstraint("key", name=op.f("uq_threads_key")),
    )
    op.create_index("ix_threads_last_at", "threads", ["last_at"])
    with op.batch_alter_table("stories") as batch:
        batch.add_column(sa.Column("thread_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("published_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("changes", sa.JSON(), server_default="[]", nullable=False))
        batch.add_column(sa.Column("material", sa.JSON(), server_default="[]", nullable=False))
        batch.add_column(
            sa.Column("first_hour_outlets", sa.Integer(), server_default="1", nullable=False)
        )
        batch.create_foreign_key(
            op.f("fk_stories_thread_id_threads"),
            "threads",
            ["thread_id"],
            ["id"],
            ondelete="SET NULL",
        )
        batch.create_index("ix_stories_thread_id", ["thread_id"])
    with op.batch_alter_table("chats") as batch:
        batch.add_column(
            sa.Column("alerts", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
        batch.add_column(sa.Column("quiet_start", sa.String(length=5), nullable=True))
        batch.add_column(sa.Column("quiet_end", sa.String(length=5), nullable=True))
    op.create_table(
        "sent_developments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("chat_pk", sa.Integer(), nullable=False),
        sa.Column("story_id", sa.Integer(), nullable=False),
        sa.Column("thread_id", sa.Integer(), nullable=True),
        sa.Column("via", sa.String(length=16), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["chat_pk"],
            ["chats.id"],
            name=op.f("fk_sent_developments_chat_pk_chats"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["story_id"],
            ["stories.id"],
            name=op.f("fk_sent_developments_story_id_stories"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["thread_id"],
            ["threads.id"],
            name=op.f("fk_sent_developments_thread_id_threads"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sent_developments")),
        sa.UniqueConstraint("chat_pk", "story_id", name="uq_sent_developments_chat_pk_story_id"),
    )
    op.create_index(
        "ix_sent_developments_chat_thread", "sent_developments", ["chat_pk", "thread_id"]
    )
    op.create_index(
        "ix_sent_developments_chat_sent_at", "sent_developments", ["chat_pk", "sent_at"]
    )


def downgrade() -> None:
    op.drop_index("ix_sent_developments_chat_sent_at", table_name="sent_developments")
    op.drop_index("ix_sent_developments_chat_thread", table_name="sent_developments")
    op.drop_table("sent_developments")
    with op.batch_alter_table("chats") as batch:
        batch.drop_column("quiet_end")
        batch.drop_column("quiet_start")
        batch.drop_column("alerts")
    with op.batch_alter_table("stories") as batch:
        batch.drop_index("ix_stories_thread_id")
        batch.drop_constraint(op.f("fk_stories_thread_id_threads"), type_="foreignkey")
        batch.drop_column("first_hour_outlets")
        batch.drop_column("material")
        batch.drop_column("changes")
        batch.drop_column("published_at")
        batch.drop_column("thread_id")
    op.drop_index("ix_threads_last_at", table_name="threads")
    op.drop_table("threads")
