"""Speaker phrases: the noun phrase that names a quote's speaker, read back from a verb
(``X, the ROLE, said``, ``the minister in Ottawa said``, ``Ana Lindqvist and Carl Berg said``)
or forward from an inverted one (``said X, the ROLE``, ``according to a statement by X``).
:mod:`briefings.quotes.attribution` finds the verb; :mod:`briefings.quotes.speakers`
resolves the phrase to a person or an organisation."""

from __future__ import annotations

from briefings.quotes.lexicon import (
    CLAUSE_WORDS,
    DETERMINERS,
    DOCUMENTS,
    HONORIFICS,
    PREPOSITIONS,
    PRONOUNS,
    ROLE_MODIFIERS,
    ROLE_NOUNS,
    SKIPPABLE,
    TITLES,
    word_set,
)
from briefings.quotes.offices import office_phrase
from briefings.quotes.people import PARTICLES, appositive_after
from briefings.quotes.tokens import Tok, Tokens

# "a protester using the pseudonym Katya", "a boy identified only as Ivan".
_ALIAS = word_set("pseudonym named called identified known")
# Prepositions that end a speaker phrase, and those that end the words before a verb.
_PHRASE_STOPS = PREPOSITIONS - {"of", "for"}
_MAX_NP = 9
PLACE_PREPOSITIONS = word_set("in at from")
_ISSUED = word_set("released issued published sent")
# Words of a time phrase between a document and its author: "a tweet on Monday by X".
_WHEN = word_set("on late early earlier last this that day week night morning evening")
_WHEN_REACH = 4


def np_word(tok: Tok) -> bool:
    low = tok.lower
    return (
        tok.cap
        or low in ROLE_NOUNS
        or low in ROLE_MODIFIERS
        or low in DOCUMENTS
        or low in TITLES
        or low in PARTICLES
        or low in {"of", "for"}
        or tok.word.isdigit()
    )


def _collect_back(tokens: list[Tok], k: int) -> tuple[Tok, ...]:
    """The noun phrase ending at index ``k`` (its own trailing punctuation ignored)."""
    if k < 0:
        return ()
    if tokens[k].lower in PRONOUNS or tokens[k].lower in {"it", "i"}:
        return (tokens[k],)  # "it" for an organisation: '"...," it said'; "As I said"
    words: list[Tok] = []
    while k >= 0 and len(words) < _MAX_NP:
        tok = tokens[k]
        if tok.brk and words:
            break
        if tok.lower in DETERMINERS:
            words.append(tok)
            if not _role_for(tokens, k - 1):
                break
            k -= 1  # "a spokesperson for the ministry": go on to the spokesperson
            continue
        if not np_word(tok) and not _inner_and(tokens, k, words):
            break
        words.append(tok)
        k -= 1
    while words and words[-1].lower in {"of", "for"}:
        words.pop()
    words.reverse()
    return tuple(words)


def _inner_and(tokens: list[Tok], k: int, words: list[Tok]) -> bool:
    """An "and" inside an office's name: "the ministry of commerce and industry"."""
    return (
        tokens[k].lower in {"and", "&"}
        and k >= 2
        and bool(words)
        and not words[-1].cap
        and words[-1].lower in ROLE_MODIFIERS
        and tokens[k - 1].lower in ROLE_MODIFIERS
        and tokens[k - 2].lower == "of"
        and not tokens[k - 1].brk
    )


def _role_for(tokens: list[Tok], k: int) -> bool:
    """Whether "for" or "of" at ``k`` follows a role noun ("spokesperson for", "head of")."""
    return (
        k > 0
        and tokens[k].lower in {"for", "of"}
        and not tokens[k - 1].brk
        and tokens[k - 1].lower in ROLE_NOUNS
    )


def _is_name(segment: list[Tok]) -> bool:
    words = [t for t in segment if t.lower not in HONORIFICS]
    return 1 <= len(words) <= 5 and all(t.cap or t.lower in PARTICLES for t in words)


def _titled_tail(middle: list[Tok]) -> tuple[Tok, ...]:
    """The full name that ends a phrase set off by commas after a lower-case role word
    ("civil engineering professor Julian Marshall"); () when the phrase ends in none."""
    at = len(middle)
    while at and middle[at - 1].cap and not middle[at - 1].possessive:
        at -= 1
    if len(middle) - at < 2 or at == 0 or middle[at - 1].cap:
        return ()
    if middle[at - 1].lower not in ROLE_NOUNS or any(t.brk for t in middle[:-1]):
        return ()
    return tuple(middle[at:]) if _is_name(middle[at:]) else ()


def phrase_before(tokens: list[Tok], end: int) -> tuple[tuple[Tok, ...], str]:
    """The speaker phrase ending right before index ``end`` (a verb), and its role."""
    k = end - 1
    while k >= 0 and tokens[k].lower in SKIPPABLE and not tokens[k].brk:
        k -= 1
    if k < 0:
        return (), ""
    if tokens[k].lower == "who" and k:
        j = k - 1
        if j > 1 and tokens[j].word.isdigit() and tokens[j - 1].brk == ",":
            j -= 1  # "Tom Holm, 24, who said": the age set off after the name
        return _collect_back(tokens, j), ""  # "President Carter, who said"
    if tokens[k].brk[:1] == ",":
        return _appositive(tokens, k)
    if tokens[k].brk:
        return (), ""
    phrase = _collect_back(tokens, k) or _before_reduced_relative(tokens, k)
    phrase = _holder_before_place(tokens, phrase) or _joined_before(tokens, phrase)
    return _with_office_before(tokens, phrase), ""


# Subjects of a clause that describes the noun before it: "the protesters (whom) we met".
_CLAUSE_SUBJECTS = word_set("we they i you he she")


def _before_reduced_relative(tokens: list[Tok], k: int) -> tuple[Tok, ...]:
    """ "the protesters Wikinews interviewed said", "farmers the agency spoke to said": the
    people a clause without "who" describes speak, not the clause's own subject."""
    j = k
    if tokens[j].lower in {"to", "with"} and j:
        j -= 1  # "spoke to", "talked with"
    if tokens[j].cap or not tokens[j].lower.endswith(("ed", "spoke", "met", "saw")):
        return ()
    j -= 1
    if j >= 0 and tokens[j].lower in _CLAUSE_SUBJECTS:
        j -= 1
    elif j >= 0 and tokens[j].cap:
        while j >= 0 and tokens[j].cap and not tokens[j].brk:
            j -= 1
    elif j >= 1 and tokens[j - 1].lower in {"the", "a", "an"}:
        j -= 2
    else:
        return ()
    if j < 0 or tokens[j].brk or tokens[j].lower not in ROLE_NOUNS:
        return ()
    return _collect_back(tokens, j)


def joint_and(tokens: list[Tok], j: int) -> bool:
    """Whether "and" at ``j`` joins two names ("Ana Lindqvist and Carl Berg said")."""
    return (
        0 < j < len(tokens) - 1
        and tokens[j].lower == "and"
        and not tokens[j - 1].brk
        and not tokens[j].brk
        and tokens[j - 1].cap
        and tokens[j + 1].cap
    )


def _joined_before(tokens: list[Tok], phrase: tuple[Tok, ...]) -> tuple[Tok, ...]:
    """``phrase`` with the name joined to it by "and" before it: two people speak."""
    if not phrase:
        return phrase
    if phrase[0].lower == "the" and len(phrase) > 1 and phrase[1].cap:
        # "the United States and the European Union"
        j = tokens.index(phrase[0]) - 1
        if j < 1 or tokens[j].lower != "and" or tokens[j].brk or tokens[j - 1].brk:
            return phrase
        if not tokens[j - 1].cap:
            return phrase
        phrase = phrase[1:]
    elif not phrase[0].cap:
        return phrase
    else:
        j = tokens.index(phrase[0]) - 1
        if not joint_and(tokens, j):
            return phrase
    other = _collect_back(tokens, j - 1)
    if not other or not any(t.cap for t in other):
        return phrase
    return (*other, tokens[j], *phrase)


def _with_office_before(tokens: list[Tok], phrase: tuple[Tok, ...]) -> tuple[Tok, ...]:
    """``phrase`` with "the TITLE and" before it when it opens with a title: "the Tánaiste and
    Minister for Foreign Affairs and Trade", two offices of one person."""
    if not phrase or phrase[0].lower not in TITLES:
        return phrase
    first = tokens.index(phrase[0])
    return (*tokens[first - 3 : first], *phrase) if _office_before(tokens, first - 1) else phrase


def _office_before(tokens: list[Tok], j: int) -> bool:
    """Whether "and" at ``j`` follows "the" and a title: "the Tánaiste and Minister for
    Foreign Affairs", two offices of one person."""
    return (
        j >= 2
        and tokens[j].lower == "and"
        and not tokens[j].brk
        and not tokens[j - 1].brk
        and tokens[j - 1].lower in TITLES
        and tokens[j - 2].lower == "the"
    )


def _holder_before_place(tokens: list[Tok], phrase: tuple[Tok, ...]) -> tuple[Tok, ...]:
    """ "the minister in Ottawa said": the person before a place is the speaker, not the place.
    Empty unless ``phrase`` follows in/at/from after a phrase with a role noun."""
    if not phrase or phrase[0].lower in PRONOUNS:
        return ()
    k = tokens.index(phrase[0]) - 1
    if k < 1 or tokens[k].lower not in PLACE_PREPOSITIONS or tokens[k - 1].brk:
        return ()
    holder = _collect_back(tokens, k - 1)
    return holder if any(t.lower in ROLE_NOUNS for t in holder) else ()


def _appositive(tokens: list[Tok], k: int) -> tuple[tuple[Tok, ...], str]:
    """``X, the ROLE, said`` or ``The ROLE, X, said``: (name phrase, role)."""
    c = k - 1
    while c >= 0 and k - c <= _LONG_CLAUSE and not tokens[c].brk:
        c -= 1
    if c < 0 or tokens[c].brk[:1] != ",":
        return (), ""
    if k - c > _SET_OFF and not _participle(tokens[c + 1]):
        return (), ""  # only "X, prepared by A and by B ..., calls" runs that long
    middle = tokens[c + 1 : k + 1]
    if middle[0].lower == "the" and len(middle) > 1 and _is_name(middle[1:]):
        middle = middle[1:]  # "the party's newspaper, the Norrvik Daily, said": the name
    if _is_name(middle):
        role = " ".join(t.word for t in _collect_back(tokens, c) if t.lower not in DETERMINERS)
        return tuple(middle), role
    titled = _titled_tail(middle)
    if titled:  # "Another co-author, engineering professor Julian Marshall, said"
        return titled, " ".join(t.word for t in middle[: len(middle) - len(titled)])
    if middle[0].lower in CLAUSE_WORDS or (
        middle[0].lower in SKIPPABLE and middle[0].lower != "also"
    ):
        return _collect_back(tokens, c), ""  # "Hill, who won the race, said"
    return _collect_back(tokens, c), appositive_after(Tokens.of(tokens), c)


_SET_OFF = 14  # words of a phrase set off by commas
_LONG_CLAUSE = 24  # ... or of a participle clause: "The text, prepared by the groups ...,"


def _participle(tok: Tok) -> bool:
    return not tok.cap and tok.lower.endswith("ed")


def phrase_after(tokens: list[Tok], begin: int) -> tuple[tuple[Tok, ...], str]:
    """The speaker phrase starting at ``begin`` (after an inverted verb), and its role."""
    held = office_phrase(tokens, begin)  # "said Chancellor of the Exchequer Rishi Sunak"
    if held is not None:
        return held
    segments: list[list[Tok]] = [[]]
    k = begin
    while k < len(tokens) and sum(len(s) for s in segments) < 3 * _MAX_NP:
        tok = tokens[k]
        if k > begin and tok.start - tokens[k - 1].end - len(tokens[k - 1].brk) > 1:
            break  # "Vital Moreira (S&D, PT)": a bracket ends the phrase
        opens = not segments[-1] and tok.lower in DETERMINERS
        if not (
            opens or _of_whom(tokens, k, begin) or (np_word(tok) and tok.lower not in _PHRASE_STOPS)
        ):
            break
        segments[-1].append(tok)
        k += 1
        if tok.brk[:1] == "," and len(segments) < 3:
            segments.append([])
        elif tok.brk:
            break
    alias = _alias(tokens, k)
    head = _trim(segments[0])
    if head and head[-1].lower in DOCUMENTS and len(segments) == 1:
        issuer = _issuer(tokens, k)
        if issuer:
            return issuer, ""
    if not head:
        head = _name_after_descriptor(tokens, begin)  # "said study co-author Karen Alley"
    if alias:
        return alias, " ".join(t.word for t in head if t.lower not in DETERMINERS)
    if not any(
        t.cap or t.lower in ROLE_NOUNS or t.lower in PRONOUNS or t.lower in DOCUMENTS for t in head
    ):
        return (), ""
    # "said University of California, San Diego's chancellor, Pradeep Khosla"
    for index, segment in enumerate(segments[1:], start=1):
        if segment and not _is_name(head) and _is_name(segment):
            role = ", ".join(" ".join(t.word for t in s) for s in segments[:index] if s)
            return tuple(_trim(segment)), role
    last = tokens.index(head[-1])
    if len(segments) == 1 and joint_and(tokens, last + 1):
        other, _ = phrase_after(tokens, last + 2)
        if other and any(t.cap for t in other):
            return (*head, tokens[last + 1], *other), ""
    return tuple(head), appositive_after(Tokens.of(tokens), last)


def _issuer(tokens: list[Tok], k: int) -> tuple[Tok, ...]:
    """Who a document at ``k`` comes from: "a statement (released) by/from X" -> X."""
    if k < len(tokens) and tokens[k].lower in _ISSUED and not tokens[k].brk:
        k += 1
    # "a tweet on Monday by X": a short time phrase may come between
    for j in range(k, min(k + _WHEN_REACH, len(tokens) - 1)):
        if tokens[j].lower in {"by", "from"} or tokens[j].brk:
            break
        if tokens[j].lower not in _WHEN and not tokens[j].cap:
            break
        if tokens[j + 1].lower in {"by", "from"}:
            k = j + 1
            break
    if k + 1 < len(tokens) and tokens[k].lower in {"by", "from"}:
        phrase, _ = phrase_after(tokens, k + 1)
        if phrase and phrase[-1].lower not in DOCUMENTS:
            return phrase
    return ()


def _name_after_descriptor(tokens: list[Tok], begin: int) -> list[Tok]:
    """A name after up to three lower-case words, all in one clause."""
    for k in range(begin, min(begin + 4, len(tokens))):
        if tokens[k].cap:
            run = [tokens[k]]
            while not run[-1].brk and k + len(run) < len(tokens) and tokens[k + len(run)].cap:
                run.append(tokens[k + len(run)])
            return tokens[begin:k] + run if _is_name(run) else []
        if tokens[k].brk or tokens[k].lower in CLAUSE_WORDS or tokens[k].lower in PREPOSITIONS:
            return []
    return []


def _of_whom(tokens: list[Tok], k: int, begin: int) -> bool:
    """Whether token ``k`` carries a role on to whom it serves: "for" or "of" after a role
    noun, and the article after them ("said a spokesperson for the European Commission")."""
    if k <= begin:
        return False
    if tokens[k].lower == "the":
        return k - 1 > begin and _role_for(tokens, k - 1)
    return _role_for(tokens, k)


def _trim(words: list[Tok]) -> list[Tok]:
    out = list(words)
    while out and out[-1].lower in {"of", "for"}:
        out.pop()
    return out


def _alias(tokens: list[Tok], k: int) -> tuple[Tok, ...]:
    """``... using the pseudonym Katya`` -> (Katya,)."""
    window = tokens[k : k + 5]
    for i, tok in enumerate(window):
        if tok.lower in _ALIAS:
            names = [t for t in window[i + 1 :] if t.lower not in {"as", "only", "the"}]
            if names and names[0].cap:
                return (names[0],)
    return ()
