"""Briefing a whole feed: its entries grouped into stories, one briefing per story, each
tagged with the topics it matches (``briefbot brief FEED``)."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import timedelta

from briefings.model import Article, Briefing
from briefings.sources.entries import entry_article
from briefings.sources.feedmodel import ParsedFeed
from briefings.stories.matching import matching_topics
from briefings.stories.merge import merge_briefings
from briefings.stories.stories import DEFAULT_WINDOW, StoryItem, group_stories
from briefings.stories.topics import Topic
from briefings.summarize import summarize


def brief_feed(
    feed: ParsedFeed, topics: Sequence[Topic] = (), window: timedelta = DEFAULT_WINDOW
) -> list[Briefing]:
    """One briefing per story of ``feed`` as it stands (no page is read), oldest first."""
    return brief_articles([entry_article(entry, feed) for entry in feed.entries], topics, window)


def brief_articles(
    articles: Sequence[Article], topics: Sequence[Topic] = (), window: timedelta = DEFAULT_WINDOW
) -> list[Briefing]:
    """One briefing per story of ``articles`` (one per feed entry), oldest story first."""
    by_link = {article.url: article for article in articles}
    items = [
        StoryItem.of(link, a.title, a.summary or a.text, a.published) for link, a in by_link.items()
    ]
    briefings = []
    for story in group_stories(items, window=window):
        parts = [by_link[item.id] for item in story.items]
        single = [summarize(article) for article in parts]
        merged = single[0] if len(single) == 1 else merge_briefings(single)
        found = dict.fromkeys(t for a in parts for t in matching_topics(a, topics))
        briefings.append(dataclasses.replace(merged, topics=tuple(found)))
    return briefings
