"""The one-regex tokenizer against the rule it implements, word by word: strip leading
punctuation, then trailing punctuation; a trailing period stays with initials."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from briefings.quotes.tokens import _LEAD, _TRAIL, Tok, tokenize
from briefings.textcache import TextCache

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


def _plain(tokens: list[Tok]) -> list[tuple[int, int, str, str]]:
    return [(t.start, t.end, t.word, t.brk) for t in tokens]


def test_words_and_breaks() -> None:
    text = '"We will," said U.S. Sen. J. Smith\'s aide (Dr. Ann Lee). \x00\x00\x00” — ok'
    words = [(t.word, t.brk) for t in tokenize(text)]
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
    smith = tokenize(text)[6]
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


def test_cache_returns_fresh_span_lists() -> None:
    cache = TextCache()
    text = 'He said "yes" and "no".'
    first = cache.spans(text)
    first.pop()
    assert len(cache.spans(text)) == 2
    assert cache.sentences(text) is cache.sentences(text)
