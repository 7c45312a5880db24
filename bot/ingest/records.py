"""Articles to and from the JSON stored in ``articles.data``, and their content hash."""

from __future__ import annotations

import hashlib
import re
from datetime import datetime
from typing import Any

from briefings.model import Article, Briefing
from briefings.output.serialize import briefing_from_dict, briefing_to_dict

_NON_WORD = re.compile(r"\W+")


def content_hash(article: Article) -> str:
    """Same text, same hash: whitespace, punctuation and case do not count."""
    basis = article.text or f"{article.title}\n{article.summary}"
    normalized = _NON_WORD.sub(" ", basis.lower()).strip()
    return hashlib.sha256(normalized.encode("utf-8")).hexdigest()


def article_to_dict(article: Article) -> dict[str, Any]:
    return {
        "url": article.url,
        "title": article.title,
        "paragraphs": list(article.paragraphs),
        "outlet": article.outlet,
        "published": article.published.isoformat() if article.published else None,
        "authors": list(article.authors),
        "dateline": article.dateline,
        "canonical_url": article.canonical_url,
        "summary": article.summary,
        "background": list(article.background),
    }


def article_from_dict(data: dict[str, Any]) -> Article:
    published = data.get("published")
    return Article(
        url=data["url"],
        title=data.get("title", ""),
        paragraphs=tuple(data.get("paragraphs", ())),
        outlet=data.get("outlet", ""),
        published=datetime.fromisoformat(published) if published else None,
        authors=tuple(data.get("authors", ())),
        dateline=data.get("dateline", ""),
        canonical_url=data.get("canonical_url", ""),
        summary=data.get("summary", ""),
        background=tuple(data.get("background", ())),
    )


def record(article: Article, topics: tuple[str, ...], briefing: Briefing | None) -> dict[str, Any]:
    """The ``articles.data`` document. Off-topic articles keep only what dedupe needs."""
    if not topics:
        article = Article(
            url=article.url,
            title=article.title,
            paragraphs=(),
            outlet=article.outlet,
            published=article.published,
            canonical_url=article.canonical_url,
        )
    return {
        "article": article_to_dict(article),
        "topics": list(topics),
        "briefing": briefing_to_dict(briefing) if briefing is not None else None,
    }


def stored_briefing(data: dict[str, Any]) -> Briefing | None:
    raw = data.get("briefing")
    return briefing_from_dict(raw) if raw else None


def stored_topics(data: dict[str, Any]) -> tuple[str, ...]:
    return tuple(data.get("topics", ()))
