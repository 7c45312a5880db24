"""Names in an article's words: its capitalized runs read as a title part and a name part
("U.S. Treasury Secretary Scott Bessent"), and the roles around them ("Japan's top negotiator
Ryosei Akazawa", "Akazawa, minister in charge of ..."). :mod:`briefings.quotes.registry` keeps
the people so found, so that "Akazawa" alone resolves to "Ryosei Akazawa".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import compress
from typing import NamedTuple

from briefings.quotes.lexicon import (
    DETERMINERS,
    HONORIFICS,
    NON_PERSON,
    NOT_NAMES,
    PLACES,
    PREPOSITIONS,
    ROLE_MODIFIERS,
    ROLE_NOUNS,
    SPEECH_VERB_SET,
    SURNAMES,
    TITLES,
    word_set,
)
from briefings.quotes.offices import OFFICE_GLUE, PARTICLES, office_run
from briefings.quotes.tokens import Tok, Tokens, bare_word

_INITIALS = re.compile(r"(?:[A-Z]\.)+")
_LEADING_SURNAMES = word_set("He")
_MAX_ROLE_WORDS = 12
# A title after these in a role is someone else's: "assistant to the president".
_OWN_ROLE_STOPS = word_set("to for")
_SENTENCE_ENDS = frozenset(".!?:")
# Lower-case words a capitalized run never starts with.
# Title words that only qualify a title: "Foreign Affairs" before a name is no role yet.
_TITLE_MODIFIERS = word_set("foreign vice deputy prime acting executive senior")
_RUN_SKIP = HONORIFICS | SPEECH_VERB_SET
# (name, role, person) of a capitalized run: a function of its words alone.
_Reading = tuple[str, str, bool]
# Runs read so far, by their word (one-word runs) or words (a bounded memo: names recur).
_READINGS: dict[str | tuple[str, ...], _Reading] = {}
_READINGS_MAX = 50_000


class Mention(NamedTuple):
    """A capitalized run split into its title part and its name part (a tuple: one is built
    for every capitalized word of an article)."""

    first: int  # token indexes into the tokens it came from
    last: int
    name: str
    role: str
    person: bool


_new_mention = tuple.__new__


def capitalized(tokens: Tokens) -> list[int]:
    """Indexes of the capitalized tokens (the only ones a name can start at)."""
    return list(compress(range(len(tokens.word)), tokens.cap))


def mentions(tokens: Tokens, people_only: bool = False) -> list[Mention]:
    """Capitalized runs of ``tokens`` ("U.S. Treasury Secretary Scott Bessent"); with
    ``people_only``, only those that name a person."""
    out: list[Mention] = []
    count = len(tokens.word)
    brk, possessive, cap, word = tokens.brk, tokens.possessive, tokens.cap, tokens.word
    start, end = tokens.start, tokens.end
    done = -1  # the last index of the previous run
    for i in capitalized(tokens):
        if i <= done:
            continue
        j = i
        # A run goes on over capitalized words, and over a particle before one ("von der"),
        # one space apart: "Lighthizer (L)" is two runs.
        while (
            not brk[j]
            and not possessive[j]
            and j + 1 < count
            and (cap[j + 1] or (word[j + 1] in PARTICLES and _name_follows(tokens, j + 2)))
            and start[j + 1] - end[j] == 1
        ):
            j += 1
        if j > i:
            reading = _run_reading(tokens, i, j)
        else:
            reading = _READINGS.get(word[i]) or _word_reading(word[i])
        if j - i >= 2 and i and word[i - 1] in OFFICE_GLUE:  # "Secretary of Agriculture X Y"
            reading = office_run(tokens, i, j) or reading
        elif j > i + 1 and reading[2] and _place_opens(tokens, i, reading[0]):
            i += 1  # "the embassy in Lindau Carl Olof Berg": the place, then the person
            reading = _run_reading(tokens, i, j)
        if reading[2] or not people_only:
            out.append(_new_mention(Mention, (i, j, *reading)))
        done = j
    return out


def _place_opens(tokens: Tokens, i: int, name: str) -> bool:
    """Whether the run at ``i`` opens with the place of an office before a person's name:
    "the embassy in Lindau Carl Olof Berg", "Minister of Trade of Estria Tran Van Anh" (a
    name of three words or more, after "in" or "of" that follows a role or an office)."""
    if i < 2 or name.count(" ") < 2 or not name.startswith(tokens.word[i]):
        return False
    if tokens.word[i - 1] not in {"in", "of"} or tokens.brk[i - 2]:
        return False
    before = tokens.word[i - 2]
    return before.lower() in ROLE_NOUNS or before.lower() in TITLES or before in NON_PERSON


def _name_follows(tokens: Tokens, k: int) -> bool:
    """Whether a capitalized word comes at ``k`` after at most one more particle ("van der")."""
    if k < len(tokens.word) and tokens.word[k] in PARTICLES:
        k += 1
    return k < len(tokens.word) and tokens.cap[k]


def _word_reading(word: str) -> _Reading:
    """A one-word run, the common case. What a word is (name, title or neither) depends on
    the word alone: it is worked out once."""
    reading = _READINGS.get(word)
    return _remember(word, reading_of(word)) if reading is None else reading


def _run_reading(tokens: Tokens, first: int, last: int) -> _Reading:
    """A run of several words, read once per distinct run of words."""
    words = tuple(tokens.word[first : last + 1])
    reading = _READINGS.get(words)
    if reading is None:
        return _remember(words, read_run(tokens.records(first, last + 1)))
    return reading


def forget_runs() -> None:
    """Empty the memo of capitalized runs read so far (a benchmark reading a corpus again
    starts from what a fresh stream of articles would find)."""
    _READINGS.clear()


def _remember(words: str | tuple[str, ...], reading: _Reading) -> _Reading:
    if len(_READINGS) >= _READINGS_MAX:
        _READINGS.clear()
    _READINGS[words] = reading
    return reading


def reading_of(word: str) -> _Reading:
    """(name, role, person) of a one-word run: :func:`read_run` of one word."""
    lower = word.lower()
    if word in NOT_NAMES or lower in _RUN_SKIP:
        return ("", "", False)
    if lower in TITLES:
        return ("", word, False)
    bare = bare_word(word)
    if bare in NON_PERSON or _acronym(word):
        return (bare, "", False)
    # a lone possessive ("Japan's") names no person, nor does a group ("Officials")
    return (bare, "", bare == word and not _plural_role(lower))


def split_mention(tokens: Sequence[Tok], first: int, last: int) -> Mention:
    """The run ``tokens[first : last + 1]`` split into its title part and its name part."""
    return _new_mention(Mention, (first, last, *read_run(tokens[first : last + 1])))


def read_run(run: Sequence[Tok]) -> _Reading:
    """(name, role, person) of a capitalized run."""
    while run and (run[0].word in NOT_NAMES or run[0].lower in _RUN_SKIP):
        if run[0].word in _LEADING_SURNAMES and len(run) > 1 and run[1].lower not in TITLES:
            break  # "He Lifang": an East Asian surname first
        run = run[1:]
    cut = -1
    for k, tok in enumerate(run):
        if tok.lower in TITLES or ("/" in tok.word and _slashed_title(tok.lower)):
            cut = k
    role_part, name_part = run[: cut + 1], run[cut + 1 :]
    while len(name_part) > 2 and (
        name_part[0].bare in PLACES
        or name_part[0].bare in NON_PERSON
        or name_part[0].word == "United"
    ):
        role_part, name_part = [*role_part, name_part[0]], name_part[1:]
    while len(name_part) > 2 and name_part[0].lower in ROLE_NOUNS and not name_part[0].brk:
        role_part, name_part = [*role_part, name_part[0]], name_part[1:]  # "Survivor Cruz Ayala"
    while name_part and name_part[0].lower in HONORIFICS:
        name_part = name_part[1:]
    words = [t.word for t in name_part]
    if words:
        words[-1] = name_part[-1].bare
    person = bool(name_part) and _personal(name_part)
    return " ".join(words), " ".join([t.word for t in role_part]), person


def _slashed_title(word: str) -> bool:
    """ "Representative/Vice-President": two titles held at once."""
    return any(part in TITLES for part in word.split("/"))


def _personal(name_part: Sequence[Tok]) -> bool:
    if len(name_part) == 2 and name_part[0].bare in PLACES:
        return False  # "Turkish Cypriot", "American Airlines"
    for k, tok in enumerate(name_part):
        word = tok.word
        bare = bare_word(word) if tok.possessive else word
        if bare in NON_PERSON or (word in NOT_NAMES and not _surname(word, k)):
            return False
        if word.isupper() and _acronym(word) and not (k + 1 < len(name_part) and _initials(word)):
            return False  # NASA, FSB: organisations; "A.B. Carter" is a person
    if _plural_role(name_part[-1].lower):
        return False  # "Liberal MPs", "Senate Democrats officials": a group, not a name
    return not name_part[-1].possessive or len(name_part) > 1


def _listed_office(tokens: Tokens, end: int) -> int:
    """The end of an office named by a list after "of" ("Trade, Industry and Energy"): its
    capitalized words one by one over commas, then "and" and the last; ``end`` when the
    words after the comma are no such list."""
    brk, cap, word = tokens.brk, tokens.cap, tokens.word
    j = end + 1
    while j + 2 < len(tokens.word) and cap[j] and brk[j] == ",":
        j += 1
    if j + 2 >= len(tokens.word) or not cap[j] or brk[j] or word[j + 1] != "and":
        return end
    if brk[j + 1] or not cap[j + 2]:
        return end
    return j + 2


def _plural_role(word: str) -> bool:
    """A role noun in the plural ("mps", "officials"): no name ends with one."""
    return word in ROLE_NOUNS and word.endswith("s") and not word.endswith("ss")


def _surname(word: str, k: int) -> bool:
    """Whether ``word``, the ``k``-th of a name, may be a surname ("Theresa May", "He Lifang")."""
    return word in SURNAMES and (k > 0 or word in _LEADING_SURNAMES)


def _initials(word: str) -> bool:
    """ "A.B." or "J.": a person's initials (when a name follows them)."""
    return len(word) <= 6 and word.endswith(".") and _INITIALS.fullmatch(word) is not None


def _acronym(word: str) -> bool:
    # Dropping "." and "-" never changes isupper(): test it before building the string.
    return word.isupper() and len(word.replace(".", "").replace("-", "")) > 1


def role_before(tokens: Tokens, first: int, seed: tuple[str, ...] = ()) -> str:
    """A role phrase right before a name: "Japan's top negotiator", "President of" + seed."""
    brk, cap, word = tokens.brk, tokens.cap, tokens.word
    k = first - 1
    if not seed and (k < 0 or brk[k]):
        return ""  # the name opens its text or follows punctuation: no role word before it
    words: list[str] = list(reversed(seed))
    while k >= 0 and not brk[k] and len(words) < 7:
        low = word[k].lower()
        role_word = low in ROLE_NOUNS or low in ROLE_MODIFIERS or low in TITLES
        name_word = cap[k] and word[k] not in NOT_NAMES
        if not (role_word or name_word or (low in {"of", "the"} and words)):
            break
        words.append(word[k])
        k -= 1
    if not words:
        return ""  # the common case: no role word right before the name
    while words and (words[-1].lower() in PREPOSITIONS or words[-1].lower() == "the"):
        words.pop()
    words.reverse()
    if not any(w.lower() in ROLE_NOUNS or w.lower() in TITLES for w in words):
        return ""
    return " ".join(words)


def joined_office(tokens: Tokens, first: int, role: str) -> str:
    """A title whose office is joined by "and" before the name's run: "Commerce and" +
    "Industry Minister" (the run stops at the lower-case "and")."""
    k = first - 1
    if k < 1 or tokens.word[k] != "and" or tokens.brk[k] or tokens.brk[k - 1]:
        return role
    if not role.startswith(tokens.word[first]):
        return role  # an office already read whole: "Minister of Economy, Trade and Industry"
    if not tokens.cap[k - 1] or tokens.word[k - 1].lower() not in ROLE_MODIFIERS:
        return role
    return role_before(tokens, k - 1, (tokens.word[k - 1], "and", *role.split())) or role


def role_apposed(tokens: Tokens, first: int, last: int) -> str:
    """A title set off by commas before a name: "The EU's chief negotiator, Michel Barnier,
    said" (the name closed by a comma too, or it is a list)."""
    k = first - 1
    if k < 1 or tokens.brk[k].strip() != "," or tokens.brk[last][:1] != ",":
        return ""
    head = k  # the title's own word: "negotiator", or "president" of "president of Mexico"
    while head > 1 and tokens.cap[head] and not tokens.brk[head - 1] and head > k - 3:
        head -= 1
    if head < k and not (tokens.word[head] == "of" and not tokens.brk[head - 1]):
        head = k
    elif head < k:
        head -= 1
    low = tokens.word[head].lower()
    if low not in TITLES and low not in ROLE_NOUNS:
        return ""
    return role_before(tokens, head, tuple(tokens.word[head : k + 1]))


_RELATIVE_WORDS = frozenset({"who", "which", "whose"})


def _before_relative(word: list[str], first: int, end: int) -> int:
    """The last word of a role before a relative clause: "the minister who leads the talks"
    gives "the minister"."""
    for k in range(first + 1, end + 1):
        if word[k].lower() in _RELATIVE_WORDS:
            return k - 1
    return end


def appositive_after(tokens: Tokens, last: int) -> str:
    """The role after "Name, ": "minister in charge of economic revitalization"."""
    brk, word = tokens.brk, tokens.word
    if brk[last][:1] != "," or last + 1 >= len(word):
        return ""
    if word[last + 1].isdigit() and brk[last + 1] == "," and last + 2 < len(word):
        last += 1  # "Tom Holm, 24, a tour manager": the age set off before the role
    first = end = last + 1
    if word[first] == "also" and not brk[first] and first + 1 < len(word):
        first = end = first + 1  # "Fuchs, also Austria's state secretary for finance,"
    limit = min(len(word), first + _MAX_ROLE_WORDS) - 1
    while end < limit and not brk[end]:
        end += 1  # up to the first word followed by punctuation
    if brk[end][:1] not in {",", "."} or brk[end][:2] == ",”":
        return ""
    if brk[end] == "," and word[end - 1] == "of":
        end = _listed_office(tokens, end)  # "Ministry of Trade, Industry and Energy"
    end = _before_relative(word, first, end)
    head = word[first].lower()
    possessive = tokens.possessive[first]
    if tokens.cap[first] and not possessive and head not in TITLES and word[first] != "The":
        return ""
    opener = head in DETERMINERS or head in TITLES or head in ROLE_NOUNS
    if not (opener or head in ROLE_MODIFIERS or possessive):
        return ""  # "Di Maio, joined the talks as an observer": no apposition
    if ROLE_NOUNS.isdisjoint(map(str.lower, word[first : end + 1])):
        return ""
    if head in {"who", "which", "that", "where", "when", "said", "says"}:
        return ""
    return " ".join(word[k] + (brk[k] if k < end else "") for k in range(first, end + 1))
