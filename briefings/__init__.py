"""The platform-free core of briefbot: sources, extraction, and the briefing engine.

Nothing in this package imports the chat side (``bot``), a chat SDK or the scheduler.
"""
