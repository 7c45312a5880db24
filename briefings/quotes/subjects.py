"""Who a clause is about: the person or organisation that opens it, not a name a
preposition governs, nor a place or adjective before a role ("Greek prime minister")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefings.quotes.gender import given_name_evidence, word_evidence
from briefings.quotes.lexicon import (
    DETERMINERS,
    HONORIFICS,
    PLACES,
    PREPOSITIONS,
    ROLE_MODIFIERS,
    ROLE_NOUNS,
    SPEECH_VERB_SET,
    TITLES,
)
from briefings.quotes.people import Mention, mentions
from briefings.quotes.tokens import Tok, Tokens, tokenize


def _modifier(tokens: Sequence[Tok], mention: Mention) -> bool:
    """A place or a one-word adjective before a role: "Greek prime minister", "Estrian trade
    envoy"."""
    if mention.name in PLACES:
        return True
    after = mention.last + 1
    # one word, after an opener it may carry ("But Estrian exporters")
    if " " in mention.name or after >= len(tokens) or tokens[mention.last].brk:
        return False
    low = tokens[after].lower
    return not tokens[after].cap and (low in TITLES or low in ROLE_NOUNS or low in ROLE_MODIFIERS)


def lead_person(tokens: Sequence[Tok]) -> tuple[Tok, ...]:
    """The first name in a clause that no preposition governs: its likely subject."""
    for mention in mentions(Tokens.of(tokens)):
        if not mention.person or tokens[mention.last].possessive or _modifier(tokens, mention):
            continue  # "Greek prime minister ...", "Trump's negotiator": not the subject
        if mention.first == mention.last and tokens[mention.first].lower in ROLE_NOUNS:
            continue  # "Members of the House": a group, read as an organisation
        if mention.first and _governed(tokens, mention.first):
            continue
        if not mention.first and _dateline(tokens, mention):
            continue
        return tuple(tokens[mention.first : mention.last + 1])
    return ()


_DATELINE_ENDS = frozenset({":", "-", "--", "\u2014", "\u2013"})


def _dateline(tokens: Sequence[Tok], mention: Mention) -> bool:
    """A place in capitals that opens a story ("TOKYO:", "BRUSSELS --"): no subject."""
    run = tokens[mention.first : mention.last + 1]
    if tokens[mention.last].brk.strip() not in _DATELINE_ENDS:
        return False
    return all(t.word.isupper() for t in run) and " ".join(t.word.title() for t in run) in PLACES


def _governed(tokens: Sequence[Tok], k: int) -> bool:
    """Whether a preposition governs the name at ``k``, also over a few lower-case words
    ("for news agency X"), but not the "of" inside a title ("Secretary of Commerce X")."""
    for j in range(k - 1, max(-1, k - 4), -1):
        tok = tokens[j]
        if tok.lower in PREPOSITIONS:
            return not (tok.lower == "of" and j > 0 and tokens[j - 1].lower in TITLES)
        if tok.cap or tok.brk or tok.lower in SPEECH_VERB_SET or tok.lower in DETERMINERS:
            return False
    return False


def lead_organisation(tokens: list[Tok]) -> tuple[Tok, ...]:
    """A clause that opens with a capitalized name ("The State Department gave ...")."""
    start = 1 if tokens and tokens[0].word == "The" else 0
    found = mentions(Tokens.of(tokens[start:]))
    if found and not start and _dateline(tokens, found[0]):
        return ()  # "TOKYO: Tokyo's envoy ...": the story's place, not its subject
    if found and found[0].first == 0 and found[0].name:
        if _modifier(tokens[start:], found[0]):
            return ()  # "Estrian exporters ...": a group of people, see ``lead_group``
        return _with_of(tokens, start + found[0].first, start + found[0].last)
    return ()


_OPENERS = frozenset(("but", "and", "yet", "still", "meanwhile", "however"))


def lead_group(tokens: Sequence[Tok]) -> tuple[Tok, ...]:
    """People a clause opens with, described rather than named: "But Estrian exporters
    watching the talks cautioned ...", "Farm groups ..."."""
    k = 0
    while k < len(tokens) and tokens[k].lower in _OPENERS and not tokens[k].brk:
        k += 1
    start = k
    while k < len(tokens) and (
        tokens[k].lower in DETERMINERS or tokens[k].lower in ROLE_MODIFIERS or tokens[k].cap
    ):
        if tokens[k].brk:
            return ()
        k += 1
    if k >= len(tokens) or tokens[k].lower not in ROLE_NOUNS:
        return ()
    return tuple(tokens[start : k + 1])


def main_subject(tokens: list[Tok]) -> tuple[Tok, ...]:
    """The name (of a person or an organisation) that opens the main clause, after a
    fronted phrase and its comma: "In a release issued on Monday, the ministry ..."."""
    for mention in mentions(Tokens.of(tokens)):
        if not mention.name or _modifier(tokens, mention) or tokens[mention.last].possessive:
            continue
        k = mention.first
        if k and tokens[k - 1].lower == "the":
            k -= 1
        if k and tokens[k - 1].brk[-1:] != ",":
            continue
        return _with_of(tokens, mention.first, mention.last)
    return ()


def _with_of(tokens: Sequence[Tok], first: int, last: int) -> tuple[Tok, ...]:
    """A name run with its "of (the) X" continuations: "Members of the House of Commons",
    "Ministry of Foreign Affairs"."""
    end = last + 1
    while end + 1 < len(tokens) and tokens[end].lower == "of" and not tokens[end - 1].brk:
        k = end + 1
        if tokens[k].lower == "the" and k + 1 < len(tokens):
            k += 1
        if not tokens[k].cap:
            break
        while k + 1 < len(tokens) and tokens[k + 1].cap and not tokens[k].brk:
            k += 1
        end = k + 1
    return tuple(tokens[first:end])


_OPENING_PRONOUN = re.compile(r"\s*(?:He|She|They)\b(?! [A-Z])")  # not "He Lifeng said"
_STYLES = frozenset({"the", "honourable", "honorable", "hon", "right", "rt"})


def person_before(sentences: Sequence[str], female: bool) -> str | None:
    """The name of the person the latest of ``sentences`` to open with one names, for a
    he (or she, when ``female``) that follows them; ``None`` when the latest such person is
    marked as the other gender ("Mr Berg" for a she) or the latest sentence that does not open
    with he/she opens with no person's name. Sentences opening with he/she themselves are
    passed over: they go on about the same person."""
    for sentence in reversed(sentences):
        if _OPENING_PRONOUN.match(sentence) is not None:
            continue
        records = tokenize(sentence).records()
        lead = lead_person(records)
        while lead and lead[0].word[-2:] in _POSSESSIVE_ENDS:
            lead = lead[1:]  # "Now's Scott Tong": the name after the possessive
        if not lead or not _plain_name(lead):
            return None  # the sentence before is about someone or something else
        if _marked_other(lead, "m" if female else "f"):
            return None
        while len(lead) > 1 and lead[0].lower.rstrip(".") in _STYLES:
            lead = lead[1:]  # "The Honourable Jim Carr": the name
        return " ".join(t.word for t in _after_office(lead))
    return None


_POSSESSIVE_ENDS = frozenset({"'s", "’s", "‘s"})


def _after_office(lead: tuple[Tok, ...]) -> tuple[Tok, ...]:
    """The name after an office told before it ("Commerce and Industry Minister Piyush
    Goyal" -> "Piyush Goyal"): a run of capitals may have begun inside the office's words. An
    honorific stays ("Ms Lindqvist")."""
    last = -1
    for k, tok in enumerate(lead[:-1]):
        low = tok.lower.rstrip(".")
        if low in TITLES and low not in HONORIFICS:
            last = k
    return lead[last + 1 :] if last >= 0 else lead


def _plain_name(lead: tuple[Tok, ...]) -> bool:
    """Whether ``lead`` reads as a person's name: not a lone opening word set off by a comma
    or made from a verb ("Addressing, however, ...", "Clarifying the plan")."""
    if len(lead) > 1:
        return True
    word = lead[0]
    return not word.brk and not word.lower.endswith(("ing", "ed")) and word.word[:1].isupper()


def _marked_other(lead: tuple[Tok, ...], other: str) -> bool:
    """Whether the words of ``lead`` mark it as of gender ``other`` only: an honorific or a
    gendered role word ("Mr", "spokeswoman"), or a common given name ("Anna Berg")."""
    titles = [t.lower.rstrip(".") for t in lead]
    name = [t.word for t, low in zip(lead, titles, strict=True) if low not in TITLES]
    return word_evidence(titles) | given_name_evidence(name) == {other}
