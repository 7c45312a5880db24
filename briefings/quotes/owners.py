"""Owners who speak through what they own: a document or a speech noun after a possessive
("the ministry's statement said", "Berg's warning that ..."), and a label naming a document's
owner ("Jen Psaki's full statement:")."""

from __future__ import annotations

from briefings.quotes.lexicon import DETERMINERS, DOCUMENTS, word_set
from briefings.quotes.people import PARTICLES
from briefings.quotes.tokens import Tok
from briefings.quotes.verbs import owner_word

# Nouns for what someone said, owned by a possessive ("Berg's comment that ...") or a
# nationality ("the German remarks"): their owner is the speaker of a quote they introduce.
SPEECH_NOUNS = word_set(
    "comment comments remark remarks statement statements words warning warnings pledge "
    "pledges claim claims assertion assertions promise promises vow vows announcement "
    "announcements post posts"
)
_OWNER_PRONOUNS = {"his": "he", "her": "she"}  # "referring to his announcement that "...""
_OWNED_BEFORE = word_set("that of about on as")  # "Berg's warning of "a long winter""


_LABEL_MODIFIERS = 2  # words between an owner and a document in a label: "full", "opening"


def label_owner(tokens: list[Tok]) -> tuple[Tok, ...]:
    """ "Jen Psaki's full statement:" alone before a quote: the document's owner, who speaks
    through it; () when the words are not such a label."""
    if not tokens or tokens[-1].lower not in DOCUMENTS or tokens[-1].brk != ":":
        return ()
    at = len(tokens) - 2
    while at >= len(tokens) - 1 - _LABEL_MODIFIERS and at > 0 and not tokens[at].possessive:
        if tokens[at].cap or tokens[at].brk:
            return ()
        at -= 1
    if at < 0 or not tokens[at].possessive or tokens[at].brk:
        return ()
    owner = owner_of(tokens, at)
    return owner if owner[0].start == tokens[0].start else ()


def owned_document(tokens: list[Tok], phrase: tuple[Tok, ...]) -> tuple[Tok, ...]:
    """ "The ministry's statement said", "the WHO's website said": the owner of a document
    speaks through it."""
    at = tokens.index(phrase[-1]) - 1
    if at < 0 or not tokens[at].possessive or tokens[at].brk:
        return ()
    owner = owner_of(tokens, at)
    start = at - len(owner) + 1
    if start and tokens[start - 1].lower in DETERMINERS and not tokens[start - 1].brk:
        return (tokens[start - 1], *owner)  # "the ministry's statement"
    return owner


def owner_of(tokens: list[Tok], at: int) -> tuple[Tok, ...]:
    """The name a possessive at ``at`` ends, whole and without its "'s" ("Anna van Berg's":
    Anna van Berg)."""
    first = at
    while first and (tokens[first - 1].cap or tokens[first - 1].lower in PARTICLES):
        if tokens[first - 1].brk:
            break
        first -= 1
    bare = tokens[at].bare
    named = tokens[at]._replace(word=bare, lower=bare.lower(), possessive=False)
    return (*tokens[first:at], named)


def owned_speech(tokens: list[Tok], last_verb: int) -> tuple[tuple[Tok, ...], str] | None:
    """ "X took note of Berg's comment that the talks had "failed"": the owner of a speech
    noun nearer the quote than any speech verb said it: the owner's words and the noun. A
    nationality owner ("the German comments") is an unnamed side: "German officials"."""
    for k in range(len(tokens) - 1, max(last_verb, 0), -1):
        if tokens[k].lower not in SPEECH_NOUNS:
            continue
        pronoun = _OWNER_PRONOUNS.get(tokens[k - 1].lower, "")
        if not (pronoun or owner_word(tokens, k - 1)):
            continue
        if tokens[k].brk or k + 1 == len(tokens) or tokens[k + 1].lower not in _OWNED_BEFORE:
            return None  # 'X opposed Berg's statement: "..."' is X's answer
        owner = tokens[k - 1]
        if pronoun:  # the he/she the possessive stands for
            return (owner._replace(word=pronoun, lower=pronoun),), tokens[k].lower
        if not owner.possessive:
            officials = Tok(owner.end, owner.end, "officials", "", "officials", False, False)
            return (owner, officials), tokens[k].lower
        # no clause: its subject is not the speaker ("Holm rejected Berg's claim that")
        return owner_of(tokens, k - 1), tokens[k].lower
    return None
