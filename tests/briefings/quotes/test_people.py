"""The registry's on-demand test for words written capitalized inside a sentence, against the
rule it replaces: note every capitalized word not right after a sentence end, paragraph by
paragraph, on the Wikinews corpus."""

from __future__ import annotations

import pytest

from briefings.quotes.marks import find_spans
from briefings.quotes.mask import mask
from briefings.quotes.people import capitalized, read_run, reading_of
from briefings.quotes.registry import Registry
from briefings.quotes.tokens import tokenize
from briefings.quotes.turns import turn_speaker, turn_speakers
from tests.wikinews import articles

_ENDS = frozenset(".!?:")


def _noted(texts: list[str]) -> set[str]:
    """The set the registry used to fill while registering each paragraph."""
    noted: set[str] = set()
    for text in texts:
        tokens = tokenize(text)
        records = tokens.records()
        for k in capitalized(tokens):
            if k and _ENDS.isdisjoint(records[k - 1].brk):
                noted.add(records[k].bare)
    return noted


@pytest.fixture(scope="module")
def corpus_texts() -> list[list[str]]:
    return [[mask(p, find_spans(p)) for p in a.paragraphs] for a in articles()[::5]]


def test_written_capitalized_matches_the_noted_set(corpus_texts: list[list[str]]) -> None:
    for texts in corpus_texts:
        registry = Registry(texts=texts)
        noted = _noted(texts)
        # Every capitalized word of the article, sentence openers included, and a few others.
        candidates = {t.bare for text in texts for t in tokenize(text).records() if t.cap}
        candidates |= {"Well", "Nobody", "the", ""}
        wrong = {w for w in candidates if registry.written_capitalized(w) != (w in noted)}
        assert wrong == set()


def test_sentence_openers_are_not_names() -> None:
    registry = Registry(texts=["Well, the talks ended. Citing delays, Akazawa left.", "Ask Smith."])
    assert registry.written_capitalized("Akazawa")
    assert registry.written_capitalized("Smith")
    assert not registry.written_capitalized("Well")
    assert not registry.written_capitalized("Citing")
    assert not registry.written_capitalized("Ask")
    assert not Registry().written_capitalized("Akazawa")


def test_a_word_reads_as_a_run_of_one_word(corpus_texts: list[list[str]]) -> None:
    for texts in corpus_texts:
        for text in texts:
            tokens = tokenize(text)
            for k in capitalized(tokens):
                assert reading_of(tokens.word[k]) == read_run(tokens.records(k, k + 1))


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("Secretary of Agriculture Dale Fenwick", "Dale Fenwick", "Secretary of Agriculture"),
        ("U.S. Secretary of Homeland Security Rosa Delgado", "Rosa Delgado",
         "U.S. Secretary of Homeland Security"),
        ("Chancellor of the Exchequer Tom Aldridge", "Tom Aldridge", "Chancellor of the Exchequer"),
        ("Minister of Economy, Trade and Industry Kenji Morita", "Kenji Morita",
         "Minister of Economy, Trade and Industry"),
        ("Minister of International Trade Anne Lafleur", "Anne Lafleur",
         "Minister of International Trade"),
        ("President of the European Commission Ilse van der Berg", "Ilse van der Berg",
         "President of the European Commission"),
        ("Secretary of Commerce Susan C. Hale", "Susan C. Hale", "Secretary of Commerce"),
    ],
)  # fmt: skip
def test_a_title_with_its_office_registers_the_name_after_the_office(
    text: str, name: str, role: str
) -> None:
    from briefings.quotes.people import mentions
    from briefings.quotes.registry import register

    registry = Registry()
    tokens = tokenize(f"{text} met his counterpart on Monday.")
    register(registry, tokens, mentions(tokens))
    assert registry.people[name].role == role
    assert registry.lookup(name.split()[-1]) == registry.people[name]


def test_a_turn_label_names_its_speaker_or_no_one() -> None:
    labels = turn_speakers(["SECRETARY ROSS: Thank you.", "More words.", "Q: When?", "In Lindau"])
    assert labels == ["SECRETARY ROSS", "SECRETARY ROSS", "Q", "Q"]
    speaker = turn_speaker("SECRETARY ROSS", Registry())
    assert speaker is not None
    assert (speaker.name, speaker.role) == ("Ross", "Secretary")
    assert turn_speaker("Q", Registry()) is None
    assert turn_speaker("Reporter", Registry()) is None
