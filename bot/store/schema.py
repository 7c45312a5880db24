"""The database schema. Every change here comes with an Alembic migration in ``migrations/``.

Times are stored as timezone-aware UTC.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa

metadata = sa.MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)


class UtcDateTime(sa.TypeDecorator[datetime]):
    """A timezone-aware UTC datetime on every backend (SQLite keeps no zone of its own)."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


# --- sources -------------------------------------------------------------------------------

feeds = sa.Table(
    "feeds",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("url", sa.String(2048), nullable=False, unique=True),
    sa.Column("title", sa.String(512), nullable=False, server_default=""),
    sa.Column("etag", sa.String(512)),
    sa.Column("last_modified", sa.String(128)),
    sa.Column("last_fetched_at", UtcDateTime()),
    sa.Column("last_status", sa.String(32), nullable=False, server_default="new"),
    sa.Column("last_error", sa.Text),
    sa.Column("failure_count", sa.Integer, nullable=False, server_default="0"),
    sa.Column("next_attempt_at", UtcDateTime()),
    sa.Column("broken", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("created_at", UtcDateTime(), nullable=False),
    # "config" (a topic's feed) or "operator" (added with `briefbot feeds add` or an OPML
    # import); a removed feed keeps its row, and its seen articles, but is not polled.
    sa.Column("origin", sa.String(16), nullable=False, server_default="config"),
    sa.Column("removed_at", UtcDateTime()),
)

# A thread: the developments (stories) of one negotiation or running story across days and
# weeks. ``last_at`` is the publication time of its newest development.
threads = sa.Table(
    "threads",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("key", sa.String(128), nullable=False, unique=True),
    sa.Column("headline", sa.String(1024), nullable=False, server_default=""),
    sa.Column("started_at", UtcDateTime(), nullable=False),
    sa.Column("last_at", UtcDateTime(), nullable=False),
    sa.Column("updated_at", UtcDateTime(), nullable=False),
)
sa.Index("ix_threads_last_at", threads.c.last_at)

# A story is one development: the reports of one event, merged into one briefing. It belongs
# to a thread; ``changes`` (Change records as JSON) are what it moved since earlier
# developments of its thread, ``material`` why it is worth an alert (empty: it is not).
# ``facts`` (StatedFact records as JSON) and ``lede`` are what threads are matched and
# compared on, kept so that a thread's developments are rebuilt without re-reading reports.
stories = sa.Table(
    "stories",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("key", sa.String(128), nullable=False, unique=True),
    sa.Column("headline", sa.String(1024), nullable=False),
    sa.Column("signature", sa.Text, nullable=False, server_default=""),
    sa.Column("first_seen_at", UtcDateTime(), nullable=False),
    sa.Column("updated_at", UtcDateTime(), nullable=False),
    sa.Column("thread_id", sa.Integer, sa.ForeignKey("threads.id", ondelete="SET NULL")),
    sa.Column("published_at", UtcDateTime()),
    sa.Column("changes", sa.JSON, nullable=False, server_default="[]"),
    sa.Column("material", sa.JSON, nullable=False, server_default="[]"),
    sa.Column("first_hour_outlets", sa.Integer, nullable=False, server_default="1"),
    sa.Column("facts", sa.JSON, nullable=False, server_default="[]"),
    sa.Column("lede", sa.Text, nullable=False, server_default=""),
)
sa.Index("ix_stories_thread_id", stories.c.thread_id)

articles = sa.Table(
    "articles",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("canonical_url", sa.String(2048), nullable=False, unique=True),
    sa.Column("url", sa.String(2048), nullable=False),
    sa.Column("guid", sa.String(2048)),
    sa.Column("feed_id", sa.Integer, sa.ForeignKey("feeds.id", ondelete="SET NULL")),
    sa.Column("story_id", sa.Integer, sa.ForeignKey("stories.id", ondelete="SET NULL")),
    sa.Column("title", sa.String(1024), nullable=False),
    sa.Column("outlet", sa.String(256), nullable=False, server_default=""),
    sa.Column("published_at", UtcDateTime()),
    sa.Column("fetched_at", UtcDateTime(), nullable=False),
    sa.Column("content_hash", sa.String(64), nullable=False),
    sa.Column("data", sa.JSON, nullable=False),
    # Why an article on a topic could not be briefed (None: briefed, or off-topic).
    sa.Column("briefing_error", sa.Text),
)
sa.Index("ix_articles_guid", articles.c.guid)
sa.Index("ix_articles_story_id", articles.c.story_id)

briefings = sa.Table(
    "briefings",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "story_id",
        sa.Integer,
        sa.ForeignKey("stories.id", ondelete="CASCADE"),
        nullable=False,
        unique=True,
    ),
    sa.Column("headline", sa.String(1024), nullable=False),
    sa.Column("published_at", UtcDateTime()),
    sa.Column("created_at", UtcDateTime(), nullable=False),
    sa.Column("updated_at", UtcDateTime(), nullable=False),
    sa.Column("data", sa.JSON, nullable=False),
)
sa.Index("ix_briefings_updated_at", briefings.c.updated_at)

briefing_topics = sa.Table(
    "briefing_topics",
    metadata,
    sa.Column(
        "briefing_id",
        sa.Integer,
        sa.ForeignKey("briefings.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("topic", sa.String(64), primary_key=True),
)
sa.Index("ix_briefing_topics_topic", briefing_topics.c.topic)

# --- chats ---------------------------------------------------------------------------------

chats = sa.Table(
    "chats",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("platform", sa.String(16), nullable=False),
    sa.Column("chat_id", sa.String(128), nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("title", sa.String(256), nullable=False, server_default=""),
    sa.Column("state", sa.String(16), nullable=False, server_default="active"),
    sa.Column("migrated_to", sa.String(128)),
    sa.Column("state_reason", sa.Text),
    sa.Column("digest_time", sa.String(5)),
    sa.Column("digest_zone", sa.String(64)),
    sa.Column("last_digest_at", UtcDateTime()),
    sa.Column("created_at", UtcDateTime(), nullable=False),
    sa.Column("updated_at", UtcDateTime(), nullable=False),
    # Alerts for material developments (off by default) and the local quiet hours
    # ("HH:MM" each, in the digest zone; None: no quiet hours).
    sa.Column("alerts", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("quiet_start", sa.String(5)),
    sa.Column("quiet_end", sa.String(5)),
    sa.UniqueConstraint("platform", "chat_id", name="uq_chats_platform_chat_id"),
)

subscriptions = sa.Table(
    "subscriptions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("chat_pk", sa.Integer, sa.ForeignKey("chats.id", ondelete="CASCADE"), nullable=False),
    sa.Column("topic", sa.String(64), nullable=False),
    sa.Column("active", sa.Boolean, nullable=False, server_default=sa.true()),
    sa.Column("created_at", UtcDateTime(), nullable=False),
    sa.Column("updated_at", UtcDateTime(), nullable=False),
    sa.UniqueConstraint("chat_pk", "topic", name="uq_subscriptions_chat_pk_topic"),
)
sa.Index("ix_subscriptions_topic", subscriptions.c.topic)

# What each chat has been sent of each development (by ``latest``, a digest or an alert):
# what is new to a chat is what has no row here. One row per chat and development.
sent_developments = sa.Table(
    "sent_developments",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("chat_pk", sa.Integer, sa.ForeignKey("chats.id", ondelete="CASCADE"), nullable=False),
    sa.Column(
        "story_id", sa.Integer, sa.ForeignKey("stories.id", ondelete="CASCADE"), nullable=False
    ),
    sa.Column("thread_id", sa.Integer, sa.ForeignKey("threads.id", ondelete="SET NULL")),
    # "latest", "digest" or "alert"
    sa.Column("via", sa.String(16), nullable=False),
    sa.Column("sent_at", UtcDateTime(), nullable=False),
    sa.UniqueConstraint("chat_pk", "story_id", name="uq_sent_developments_chat_pk_story_id"),
)
sa.Index(
    "ix_sent_developments_chat_thread", sent_developments.c.chat_pk, sent_developments.c.thread_id
)
sa.Index(
    "ix_sent_developments_chat_sent_at", sent_developments.c.chat_pk, sent_developments.c.sent_at
)

deliveries = sa.Table(
    "deliveries",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("idempotency_key", sa.String(256), nullable=False, unique=True),
    sa.Column("platform", sa.String(16), nullable=False),
    sa.Column("chat_id", sa.String(128), nullable=False),
    # The chat's kind (private, group, channel): group limits apply per chat kind.
    sa.Column("chat_kind", sa.String(16), nullable=False, server_default="private"),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("payload", sa.JSON, nullable=False),
    sa.Column("status", sa.String(16), nullable=False, server_default="queued"),
    sa.Column("attempts", sa.Integer, nullable=False, server_default="0"),
    sa.Column("next_attempt_at", UtcDateTime(), nullable=False),
    sa.Column("claimed_by", sa.String(64)),
    sa.Column("claimed_until", UtcDateTime()),
    sa.Column("message_id", sa.String(128)),
    sa.Column("last_error", sa.Text),
    sa.Column("created_at", UtcDateTime(), nullable=False),
    sa.Column("sent_at", UtcDateTime()),
)
sa.Index("ix_deliveries_due", deliveries.c.status, deliveries.c.next_attempt_at)
sa.Index("ix_deliveries_chat", deliveries.c.platform, deliveries.c.chat_id)

# --- slack -----------------------------------------------------------------------------------

# One row per installed workspace (``workspace`` is the team id, or the enterprise id for an
# org-wide install): the bot token the OAuth flow got, read back for every request and send.
slack_installations = sa.Table(
    "slack_installations",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("workspace", sa.String(32), nullable=False, unique=True),
    sa.Column("enterprise_id", sa.String(32)),
    sa.Column("team_id", sa.String(32)),
    sa.Column("team_name", sa.String(200)),
    sa.Column("app_id", sa.String(32)),
    sa.Column("bot_token", sa.String(200), nullable=False),
    sa.Column("bot_id", sa.String(32)),
    sa.Column("bot_user_id", sa.String(32)),
    sa.Column("bot_scopes", sa.String(1000), nullable=False, server_default=""),
    sa.Column("bot_refresh_token", sa.String(200)),
    sa.Column("bot_token_expires_at", UtcDateTime()),
    sa.Column("is_enterprise_install", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("installer_user_id", sa.String(32)),
    sa.Column("installed_at", UtcDateTime(), nullable=False),
)

# OAuth ``state`` values handed out by /slack/install, consumed once by the redirect.
slack_oauth_states = sa.Table(
    "slack_oauth_states",
    metadata,
    sa.Column("state", sa.String(64), primary_key=True),
    sa.Column("expires_at", UtcDateTime(), nullable=False),
)

# Events API ``event_id`` values already handled, so Slack's retries are handled once.
slack_events = sa.Table(
    "slack_events",
    metadata,
    sa.Column("event_id", sa.String(64), primary_key=True),
    sa.Column("team_id", sa.String(32)),
    sa.Column("received_at", UtcDateTime(), nullable=False),
)
sa.Index("ix_slack_events_received_at", slack_events.c.received_at)

# --- replicas ------------------------------------------------------------------------------

# One row per job that one replica at a time runs (``leader``: Telegram polling, feed polling,
# the digest job and the delivery worker): who holds it, and until when.
leases = sa.Table(
    "leases",
    metadata,
    sa.Column("name", sa.String(64), primary_key=True),
    sa.Column("holder", sa.String(128), nullable=False),
    sa.Column("expires_at", UtcDateTime(), nullable=False),
    sa.Column("taken_at", UtcDateTime(), nullable=False),
)

# --- what chats read --------------------------------------------------------------------------

# One row (id 1): counted up by database triggers on every write to stories, briefings,
# briefing_topics and threads, whichever process writes. What every chat reads of a topic is
# kept in memory while the generation stays the same (see ``bot.store.topicviews``).
store_generation = sa.Table(
    "store_generation",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("generation", sa.BigInteger, nullable=False),
)
