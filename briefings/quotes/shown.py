"""Quotes as attributed, made into the quotes a briefing shows: an unattributed quote takes
its neighbour's speaker or the person a statement's title names, each quote is trimmed of the
stop before its closing mark and shown with its sentence, and a speaker named by an acronym
the article spells out gets the full name."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import NamedTuple

from briefings.model import Quote
from briefings.quotes.acronyms import expansions
from briefings.quotes.marks import Span
from briefings.quotes.speakers import Speaker
from briefings.quotes.statement import statement_speaker
from briefings.reading.dateline import split_dateline


class Found(NamedTuple):
    """A quote as attribution left it: its place, its words and its speaker, if any (a
    tuple: one is made for every quoted span)."""

    paragraph: int
    span: Span
    text: str
    speaker: Speaker | None
    own: bool  # attributed by words around it, not by a neighbour
    short: bool
    chain: int  # quotes of one multi-paragraph quote share a chain number (else -1)
    opens_paragraph: bool = False
    sentence: tuple[int, int] = (0, 0)  # bounds of the sentence it stands in
    # The person the text is about where a quote standing alone as its paragraph begins.
    about: Speaker | None = None


_ABBREVIATION_END = re.compile(r"(?:\b[A-Z]\.[A-Z]\.|\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Inc|Co|Ltd)\.)$")


def shown_quotes(
    found: list[Found], paragraphs: Sequence[str], source_url: str, title: str
) -> tuple[Quote, ...]:
    """The quotes a briefing shows of those ``found`` in ``paragraphs``."""
    quotes = _to_quotes(_by_title(_fill_gaps(found, paragraphs), title), paragraphs, source_url)
    return _spelled_out(quotes, paragraphs)


def _fill_gaps(found: list[Found], paragraphs: Sequence[str]) -> list[Found]:
    """Unattributed quotes take the speaker of a neighbour: the quote before in the same
    paragraph or chain, the next one in the paragraph, or the one ending the paragraph before."""
    out = list(found)
    for i, item in enumerate(out):
        if item.speaker is not None:
            continue
        if item.short and not (_own_sentence(item) or _shares_sentence(out, i)):
            continue
        speaker = _neighbour(out, i, paragraphs) or _about(out, i)
        if speaker is not None:
            out[i] = Found(
                item.paragraph, item.span, item.text, speaker, False, False, item.chain,
                item.opens_paragraph, item.sentence,
            )  # fmt: skip
    return out


def _shares_sentence(found: list[Found], i: int) -> bool:
    """A short lower-case quote in the sentence of a quote its own words attribute: 'The
    ministry called it "defensive" in nature: "We acted to ..."' (both are the ministry's)."""
    item = found[i]
    if not item.text[:1].islower():
        return False
    return any(
        0 <= j < len(found)
        and found[j].paragraph == item.paragraph
        and found[j].sentence == item.sentence
        and found[j].own
        and not found[j].short
        for j in (i - 1, i + 1)
    )


def _by_title(found: list[Found], title: str) -> list[Found]:
    """Quotes still without a speaker that open their paragraph (a statement printed as its
    quoted words) are the words of the person the title says the statement is by."""
    if not any(item.speaker is None and item.opens_paragraph for item in found):
        return found
    speaker = statement_speaker(title)
    if speaker is None:
        return found
    return [
        item._replace(speaker=speaker)
        if item.speaker is None and item.opens_paragraph and not item.short
        else item
        for item in found
    ]


def _own_sentence(item: Found) -> bool:
    """A short quote that is a sentence of its own ("“And more trust.”"): speech, not a
    label, so it may take its neighbour's speaker."""
    return item.text[-1:] in ".!?" and item.sentence[0] == max(item.span.open, 0)


def _about(found: list[Found], i: int) -> Speaker | None:
    """A quote that is a whole paragraph, with no attribution and no quoted neighbour, is
    the words of the person the text is about there (a statement's style)."""
    item = found[i]
    if item.about is None or not item.about.person:
        return None
    if i and found[i - 1].paragraph == item.paragraph - 1 and found[i - 1].speaker is None:
        return None  # the quote before it went unattributed too: not a statement's paragraph
    return item.about


def _title_in_sentence(found: list[Found], j: int) -> bool:
    """Whether ``found[j]`` is a short span no one speaks in the sentence of the quote
    before it: a title or a name, not a quote of its own."""
    item, before = found[j], found[j - 1]
    return (
        item.speaker is None
        and item.short
        and before.speaker is not None
        and before.paragraph == item.paragraph
        and before.sentence == item.sentence
    )


def _neighbour(found: list[Found], i: int, paragraphs: Sequence[str]) -> Speaker | None:
    item = found[i]
    if item.chain >= 0:
        for other in found:
            if other.chain == item.chain and other.speaker is not None and other.own:
                return other.speaker
    j = i - 1
    if j > 0 and _title_in_sentence(found, j) and found[j].paragraph == item.paragraph:
        j -= 1  # a title after the quote before ('X said on "Morning Report." "..."')
    if j >= 0 and found[j].paragraph == item.paragraph and found[j].speaker:
        return found[j].speaker
    if i + 1 < len(found) and found[i + 1].paragraph == item.paragraph and found[i + 1].own:
        nxt = found[i + 1]
        # Not a person first named after this quote, in a sentence of its own: "The court
        # found X "...". Judge Y decided "..."" does not make the first quote Y's.
        speaker = nxt.speaker
        named_later = (
            speaker is not None
            and speaker.person
            and nxt.sentence != item.sentence
            and item.sentence[0] != max(item.span.open, 0)
            and speaker.name.split()[-1] not in paragraphs[item.paragraph][: max(item.span.open, 0)]
        )
        if not named_later:
            return speaker
    if item.opens_paragraph and i and found[i - 1].paragraph == item.paragraph - 1:
        before = found[i - 1]
        if before.speaker is not None and not before.own and before.span.open > 0:
            return None  # "..., referring to his post that "..."": not who the text is about
        return before.speaker
    return None


_ECHO_WORDS = 4  # words another speaker may echo as a quote of their own


def _to_quotes(found: list[Found], paragraphs: Sequence[str], source_url: str) -> tuple[Quote, ...]:
    roles: dict[str, str] = {}
    for item in found:
        if item.speaker and item.own and item.speaker.role:
            roles.setdefault(item.speaker.name, item.speaker.role)
    quotes: list[Quote] = []
    seen: set[tuple[str, str]] = set()
    for item in found:
        text = trim_end(item.text)
        if item.speaker is None or not text or _seen(seen, text, item.speaker.name):
            continue
        if not any(c.isalpha() for c in text) or (item.short and _title_like(item.text)):
            continue
        speaker = item.speaker
        first, end = item.sentence
        quotes.append(
            Quote(
                text=text,
                speaker=speaker.name,
                role=bare_role(roles.get(speaker.name, speaker.role)),
                source_url=source_url,
                unnamed=speaker.unnamed,
                partial=text[:1].islower(),
                context=_without_dateline(paragraphs[item.paragraph][first:end].strip(), item),
            )
        )
    return tuple(quotes)


def _seen(seen: set[tuple[str, str]], text: str, speaker: str) -> bool:
    """Whether ``text`` was shown already (then noted as shown). A few words said by two
    speakers ("null and void") are two quotes; longer words repeated are one quote printed
    twice, whoever the repeat seems to be by."""
    short = len(text.split(None, _ECHO_WORDS)) <= _ECHO_WORDS  # the words past those unsplit
    key = (text, speaker if short else "")
    if key in seen:
        return True
    seen.add(key)
    return False


def _without_dateline(context: str, item: Found) -> str:
    """A quote's sentence as a reader sees it: the lede's without its dateline."""
    if item.paragraph or item.sentence[0]:
        return context
    return split_dateline(context)[1].strip() or context


def _spelled_out(quotes: tuple[Quote, ...], paragraphs: Sequence[str]) -> tuple[Quote, ...]:
    """Speakers named by an acronym the article spells out get its full name."""
    if not any(q.speaker.isupper() for q in quotes):
        return quotes
    full = expansions(paragraphs)
    return tuple(replace(q, speaker=full[q.speaker]) if q.speaker in full else q for q in quotes)


def trim_end(quoted: str) -> str:
    """The quoted words without the comma or full stop before the closing mark (the stop of
    an abbreviation or initials, "the U.S.", stays)."""
    text = quoted.rstrip()
    if text[-1:] == ",":
        return text[:-1].rstrip()
    tail = max(0, len(text) - 6)
    if text[-1:] == "." and text[-2:-1] != "." and not _ABBREVIATION_END.search(text, tail):
        return text[:-1].rstrip()
    return text


def bare_role(role: str) -> str:
    """A role without its leading article: "the chief negotiator" -> "chief negotiator"."""
    head, _, rest = role.partition(" ")
    return rest if rest and head.lower() in {"the", "a", "an"} else role


def _title_like(text: str) -> bool:
    """A short span written as a name or title ("Phase One", "Agreement on Trade"), not as
    speech: one capitalized word, or every word of three letters or more capitalized."""
    if text[-1:] in ",.!?":
        return False  # '"No," he replied': speech ends with its own punctuation
    words = text.split()
    long_words = [word for word in words if len(word) > 2]
    if len(words) > 1 and len(long_words) < 2:
        return False
    return all(word[:1].isupper() for word in long_words or words)
