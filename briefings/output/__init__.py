"""Output: a briefing as plain text and as JSON-able dicts. Pure."""
