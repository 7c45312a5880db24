"""Briefing a whole feed: its entries grouped into stories, one briefing per story, each
tagged with the topics it matches (``briefbot brief FEED``)."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Sequence
from datetime import timedelta

from briefings.errors import BriefingError
from briefings.model import Article, Briefing
from briefings.sources.entries import entry_article
from briefings.sources.feedmodel import FeedEntry, ParsedFeed
from briefings.sources.urls import page_canonical
from briefings.stories.matching import matching_topics
from briefings.stories.merge import merge_briefings
from briefings.stories.stories import DEFAULT_WINDOW, StoryItem, group_stories
from briefings.stories.topics import Topic
from briefings.summarize import summarize

log = logging.getLogger(__name__)

PageReader = Callable[[str], Article]


def brief_feed(
    feed: ParsedFeed,
    topics: Sequence[Topic] = (),
    read_page: PageReader | None = None,
    window: timedelta = DEFAULT_WINDOW,
) -> list[Briefing]:
    """One briefing per story of ``feed``, oldest story first.

    Entries without full text are read through ``read_page`` (when given); a page that
    cannot be read falls back to the entry's summary.
    """
    articles = {entry.link: _article(entry, feed, read_page) for entry in feed.entries}
    items = [
        StoryItem.of(link, a.title, a.summary or a.text, a.published)
        for link, a in articles.items()
    ]
    briefings = []
    for story in group_stories(items, window=window):
        parts = [articles[item.id] for item in story.items]
        single = [summarize(article) for article in parts]
        merged = single[0] if len(single) == 1 else merge_briefings(single)
        found = dict.fromkeys(t for a in parts for t in matching_topics(a, topics))
        briefings.append(dataclasses.replace(merged, topics=tuple(found)))
    return briefings


def _article(entry: FeedEntry, feed: ParsedFeed, read_page: PageReader | None) -> Article:
    article = entry_article(entry, feed)
    if entry.content or read_page is None:
        return article
    try:
        page = read_page(entry.link)
    except BriefingError as exc:
        log.info("feed %s: page %s not read (%s)", feed.url, entry.link, exc)
        return article
    return dataclasses.replace(
        page,
        url=entry.link,
        title=page.title or entry.title,
        outlet=page.outlet or article.outlet,
        published=page.published or entry.published,
        authors=page.authors or entry.authors,
        canonical_url=page_canonical(entry.link, page.canonical_url),
        summary=entry.summary,
    )
