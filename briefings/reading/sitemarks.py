"""Small marks of a site's own voice on a line: a picture's credit at a caption's end, a
press-release service's distribution note, a notice that a document is found at a link, and
a help widget's question to the reader."""

from __future__ import annotations

import re

# A caption ending in its picture's credit after a dash: "... in Putrajaya. — Agency pic",
# "... on Monday. – Picture by Jane Roe", "... at the summit. — File photo".
PICTURE_CREDIT_END = re.compile(
    r"\s[—–-]{1,2}\s*(?:(?:[A-Z][\w.&'’-]*\s+){1,3}(?:pic|pics|picture|photo|file pic)|"
    r"(?:[Ff]ile )?(?:[Pp]ic|[Pp]icture|[Pp]hoto)(?: by| courtesy of)? "
    r"[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,3})"
    r"\.?\s*$"
)
# A caption's credit glued after its last stop, the way a picture's viewer shows it: "... in
# London. Credit: Agency", "... on the 5th. /Courtesy of Agency", "... talks. Photo: Jane Roe",
# "... on May 3. Credit: Jane Roe via Agency". A report's sentence never ends with a label and
# a name after its stop.
CREDIT_AFTER_STOP = re.compile(
    r"[.!?][\"”’']?\s*(?:/\s*(?:[Cc]ourtesy of|[Pp]hoto(?: by)?|[Pp]ic(?:ture)?(?: by)?)\s*:?|"
    r"(?:[Cc]redit|[Pp]hoto(?: credit)?|[Pp]icture|[Ii]mage|[Ss]ource)\s*:)"
    r"\s*[A-Z][\w.&'’/-]*(?:\s+(?:(?:of|via|for)\s+)?[A-Z0-9][\w.&'’/-]*){0,4}\s*$"
)
# A picture's credit glued after a caption's last stop as its maker and agency joined by a
# slash, the maker unknown or named: "... in Busan. -/Agency/dpa", "... in Mexico City.
# Jane Roe/Agency", "... Lavrov.—Agency/Wire Photo |". A report's sentence never ends so.
SLASH_CREDIT_AFTER_STOP = re.compile(
    r"[.!?][\"”’']?\s*[—–-]?\s*(?:-|[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3})"
    r"/[A-Za-z][\w.&'’-]*(?:/[A-Za-z][\w.&'’-]*)?(?: [Pp]hoto| [Pp]ic)?\s*\|?\s*$"
)
# A release service's note: "Distributed by Wire Service on behalf of the Ministry of X."
DISTRIBUTION_CREDIT = re.compile(
    r"^(?:distributed|disseminated|issued|released|published) (?:by|through|via) [^.]{2,80}? "
    r"on behalf of [^.]{2,120}\.?\s*$",
    re.IGNORECASE,
)
# A notice whose link is its last word: "The entire document is found here.", "The full text
# can be read here."
LINK_NOTICE = re.compile(
    r"\b(?:is|are|can be|may be) (?:found|read|seen|viewed|downloaded|accessed|available) "
    r"(?:in full )?here\s*[.:!]?\s*$",
    re.IGNORECASE,
)
_LINK_NOTICE_MAX_WORDS = 12
_WIDGET_MAX_WORDS = 8
_READER = re.compile(r"\byou\b", re.IGNORECASE)
_SITE_VOICE = re.compile(r"\b(?:we|us|I)\b", re.IGNORECASE)


def ends_with_picture_credit(line: str) -> bool:
    """A caption closed by its picture's credit after a dash ("... — Agency pic") or glued
    after its last stop ("... in London. Credit: Agency", "... /Courtesy of Agency", "...
    in Busan. -/Agency/dpa")."""
    tail = line[-60:]
    if (":" in tail or "/" in tail) and CREDIT_AFTER_STOP.search(tail) is not None:
        return True
    if "/" in tail and (slashed := SLASH_CREDIT_AFTER_STOP.search(tail)) is not None:
        return not slashed.group().isupper()  # "... cars. EU/US": no credit, a pair of names
    if "pic" not in tail and "Pic" not in tail and "photo" not in tail and "Photo" not in tail:
        return False  # the cheap test first: no credit word at the end
    return PICTURE_CREDIT_END.search(tail) is not None


def is_distribution_credit(line: str) -> bool:
    """A release service's note that it distributed the text on someone's behalf."""
    return "behalf of" in line and DISTRIBUTION_CREDIT.match(line) is not None


_SOURCE_OPENINGS = ("From ", "Via ", "Courtesy of ")
_SOURCE_MAX_WORDS = 12
_SOURCE_MIN_NAMES = 3
_NAME_LINKS = frozenset(("of", "the", "and", "&", "for", "on", "in"))


def is_source_line(line: str) -> bool:
    """The service a report came from, named on a line of its own at the end: "From the
    National Association of Farm Broadcasting News Service." A name and nothing else: every
    word after the opening one capitalised or a link word, no verb, at most one stop."""
    if not line.startswith(_SOURCE_OPENINGS) or not line.rstrip(" .")[-1:].isalpha():
        return False  # the cheap test first; "From the Press Secretary:" introduces a text
    tokens = line.rstrip(" .").split()[1:]
    if not tokens or len(tokens) > _SOURCE_MAX_WORDS or "." in line.rstrip(" .")[-40:]:
        return False
    names = 0
    if tokens[-1] == "service":  # "... Farm Broadcasting news service.": the kind in lower case
        tokens = tokens[:-2] if tokens[-2:-1] in (["news"], ["wire"], ["press"]) else tokens[:-1]
        names = 1
    for token in tokens:
        if token in _NAME_LINKS:
            continue
        if not token[:1].isupper():
            return False
        names += 1
    return names >= _SOURCE_MIN_NAMES


def is_link_notice(line: str) -> bool:
    """A short notice that a document stands at a link: "The full text is available here." """
    return (
        line.rstrip(" .:!").endswith("here")
        and len(line.split()) <= _LINK_NOTICE_MAX_WORDS
        and LINK_NOTICE.search(line) is not None
    )


def is_help_widget_question(line: str) -> bool:
    """A help widget's short question from the site to the reader ("How can we help you?"):
    a question that speaks both as the site and to the reader. Never a headline."""
    text = line.strip()
    return (
        text.endswith("?")
        and len(text.split()) <= _WIDGET_MAX_WORDS
        and _READER.search(text) is not None
        and _SITE_VOICE.search(text) is not None
    )
