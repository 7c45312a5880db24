"""Platform-neutral command handling: a :class:`~bot.chat.CommandRequest` in, a reply out."""
