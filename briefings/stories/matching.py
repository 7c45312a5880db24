"""Topic matching: plain include/exclude terms, case-insensitive, whole words and phrases.

Terms are escaped, never interpreted as patterns, so a topic cannot make matching slow
(no user regexes, no ReDoS). Each topic compiles to one alternation per term list, cached.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from briefings.model import Article
from briefings.stories.topics import Topic

# A term matches on word boundaries that also work for terms starting or ending with a
# non-word character (such as "U.S." or "G7+"): no word character may touch the term.
_BEFORE = r"(?<!\w)"
_AFTER = r"(?!\w)"
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=512)
def compile_terms(terms: tuple[str, ...]) -> re.Pattern[str] | None:
    """One compiled alternation for ``terms`` (None when there are none)."""
    parts = sorted({_term_pattern(t) for t in terms if t.strip()}, key=len, reverse=True)
    if not parts:
        return None
    return re.compile(f"{_BEFORE}(?:{'|'.join(parts)}){_AFTER}", re.IGNORECASE)


def _term_pattern(term: str) -> str:
    # Inside a phrase, any run of whitespace (a line break, two spaces) still matches.
    return r"\s+".join(re.escape(word) for word in _SPACES.split(term.strip()))


def matches_text(topic: Topic, texts: Iterable[str]) -> bool:
    """True when any of ``texts`` holds an include term and none holds an exclude term."""
    include = compile_terms(topic.include)
    if include is None:
        return False
    exclude = compile_terms(topic.exclude)
    texts = list(texts)
    if exclude is not None and any(exclude.search(text) for text in texts):
        return False
    return any(include.search(text) for text in texts)


def article_texts(article: Article) -> tuple[str, ...]:
    return (article.title, article.summary, article.text)


def matching_topics(article: Article, topics: Sequence[Topic]) -> tuple[str, ...]:
    """Names of the ``topics`` that ``article`` belongs to, in config order."""
    texts = article_texts(article)
    return tuple(topic.name for topic in topics if matches_text(topic, texts))
