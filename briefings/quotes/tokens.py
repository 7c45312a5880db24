"""Word tokens with the punctuation that follows them: enough structure to find names.

The rule: split the text at whitespace (masked quote text, NULs, counts as whitespace), strip
leading punctuation from each chunk, then trailing punctuation; what is left is the word and
what was stripped from its end is its break. A trailing period stays with initials and
abbreviations ("U.S.", "Dr.", "A."). A chunk of punctuation only is no token.

A paragraph's tokens are kept as :class:`Tokens`, one list per field, not an object per word:
most words are only ever looked at through a column (is it capitalized, what follows it), and
an article's worth of small objects kept alive costs the garbage collector more than making
them. :class:`Tok` records are made for the few words handed on as phrases."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from itertools import repeat
from operator import itemgetter
from typing import NamedTuple

_LEAD = "“”\"«»「」『』([{'‘’—–-"
_TRAIL = "“”\"«»「」『』)]},;:!?'‘’—–."
_ABBREVIATIONS = "Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Col|Lt|Sgt|Capt|Gov|Sen|Rep|Prof|Rev|Mt|Ft"
_POSSESSIVE = ("'s", "’s", "s'", "s’")
_HYPHEN_PARTICLES = ("al-", "el-")
_POSSESSIVE_LAST = frozenset("s'’")  # the last characters of the endings


_ENDINGS = ("'s", "’s")  # the possessive endings a token's end may stand before
_INITIALS = re.compile(rf"(?:[A-Z]\.)*[A-Z]|{_ABBREVIATIONS}")
_HEAD = itemgetter(0)  # words are never empty
_new = tuple.__new__
_FEW = 8  # ranges up to this long are made into records one by one
_FIELDS = ("start", "end", "word", "brk", "lower", "cap", "possessive")


class Tok(NamedTuple):
    start: int
    end: int
    word: str
    brk: str  # punctuation right after the word ("" when none): runs of names stop here
    lower: str
    cap: bool
    possessive: bool

    @property
    def bare(self) -> str:
        """The word without a possessive ending."""
        return bare_word(self.word) if self.possessive else self.word


def bare_word(word: str) -> str:
    """``word`` without a possessive ending ("Smith's" -> "Smith", "States'" -> "States")."""
    if word[-1:] not in _POSSESSIVE_LAST:
        return word  # most words: no ending to look for
    for ending in _POSSESSIVE:
        if word.endswith(ending):
            return word[: -len(ending)] if ending[0] in "'’" else word[:-1]
    return word


class Tokens:
    """The tokens of one text, field by field: ``tokens.cap[k]`` is whether token ``k`` is
    capitalized. Each list has one item per token; see :class:`Tok` for the fields. The lists
    are never changed; ``lower`` is made on first use (most paragraphs are only read for
    their capitalized words)."""

    __slots__ = ("_lower", "brk", "cap", "end", "possessive", "start", "word")

    def __init__(
        self,
        start: list[int],
        end: list[int],
        word: list[str],
        brk: list[str],
        cap: list[bool],
        possessive: list[bool],
        lower: list[str] | None = None,
    ) -> None:
        self.start, self.end, self.word, self.brk = start, end, word, brk
        self.cap, self.possessive, self._lower = cap, possessive, lower

    @property
    def lower(self) -> list[str]:
        if self._lower is None:
            self._lower = list(map(str.lower, self.word))
        return self._lower

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Tokens):
            return NotImplemented
        return all(getattr(self, f) == getattr(other, f) for f in _FIELDS)

    __hash__ = None  # type: ignore[assignment]

    def __len__(self) -> int:
        return len(self.word)

    def record(self, k: int) -> Tok:
        """Token ``k`` as a record."""
        return _new(
            Tok,
            (
                self.start[k],
                self.end[k],
                self.word[k],
                self.brk[k],
                self.word[k].lower(),
                self.cap[k],
                self.possessive[k],
            ),
        )

    def records(self, first: int = 0, last: int | None = None) -> list[Tok]:
        """Tokens ``first`` up to (not including) ``last`` as records."""
        if last is not None and first >= 0 and first <= last <= first + _FEW:
            return self._few_records(first, min(last, len(self.word)))
        span = slice(first, last)
        words = self.word[span]
        columns = zip(
            self.start[span],
            self.end[span],
            words,
            self.brk[span],
            map(str.lower, words) if self._lower is None else self._lower[span],
            self.cap[span],
            self.possessive[span],
            strict=True,
        )
        return list(map(_new, repeat(Tok), columns))

    def _few_records(self, first: int, last: int) -> list[Tok]:
        """:meth:`records` of a short range, one by one (cheaper than by columns)."""
        start, end, word, brk = self.start, self.end, self.word, self.brk
        cap, possessive, lower = self.cap, self.possessive, self._lower
        return [
            _new(
                Tok,
                (
                    start[k],
                    end[k],
                    word[k],
                    brk[k],
                    word[k].lower() if lower is None else lower[k],
                    cap[k],
                    possessive[k],
                ),
            )
            for k in range(first, last)
        ]

    @classmethod
    def of(cls, records: Sequence[Tok]) -> Tokens:
        """The columns of ``records``."""
        if not records:
            return cls([], [], [], [], [], [], [])
        start, end, word, brk, lower, cap, possessive = map(list, zip(*records, strict=True))
        return cls(start, end, word, brk, cap, possessive, lower)


def tokenize(text: str) -> Tokens:
    """Tokens of ``text``, by the rule above."""
    start: list[int] = []
    end: list[int] = []
    words: list[str] = []
    brk: list[str] = []
    columns = (start, end, words, brk)
    if "\x00" not in text:
        _read_chunks(text, 0, columns)
    else:  # masked quote text parts the words as white space does: read the parts between
        for part in _UNMASKED.finditer(text):
            _read_chunks(part.group(), part.start(), columns)
    cap = list(map(str.isupper, map(_HEAD, words)))
    if "al-" in text or "el-" in text:
        _cap_particle_names(words, cap)
    return Tokens(start, end, words, brk, cap, _possessives(text, start, end))


_UNMASKED = re.compile("[^\x00]+")
_Columns = tuple[list[int], list[int], list[str], list[str]]


def _read_chunks(text: str, offset: int, columns: _Columns) -> None:
    """Add the tokens of ``text``, which stands at ``offset`` of the text tokenized, to
    ``columns`` (start, end, word and break)."""
    start, end, words, brk = columns
    # str.split() splits at exactly the characters \s matches.
    # Most texts part their words by single spaces (all other whitespace is unprintable): then
    # each chunk starts one past the end of the last, and need not be looked for.
    single = text.isprintable() and "  " not in text and text[:1] != " "
    step = 1 if single else 0  # the white space after a chunk, when it need not be looked for
    at = offset  # where the current chunk starts in the text tokenized
    for chunk in text.split():
        if not single:  # only whitespace stands between it and the last chunk
            at = text.find(chunk, at - offset) + offset
        if chunk.isalnum():
            # most chunks: a word of letters and digits only, so no punctuation around it
            # (no mark stripped is a letter or digit: the test below gives the same token)
            start.append(at)
            at += len(chunk)
            end.append(at)
            words.append(chunk)
            brk.append("")
            at += step
            continue
        size = len(chunk)
        core = chunk.lstrip(_LEAD)
        word = core.rstrip(_TRAIL)
        if word:
            trail = core[len(word) :]
            if trail[:1] == "." and _INITIALS.fullmatch(word) is not None:
                word, trail = word + ".", trail[1:]
            begin = at + size - len(core)
            start.append(begin)
            end.append(begin + len(word))
            words.append(word)
            brk.append(trail)
        at += size + step


def _possessives(text: str, start: list[int], end: list[int]) -> list[bool]:
    """Which tokens end with a possessive ending. A word never ends with an apostrophe (it
    is stripped as punctuation), so the ending is "'s" or "’s" where the token ends in the
    text: most paragraphs hold none at all."""
    possessive = [False] * len(end)
    for ending in _ENDINGS:  # each looked for as a literal: faster than a pattern's search
        found = text.find(ending)
        while found >= 0:
            at = found + 2
            k = bisect_left(end, at)
            if k < len(end) and end[k] == at and at - start[k] >= 2:
                possessive[k] = True
            found = text.find(ending, at)
    return possessive


def _cap_particle_names(words: list[str], cap: list[bool]) -> None:
    """Count "al-Mansouri", "el-Sayed" as capitalized: a name with a lower-case particle."""
    for k, word in enumerate(words):
        if not cap[k] and word.startswith(_HYPHEN_PARTICLES) and word[3:4].isupper():
            cap[k] = True


def between(toks: Tokens, begin: int, end: int) -> list[Tok]:
    """Tokens that lie within ``[begin, end)``."""
    return toks.records(*token_range(toks, begin, end))


def token_range(toks: Tokens, begin: int, end: int) -> tuple[int, int]:
    """The indexes (first, one past the last) of the tokens that lie within ``[begin, end)``."""
    first = bisect_left(toks.start, begin)
    return first, max(first, bisect_right(toks.end, end))
