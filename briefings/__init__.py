"""The platform-free core of briefbot: one sub-package per stage of the flow.

- :mod:`briefings.sources`: the guarded fetcher, feeds and feed entries, reading a source.
  The only stage that does network or file I/O.
- :mod:`briefings.reading`: a page or scraped text -> an Article, apart from site furniture.
- :mod:`briefings.quotes`: direct quotes with their speakers, verbatim.
- :mod:`briefings.facts`: outcomes and next steps from the article's own statements.
- :mod:`briefings.stories`: topics, grouping reports of one event, merging their briefings.
- :mod:`briefings.output`: a briefing as plain text and as JSON.

:mod:`briefings.model` holds the frozen values that cross the seams, :mod:`briefings.summarize`
turns one article into one briefing, and :mod:`briefings.errors` holds the core's errors.
Nothing in this package imports the chat side (``bot``), a chat SDK or the scheduler.
"""
