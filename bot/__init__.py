"""The chat side of briefbot: commands, storage, scheduling, delivery and platform adapters."""
