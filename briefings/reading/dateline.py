"""Datelines: the place an article was filed from, printed before its first sentence."""

from __future__ import annotations

import re

# "WASHINGTON--", "WASHINGTON (Pacific Wire) —", "TOKYO, June 6 (Reuters) -", "PARIS —",
# "PARIS _" (an underscore for a dash, as some wire feeds print it). A
# single hyphen with no space on either side joins a compound ("U.S.-China talks"): no dash.
DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’\- ]{1,40}?(?:,\s*[A-Z][A-Za-z.]+)?)"
    r"(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
    r"\s*(?:\([^)]{1,40}\))?\s*(?:--|—|–|•|(?<=[\s)])-|-(?=\s)|(?<=\s)_(?=\s))\s*(?=\S)"
)
# The agency between slashes after the place and date: "DUBAI, April 26. /Agency/. The ...".
SLASHED_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’\- ]{1,40}?),\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}\.?\s*"
    r"/[A-Z][\w.&-]{1,20}/\.?\s+(?=\S)"
)
# The place in brackets: "[BEIJING] Chinese ...", "(Washington, DC) Trade ...", and the
# agency alone before a dash: "(Agency) - The talks ...", or its bracket emptied of a link.
BRACKETED_DATELINE = re.compile(
    r"^[\[(](?P<place>[A-Z][A-Z.'’\- ]{1,40}?(?:,\s*[A-Z][A-Za-z.]+)?|"
    r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}(?:,\s*[A-Z][A-Za-z.]+)?)[\])]\s+(?=[A-Z“\"‘'])|"
    r"^\((?:(?P<agency>[A-Z][\w.'’ ]{1,30})\)|\s*\)?)\s*(?:--|—|–|-)\s*(?=\S)"
)
# The place before a colon, as many Asian and African outlets print it: "PUTRAJAYA: The ...",
# "KUALA LUMPUR, March 3: ...", "New Delhi, May 28: ...", "Lindau [Norland], May 28 (Agency):
# ..." (the country in square brackets), "Abu Dhabi, 28 February (Agency): ..." (a place in
# mixed case only with its date). A transcript's speaker ("AMBASSADOR ROE:")
# or a note's label ("UPDATE:") is no place.
_COLON_DATE = (
    r"(?:\s*\[[A-Z][A-Za-z.' -]{1,30}\])?"
    r",\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?)(?:,?\s*\d{4})?"
    r"(?:\s*\([A-Z][\w.&'’ -]{1,20}\))?"
)
COLON_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’\-]{2,24}(?: [A-Z][A-Z.'’\-]{1,24}){0,2}"
    rf"(?=(?:{_COLON_DATE})?:)|"
    rf"[A-Z][a-z]+(?: [A-Z][a-z]+){{0,2}}(?={_COLON_DATE}:))"
    rf"(?:{_COLON_DATE})?:\s+(?=[A-Z“\"‘'])"
)
# A place alone in mixed case before a colon, one to three words ("Dubai: The UAE and ...",
# "New Delhi: ..."): a dateline only before a report's sentence in the third person, long (a
# title after a place is short: "Norrvik: The port that never sleeps is busier than ever.") and
# ended by a stop. A speaker's turn ("Roe: We agreed ...", "Roe: “...”") speaks in the first
# person or opens with a quote mark.
MIXED_COLON_DATELINE = re.compile(
    r"^(?P<place>[A-Z][a-z]{2,}(?:[ -][A-Z][a-z]{2,}){0,2}):\s+(?=[A-Z])(?!(?:I|We|Our|My|Thank|"
    r"Thanks|Yes|No|Well|Good|Question|Answer)\b)"
)
_MIXED_COLON_MIN_WORDS = 12
# The same lone place before a spaced long dash ("Lindau – The talks ...", "Washington D.C. –
# the United States ..."): a hyphen joins words, a long dash sets the place apart.
MIXED_DASH_DATELINE = re.compile(
    r"^(?P<place>[A-Z][a-z]{2,}(?:[ -][A-Z][a-z]{2,}){0,2}(?: [A-Z]\.[A-Z]\.)?)\s[—–]\s+"
    r"(?=[A-Z“\"‘']|(?:the|a|an) )"
)
_DASH_REACH = 30
_AGENCY_REACH = 40
_DASHES = (" – ", " — ")
# A place in mixed case with its agency before a dash: "Hanoi (Agency) – ...", "Cape Town
# (ABC) - ...". The agency in brackets is what tells the place from a sentence's subject.
AGENCY_DATELINE = re.compile(
    r"^(?P<place>[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,3})\s*"
    r"\((?:[A-Z]{2,6}|[A-Z][a-z]{2,12}|[a-z]{2,4})\)"
    r"\s*(?:--|—|–|-)\s*(?=[A-Z“\"‘'])"
)
# The same with the agency glued to the first word, no dash ("London (CNN)It was ..."), or
# with a date between the place and the agency ("Lindau, Feb 4 (Agency) The talks ..."): the
# glue or the date tells the place from a sentence's subject.
GLUED_AGENCY_DATELINE = re.compile(
    r"^(?P<place>[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,3})\s*"
    r"(?:\((?:[A-Z]{2,6}|[A-Z][a-z]{2,12})\)(?=[A-Z“\"‘'][a-z ])|"
    r",\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?)(?:,?\s*\d{4})?\s*"
    r"\((?:[A-Z]{2,6}|[A-Z][a-z]{2,12})\)\s*(?=[A-Z“\"‘']))"
)
# A place in capitals, a comma, then the agency and the date in brackets before a colon:
# "LINDAU, (Agency - Site / Other Name - 25th Nov, 2019 ) :The talks ...". A speaker's label
# ("MINISTER ROE (via video): ...") has no comma before its bracket.
BRACKET_COLON_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’\- ]{1,40}?),\s*\([^()]{2,80}\)\s*:\s*(?=[A-Z“\"‘'])"
)
# The date first and the agency, no place: "Oct 15 (Reuters) -", "March 3 (AP) —",
# "15 October (AFP) -", "Oct. 15, 2025 (Agency) --".
_MONTH = (
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?|January|February|March|April|"
    r"June|July|August|September|October|November|December"
)
DATE_DATELINE = re.compile(
    rf"^(?:(?:{_MONTH})\s+\d{{1,2}}|\d{{1,2}}\s+(?:{_MONTH}))(?:,?\s+\d{{4}})?\s*"
    r"\([A-Z][\w.&'’ -]{0,30}\)\s*(?:--|—|–|-)\s*(?=\S)|"
    # A full date and a spaced dash, no agency: "June 27, 2013 -- A majority of ..."
    rf"^(?:(?:{_MONTH})\s+\d{{1,2}},?|\d{{1,2}}\s+(?:{_MONTH}),?)\s+\d{{4}}\s+(?:--|—|–|-)\s+(?=\S)"
)
_NOT_PLACES = frozenset(
    (
        "MR",
        "MRS",
        "MS",
        "DR",
        "PROF",
        "SECRETARY",
        "AMBASSADOR",
        "MINISTER",
        "PRESIDENT",
        "SENATOR",
        "SPOKESPERSON",
        "SPOKESMAN",
        "SPOKESWOMAN",
        "GENERAL",
        "ADMIRAL",
        "PRIME",
        "DEPUTY",
        "CHAIRMAN",
        "CHAIR",
        "THE",
        "Q",
        "A",
        "QUESTION",
        "ANSWER",
        "MODERATOR",
        "OPERATOR",
        "PARTICIPANT",
        "SPEAKER",
        "NOTE",
        "UPDATE",
        "UPDATED",
        "EDITOR'S",
        "EDITOR’S",
        "BREAKING",
        "WATCH",
        "EXCLUSIVE",
        "VIDEO",
        "PHOTOS",
        "PHOTO",
        "ANALYSIS",
        "OPINION",
        "FACT",
        "LIVE",
        "READ",
        "ALSO",
        "CORRECTION",
        "CLARIFICATION",
        "SUMMARY",
        "BACKGROUND",
        "CONTEXT",
        "WARNING",
        "ALERT",
        "URGENT",
        "SOURCE",
        "SOURCES",
        "CREDIT",
        "CAPTION",
        "IMAGE",
        "DATE",
        "SUBJECT",
        "TOPIC",
        "TOPICS",
        "STATEMENT",
        "TRANSCRIPT",
        "DISCLAIMER",
        "EDITOR",
        "REPORTING",
        "AGENDA",
        "VOTE",
        "DEBATE",
        "WHY",
        "WHAT",
        "HOW",
        "WHEN",
        "WHERE",
        "WHO",
        # labels of a line, and people's titles, in mixed case before a colon
        "RELATED",
        "SEE",
        "MORE",
        "LISTEN",
        "PICTURED",
        "FILE",
        "GALLERY",
        "PODCAST",
        "AUDIO",
        "INTERVIEW",
        "EXPLAINER",
        "INSIGHT",
        "FACTBOX",
        "TIMELINE",
        "HIGHLIGHTS",
        "KEY",
        "TAGS",
        "LATEST",
        "TOP",
        "TRENDING",
        "POPULAR",
        "RECOMMENDED",
        "SPONSORED",
        "ADVERTISEMENT",
        "EDITORIAL",
        "COMMENT",
        "COMMENTARY",
        "REACTION",
        "NOTICE",
        "POSTED",
        "PUBLISHED",
        "CONTACT",
        "REPORTER",
        "INTERVIEWER",
        "HOST",
        "CHANCELLOR",
        "GOVERNOR",
        "COMMISSIONER",
        "MAYOR",
        "DIRECTOR",
        "CHIEF",
        "OFFICIAL",
    )
)


def split_dateline(paragraph: str) -> tuple[str, str]:
    """``"WASHINGTON--Japan and ..."`` -> ``("WASHINGTON", "Japan and ...")``; an agency
    alone (``"(Agency) - Japan and ..."``) or after a date (``"Oct 15 (Agency) - ..."``) is
    no place: ``("", "Japan and ...")``."""
    if paragraph[:1] in "[(":
        return _split_bracketed(paragraph)
    match = DATELINE.match(paragraph)
    if match is None and "/" in paragraph[:60]:
        match = SLASHED_DATELINE.match(paragraph)
    agency = None
    if match is None and "(" in paragraph[:_AGENCY_REACH]:
        agency = AGENCY_DATELINE.match(paragraph) or GLUED_AGENCY_DATELINE.match(paragraph)
    if agency is not None:
        return agency["place"], paragraph[agency.end() :]  # "Hanoi (Agency) – ..."
    if match is None and ", (" in paragraph[:_DASH_REACH]:
        bracketed = BRACKET_COLON_DATELINE.match(paragraph)
        if bracketed is not None:
            return bracketed["place"], paragraph[bracketed.end() :]
    if match is None:
        if paragraph[:1].isalnum() and (dated := DATE_DATELINE.match(paragraph)):
            return "", paragraph[dated.end() :]  # "Oct 15 (Reuters) - ...": no place given
        if " – " in paragraph[:_DASH_REACH] or " — " in paragraph[:_DASH_REACH]:
            return _split_dash_dateline(paragraph)
        return _split_colon_dateline(paragraph)
    place = match["place"].strip()
    if not any(c.isupper() for c in place.split(",")[0][1:]) and len(place) > 1:
        return "", paragraph  # "Mr-" etc.: not an all-caps place
    return place, paragraph[match.end() :]


def _split_dash_dateline(paragraph: str) -> tuple[str, str]:
    """``"Lindau – The talks ..."`` -> ``("Lindau", "The talks ...")``: a lone place in mixed
    case before a long dash, then a report's long sentence."""
    match = MIXED_DASH_DATELINE.match(paragraph)
    if (
        match is None
        or match["place"].split()[0].upper() in _NOT_PLACES
        or paragraph.count(" ", match.end()) < _MIXED_COLON_MIN_WORDS - 1
        or any(dash in paragraph[match.end() :] for dash in _DASHES)
    ):
        return "", paragraph  # a second dash closes an aside: "Trade – the lifeblood – fell"
    return match["place"], paragraph[match.end() :]


def _split_colon_dateline(paragraph: str) -> tuple[str, str]:
    """``"PUTRAJAYA: Malaysia and ..."`` -> ``("PUTRAJAYA", "Malaysia and ...")``."""
    colon = paragraph.find(":", 0, 60)
    if colon < 3 or paragraph[colon + 1 : colon + 2] != " ":
        return "", paragraph  # the cheap test first: no colon near the start
    match = COLON_DATELINE.match(paragraph) or _mixed_colon_dateline(paragraph)
    if match is None or match["place"].split()[0].rstrip(".").upper() in _NOT_PLACES:
        return "", paragraph
    return match["place"].strip(), paragraph[match.end() :]


def _mixed_colon_dateline(paragraph: str) -> re.Match[str] | None:
    """``"Dubai: The UAE and ..."``: a lone place in mixed case before a report's sentence."""
    if not paragraph[1:2].islower() or paragraph.rstrip()[-1:] not in '.”"':
        return None
    match = MIXED_COLON_DATELINE.match(paragraph)
    if match is None or paragraph.count(" ", match.end()) < _MIXED_COLON_MIN_WORDS - 1:
        return None
    return match


# A distributor's bracket before the agency's own dateline: "(Site- Agency) Lindau, Feb 4
# (Agency) The talks ...".
_DISTRIBUTOR = re.compile(r"^\([A-Z][\w.'’ -]{1,30}\)\s+(?=[A-Z])")


def _split_bracketed(paragraph: str) -> tuple[str, str]:
    match = BRACKETED_DATELINE.match(paragraph)
    if match is None:
        distributor = _DISTRIBUTOR.match(paragraph)
        rest = paragraph[distributor.end() :] if distributor is not None else ""
        if rest and rest[:1] not in "[(" and (dated := split_dateline(rest))[0]:
            return dated
        return "", paragraph
    rest = paragraph[match.end() :]
    if match["place"] and rest[:1].isupper() and (dated := split_dateline(rest))[0]:
        return dated  # "(Site- Agency) Lindau, Feb 4 (Agency) ...": the bracket is no place
    return (match["place"] or "").strip(), rest


def opens_with_dateline(paragraph: str) -> bool:
    """Whether ``paragraph`` opens with a dateline (a place, or an agency in brackets)."""
    if paragraph[:1] in "[(":
        return BRACKETED_DATELINE.match(paragraph) is not None
    return split_dateline(paragraph)[0] != "" or DATE_DATELINE.match(paragraph) is not None
