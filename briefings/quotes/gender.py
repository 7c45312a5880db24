"""Which he/she a person can be: a "she" never refers to a man the article has shown to be
one. The evidence is what a reader uses: an honorific before the surname somewhere in the
article ("Ms Lindqvist", "Mr Berg"), a gendered role word ("spokeswoman", "chairman") and
common given names. Without evidence a person can be either."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from briefings.quotes.lexicon import word_set
from briefings.quotes.registry import Person, Registry
from briefings.reading.scanning import WordPattern, holds_any

_FEMALE_NAMES = word_set(
    "mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty "
    "margaret sandra ashley kimberly emily donna michelle carol amanda melissa deborah stephanie "
    "rebecca laura sharon cynthia kathleen amy angela helen anna ana anne ann brenda pamela "
    "nicole emma samantha katherine catherine christine debra rachel carolyn janet maria heather "
    "diane julie joyce victoria kelly christina joan evelyn lauren judith olivia martha cheryl "
    "megan andrea hannah jacqueline ann-marie anne-marie gloria teresa theresa kathryn sara "
    "janice jean alice madison julia grace judy abigail marie denise beverly amber danielle "
    "marilyn charlotte natalie diana brittany sophia rose isabella alexis kayla lucy sophie "
    "claire clare eva ursula angelika ingrid birgit petra sabine monika sylvie isabelle "
    "francoise nathalie sandrine valerie veronique marta lucia carmen elena isabel pilar "
    "laura giulia francesca chiara paola federica silvia agnieszka katarzyna malgorzata olga "
    "irina tatiana natalia svetlana yulia liudmila ludmila marina elena ekaterina kristalina "
    "hillary kamala nikki penny gina jacinda liz priti suella kemi mette magdalena annalena "
    "giorgia kaja jutta cecilia helle yoko yuriko keiko sanae indira sonia nirmala sushma "
    "benazir ngozi ellen ama fatima aisha amina leila layla mariam maryam zainab noura "
    "chrystia melanie mélanie catherine-anne jane joanna johanna susanne suzanne sigrid "
    "frederikke ewa beata dorota renata vera věra zuzana ivana jelena milica"
)
_MALE_NAMES = word_set(
    "james john robert michael william david richard joseph thomas charles christopher daniel "
    "matthew anthony mark donald steven steve paul andrew joshua kenneth kevin brian george "
    "timothy ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry "
    "justin scott brandon benjamin samuel gregory alexander frank patrick raymond jack dennis "
    "jerry tyler aaron jose adam henry nathan douglas zachary peter kyle walter ethan jeremy "
    "harold keith christian roger noah gerald carl terry sean austin arthur lawrence jesse "
    "dylan bryan joe jordan billy bruce albert willie gabriel logan alan juan wayne roy ralph "
    "randy eugene vincent russell elijah louis bobby philip johnny boris emmanuel francois "
    "jean-claude jean-yves olaf friedrich wolfgang heiko peter-paul sigmar horst markus "
    "jens hans karl carlos luis jorge miguel pedro pablo manuel antonio francisco juan-carlos "
    "giuseppe giovanni mario matteo luigi sergio paolo andrzej tomasz piotr mateusz viktor "
    "vladimir dmitry sergei sergey mikhail alexei alexey ivan nikolai yuri volodymyr petro "
    "shinzo fumio yoshihide taro toshimitsu ryosei narendra rahul piyush "
    "recep ahmet mevlut hassan mohammad mohammed ali ahmed mahmoud abdullah omar hamid javad "
    "barack bill mike mitt joe kevin chuck mitch rishi keir justin jim dominic "
    "francois-philippe ed enda leo micheal simon ulf lars jonas stefan mateus jair lula "
    "andres marcelo felipe enrique rodrigo ricardo cyril uhuru kofi nana "
    "akinwumi muhammadu olusegun tedros wilbur jamieson howard harry tom tony nick matt dan "
    "jon ben"
)
_FEMALE_WORDS = word_set(
    "spokeswoman chairwoman congresswoman businesswoman stateswoman councilwoman queen princess "
    "duchess countess empress baroness dame lady madam mrs ms miss sister mother wife daughter"
)
_MALE_WORDS = word_set(
    "spokesman chairman congressman businessman statesman councilman king prince duke count "
    "emperor baron lord sir mr brother father husband son"
)
# The honorific and the name after it, whose last word is the surname ("Mr Tomas Berg"):
# "\b(Ms|Mrs|Miss|Madam|Dame|Lady|Mr|Sir|Lord)", written to open with the honorific's first
# letter and look back for the word's start after it, so that a search skips to the places
# where one of these letters stands instead of trying every place in the text.
_HONORIFIC = WordPattern(
    r"((?:M(?<!\wM)(?:s|rs|iss|adam|r)|D(?<!\wD)ame|L(?<!\wL)(?:ady|ord)|S(?<!\wS)ir))"
    r"\.? ((?:[A-Z][\w'-]+ ){0,2}[A-Z][\w'-]+)"
)
# A word every honorific holds ("Mrs" holds "Mr"): a text with none of them holds no match of
# the pattern, and is not scanned with it (most texts name no one by an honorific).
HONORIFIC_WORDS = ("Mr", "Ms", "Miss", "Madam", "Dame", "Lady", "Lord", "Sir")
# "(?<=[.!?])\s+(?=[A-Z])", opening with the white space so that a search skips to it.
_SENTENCE_END = re.compile(r"\s(?<=[.!?]\s)\s*(?=[A-Z])")
# "\b(he|his|him|himself|she|her|hers|herself)\b" and "\b[A-Z][\w'-]+\b", written likewise.
_PRONOUN = WordPattern(r"(h(?<!\wh)(?:e|is|im|imself|er|ers|erself)|s(?<!\ws)he)\b")
_FEMININE = {"she": "f", "her": "f", "hers": "f", "herself": "f"}
_SURNAME = WordPattern(r"[A-Z](?<!\w[A-Z])[\w'-]+\b")
_FEMALE_HONORIFICS = frozenset({"Ms", "Mrs", "Miss", "Madam", "Dame", "Lady"})


def pronoun_fits(pronoun: str, person: Person, registry: Registry) -> bool:
    """Whether ``he`` or ``she`` can refer to ``person``: False only on evidence."""
    if pronoun not in ("he", "she"):
        return True
    gender = gender_of(person, registry)
    return gender is None or gender == ("f" if pronoun == "she" else "m")


def gender_of(person: Person, registry: Registry) -> str | None:
    """ "f", "m" or None (no evidence, or evidence both ways)."""
    words = person.name.split()
    evidence = word_evidence(person.role.lower().split()) | given_name_evidence(words)
    if words:
        texts = tuple(registry.texts)
        evidence |= _honorifics(texts).get(words[-1], set())
        if not evidence:
            evidence = _pronoun_evidence(person, registry)
    return evidence.pop() if len(evidence) == 1 else None


def word_evidence(words: Iterable[str]) -> set[str]:
    """The genders gendered role words and honorifics among ``words`` (lower case) give:
    "spokeswoman", "ms", "chairman", "lord"."""
    evidence = set()
    for word in words:
        if word in _FEMALE_WORDS:
            evidence.add("f")
        elif word in _MALE_WORDS:
            evidence.add("m")
    return evidence


def given_name_evidence(name: Sequence[str]) -> set[str]:
    """The gender the given name of a full ``name`` (its words) gives, if it is a common
    one: "Anna Berg", not "Berg" alone."""
    if len(name) < 2:
        return set()
    given = name[0].lower()
    if given in _FEMALE_NAMES:
        return {"f"}
    return {"m"} if given in _MALE_NAMES else set()


@lru_cache(maxsize=8)
def _honorifics(texts: tuple[str, ...]) -> dict[str, set[str]]:
    """Surname -> genders an honorific gives it anywhere in the article ("Ms Lindqvist")."""
    found: dict[str, set[str]] = {}
    for text in texts:
        if not holds_any(text, HONORIFIC_WORDS):
            continue
        for title, name in _HONORIFIC.findall(text):
            surname = name.rsplit(" ", 1)[-1]
            found.setdefault(surname, set()).add("f" if title in _FEMALE_HONORIFICS else "m")
    return found


_GENDERED_HONORIFICS = {"mr": "m", "mr.": "m", "ms": "f", "ms.": "f", "mrs": "f", "mrs.": "f"}


def honorific_gender(word: str) -> str | None:
    """ "m" for "Mr", "f" for "Ms" or "Mrs", None for any other word."""
    return _GENDERED_HONORIFICS.get(word.lower())


def other_bearer(honorific: str, surname: str, registry: Registry) -> bool:
    """Whether "Mr Hachem" names someone other than the person the article calls Hachem:
    the article wrote the surname with both honorifics, and the other one first ("Aya
    Hachem ... Ms Hachem ... Mr Hachem", her father)."""
    want = honorific_gender(honorific)
    if want is None:
        return False
    texts = tuple(registry.texts)
    if len(_honorifics(texts).get(surname, ())) < 2:
        return False  # the common case: one honorific for the surname, or none
    return _first_honorifics(texts).get(surname, want) != want


@lru_cache(maxsize=8)
def _first_honorifics(texts: tuple[str, ...]) -> dict[str, str]:
    """Surname -> the gender of the first honorific the article writes it with."""
    found: dict[str, str] = {}
    for text in texts:
        for title, name in _HONORIFIC.findall(text):
            surname = name.rsplit(" ", 1)[-1]
            found.setdefault(surname, "f" if title in _FEMALE_HONORIFICS else "m")
    return found


def _pronoun_evidence(person: Person, registry: Registry) -> set[str]:
    """The gender the pronouns give ``person``: a sentence (quotes masked) that names this
    person only, of the people known, and uses he/his or she/her only ("Berg said his side
    was ready")."""
    surname = person.name.rsplit(" ", 1)[-1]
    found: set[str] = set()
    for text in registry.texts:
        if surname not in text:
            continue
        for sentence in _SENTENCE_END.split(text):
            if surname not in sentence:
                continue
            pronouns = {_FEMININE.get(p, "m") for p in _PRONOUN.findall(sentence)}
            words = _SURNAME.findall(sentence)
            named = {registry.by_word[w] for w in words if w in registry.by_word}
            if len(pronouns) == 1 and named == {person.name}:
                found |= pronouns
    return found


def latest_fitting(pronoun: str, registry: Registry) -> Person | None:
    """The person named most recently before the reader's place whom ``pronoun`` fits on
    evidence (a known woman for "she", a known man for "he"), else the latest one whose
    gender the article does not show."""
    want = "f" if pronoun == "she" else "m"
    seen = [(at, name) for name, at in registry.seen.items() if at <= registry.now]
    unknown: Person | None = None  # else the latest person who may be either
    for _, name in sorted(seen, reverse=True):
        person = registry.people.get(name)
        if person is None:
            continue
        gender = gender_of(person, registry)
        if gender == want:
            return person
        if gender is None and unknown is None:
            unknown = person
    return unknown
