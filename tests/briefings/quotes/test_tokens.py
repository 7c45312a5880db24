"""The tokenizer against the rule it implements, word by word: strip leading
punctuation, then trailing punctuation; a trailing period stays with initials."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from briefings.quotes.marks import find_spans
from briefings.quotes.mask import mask
from briefings.quotes.textcache import TextCache
from briefings.quotes.tokens import _LEAD, _TRAIL, Tokens, bare_word, tokenize
from tests.wikinews import articles

_CHUNK = re.compile(r"[^\s\x00]+")
_INITIALS = re.compile(
    r"(?:[A-Z]\.)*[A-Z]$|(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Col|Lt|Sgt|Capt|Gov|Sen|Rep|Prof|Rev|Mt|Ft)$"
)


def _reference(text: str) -> list[tuple[int, int, str, str]]:
    out = []
    for match in _CHUNK.finditer(text):
        raw = match.group()
        core = raw.lstrip(_LEAD)
        word = core.rstrip(_TRAIL)
        if not word:
            continue
        brk = core[len(word) :]
        if brk[:1] == "." and _INITIALS.match(word):
            word, brk = word + ".", brk[1:]
        start = match.start() + len(raw) - len(core)
        out.append((start, start + len(word), word, brk))
    return out


def _plain(tokens: Tokens) -> list[tuple[int, int, str, str]]:
    return list(zip(tokens.start, tokens.end, tokens.word, tokens.brk, strict=True))


def test_words_and_breaks() -> None:
    text = '"We will," said U.S. Sen. J. Smith\'s aide (Dr. Ann Lee). \x00\x00\x00” — ok'
    words = [(t.word, t.brk) for t in tokenize(text).records()]
    assert words == [
        ("We", ""),
        ("will", ',"'),
        ("said", ""),
        ("U.S.", ""),
        ("Sen.", ""),
        ("J.", ""),
        ("Smith's", ""),
        ("aide", ""),
        ("Dr.", ""),
        ("Ann", ""),
        ("Lee", ")."),
        ("ok", ""),
    ]
    smith = tokenize(text).record(6)
    assert (smith.bare, smith.lower, smith.cap, smith.possessive) == (
        "Smith",
        "smith's",
        True,
        True,
    )


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="aAbZ.'’s-—(“”\"),:? \x00\nUMrDSt", max_size=40))
def test_matches_the_rule(text: str) -> None:
    assert _plain(tokenize(text)) == _reference(text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="aAbZ.'’s-—(“”\"),:? \x00\nUMrDSt", max_size=40))
def test_columns_and_records_agree(text: str) -> None:
    tokens = tokenize(text)
    records = tokens.records()
    assert len(records) == len(tokens)
    assert Tokens.of(records) == tokens
    assert all(tokens.record(k) == record for k, record in enumerate(records))
    for record in records:
        assert record.lower == record.word.lower()
        assert record.cap == record.word[0].isupper()
    assert tokens.records(1, 3) == records[1:3]


def test_cache_returns_fresh_span_lists() -> None:
    cache = TextCache()
    text = 'He said "yes" and "no".'
    first = cache.spans(text)
    first.pop()
    assert len(cache.spans(text)) == 2
    assert cache.sentences(text) is cache.sentences(text)


def test_bare_word_drops_a_possessive_ending() -> None:
    words = ["Smith's", "Smith’s", "States'", "boss’", "Smith", "Ross"]
    assert [bare_word(w) for w in words] == ["Smith", "Smith", "States", "boss", "Smith", "Ross"]


def test_matches_the_rule_on_the_corpus() -> None:
    """Offsets counted from single spaces, or looked for where quotes are masked, alike."""
    for article in articles()[::3]:
        for paragraph in article.paragraphs:
            for text in (paragraph, mask(paragraph, find_spans(paragraph))):
                assert _plain(tokenize(text)) == _reference(text)
