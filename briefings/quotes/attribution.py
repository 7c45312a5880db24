"""Attribution patterns: which words around a quote name its speaker.

After the quote: ``"...," said X, the ROLE`` / ``"...," X said`` / ``"...," according to X``.
Before it: ``X said: "..."`` / ``He added, "..."`` / ``X told reporters that ... "..."`` /
``X, the ROLE, said "..."`` / ``he was told by X of "..."``.
The verb is found by :mod:`briefings.quotes.verbs` and the speaker *phrase* read by
:mod:`briefings.quotes.phrases`;
:mod:`briefings.quotes.speakers` resolves it.
"""

from __future__ import annotations

from typing import NamedTuple

from briefings.quotes.lexicon import (
    CLAUSE_WORDS,
    DETERMINERS,
    DOCUMENTS,
    NON_PERSON,
    PLACES,
    PREPOSITIONS,
    PRONOUNS,
    ROLE_NOUNS,
    TITLES,
    word_set,
)
from briefings.quotes.owners import SPEECH_NOUNS, label_owner, owned_document, owned_speech
from briefings.quotes.people import PARTICLES
from briefings.quotes.phrases import (
    PLACE_PREPOSITIONS,
    joint_and,
    np_word,
    phrase_after,
    phrase_before,
)
from briefings.quotes.subjects import lead_group, lead_organisation, lead_person, main_subject
from briefings.quotes.tokens import Tok
from briefings.quotes.verbs import (
    ENDS_CLAUSE,
    MAY_BE_VERB,
    is_verb,
    verb_candidates,
)

# Verbs that may come before their subject: '"...," said Akazawa'.
INVERTED = word_set(
    "said says added adds asked asks explained continued continues noted wrote writes stated read "
    "recalled replied responded insisted warned argued remarked tweeted posted commented "
    "announced admitted acknowledged conceded stressed emphasized emphasised agreed concluded "
    "declared countered cautioned complained observed predicted promised pledged vowed "
    "confirmed reiterated"
)
# A reporting verb: what follows "that" is what someone else did.
_REPORTING = word_set("noted notes reported reports wrote writes observed")
LABEL = ":"  # the verb of a speaker's label: "MINISTER CARTER: "...""
_CLAUSE_STOPS = CLAUSE_WORDS | (PREPOSITIONS - {"of"})
_AFTER_REACH = 12
# A speaker right after a quote, set off with a long apposition before the verb ('"...,"
# Mr Holm, a diplomat who has spent decades negotiating thorny conflicts, said'): its verb
# may stand this many words after the closing mark.
_SET_OFF_REACH = 30
_TAIL_OBJECT = 2  # words after the verb of a closing attribution: "told reporters"
_TAIL_PRONOUNS = PRONOUNS | {"it"}  # '"..." scheduled for May, it added.': the statement
_PASSIVE = word_set("is was are were be been being")
# What follows a described source before its verb: "a source familiar with the talks".
_DETAILS = word_set("familiar close involved briefed knowledgeable with in at from who")
# A verb whose subject follows one of these is in a relative clause: "which the BBC noted".
_RELATIVES = word_set("which who whom that")


class Attribution(NamedTuple):
    """A speaker phrase (tokens), the role an appositive gave it there, and the clause before
    the quote it was found in, if any: the person that clause opens with is preferred when the
    phrase names an organisation ("X of Y said")."""

    phrase: tuple[Tok, ...]
    role: str = ""
    verb: str = ""
    clause: tuple[Tok, ...] = ()

    def lead(self) -> tuple[Tok, ...]:
        """The person the clause opens with (looked for only when a caller asks)."""
        return lead_person(self.clause) if self.clause else ()


def may_follow(word: list[str], first: int, last: int) -> bool:
    """Whether :func:`after_quote` may find anything in the tokens ``first`` up to ``last``
    of a text whose words are ``word``: only where it looks for a verb, it finds one (most
    words after a quote are told without making them into records)."""
    if not MAY_BE_VERB.isdisjoint(map(str.lower, word[first : min(last, first + _AFTER_REACH)])):
        return True
    if last - first <= _AFTER_REACH:
        return False
    if not MAY_BE_VERB.isdisjoint(map(str.lower, word[last - _TAIL_OBJECT - 1 : last])):
        return True
    return _may_set_off(word[first]) and not MAY_BE_VERB.isdisjoint(
        map(str.lower, word[first + _AFTER_REACH : min(last, first + _SET_OFF_REACH)])
    )


def _may_set_off(word: str) -> bool:
    """Whether a speaker phrase may open with ``word`` right after a quote: a name, a title
    or an article ("the official")."""
    return word[:1].isupper() or word.lower() in DETERMINERS


def may_precede(word: list[str], first: int, last: int) -> bool:
    """Whether :func:`before_quote` may find anything in the tokens ``first`` up to ``last``
    of a text whose words are ``word``: a speech verb or a speech noun."""
    lower = list(map(str.lower, word[first:last]))
    return not (MAY_BE_VERB.isdisjoint(lower) and SPEECH_NOUNS.isdisjoint(lower))


def after_quote(tokens: list[Tok], short: bool) -> Attribution | None:
    """Attribution in the words right after a closing mark (same sentence), or in a clause
    that ends the sentence ('"..." for the dinner, host Ola Brandt told reporters.')."""
    found = _after_quote(tokens, short)
    if found is None and len(tokens) > _AFTER_REACH:
        for k in verb_candidates(tokens[-_TAIL_OBJECT - 1 :]):
            k += len(tokens) - _TAIL_OBJECT - 1
            if is_verb(tokens, k, short):
                found = _tail_attribution(tokens, k)
                break
        if found is None and _may_set_off(tokens[0].word):
            return _long_set_off(tokens, short)
    return found


def _long_set_off(tokens: list[Tok], short: bool) -> Attribution | None:
    """'"...," Mr Holm, a diplomat who has spent decades negotiating thorny conflicts, said
    after the meeting': the first verb after a comma, past the usual reach, with the speaker
    right after the quote and set off by that comma."""
    for k in range(_AFTER_REACH, min(len(tokens), _SET_OFF_REACH)):
        if tokens[k - 1].brk[-1:] != ",":
            continue
        if tokens[k].lower in INVERTED and is_verb(tokens, k, short):
            return _set_off(tokens, k)
    return None


def _after_quote(tokens: list[Tok], short: bool) -> Attribution | None:
    for k in verb_candidates(tokens[:_AFTER_REACH]):
        if not is_verb(tokens, k, short):
            continue
        verb = tokens[k].lower
        if verb == "according" or k == 0:
            if k > 0 or (verb not in INVERTED and verb != "according"):
                return None
            phrase, role = phrase_after(tokens, k + 2 if verb == "according" else k + 1)
            return Attribution(phrase, role, verb) if phrase else None
        if _asked_of(tokens, k):  # '"...?" Holm was asked (by a reporter)': not Holm's
            by = k + 1 < len(tokens) and not tokens[k].brk and tokens[k + 1].lower == "by"
            asker = phrase_after(tokens, k + 2)[0] if by else ()
            return Attribution(asker, "", verb) if asker else None
        source = _read_from(tokens, k + 1) or _quoted_before_saying(tokens, k)
        if source:
            return Attribution(source, "", verb)
        quoted = _quoting_after(tokens, k)
        if quoted is not None:
            return quoted
        # '," Birmingham City University professor David Wilson told the press'
        stops = [
            j for j in range(k) if tokens[j].lower in _CLAUSE_STOPS and not joint_and(tokens, j)
        ]
        if stops and not all(_place_after_role(tokens, j) for j in stops):
            found = _tail_attribution(tokens, k) or _set_off(tokens, k) or _source(tokens, k)
            if found is not None:
                return found
            continue  # a verb inside a clause ("who asked not to be named"): try the next
        phrase, role = phrase_before(tokens, k)
        first = tokens.index(phrase[0]) if phrase else 0
        if first > 0 and not role and not any(t.brk for t in tokens[:first]):
            phrase = tuple(t for t in tokens[: tokens.index(phrase[-1]) + 1])
        if phrase and phrase[-1].lower in DOCUMENTS:
            phrase = owned_document(tokens, phrase) or phrase  # '," Berg's statement said'
        return Attribution(phrase, role, verb) if phrase else None
    return None


def _tail_attribution(tokens: list[Tok], k: int) -> Attribution | None:
    """'"..." between the two sides, he added.': a name or he/she and a verb set off by a
    comma at the end of the sentence attribute the quote before them."""
    if k + _TAIL_OBJECT < len(tokens) - 1 or any(t.brk for t in tokens[k:-1]):
        return None  # the verb (and at most a short object) must end the sentence
    phrase, role = phrase_before(tokens, k)
    if not phrase or not (any(t.cap for t in phrase) or phrase[0].lower in _TAIL_PRONOUNS):
        return None
    j = tokens.index(phrase[0]) - 1
    while j >= 0 and j > tokens.index(phrase[0]) - 3 and not tokens[j].brk:
        j -= 1  # a descriptor before the name: "summit host Ola Brandt"
    if j < 0 or tokens[j].brk[-1:] != ",":
        return None
    return Attribution(phrase, role, tokens[k].lower)


def _set_off(tokens: list[Tok], k: int) -> Attribution | None:
    """'"...," the official, who asked not to be named, said': a speaker right after the
    quote, with a clause set off by commas before the verb."""
    phrase, role = phrase_before(tokens, k)
    if not phrase or tokens.index(phrase[0]) != 0 or tokens[k - 1].brk[-1:] != ",":
        return None
    return Attribution(phrase, role, tokens[k].lower)


def _source(tokens: list[Tok], k: int) -> Attribution | None:
    """'"...," a source familiar with the talks told X': a described speaker right after
    the quote, with its own detail before the verb."""
    for j in range(min(k - 1, 4)):
        if tokens[j].brk or not (tokens[j].lower in DETERMINERS or np_word(tokens[j])):
            return None
        if tokens[j].lower in ROLE_NOUNS and tokens[j + 1].lower in _DETAILS:
            return Attribution(tuple(tokens[: j + 1]), "", tokens[k].lower)
    return None


def _read_from(tokens: list[Tok], k: int) -> tuple[Tok, ...]:
    """'"...," the negotiators read from the joint statement', '"...," X and Y said in a
    joint statement': the document speaks."""
    if k + 1 >= len(tokens) or tokens[k].lower not in {"from", "in"} or tokens[k - 1].brk:
        return ()
    phrase, _ = phrase_after(tokens, k + 1)
    if not phrase or phrase[-1].lower not in DOCUMENTS or _shared_with(tokens, phrase[-1]):
        return ()
    return phrase if tokens[k].lower == "from" or any(t.lower == "joint" for t in phrase) else ()


def _shared_with(tokens: list[Tok], document: Tok) -> bool:
    """ "X announced in a joint statement with Y": X speaks, the statement is shared."""
    j = next((j for j in range(len(tokens)) if tokens[j] is document), len(tokens) - 1)
    return not document.brk and j + 1 < len(tokens) and tokens[j + 1].lower == "with"


def _quoted_as_saying(tokens: list[Tok], k: int) -> tuple[Tok, ...]:
    """ "X quoted Y as saying": Y, the person between "quoted" and "as saying"."""
    if tokens[k].lower != "saying" or k < 3 or tokens[k - 1].lower != "as":
        return ()
    for j in range(k - 2, max(0, k - 8), -1):
        if tokens[j].lower in {"quoted", "quotes", "quoting"}:
            phrase, _ = phrase_after(tokens, j + 1)
            return phrase
    return ()


def _quoted_before_saying(tokens: list[Tok], k: int) -> tuple[Tok, ...]:
    """'"...," the agency quoted Ms Lindqvist as saying': the person quoted speaks, not the
    one who quotes."""
    if tokens[k].lower not in {"quoted", "quotes", "quoting"}:
        return ()
    for j in range(k + 2, min(len(tokens) - 1, k + 9)):
        if tokens[j].brk[-1:] in ENDS_CLAUSE:
            return ()
        if tokens[j].lower == "as" and tokens[j + 1].lower == "saying":
            phrase, _ = phrase_after(tokens, k + 1)
            return phrase
    return ()


def _quoting_after(tokens: list[Tok], k: int) -> Attribution | None:
    """'"...," the agency reported, quoting Ms Lindqvist, the trade minister': the person
    quoted speaks, not the one who reports it."""
    j = k + 1
    if j + 1 >= len(tokens) or tokens[k].brk[-1:] != "," or tokens[j].lower != "quoting":
        return None
    phrase, role = phrase_after(tokens, j + 1)
    return Attribution(phrase, role, tokens[k].lower) if phrase else None


def _modifying(tokens: list[Tok], k: int) -> bool:
    """A participle that describes the noun before it, "a banner saying", not a speaker's
    ", saying" or "was saying"."""
    if not tokens[k].lower.endswith("ing") or k == 0:
        return False
    before = tokens[k - 1]
    if before.brk or before.cap:
        return False
    low = before.lower
    if low in _PASSIVE or low in PRONOUNS or low in ROLE_NOUNS or low in DOCUMENTS:
        return False
    return low != "by"  # "protested by shouting": the subject shouted


def _asked_of(tokens: list[Tok], k: int) -> bool:
    """Whether token ``k`` is a passive "asked" ("Holm was asked"): its subject is asked."""
    return tokens[k].lower == "asked" and k > 0 and tokens[k - 1].lower in _PASSIVE


def _in_relative_clause(tokens: list[Tok], phrase: tuple[Tok, ...]) -> bool:
    k = tokens.index(phrase[0])
    return k > 0 and tokens[k - 1].lower in _RELATIVES and phrase[0].lower not in PRONOUNS


def introducer(tokens: list[Tok]) -> Attribution | None:
    """Who opens a sentence that introduces a statement: its first person, else the
    organisation it opens with."""
    for k, tok in enumerate(tokens):
        if tok.lower in {"he", "she"}:  # "In his message, he wrote:": the he/she speaks
            if not lead_person(tokens[:k]):
                return Attribution((tok,), "", "", tuple(tokens))
            break
    if any(_asked_of(tokens, k) for k in range(len(tokens))):
        return None  # 'Holm was asked: "...?"': the one asked does not ask
    owner = label_owner(tokens)
    if owner:
        return Attribution(owner, "", "", tuple(tokens))
    # "In a statement released on Monday, the ministry justified it as ...:"
    phrase = lead_person(tokens) or lead_organisation(tokens) or main_subject(tokens)
    return Attribution(phrase, "", "", tuple(tokens)) if phrase else None


def label_before(tokens: list[Tok]) -> Attribution | None:
    """A transcript's speaker label: "Ambassador Carter: “...”" (a short run of capitalized
    words, alone before a colon)."""
    if not 1 <= len(tokens) <= 6 or tokens[-1].brk != ":" or any(t.brk for t in tokens[:-1]):
        return None
    if not all(t.cap or t.lower in PARTICLES for t in tokens):
        return None
    return Attribution(tuple(tokens), "", LABEL)


def _place_after_role(tokens: list[Tok], j: int) -> bool:
    """Whether token ``j`` is "in", "at" or "from" after a role noun ("the minister in
    Ottawa"), or "for" ("a spokesman for the ministry"): it places the speaker, or says whom
    they serve, rather than starting a new clause."""
    return (
        (tokens[j].lower in PLACE_PREPOSITIONS or tokens[j].lower == "for")
        and j > 0
        and tokens[j - 1].lower in ROLE_NOUNS
        and not tokens[j - 1].brk
    )


def before_quote(tokens: list[Tok], short: bool) -> Attribution | None:
    """Attribution in the words before an opening mark (same sentence): the verb nearest the
    quote governs it ("X said the talks stalled, but Y said "...""). A short quote takes
    only the nearest verb: "a scheme called "..."" after "officials described" is a name."""
    verbs = [k for k in verb_candidates(tokens) if is_verb(tokens, k, False)]
    owned = owned_speech(tokens, verbs[-1] if verbs else -1)
    if owned is not None:
        return Attribution(owned[0], "", owned[1])
    if short:
        verbs = [k for k in verbs[-1:] if is_verb(tokens, k, True)]
    for k in reversed(verbs):
        main = _main_verb(tokens, k)
        if main is not None:
            return main
        verb = tokens[k].lower
        quoted = _quoted_as_saying(tokens, k)
        if quoted:
            return Attribution(quoted, "", verb, tuple(tokens))
        if _modifying(tokens, k):
            continue
        if _asked_of(tokens, k) and (k + 1 == len(tokens) or tokens[k + 1].lower != "by"):
            continue  # 'Holm was asked: "...?"': Holm is asked, he does not ask
        if verb == "according":
            phrase, role = phrase_after(tokens, k + 2)
        elif k + 1 < len(tokens) and tokens[k + 1].lower == "by" and not tokens[k].brk:
            phrase, role = phrase_after(tokens, k + 2)  # "he was told by X"
            if phrase and _asked_of(tokens, k):  # "Holm was asked by a reporter:"
                return Attribution(phrase, role, verb)
        else:
            if k and tokens[k - 1].lower in {"which", "that"}:
                continue  # "signs which read": the thing before "which" says it
            phrase, role = phrase_before(tokens, k)
            if phrase and _in_relative_clause(tokens, phrase):
                continue
            if not phrase:
                # "Duda ... and wrote", "X of the Y assembly said", "The ministry ... and said"
                role = ""
                # its subject comes before it: "X declared that Y was "..."" is X's
                phrase = (
                    lead_person(tokens[:k])
                    or lead_organisation(tokens[:k])
                    or lead_group(tokens[:k])
                )
                if not phrase and k and tokens[k - 1].brk[-1:] == ",":
                    phrase = main_subject(tokens[:k])  # "..., the ministry denounced it, calling"
            elif phrase[-1].lower in DOCUMENTS and owned_document(tokens, phrase):
                # the owner speaks; the clause opens with its possessive, which names no one
                return Attribution(owned_document(tokens, phrase), role, verb)
            elif phrase[-1].lower in DOCUMENTS and tokens.index(phrase[0]):
                # "The ministry issued a statement saying": the issuer, not the statement
                phrase = phrase_after(tokens, 0)[0] or phrase
            elif len(phrase) == 1 and phrase[0].lower in PRONOUNS:
                phrase, role = _reporter(tokens, phrase, role)
        if phrase:
            return Attribution(phrase, role, verb, tuple(tokens))
    return None


def _main_verb(tokens: list[Tok], k: int) -> Attribution | None:
    """ "X said in a statement, adding that ... "..."": a participle set off by a comma has
    the subject of the speech verb before it, not a name its clause happens to hold."""
    if not tokens[k].lower.endswith("ing") or not k:
        return None
    # set off by a comma, or by a quote before it ('will "respond firmly", adding')
    if tokens[k - 1].brk[-1:] != "," and tokens[k].start - tokens[k - 1].end < 4:
        return None
    j = next((j for j in range(k - 1, -1, -1) if is_verb(tokens, j, False)), -1)
    if j < 0 or tokens[j].lower.endswith("ing") or tokens[j].lower == "according":
        return None
    phrase, role = phrase_before(tokens, j)
    if not phrase and tokens[j].lower in INVERTED:
        phrase, role = phrase_after(tokens, j + 1)  # '"...," said X, adding that ...'
    if not phrase or _in_relative_clause(tokens, phrase):
        return None
    reported = _reported_person(tokens, j, k, phrase)
    if reported:
        return Attribution(reported, "", tokens[j].lower, tuple(tokens))
    if phrase[0].lower in DETERMINERS and _opens_clause(tokens, phrase[0]):
        # "..., the Japanese government said, adding": the organisation speaks itself,
        # not a person its sentence named first
        return Attribution(phrase, role, tokens[j].lower)
    return Attribution(phrase, role, tokens[j].lower, tuple(tokens))


def _reported_person(
    tokens: list[Tok], j: int, k: int, subject: tuple[Tok, ...]
) -> tuple[Tok, ...]:
    """ "The Courier noted that Carter had left early, saying "..."": when an outlet or a body
    reports what a person did, the participle after that clause is the person's."""
    if tokens[j].lower not in _REPORTING or tokens[j].brk or tokens[j + 1].lower != "that":
        return ()
    if not _body(subject):
        return ()
    first = at = j + 2
    if at < k and tokens[at].lower in {"he", "she"}:
        return (tokens[at],)
    while at < k and (tokens[at].cap or tokens[at].lower in PARTICLES) and not tokens[at].brk:
        at += 1
    run = tokens[first:at]
    if not run or at >= k or not run[-1].cap or run[-1].possessive or tokens[at].cap:
        return ()
    if any(t.bare in NON_PERSON or t.bare in PLACES or t.lower in DETERMINERS for t in run):
        return ()
    return tuple(run)


def _body(phrase: tuple[Tok, ...]) -> bool:
    """Whether ``phrase`` names an outlet or a body, not a person: "Reuters", "The Courier",
    "the newspaper" (never "the minister")."""
    last = phrase[-1]
    if last.bare in NON_PERSON:
        return True
    if last.lower in ROLE_NOUNS or last.lower in TITLES or last.lower in PRONOUNS:
        return False
    return len(phrase) >= 2 and phrase[0].lower == "the"


def _opens_clause(tokens: list[Tok], first: Tok) -> bool:
    """Whether ``first`` opens its clause: the sentence's first word or one after a comma."""
    at = tokens.index(first)
    return at == 0 or tokens[at - 1].brk[-1:] == ","


def _reporter(tokens: list[Tok], phrase: tuple[Tok, ...], role: str) -> tuple[tuple[Tok, ...], str]:
    """ "The two leaders said they had agreed to "..."": a pronoun opening what a speech verb
    reports stands for that verb's subject, who speaks the quote."""
    j = tokens.index(phrase[0]) - 1
    if j > 0 and tokens[j].lower == "that" and not tokens[j].brk:
        j -= 1
    if j < 1 or tokens[j].brk or tokens[j].lower.endswith("ing") or not is_verb(tokens, j, False):
        return phrase, role
    outer, outer_role = phrase_before(tokens, j)
    if not outer or (len(outer) == 1 and outer[0].lower in PRONOUNS):
        return phrase, role
    return outer, outer_role
