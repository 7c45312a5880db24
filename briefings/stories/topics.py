"""Topics: named sets of include and exclude terms (plain words and phrases, never regexes)."""

from __future__ import annotations

import re
from dataclasses import dataclass

TOPIC_NAME = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")


@dataclass(frozen=True, slots=True)
class Topic:
    """A topic people subscribe to. ``name`` is the slug typed in chat (``trade-talks``)."""

    name: str
    title: str = ""
    description: str = ""
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    feeds: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return self.title or self.name
