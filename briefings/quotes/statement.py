"""The speaker a statement's title names: "Statement by Trade Minister Jane Roe on the Talks",
"Closing Remarks by Ambassador Ana Lindqvist at the Ministerial".

A statement or a speech is often printed as its quoted words alone: one quoted paragraph, or
paragraphs each opening with a quote mark (the continued-quote convention), with the speaker
named only in the title. Such a quote, attributed by nothing in the text, is the words of the
one person the title says the statement is by.
"""

from __future__ import annotations

import re

from briefings.quotes.lexicon import DOCUMENTS, ROLE_MODIFIERS, TITLES
from briefings.quotes.people import mentions
from briefings.quotes.registry import Registry
from briefings.quotes.speakers import Speaker
from briefings.quotes.tokens import tokenize

_DOCUMENT_REACH = 2  # paragraphs back to look for the document "it" stands for

# The kind of text, then "by" or "from" before its author: the author's mention starts right
# after it.
_STATEMENT_BY = re.compile(
    r"\b(?:statement|remarks|speech|address|message|testimony|op-ed|keynote)\s+(?:by|from)\s+",
    re.IGNORECASE,
)
# A second author after the first one: a joint statement is nobody's words alone.
_SECOND_AUTHOR = re.compile(r"^\s*(?:and|&|,)\s+\S")
# A text of one person's spoken words: a press conference, briefing or speech "by" or "with"
# its speaker.
_SPOKEN_BY = re.compile(
    r"\b(?:statement|remarks|speech|address|message|(?:press|news) conference|"
    r"(?:press |media )?briefing|press call|press point|media availability)\s+(?:by|from|with)\s+",
    re.IGNORECASE,
)
# A name in the Japanese government's style after a title: the surname in capitals, then
# the given name ("Prime Minister ISHIBA Shigeru", "Foreign Minister MOTEGI Toshimitsu").
_CAPITAL_SURNAME = re.compile(
    r"((?:[A-Z][\w.'\u2019-]* ){1,4})([A-Z]{3,}[A-Z'\u2019-]*) ([A-Z][a-z'\u2019-]+)\b"
)


def statement_speaker(title: str) -> Speaker | None:
    """The one person ``title`` says a statement or speech is by, with the role it gives,
    or None (no such title, no person named, or several authors)."""
    found = _STATEMENT_BY.search(title) if title else None
    if found is None:
        return None
    return _author(title, found.end())


def transcript_speaker(title: str) -> Speaker | None:
    """The one person ``title`` says a press conference, briefing or speech is by ("Press
    Conference by Minister Muto", "Digital Press Briefing with Secretary of Commerce Ana
    Lindqvist", "Press Conference by Prime Minister ISHIBA Shigeru Regarding ..."), or None:
    whose words a transcript without speakers' labels holds."""
    found = _SPOKEN_BY.search(title) if title else None
    if found is None:
        return None
    caps = _CAPITAL_SURNAME.match(title, found.end())
    if caps is not None:
        role = caps.group(1).strip()
        if role.split()[-1].lower() not in TITLES or caps.group(3).lower() in TITLES:
            return None  # "USTR Katherine Tai", "EU Commissioner ...": not a surname
        if _SECOND_AUTHOR.match(title[caps.end() :]):
            return None
        return Speaker(f"{caps.group(2).capitalize()} {caps.group(3)}", role, person=True)
    return _author(title, found.end(), loose=True)


def _author(title: str, after: int, loose: bool = False) -> Speaker | None:
    """The person named at ``after`` in ``title`` (``loose``: also after the words of an
    office that the name's mention does not start with, "Secretary of Commerce Ana ...")."""
    tokens = tokenize(title)
    first = next((k for k, start in enumerate(tokens.start) if start >= after), None)
    if first is None:
        return None
    for mention in mentions(tokens, people_only=True):
        if mention.first != first and not (
            loose and mention.first > first and mention.role.split()[:1] == [tokens.word[first]]
        ):
            continue
        if not mention.person or not (mention.role or " " in mention.name):
            return None  # an office or a bare surname: not sure it is one person
        end = tokens.end[mention.last]
        if _SECOND_AUTHOR.match(title[end:]):
            return None
        return Speaker(mention.name, mention.role, person=True)
    return None


def document_before(registry: Registry) -> Speaker | None:
    """What '"...", it reads' stands for when no organisation spoke before: the latest
    document the text named before the quote ("published a joint declaration"), by its noun
    and the modifiers before it ("joint declaration")."""
    p, at = registry.now
    for q in range(min(p, len(registry.tokens) - 1), max(-1, p - _DOCUMENT_REACH), -1):
        records = registry.tokens[q].records()
        for k in range(len(records) - 1, -1, -1):
            tok = records[k]
            if (q == p and tok.start >= at) or tok.cap or tok.lower not in DOCUMENTS:
                continue
            first = k
            while (
                first and records[first - 1].lower in ROLE_MODIFIERS and not records[first - 1].brk
            ):
                first -= 1
            return Speaker(" ".join(t.word for t in records[first : k + 1]))
    return None
