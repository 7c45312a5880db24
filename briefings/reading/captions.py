"""Captions and picture credits, judged on one line: a credit mark ("(Photo: Jane Roe/Agency)",
"REUTERS/Jane Roe", "File -"), or a present-tense description of a picture ("Trade
ministers pose before the meeting") dated with the picture's full date. A report tells what
happened in the past tense; a caption says what the picture shows."""

from __future__ import annotations

import re

from briefings.reading.lineshape import holds_four_digits, word_set, words
from briefings.reading.scanning import WordPattern, holds_any
from briefings.reading.sitemarks import ends_with_picture_credit

# A photo credit: "(Photo: Jane Roe/Agency)", "Photo credit: ...", "REUTERS/Jane Roe", "AP
# Photo". Three patterns, each searched only where its mark can stand: a bracket, a colon, an
# agency's name. The class after the word boundary lists the letters their words start with
# (ignoring case, as the words are matched), so most places fail at once.
CREDIT_IN_BRACKETS = re.compile(
    r"[(\[](?:(?-i:[A-Z][\w.&-]{1,15}) )?(?:photo|photograph|image|picture|video|file|credit)s?\b"
    r"[^)\]]{0,80}[)\]]",
    re.IGNORECASE,
)
PHOTO_LABEL = re.compile(
    r"\b(?=[ipv])(?:photo|photograph|image|picture|video) ?(?:credit|courtesy|by|source)?\s*:\s",
    re.IGNORECASE,
)
AGENCY_CREDIT = re.compile(
    r"\b(?=[/aghiprsx])(?:getty images|afp via getty|ap photo|reuters/|/reuters|/afp\b|/ap\b|"
    r"/epa\b|xinhua/|shutterstock|istock|alamy|pool photo|handout)\b",
    re.IGNORECASE,
)
PHOTO_CREDIT_START = re.compile(
    r"(?:file|file photo|photo|pictured|above|top|below|main image)\s*[-–—:]\s|"
    r"(?:credit|source|courtesy)\s*:\s|(?:media|video|image|photo) caption\b|"
    # A caption that names its picture: "In this photo dated ...", "In this file photo ...".
    r"in this (?:[\w-]+ ){0,2}(?:photo|photograph|picture|image|handout|video grab)s?\b",
    re.IGNORECASE,
)
# The sources of a report named at its end: "Some information for this report was provided by
# AFP", "Material for this story came from AP", "Jane Roe contributed to this report."
SOURCES_CREDIT = re.compile(
    r"^(?:some )?(?:information|material|reporting)(?: for| in)? this (?:report|story|article) "
    r"(?:was provided by|came from|comes from|was supplied by)\b|"
    r"\bcontributed(?: reporting)? to this (?:report|story|article)\.?\s*$",
    re.IGNORECASE,
)
# A picture's source named after its owner: "Friends of Europe via flickr".
VIA_CREDIT = re.compile(
    r"\bvia (?:flickr|wikimedia(?: commons)?|unsplash|pexels|getty images)\s*$", re.IGNORECASE
)
# Words that every AGENCY_CREDIT match without a slash holds: a substring test spares the search.
# Those that share a word are looked for only in a line that holds the word.
_CREDIT_HINTS = ("getty", "alamy", "handout")
_CREDIT_HINTS_WITH_PHOTO = ("ap photo", "pool photo")
_CREDIT_HINTS_WITH_STOCK = ("shutterstock", "istock")
# Present-tense verbs that describe a picture ("Trade ministers pose before the meeting"). A
# report tells what happened in the past tense; a caption says what the picture shows.
CAPTION_VERB = re.compile(
    r"\b(?:poses?|waves?|speaks?|gathers?|waits?|watch(?:es)?|queues?|march(?:es)?|chants?|"
    r"applauds?|cheers?|gestures?|arrives?|attends?|shakes? hands|shake hands|"
    r"looks? on|listens?|walks?|sits?|stands?|greets?|delivers?|addresses|holds?|"
    r"leaves?|smiles?|talks? (?:to|with)|reacts?|departs?|chats?|pictured|is seen|are seen|"
    r"is displayed|are displayed|are stacked|is stacked|are loaded|is loaded|sails?|"
    r"is shown|are shown|are pictured|is pictured|fly|flies|flutters?|sign the|signs the)\b"
)
# A caption often ends with the place and the full date of the picture: "..., May 3, 2018."
CAPTION_DATE = re.compile(
    r"(?:,|\bon|\bin)\s+(?:\w+\.?\s+)?(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)"
    r"[a-z]*\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|"
    r"Nov|Dec)[a-z]*\.?,?\s+\d{4})\.?\s*(?:\([^)]*\))?\s*$"
)


_CAPTION_VERB_HEADS = word_set(
    "pose poses wave waves speak speaks gather gathers wait waits watch watches queue queues "
    "march marches chant chants applaud applauds cheer cheers gesture gestures arrive arrives "
    "attend attends shake shakes "
    "look looks listen listens walk walks sit sits stand stands greet greets deliver delivers "
    "addresses hold holds leave leaves smile smiles talk talks react reacts depart departs chat "
    "chats pictured is are sail sails fly flies flutter flutters sign signs"
)


# A full date with its year: pictures are dated so, report sentences rarely ("on Monday").
FULL_DATE = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}\b|"
    r"\b\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?,?\s+\d{4}\b"
)
# A full date that ends a sentence: ", July 25, 2018." (a report goes on: "on June 23, 2016,
# to leave").
DATED_STOP = re.compile(rf"(?:{FULL_DATE.pattern})\.(?:\s|$)")
# The place and full date that end a caption: ", Argentina, Dec. 1, 2018." (a report writes
# "on Dec. 1").
PLACE_DATE_END = re.compile(
    r"[A-Z][\w.]*,\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+"
    r"\d{1,2},\s+\d{4}(?:\.?\s*$|,\s+in\s+[A-Z][\w .,'’-]{1,60}\.\s*$)"
)
# A credit cut short by the page: "... in Washington. (AP…"
CUT_CREDIT = re.compile(r"\([A-Z][\w/ .-]{0,30}(?:…|\.\.\.)\s*$")
# Words ending in s that are not present-tense verbs.
_NOT_VERBS = word_set(
    "is was has as his its this thus us news across less unless always perhaps plus whereas "
    "various previous serious famous yes chaos bus gas status focus census bonus campus virus "
    "minus process progress access business press its hers ours yours whose towards afterwards "
    "besides sometimes nevertheless does goes"
)
_PAST_WORDS = word_set(
    "was were had said met held told took made gave went came saw left led won lost did spoke "
    "agreed signed voted announced"
)
_CAPTION_VERB_REACH = 12
# Words before which a caption verb's form is a noun: "in talks with", "the stands".
_NOUN_MARKS = word_set("a an the in of for on at to from into these those their his her its our")
_CONNECTORS = word_set("of the and de la le van der von bin al da di du y")
REPORTING = re.compile(r"\b(?:said|says|told|tells|will|would|added|according)\b")
# The patterns searched over whole lines, as WordPatterns (scanning a line of ASCII faster).
_REPORTING_SCAN = WordPattern(REPORTING.pattern)
_PHOTO_LABEL_SCAN = WordPattern(f"(?i){PHOTO_LABEL.pattern}")
SOURCES_CREDIT_SCAN = WordPattern(f"(?i){SOURCES_CREDIT.pattern}")
# Every match of SOURCES_CREDIT opens the line with "some", "info", "mate" or "repo", or
# closes it with the last two letters of "report", "story" or "article" (then a stop and
# white space at most), in any case. Ignoring case, the pattern also reads the long s as "s"
# and the dotted capital and the dotless small i as "i": only in the opening words.
_SOURCES_CREDIT_OPENINGS = ("some", "info", "mate", "repo")
_SOURCES_CREDIT_ENDINGS = frozenset(
    a + b
    for end in ("rt", "ry", "le")
    for a in (end[0], end[0].upper())
    for b in (end[1], end[1].upper())
)
# Longer lines are article text or a notice the shorter tests never needed to see.


def may_be_sources_credit(line: str) -> bool:
    """Whether :data:`SOURCES_CREDIT` can match ``line``: the cheap test of its first and last
    letters before the search (which tries each place of the line)."""
    head = line[:4]
    if not head.isascii() or head.lower() in _SOURCES_CREDIT_OPENINGS:
        return True
    tail = line.rstrip()
    if tail[-1:] == ".":
        tail = tail[:-1]
    return tail[-2:] in _SOURCES_CREDIT_ENDINGS


def is_caption(line: str, folded: str = "", count: int = -1) -> bool:
    """A photo caption or credit judged alone: a credit mark, or a present-tense picture
    description dated with the picture's full date. ``folded``: the line case-folded;
    ``count``: its words (:func:`~briefings.reading.lineshape.words`), when the caller has
    them."""
    if (count if count >= 0 else words(line)) > 70:
        return False
    folded = folded or line.casefold()
    if PHOTO_CREDIT_START.match(line) or CUT_CREDIT.search(line):
        return True
    if ends_with_picture_credit(line):
        return True  # "... in Putrajaya. — Agency pic"
    if has_photo_credit(line, folded):
        return True
    if line[-1:] == "]" and _owner_in_square_brackets(line):
        return True
    if not holds_four_digits(line) or _REPORTING_SCAN.search(line):
        return False  # every dated caption below names a year
    if PLACE_DATE_END.search(line):
        return True  # "... in Buenos Aires, Argentina, Dec. 1, 2018."
    if not describes_picture(line):
        return False
    return CAPTION_DATE.search(line) is not None or FULL_DATE.search(line) is not None


# A picture's owner in square brackets after a short description's stop: "Inside the
# Council's building. [European Council]". A wire's sign-off in capitals ("... talks. [AP]")
# closes a paragraph of the report.
_SQUARE_OWNER = re.compile(r"(?<=[.!?])\s*\[(?P<owner>[A-Z][\w .&/'’-]{1,40})\]$")
_SQUARE_OWNER_MAX_WORDS = 14


def _owner_in_square_brackets(line: str) -> bool:
    found = _SQUARE_OWNER.search(line)
    if found is None or found["owner"].isupper():
        return False
    return words(line) <= _SQUARE_OWNER_MAX_WORDS and _REPORTING_SCAN.search(line) is None


def has_photo_credit(line: str, folded: str) -> bool:
    """Whether a photo credit stands in the line, where a credit mark may stand: a bracket, a
    colon or a slash, or an agency's name (the cheap tests before the searches)."""
    bracket = "(" in line or "[" in line
    colon = ":" in line
    agency = "/" in line or _names_agency(folded)
    if not (bracket or colon or agency):
        return False
    if bracket and _credit_in_brackets(line):
        return True
    if colon and _PHOTO_LABEL_SCAN.search(line):
        return True
    # Ignoring case, a pattern reads the dotted capital and the dotless small i as "i", where
    # case folding does not: only with one of them can an agency stand where no hint does.
    if agency or "ı" in line or "İ" in line:
        return AGENCY_CREDIT.search(line) is not None
    return False


def _names_agency(folded: str) -> bool:
    """Whether the case-folded line holds a word of AGENCY_CREDIT's matches without a slash."""
    return (
        holds_any(folded, _CREDIT_HINTS)
        or ("photo" in folded and holds_any(folded, _CREDIT_HINTS_WITH_PHOTO))
        or ("stock" in folded and holds_any(folded, _CREDIT_HINTS_WITH_STOCK))
    )


def _credit_in_brackets(line: str) -> bool:
    """Whether a credit in brackets stands in ``line``: matched at each bracket, where one
    can open (quicker than a search through the whole line)."""
    for bracket in "([":
        at = line.find(bracket)
        while at >= 0:
            after = line[at + 1 : at + 2]
            if (
                after  # "(Photo: ...)", or an agency's name first: "(AP Video: Jane Roe)"
                and (after in _CREDIT_WORD_INITIALS or after.isupper())
                and CREDIT_IN_BRACKETS.match(line, at) is not None
            ):
                return True
            at = line.find(bracket, at + 1)
    return False


# The letters a word of CREDIT_IN_BRACKETS opens with, in either case; ignoring case, the
# pattern also reads the dotted capital and the dotless small i as "i".
_CREDIT_WORD_INITIALS = "pPiIvVfFcC\u0130\u0131"


def describes_picture(line: str) -> bool:
    """Whether ``line`` opens like a caption: someone or something, then a verb that
    describes a picture ("Ministers pose ...", "Kenya's President Uhuru Kenyatta witnesses
    ...") before any past-tense verb of a report."""
    return _caption_verb_first(line) or _present_tense_after_subject(line)


def opens_with_caption_verb(line: str) -> bool:
    """Whether a verb that describes a picture ("speaks to", "pose", "arrives") comes before
    any past-tense verb of a report."""
    return _caption_verb_first(line)


def _caption_verb_first(line: str) -> bool:
    tokens = line.split(None, _CAPTION_VERB_REACH)[:_CAPTION_VERB_REACH]
    for i, token in enumerate(tokens):
        word = token.strip(",;()'’\"“”").casefold()
        if word in _PAST_WORDS or (word.endswith("ed") and token[:1].islower()):
            return False
        if (
            word in _CAPTION_VERB_HEADS
            and token[:1].islower()
            and (i == 0 or not _noun_here(word, tokens[i - 1]))
            and CAPTION_VERB.match(" ".join(tokens[i : i + 2]))
        ):
            return True
    return False


def _noun_here(word: str, before: str) -> bool:
    """Whether a caption verb's form is a noun after the word before it: "in talks with", "the
    stands"; "talks" after any word in lower case ("tariff talks with") is the talks."""
    return before.casefold() in _NOUN_MARKS or (word == "talks" and before[:1].islower())


_SUBJECT_REACH = 16


def _present_tense_after_subject(line: str) -> bool:
    seen_subject = False
    possessive = False
    for token in line.split(None, _SUBJECT_REACH)[:_SUBJECT_REACH]:
        word = token.strip(",;()'’\"“”")
        if not word:
            continue
        if word[0].isupper() or word[0].isdigit() or word.casefold() in _CONNECTORS:
            seen_subject = seen_subject or word[0].isupper()
            possessive = token.rstrip(",;)").endswith(("'s", "’s", "s'", "s’"))
            continue
        if possessive:
            return False  # "Trump's promises ...": a noun after an owner, not a verb
        if token.endswith(",") and word in ("right", "left", "center", "centre", "second"):
            continue  # "Prime Minister John Key, right, speaks ..."
        return (
            seen_subject
            and word.isalpha()
            and len(word) > 3
            and word.endswith("s")
            and not word.endswith(("ss", "us", "is"))
            and word not in _NOT_VERBS
            and not _verb_follows(line, token)
        )
    return False


def _verb_follows(line: str, token: str) -> bool:
    """Whether a past-tense verb follows ``token``: then the word was a plural noun, the
    subject's ("U.S. and Estrian officials concluded ...")."""
    rest = line.split(token, 1)[1].split(None, 1)
    after = rest[0].strip(",;:") if rest else ""
    return after in _PAST_WORDS or (after.endswith("ed") and after[:1].islower())


def is_picture_description(line: str) -> bool:
    """A description of a picture by its verb ("... pose before the meeting"), without the
    date: weaker than a caption, so only verbs that describe a picture count, never a
    present-tense lede ("Parliament decides on Wednesday ...")."""
    return (
        words(line) <= 45
        and ". " not in line  # the cheap tests first: one sentence, a short one
        and _caption_verb_first(line)
        and not _REPORTING_SCAN.search(line)
    )
