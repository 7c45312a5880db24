"""Furniture of official sites (ministries, agencies, parliaments, embassies), judged by the
line's shape: who issued a release, where to learn more, a person's name under its honours, a
minister's portfolio, a note in brackets, a teaser cut short before its "Read more" link, and
the headings of the contact block that closes a release.

:func:`official_line_kind` judges a line alone, as
:func:`~briefings.reading.furniture.line_kind` does; :func:`is_contact_heading` names the
heading after which a release has ended; :func:`opens_with_label` tells a line that opens with
a speaker's label or a list number, which is never a headline.
"""

from __future__ import annotations

import re

from briefings.reading.linekind import LineKind
from briefings.reading.lineshape import holds_four_digits

# "Jointly issued by the Ministry of ...", "The press release issued by the Department ... on
# 14 July 2025.", "Issued by the Press Office": who put the release out.
ISSUED_BY = re.compile(
    r"^(?:(?:the|this) (?:joint )?(?:press |media )?(?:release|statement|notice|communiqu[eé])\s+"
    r"(?:was\s+)?|jointly\s+|(?:joint )?(?:press |media )?(?:release|statement)\s+)?issued\s+by\s"
    r"(?-i:(?:the\s+)?[A-Z])",
    re.IGNORECASE,
)
# "To learn more about X, please visit <link>.", "For more information on X, see ...", "For more
# news, go to <site>": a pointer to another page.
MORE_INFO = re.compile(
    r"^(?:to (?:learn|read|find out|see|view|know) more|for (?:more|further|additional) "
    r"(?:information|details|info|news|stories|coverage|updates))\b(?:[^.!?]{0,160}?,\s*(?:please\s+)?|\s+(?:please\s+)?|"
    r"[^.!?]{0,160}?\s+please\s+)(?:visit|see|go to|click|contact|call|e-?mail|refer to|read)\b",
    re.IGNORECASE,
)
# A line whose last word is a link's text: "Check out the minister's op-ed in the Herald, here."
LINK_HERE_END = re.compile(r"[,:]\s+here\s*[.!]?\s*$", re.IGNORECASE)
# A person's name under the honours an official site gives it: "Senator the Hon Jane Roe",
# "The Honourable John Doe MP", "Rt Hon Ann Poe".
HONOURED_NAME = re.compile(
    r"^(?i:(?:senator\s+)?(?:the\s+)?(?:rt\.?\s+|right\s+)?(?:hon\.?|honourable|honorable)\s+)"
    r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4}(?:\s+(?:MP|MLA|MPP|MHA|KC|QC|PC))?\s*$"
)
# A minister's portfolio on a line of its own: "Minister for Trade and Tourism", "Special
# Minister of State", "Assistant Minister for Foreign Affairs".
_OFFICE = (
    r"(?i:(?:(?:deputy|assistant|acting|associate|special|federal|parliamentary|vice|junior|"
    r"shadow|senior|prime)\s+)*(?:minister|secretary|treasurer|attorney-general|"
    r"attorney general))"
)
PORTFOLIO = re.compile(
    rf"^{_OFFICE}(?:\s+(?i:for|of|of state for)\s+(?:the\s+)?[A-Z][\w’'-]*"
    r"(?:(?:,\s+|\s+and\s+|\s+(?:of|for|the|on|in)\s+|\s+)[A-Z][\w’'-]*)*)?"
    rf"(?:\s+(?:and|&)\s+{_OFFICE}(?:\s+(?:for|of)\s+(?:the\s+)?[A-Z][\w’'-]*"
    r"(?:(?:,\s+|\s+and\s+|\s+(?:of|for|the|on|in)\s+|\s+)[A-Z][\w’'-]*)*)?)*\s*$"
)
_PORTFOLIO_MAX_WORDS = 14
# When the page itself last changed: "Page last updated: 3 March 2025", "Last modified on 12 May
# 2024", "Date modified: 2024-05-01".
PAGE_CHANGED = re.compile(
    r"^(?:(?:page|content|this page)\s+(?:was\s+)?)?(?:last\s+)?(?:updated|modified|reviewed|"
    r"amended|changed)(?:\s+on)?\s*:?\s*(?:\d|[A-Z][a-z]{2,8}\.?\s+\d).{0,40}$|"
    r"^date (?:modified|updated|reviewed)\s*:",
    re.IGNORECASE,
)
_PAGE_CHANGED_MAX_WORDS = 10
# A note about what changed on the page, with its time: "Update July 3rd, 8:05AM ET: Added a
# video.", "Correction, May 2: This story has been corrected to ...".
UPDATE_NOTE = re.compile(
    r"^(?:update[ds]?|correction|clarification)\b.{0,40}?:\s*(?-i:(?=[A-Z]))(?:added|updated|"
    r"corrected|clarified|removed|changed|fixed|replaced|included|"
    r"this (?:story|article|post|report) (?:has been|was|originally))\b",
    re.IGNORECASE,
)
_UPDATE_NOTE_MAX_WORDS = 30
# A teaser's excerpt cut short before its link: "... to join ... Read More»".
CUT_BEFORE_LINK = re.compile(
    r"(?:\.\.\.|…)\s*(?:read more|read the full story|continue reading|more)\s*[»›>]*\s*$",
    re.IGNORECASE,
)
# The heading of the block that closes a release: contacts, notes for editors, where to find
# more; nothing after it is the release's text.
CONTACT_HEADING = re.compile(
    r"^(?:contacts?(?: us)?|(?:media|press|news)\s+(?:contacts?|enquiries|inquiries|office|"
    r"accreditation)|for (?:more|further) information(?:,?\s+(?:please\s+)?contact)?|"
    r"additional information|further information|more information|notes? (?:to|for) editors|"
    r"media information)\s*:?\s*$",
    re.IGNORECASE,
)
# A speaker's label opening a line of a transcript ("MS ROE:", "SECRETARY DOE:", "Q:",
# "MODERATOR:"), a field's name opening a record ("Briefer:", "Tags:") or a list number opening
# an item ("14. ", "(1) ", "2.1. ").
_OPENING_LABEL = re.compile(
    r"^(?:(?:MR|MS|MRS|DR|SECRETARY|AMBASSADOR|MINISTER|PRESIDENT|SENATOR|SPOKESPERSON)\.?"
    r"(?:\s+[A-Z][A-Z'’-]+){1,2}\s*:|(?:Q|A|QUESTION|ANSWER|MODERATOR|OPERATOR|PARTICIPANT|"
    r"SPEAKER(?: \d+)?)\s*:|(?i:briefer|speakers?|moderator|location|venue|time|date|subject|"
    r"tags?|topics?|categor(?:y|ies)|filed under|source|contacts?)\s*:|"
    r"\(?\d{1,3}(?:\.\d{1,3})*[.)]\s)"
)
_NOTE_MAX_WORDS = 12
_STOPS = ".!?…:;,"
_OWN_MAX_WORDS = 40


def official_line_kind(text: str, count: int) -> LineKind | None:
    """The kind of an official site's furniture line (stripped, ``count`` words), or None.
    Each shape is looked for only where its first letters can stand."""
    if ("..." in text[-30:] or "…" in text[-30:]) and CUT_BEFORE_LINK.search(text):
        return LineKind.TEASER  # an excerpt of any length, cut before its "Read more" link
    if count > _OWN_MAX_WORDS:
        return None
    lower = text[:1].lower()
    if (
        count <= _PAGE_CHANGED_MAX_WORDS
        and lower in "pctlumrad"
        and holds_four_digits(text)
        and PAGE_CHANGED.match(text)
    ):
        return LineKind.TIMESTAMP
    if lower in "uc" and count <= _UPDATE_NOTE_MAX_WORDS and UPDATE_NOTE.match(text):
        return LineKind.PROMPT  # a note about the page, not about the news
    if lower in "jtpsmi" and "issued" in text and ISSUED_BY.match(text):
        return LineKind.LABEL
    if lower in "tf" and MORE_INFO.match(text):
        return LineKind.PROMPT
    if "here" in text[-8:] and LINK_HERE_END.search(text):
        return LineKind.PROMPT
    if count <= _PORTFOLIO_MAX_WORDS and text[-1] not in _STOPS:
        if lower in "strh" and HONOURED_NAME.match(text):
            return LineKind.LABEL
        if lower in "mstadpfvj" and PORTFOLIO.match(text):
            return LineKind.LABEL
    return None


def is_bracketed_note(text: str, count: int) -> bool:
    """A note wholly in brackets, one sentence at most: "(On the record unless noted)",
    "[Provisional translation]"."""
    if count > _NOTE_MAX_WORDS or text[:1] not in "([":
        return False
    closing = ")" if text[0] == "(" else "]"
    return text.endswith(closing) and text.count(closing) == 1 and ". " not in text


def is_contact_heading(line: str) -> bool:
    """The heading of a release's contact block or notes: the release has ended."""
    return len(line) <= 60 and CONTACT_HEADING.match(line) is not None


def without_opening_label(line: str) -> str:
    """``line`` without the speaker's label, field's name or list number that opens it."""
    return _OPENING_LABEL.sub("", line, count=1).lstrip()


def opens_with_label(line: str) -> bool:
    """A line opening with a speaker's label or a list number: a transcript's turn or an
    item of a list, never a headline."""
    return _OPENING_LABEL.match(line) is not None


# Link labels in brackets after a paragraph's last sentence: "... in 2006. (More) (Fact
# Sheet)". One label alone is taken only when it names a link (a wire's "(Reuters)" stays).
_LINK_LABELS = re.compile(r"(?<=[.!?\"”’])(?:\s*\([A-Z][^()]{0,40}\))+\s*$")
_LABEL = re.compile(r"\(([^()]*)\)")
_LINK_WORDS = re.compile(
    r"\b(?:more|web ?page|website|link|pdf|full text|fact ?sheet|details|read)\b", re.IGNORECASE
)
_LINK_LABEL_MAX_WORDS = 4


def without_link_labels(line: str) -> str:
    """``line`` without the link labels in brackets that close it: they are no sentence
    text."""
    match = _LINK_LABELS.search(line)
    if match is None:
        return line
    labels = _LABEL.findall(match.group(0))
    if any(label.count(" ") >= _LINK_LABEL_MAX_WORDS for label in labels):
        return line
    if len(labels) < 2 and not _LINK_WORDS.search(labels[0]):
        return line
    return line[: match.start()].rstrip()


# A press conference's summary of the questions put, in brackets before the answer: "(On the
# Prime Minister's reaction to ...; on what rate was agreed for cars; and on whether ...)".
_QUESTION_SUMMARY = re.compile(r"^\((On|Regarding|About|Concerning) ([^()]{60,})\)$")


def question_summary(line: str) -> str | None:
    """The questions a press conference's answer follows, as a sentence of the article
    ("On the Prime Minister's reaction to ...; on ..."), when ``line`` is their summary in
    brackets; else None. It names what was asked, often the news itself."""
    if line[:1] != "(" or line[-1:] != ")":
        return None
    summary = _QUESTION_SUMMARY.match(line)
    if summary is None:
        return None
    return f"{summary.group(1)} {summary.group(2).rstrip('.')}."
