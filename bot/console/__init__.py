"""A chat in the terminal: the same commands and renderer seam as Telegram and Slack, no token."""
