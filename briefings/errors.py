"""Every error briefbot raises on purpose, in one tree.

An operator reading the log and a caller writing ``except`` see the same names; catch at the
level you care about (``FetchError`` for any source that could not be read, ``BriefbotError``
for anything briefbot itself refused or could not do)::

    BriefbotError                 base of every briefbot error
     ├── ConfigError              a setting is missing or invalid; the message names the key
     ├── FetchError               a path or URL could not be read (missing, HTTP error, too big,
     │    │                       timed out, not a page); transient for a URL, worth a retry
     │    └── UnsafeUrl           the address guard refused the URL (not http(s), or an
     │                            internal address): permanent, never retried with backoff
     ├── ExtractionError          a source was read but the engine could not make an article
     │    │                       or a briefing of it
     │    └── NothingToBrief      ... because it holds no article text, quotes or outcomes
     ├── StoreError               the database refused or lacks what was asked for
     └── PlatformError            Telegram, Slack or a renderer for them is unavailable

Third-party errors are translated where they arise (httpx in ``briefings.sources.fetch``,
SQLAlchemy in ``bot.store``, the platform SDKs in their adapters). ``SourceUnreadable`` and
``BriefingError`` are older names of ``FetchError`` and ``BriefbotError``.
"""


class BriefbotError(Exception):
    """Base of every error briefbot raises on purpose."""


class ConfigError(BriefbotError):
    """A setting is missing or invalid; the message names the key."""


class FetchError(BriefbotError):
    """A path or URL could not be read."""


class UnsafeUrl(FetchError):
    """A URL the fetcher refuses to contact; the message says why. Permanent."""


class ExtractionError(BriefbotError):
    """A source was read but no article or briefing could be made of it."""


class NothingToBrief(ExtractionError):
    """A source was read but yields nothing worth briefing."""


class StoreError(BriefbotError):
    """The database refused, or lacks, what was asked for."""


class PlatformError(BriefbotError):
    """A chat platform (or its renderer) is unavailable or refused a request."""


SourceUnreadable = FetchError
BriefingError = BriefbotError
