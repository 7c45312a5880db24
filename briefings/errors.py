"""Errors of the briefing core.

BriefingError
 ├── SourceUnreadable      a path or URL could not be read (missing, refused, too big)
 └── NothingToBrief        the source was read but holds no article text to brief
"""


class BriefingError(Exception):
    """Base of every error the briefing core raises."""


class SourceUnreadable(BriefingError):
    """A source could not be read."""


class NothingToBrief(BriefingError):
    """A source was read but yields nothing worth briefing."""
