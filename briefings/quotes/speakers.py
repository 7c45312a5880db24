"""Turn a speaker phrase into a speaker: a named person (with role), a pronoun resolved to
the person the text is about, a bare title resolved to the person holding it, or an unnamed
source kept as such ("senior administration official")."""

from __future__ import annotations

from dataclasses import dataclass

from briefings.quotes.gender import honorific_gender, latest_fitting, other_bearer, pronoun_fits
from briefings.quotes.lexicon import (
    DETERMINERS,
    DOCUMENTS,
    INDEFINITE,
    NON_PERSON,
    PLACES,
    PRONOUNS,
    ROLE_NOUNS,
    SOURCES,
    SPEECH_VERB_SET,
    TITLES,
    word_set,
)
from briefings.quotes.offices import office_holder
from briefings.quotes.pairs import collective, latest_pair
from briefings.quotes.people import PARTICLES, split_mention
from briefings.quotes.phrases import phrase_after, phrase_before
from briefings.quotes.registry import BODY_NOUNS, Person, Registry, clean_role
from briefings.quotes.tokens import Tok


@dataclass(frozen=True, slots=True)
class Speaker:
    name: str
    role: str = ""
    unnamed: bool = False
    person: bool = False


def resolve(
    phrase: tuple[Tok, ...],
    role: str,
    registry: Registry,
    subject: Speaker | None,
    last_speaker: Speaker | None,
) -> Speaker | None:
    """The speaker a phrase names, or None when it names nobody we can tell."""
    words = list(phrase)
    head = words[0].lower
    if len(words) == 1 and head == "it":
        return _organisation_before(registry, subject, last_speaker)
    if len(words) == 1 and head in PRONOUNS:
        if head in {"they", "them"}:
            return last_speaker or _group_before(registry)
        return _fitting(head, subject, registry)
    joint = _joint(words, role, registry, subject, last_speaker)
    if joint is not None:
        return joint
    kind = collective(words)
    if kind:  # "both countries", "the two leaders": the pair named before
        pair = latest_pair(registry, kind)
        if pair:
            return Speaker(pair, role)
    held = office_holder(words)  # "Secretary of Homeland Security Alejandro Mayorkas"
    if held is not None:
        name = " ".join(t.word for t in words[held[0] : -1]) + " " + words[-1].bare
        return _named(name, True, role or held[1], registry)
    words = _before_of(words, registry)
    if len(words) == 1 and head in ROLE_NOUNS and words[0].word.endswith("s"):
        return _described(words, role, registry, last_speaker)  # "Members", "Officials"
    if (
        words[0].cap
        and any(t.lower == "of" for t in words)
        and all(t.cap or t.lower in {"of", "the"} for t in words)
        and not _titled_name(words)
    ):
        held_after = _holder_after_of(words)
        if held_after is not None:  # "House of Commons Speaker Tom Barlow"
            return _named(held_after[0], True, role or held_after[1], registry)
        # "Ministry of Foreign Affairs", "Members of the House of Commons": one name
        return Speaker(" ".join(t.word for t in words), role)
    served = _serving(words)  # "a spokesman for President Holm": not Holm himself
    if served:
        return Speaker(served, role, unnamed=True)
    cap_at = len(words)
    while cap_at > 0 and (words[cap_at - 1].cap or words[cap_at - 1].lower in PARTICLES):
        cap_at -= 1
    if cap_at < len(words) and not words[-1].possessive:
        mention = split_mention(words, cap_at, len(words) - 1)
        if mention.person and _place_first(words, cap_at, mention.name):
            cap_at += 1  # "Minister of Trade of Estria Tran Van Anh": Estria is a place
            mention = split_mention(words, cap_at, len(words) - 1)
        if not mention.person and words[-1].bare in NON_PERSON:
            # An organisation is named by its whole run: "Norrvik Trade Ministry".
            named = [t.word for t in words[cap_at:] if t.lower not in DETERMINERS]
            return Speaker(" ".join(named), role)
        if mention.person and " " not in mention.name and cap_at + 2 == len(words):
            honorific = words[cap_at].word
            if other_bearer(honorific, mention.name, registry):  # her father, "Mr Hachem"
                return Speaker(f"{honorific} {mention.name}", role, person=True)
        if mention.name:
            prefix = " ".join(t.word for t in words[:cap_at] if t.lower not in DETERMINERS)
            title = " ".join(x for x in (prefix, mention.role) if x)
            return _named(mention.name, mention.person, role or title, registry)
    body = [t for t in words if t.lower not in DETERMINERS]
    if body and body[-1].lower in BODY_NOUNS and not any(t.cap for t in body):
        full = registry.named_body(body[-1].lower)  # "the court": the Court of Session
        if full:
            return Speaker(full, role)
    return _described(words, role, registry, last_speaker)


# Staff who speak for someone else, named by whom they serve.
_SERVING = word_set("spokesman spokeswoman spokesperson aide adviser advisor lawyer")


def _serving(words: list[Tok]) -> str:
    """ "a spokesman for President Lars Holm", "Ann Carter's spokesman": the unnamed member
    of staff, as "spokesman for Ann Carter" (whom they serve is no speaker); "" otherwise."""
    for k, tok in enumerate(words):
        if tok.lower not in _SERVING or tok.cap:
            continue
        serves = k + 2 < len(words) and words[k + 1].lower in {"for", "to"} and not tok.brk
        if serves and _served_person(words[k + 2 :]):  # an organisation speaks itself
            return " ".join(t.word for t in words[k:])
        if k == len(words) - 1 and k and words[k - 1].possessive:
            bare = words[k - 1].bare
            owner = [*words[: k - 1], words[k - 1]._replace(word=bare, possessive=False)]
            if _served_person(owner):
                return f"{tok.word} for {' '.join(t.word for t in owner)}"
        return ""
    return ""


def _served_person(words: list[Tok]) -> bool:
    """Whether ``words`` end in a person's name ("President Lars Holm")."""
    cap_at = len(words)
    while cap_at > 0 and words[cap_at - 1].cap:
        cap_at -= 1
    if cap_at == len(words) or words[-1].bare in NON_PERSON:
        return False
    return split_mention(words, cap_at, len(words) - 1).person


def _joint(
    words: list[Tok],
    role: str,
    registry: Registry,
    subject: Speaker | None,
    last_speaker: Speaker | None,
) -> Speaker | None:
    """Two people who speak together, "Ana Lindqvist and Carl Berg": both, by name."""
    cut = next((k for k, t in enumerate(words) if t.lower == "and"), 0)
    if not cut or cut == len(words) - 1 or not (words[cut - 1].cap and words[cut + 1].cap):
        return None
    if not words[-1].cap and words[-1].lower in ROLE_NOUNS:
        return None  # "the former Bank of Estria and Bank of Norvia governor": one person
    left = _side(words[:cut], registry, subject, last_speaker)
    if left is not None and left.person and _second_office(words[:cut], words[cut + 1 :]):
        # "the Tánaiste and Minister for Foreign Affairs": one person in two offices
        offices = " ".join(t.word for t in words if t.lower not in DETERMINERS)
        return Speaker(left.name, role or offices, person=True)
    right = _side(words[cut + 1 :], registry, subject, last_speaker)
    if left is None or right is None or left.unnamed or right.unnamed:
        return None
    if left.person != right.person:
        return None
    # Two people, or two places or organisations ("Japan and Canada said").
    return Speaker(f"{left.name} and {right.name}", role)


def _second_office(left: list[Tok], right: list[Tok]) -> bool:
    """Whether "LEFT and RIGHT" are two offices of one person: a title after "the", then a
    title that names no one ("the Tánaiste and Minister for Foreign Affairs and Trade")."""
    return (
        len(left) == 2
        and left[0].lower == "the"
        and left[1].lower in TITLES
        and right[0].lower in TITLES
        and right[0].cap
        and (len(right) == 1 or right[1].lower in {"for", "of"})
    )


def _side(
    words: list[Tok], registry: Registry, subject: Speaker | None, last: Speaker | None
) -> Speaker | None:
    """One of two joint speakers: a country by its name ("Japan"), else as resolved."""
    if len(words) == 1 and words[0].bare in PLACES:
        return Speaker(words[0].bare)
    return resolve(tuple(words), "", registry, subject, last)


def _titled_name(words: list[Tok]) -> bool:
    """ "Secretary of State Mike Pompeo": a title with "of" before a person's name, not one
    name like "Ministry of Foreign Affairs"."""
    cut = next(k for k, t in enumerate(words) if t.lower == "of")
    if not any(t.lower in TITLES for t in words[:cut]):
        return False
    rest = [t for t in words[cut + 1 :] if t.lower not in TITLES and t.lower != "the"]
    return len(rest) >= 3  # "State Mike Pompeo": a place or office, then a full name


def _holder_after_of(words: list[Tok]) -> tuple[str, str] | None:
    """(name, role) when a title and a person's full name end an office named with "of":
    "House of Commons Speaker Tom Barlow" is Tom Barlow, "House of Commons Speaker"."""
    last_of = max(k for k, t in enumerate(words) if t.lower == "of")
    rest = words[last_of + 1 :]
    skip = 1 if rest and rest[0].lower == "the" else 0
    if len(rest) - skip < 3:
        return None
    mention = split_mention(rest, skip, len(rest) - 1)
    if not (mention.person and mention.role) or mention.role.split()[-1].lower() not in TITLES:
        return None
    if " " not in mention.name:
        return None
    cut = len(words) - len(mention.name.split())
    return mention.name, " ".join(t.word for t in words[:cut])


def _fitting(pronoun: str, subject: Speaker | None, registry: Registry) -> Speaker | None:
    """The subject a he/she refers to, unless the article shows the pronoun cannot be that
    person ("she" after a man): then the latest person named whom it fits."""
    if subject is None and pronoun in {"he", "she"}:
        return _title_before(registry)  # "the judge pulled no punches ... she said"
    if subject is None or not subject.person:
        return subject
    titled = honorific_gender(subject.name.split(" ", 1)[0])
    if titled is not None:  # "Mr Hachem", told apart from a Ms Hachem by the honorific
        if titled == ("f" if pronoun == "she" else "m"):
            return subject
    else:
        known = registry.lookup(subject.name)
        if known is None or pronoun_fits(pronoun, known, registry):
            return subject
    other = latest_fitting(pronoun, registry)
    if other is None:
        return _title_before(registry) or subject  # "she" after "Tom Orr ... the judge"
    return Speaker(other.name, other.role, person=True)


def _title_before(registry: Registry) -> Speaker | None:
    """What a he/she stands for when the text has turned to no named person: the latest
    bare title before the reader's place ("the judge"), or its holder named earlier."""
    p, at = registry.now
    for q in range(min(p, len(registry.tokens) - 1), max(-1, p - _IT_REACH), -1):
        tokens = registry.tokens[q]
        if "the" not in tokens.word and "The" not in tokens.word:
            continue
        records = tokens.records()
        for k in range(len(records) - 2, -1, -1):
            the, title = records[k], records[k + 1]
            if the.lower != "the" or the.brk or title.cap or (q == p and title.start >= at):
                continue
            if title.lower not in TITLES or title.lower not in ROLE_NOUNS:
                continue
            if k + 2 < len(records) and records[k + 2].cap and not title.brk:
                continue  # "the minister Ana Lind": a name, registered as such
            return _described([the, title], "", registry, None)
    return None


def _before_of(words: list[Tok], registry: Registry) -> list[Tok]:
    """Cut a phrase at "of" when what precedes is a person ("Doug Collins of Georgia")."""
    for k, tok in enumerate(words):
        if tok.lower in {"of", "for"} and k:
            left = words[:k]
            run = [t for t in left if t.cap]
            if left[-1].cap and (len(run) >= 2 or registry.lookup(left[-1].word)):
                mention = split_mention(left, max(0, k - len(run)), k - 1)
                if mention.person:
                    return left
    return words


def _person(person: Person, role: str = "") -> Speaker:
    if role and _is_name_of(role, person):
        role = ""  # the name itself, read as what stands beside the office that names them
    return Speaker(person.name, role or person.role, person=True)


def _is_name_of(role: str, person: Person) -> bool:
    """Whether ``role`` is only words of the person's name ("Ana Lind" for Ana Lind)."""
    return set(role.lower().split()) <= set(person.name.lower().split())


def _named(name: str, personal: bool, role: str, registry: Registry) -> Speaker | None:
    role = clean_role(role)
    known = registry.lookup(name)
    if known is not None:
        if known.role and (not _titled(role) or _part_of(role, known.role)):
            # "Agriculture" of "Secretary of Agriculture X", or "Secretary" of it: the whole
            return _person(known)
        return _person(known, role)
    if not personal:
        return Speaker(name, role)
    if len(name.split()) >= 2:
        return _person(registry.add(name, role), role)
    if not (registry.written_capitalized(name) or registry.speaks_by_name(name)):
        return None  # only ever capitalized as a sentence opener: "Well", "Citing"
    return Speaker(name, role)  # one unknown word: a person or an organisation


def _titled(role: str) -> bool:
    """Whether ``role`` names a person's post ("Secretary", "negotiator"), not only a
    portfolio ("Trade and Industry")."""
    return any(w.lower() in ROLE_NOUNS for w in role.split())


def _part_of(role: str, whole: str) -> bool:
    """Whether every word of ``role`` is in the fuller role ``whole`` ("Secretary" of "U.S.
    Secretary of Agriculture")."""
    words = set(whole.lower().split())
    return all(w in words for w in role.lower().split())


def _described(
    words: list[Tok], role: str, registry: Registry, last_speaker: Speaker | None
) -> Speaker | None:
    """A phrase without a name: "the commissioner", "a senior administration official"."""
    head = words[0].lower
    lead = 0
    while lead < len(words) and words[lead].lower in DETERMINERS:
        lead += 1
    body = words[lead:]  # "spokesperson for the ministry" keeps its inner article
    if not body:
        return None
    text = " ".join(t.word for t in body)
    if head == "another":
        text = f"another {text}"  # not the official quoted before: "another official"
    nouns = [t.lower for t in body if t.lower in ROLE_NOUNS or t.lower in TITLES]
    if body[-1].lower in DOCUMENTS:
        return Speaker(text, role)  # a document speaks for its issuer: never "unnamed"
    if not nouns:
        return None
    plural = body[-1].lower.endswith(("s", "people")) or body[-1].lower in {"staff", "police"}
    if head in INDEFINITE or (head not in DETERMINERS and not body[0].possessive and plural):
        return Speaker(text, role, unnamed=True)
    modifiers = [t.word for t in body if t.cap and t.lower not in TITLES]
    holder = registry.by_role(nouns[-1], modifiers)
    if holder is not None and len(body) <= 3:
        # "Ana Lind, the Trade Commissioner, said": the office is her role, not her name
        return _person(holder, text if role and _is_name_of(role, holder) else role)
    if (
        head == "the"
        and last_speaker is not None
        and len(body) <= 3
        and (
            (nouns[-1] in TITLES and last_speaker.person)
            or (_national(body, nouns[-1]) and _one_person(last_speaker))
        )
    ):
        # "the professor added", "the Estrian official said": the person just quoted
        return last_speaker
    # "the official", "the source": a person the article never names
    unnamed = nouns[-1] in SOURCES and not body[0].cap
    return Speaker(text, role, unnamed=unnamed)


def _national(body: list[Tok], noun: str) -> bool:
    """ "Estrian official", "French diplomat": one person of a country, told by the
    definite article as someone the reader already knows."""
    return (
        noun in SOURCES
        and not noun.endswith("s")
        and body[0].cap
        and body[0].lower not in TITLES
        and body[-1].lower == noun
    )


def _place_first(words: list[Tok], cap_at: int, name: str) -> bool:
    """Whether the name run at ``cap_at`` opens with the place of an office ("the embassy
    in Lindau Carl Olof Berg"): see :func:`briefings.quotes.people.mentions`."""
    if cap_at < 2 or name.count(" ") < 2 or not name.startswith(words[cap_at].word):
        return False
    before = words[cap_at - 2]
    return words[cap_at - 1].lower in {"in", "of"} and (
        before.lower in ROLE_NOUNS or before.lower in TITLES or before.word in NON_PERSON
    )


def _one_person(speaker: Speaker) -> bool:
    """Whether ``speaker`` may be one person: a named person, or one unknown name
    ("Barnier") that is no place or organisation."""
    if speaker.person:
        return True
    name = speaker.name
    return (
        not speaker.unnamed
        and " " not in name
        and name[:1].isupper()
        and name not in NON_PERSON
        and name not in PLACES
    )


_IT_REACH = 3  # paragraphs back to look for what "it" or "they" stands for
# Groups of people that "they" may stand for (besides unnamed sources).
_GROUPS = word_set(
    "ministers negotiators leaders envoys lawmakers legislators senators delegates "
    "diplomats representatives members protesters demonstrators residents workers"
)


def _organisation_before(
    registry: Registry, subject: Speaker | None, last_speaker: Speaker | None
) -> Speaker | None:
    """What '"...," it said' stands for: the organisation just quoted, else the latest one
    that said something ("The ministry said on Monday that ...")."""
    for known in (last_speaker, subject):
        if known is not None and not known.person and not known.unnamed:
            return known
    p, at = registry.now
    for q in range(min(p, len(registry.tokens) - 1), max(-1, p - _IT_REACH), -1):
        records = registry.tokens[q].records()
        verbs = [
            k
            for k, t in enumerate(records)
            if t.lower in SPEECH_VERB_SET and not t.cap and (q < p or t.start < at)
        ]
        document = _document_cited(records, q < p, at)
        if document is not None and (not verbs or document[0] > verbs[-1]):
            return document[1]  # "..., according to a joint statement": it
        for k in reversed(verbs):
            phrase, role = phrase_before(records, k)
            if not phrase or phrase[0].lower == "it" or phrase[0].lower in PRONOUNS:
                continue
            found = resolve(phrase, role, registry, None, None)
            if found is not None:
                return None if found.person else found
    return None


def _document_cited(records: list[Tok], earlier: bool, at: int) -> tuple[int, Speaker] | None:
    """The latest document cited with "according to" ("according to a joint statement
    released on Wednesday") before the reader's place, and where."""
    for k in range(len(records) - 2, -1, -1):
        if records[k].lower != "according" or records[k + 1].lower != "to":
            continue
        if not earlier and records[k].start >= at:
            continue
        phrase, _ = phrase_after(records, k + 2)
        if phrase and phrase[-1].lower in DOCUMENTS:
            words = [t.word for t in phrase if t.lower not in DETERMINERS]
            return k, Speaker(" ".join(words))
        return None
    return None


def _group_before(registry: Registry) -> Speaker | None:
    """What "they" stands for before anyone was quoted: the latest group of people the text
    named ("several foreign ministers met ... . They concluded that ...")."""
    p, at = registry.now
    for q in range(min(p, len(registry.tokens) - 1), max(-1, p - _IT_REACH), -1):
        records = registry.tokens[q].records()
        for k in range(len(records) - 1, -1, -1):
            tok = records[k]
            if (q == p and tok.start >= at) or tok.cap or tok.lower not in ROLE_NOUNS:
                continue
            if not tok.lower.endswith("s") or tok.lower not in SOURCES | _GROUPS:
                continue
            phrase, _ = phrase_before(records, k + 1)
            if phrase:
                return _described(list(phrase), "", registry, None)
    return None
