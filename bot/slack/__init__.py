"""Slack: the Bolt app (slash command, mentions, DMs, App Home), renderer and sender."""
