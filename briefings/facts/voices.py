"""Who speaks a fact told in the first person. In a transcript a bullet taken from a
speaker's turn names the speaker before the words as written ("MINISTER SATO: I held a
meeting ..." gives "Minister Sato: I held a meeting ..."); a press conference or a speech
printed without labels is the words of the one person its title names ("Press Conference by
Minister Muto"). A questioner's or a host's first-person words are no fact at all."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from briefings.quotes.lexicon import ROLE_NOUNS, TITLES, word_set
from briefings.quotes.registry import Registry
from briefings.quotes.statement import transcript_speaker
from briefings.quotes.turns import turn_label, turn_speaker

# A word of the first person: the sentence is someone's own words ("I held", "our partners").
_FIRST_PERSON = re.compile(r"\b(?:I|[Ww]e|[Mm]y|[Oo]urs?|me|us|myself|ourselves)\b")
# Who asks: a reporter's question, "Q (Agency): ...", "QUESTION. ...".
_ASKER = re.compile(
    r"^(?:(?:Q|QUESTION)\b[^:.?&]{0,40}[:.]|(?:Question|Reporter|REPORTER|Journalist|"
    r"JOURNALIST|Audience member|AUDIENCE MEMBER)\b[^:.?]{0,40}:)\s"
)
_ASKER_FIRSTS = frozenset("QRJA")  # the letters a questioner's label opens with
_ASKERS = word_set("q question reporter journalist audience participant")
_HOSTS = word_set("moderator operator host")  # who runs a briefing: its turn runs on
_ANSWERS = word_set("a answer")  # "A: ...": the person the press conference is by
_SMALL = word_set("of for and the on de van von")


@dataclass(frozen=True, slots=True)
class Voice:
    """Who speaks in a paragraph: a name and the role to show with it the first time; or a
    questioner or host (``asks``), whose first-person words are no fact."""

    name: str
    role: str = ""
    asks: bool = False

    def label(self, introduced: bool) -> str:
        """The name with the role the first time, as a quote's speaker is named: "Minister
        Sato" (a title goes before the name), "Ana Vos, Minister for Trade"; then "Sato"."""
        if introduced or not self.role:
            return self.name
        if all(word in TITLES for word in self.role.lower().split()):
            return f"{self.role} {self.name}"
        return f"{self.name}, {self.role}"


_ASKING = Voice("", asks=True)


def first_person(text: str) -> bool:
    """Whether ``text`` speaks in the first person ("I", "we", "my", "our", ...)."""
    return _FIRST_PERSON.search(text) is not None


def voices(paragraphs: Sequence[str], title: str) -> tuple[Voice | None, ...]:
    """Who speaks in each paragraph (None: nobody known, the article's own words). A turn
    runs from its label to the next one; a question is its own paragraph; a text with no
    labels at all, and each "A:" turn, is the person the title says it is by."""
    out: list[Voice | None] = []
    current: Voice | None = None
    known: dict[str, Voice] = {}  # labels read so far, and the people's roles
    labelled = False
    for text in paragraphs:
        if text[:1] in _ASKER_FIRSTS and _ASKER.match(text) is not None:
            out.append(_ASKING)
            current, labelled = None, True  # the answer after it may have no label
            continue
        label = turn_label(text)
        if label:
            labelled = True
            current = known.get(label) or _voice_of(label, known, title)
            if current is not None:
                known[label] = current
        out.append(current)
    if not labelled and title:
        speaker = transcript_speaker(title)
        if speaker is not None:
            return (Voice(speaker.name, speaker.role),) * len(paragraphs)
    return tuple(out)


def _voice_of(label: str, known: dict[str, Voice], title: str) -> Voice | None:
    """The voice a turn's label names: a person with their role ("Minister for Trade, Don
    Farrell"); an office named before ("Minister for Trade" after that); the title's person
    for an answer ("A"); else the label as written ("Senior Administration Official")."""
    lows = label.lower().split()
    if lows[0] in _ASKERS or lows[0] in _HOSTS:
        return _ASKING
    if len(lows) == 1 and lows[0] in _ANSWERS:
        speaker = transcript_speaker(title)
        return Voice(speaker.name, speaker.role) if speaker is not None else None
    speaker = turn_speaker(label, Registry())
    if speaker is not None:
        voice = Voice(speaker.name, speaker.role)
        if speaker.role:
            known.setdefault(speaker.role.lower(), voice)
        return voice
    office = known.get(label.lower())
    if office is not None:
        return office
    if not any(word in TITLES or word in ROLE_NOUNS for word in lows):
        return None  # "In Brussels: ...", "Background: ...": no speaker's label
    words = [_as_written(word, k) for k, word in enumerate(label.split())]
    return Voice(" ".join(words))


def _as_written(word: str, k: int) -> str:
    """A word of a label in capitals as a name is written ("OFFICIAL" -> "Official")."""
    if not word.isupper() or len(word) < 2:
        return word
    lower = word.lower()
    return lower if k and lower in _SMALL else word.capitalize()


def asked(paragraph: int, text: str, said_by: Sequence[Voice | None]) -> bool:
    """Whether a sentence is a questioner's or a host's words in the first person ("I would
    like to ask you about ...", "We will now take questions"): never news."""
    voice = said_by[paragraph] if paragraph < len(said_by) else None
    return voice is not None and voice.asks and first_person(text)


@dataclass(frozen=True, slots=True)
class Spoken:
    """A bullet's text and the paragraphs its sentences come from."""

    text: str
    paragraphs: tuple[int, ...]


def with_speakers(
    bullets: Sequence[Spoken], said_by: Sequence[Voice | None], introduced: set[str]
) -> list[str]:
    """The bullets' texts, each in the first person after its speaker's name when all its
    sentences are that one speaker's ("Minister Sato: I held a meeting with ...").
    ``introduced``: the speakers already named with their role (updated)."""
    if not any(said_by):
        return [bullet.text for bullet in bullets]
    out: list[str] = []
    for bullet in bullets:
        text = bullet.text
        found = {said_by[p] if p < len(said_by) else None for p in bullet.paragraphs}
        voice = found.pop() if len(found) == 1 else None
        if voice is not None and not voice.asks and voice.name and first_person(text):
            text = f"{voice.label(_introduced(voice.name, introduced))}: {text}"
            introduced.add(voice.name)
        out.append(text)
    return out


def _introduced(name: str, introduced: set[str]) -> bool:
    """Whether ``name`` was named with its role already, also in a longer form ("Motegi"
    after "Motegi Toshimitsu, Minister for Foreign Affairs")."""
    if name in introduced:
        return True
    words = set(name.split())
    return any(words <= set(other.split()) for other in introduced)
