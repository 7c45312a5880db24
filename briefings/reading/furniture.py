"""What a single line of a page is when it is not article text: its furniture kind.

Each test reads the line's shape first (length, sentence punctuation, capitals, digits) and
uses a phrase only as one signal among several, so that the rules hold for pages of any
outlet: a caption is a present-tense description of a picture, often ending with a date or a
credit; a prompt is an imperative addressed to the reader; a label has no sentence at all.
:func:`line_kind` judges a line alone; :mod:`briefings.reading.page` judges it in its place.
"""

from __future__ import annotations

import re

from briefings.reading.boilerplate import BYLINE, CREDIT_LINE, is_boilerplate
from briefings.reading.dates import parse_date_line
from briefings.reading.embeds import is_embedded_post, tells_positions
from briefings.reading.linekind import LineKind
from briefings.reading.officialdom import is_bracketed_note, official_line_kind
from briefings.reading.promos import is_promotion, is_stamp
from briefings.reading.sitelines import site_line_kind
from briefings.reading.sitemarks import (
    ends_with_picture_credit,
    is_distribution_credit,
    is_link_notice,
)

# A photo credit: "(Photo: Jane Roe/Agency)", "Photo credit: ...", "REUTERS/Jane Roe", "AP
# Photo". Three patterns, each searched only where its mark can stand: a bracket, a colon, an
# agency's name. The class after the word boundary lists the letters their words start with
# (ignoring case, as the words are matched), so most places fail at once.
CREDIT_IN_BRACKETS = re.compile(
    r"[(\[](?:photo|photograph|image|picture|video|file|credit)s?\b[^)\]]{0,80}[)\]]",
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
    r"(?:credit|source|courtesy)\s*:\s",
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
_CREDIT_HINTS = ("getty", "ap photo", "pool photo", "shutterstock", "istock", "alamy", "handout")
# Present-tense verbs that describe a picture ("Trade ministers pose before the meeting"). A
# report tells what happened in the past tense; a caption says what the picture shows.
CAPTION_VERB = re.compile(
    r"\b(?:poses?|waves?|speaks|gestures?|arrives?|attends?|shakes? hands|shake hands|"
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


def word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


_STOPS = ".!?…:।。！？"
_CLOSERS = "\"'“”‘’»)]"
_CLOSING_QUOTES = '"”’»'
_CAPTION_VERB_HEADS = word_set(
    "pose poses wave waves speaks gesture gestures arrive arrives attend attends shake shakes "
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
    "was were had said met held told took made gave went came saw left led won lost did "
    "agreed signed voted announced"
)
_CAPTION_VERB_REACH = 12
# Words before which a caption verb's form is a noun: "in talks with", "the stands".
_NOUN_MARKS = word_set("a an the in of for on at to from into these those their his her its our")
_CONNECTORS = word_set("of the and de la le van der von bin al da di du y")
REPORTING = re.compile(r"\b(?:said|says|told|tells|will|would|added|according)\b")
# An imperative addressed to the reader, about the site itself.
PROMPT = re.compile(
    r"^(?:sign up|sign in|log in|subscribe|download|follow|join|get (?:the|our)|click|tap|"
    r"listen|watch|read (?:more|next|the full|our)|also read|see also|more on|share|email|"
    r"print|comment|leave a comment|view|open|expand|enlarge|play|skip to|jump to|back to|"
    r"sponsored|advertisement|support)\b",
    re.IGNORECASE,
)
_PROMPT_OBJECT = re.compile(
    r"\b(?:our|us|app|newsletter|briefing|podcast|updates|alerts|here|now|free|gallery|"
    r"video|photos?|images?|comments?|story|article|stories|more|top|content|navigation|"
    r"page|link|facebook|twitter|whatsapp|linkedin|email)\b",
    re.IGNORECASE,
)
CLICK_HERE = re.compile(r"\b(?:click|tap|go) here\b|\bclick (?:on )?the link\b", re.IGNORECASE)
# A notice of any length whose link is its last words: "To view a video of ..., click here."
CLICK_HERE_END = re.compile(r"\b(?:click|tap) here\b[^.!?]{0,40}[.!]?\s*$", re.IGNORECASE)
_CLICK_HERE_REACH = 50  # how far from a line's end the "here" of CLICK_HERE_END can stand
COMMENT_COUNT = re.compile(
    r"^(?:\d+\s+comments?|comments?\s*\(?\d*\)?|see comments|"
    r"show comments|no comments|your opinion|\d+\s+shares?)$",
    re.I,
)
TIMESTAMP = re.compile(
    r"^(?:updated|published|posted|last updated|first published|modified|created)\b.{0,60}$|"
    r"^\d{1,2}[:.]\d{2}\s*(?:am|pm|a\.m\.|p\.m\.)?\s*(?:[A-Z]{2,4})?$|"
    r"^\d+\s+(?:min|mins|minutes?|hours?|hrs?|days?)\s+(?:ago|read)$",
    re.IGNORECASE,
)
# "Jane Roe is VOA's White House correspondent." at the end of a report.
# An initial counts as a name's word ("Jane K Roe is the Chief Visual Editor at Northwire").
BIO = re.compile(
    r"^[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]*){1,3}\s+(?:is|was|has been)\s+(?:a|an|the|our|[A-Z]\w*'s)"
    r"\b.{0,120}\b(?i:correspondent|reporter|journalist|editor|writer|columnist|contributor|"
    r"producer|bureau chief|covers|covering)\b",
)
# "Jane Roe covers trade for Northwire." at the end of a report: a name, then what the author
# writes about and for whom.
BIO_BEAT = re.compile(
    r"^[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,2}\s+(?:covers|writes about|writes on|reports on)"
    r"\s.{0,100}\bfor\s+(?:the\s+)?[A-Z]"
)
_BIO_MAX_WORDS = 60
_SENTENCE_STOP = re.compile(r"[.!?](?=\s+[A-Z])")


def _opens_with_bio(text: str) -> bool:
    """An author's bio, judged by its first sentence whatever the paragraph goes on with
    ("Jane K Roe is the Chief Visual Editor at Northwire, bringing ..."). The cheap test
    first: a bio's verb stands within its first words."""
    head = text[:_BIO_VERB_REACH]
    if (
        " is " not in head
        and " was " not in head
        and " has been " not in head
        and (" covers " not in head and " write" not in head and " reports on " not in head)
    ):
        return False
    if BIO.match(text) is None and BIO_BEAT.match(text) is None:
        return False
    stop = _SENTENCE_STOP.search(text)
    return words(text[: stop.end()] if stop else text) <= _BIO_MAX_WORDS


_BIO_VERB_REACH = 60


# Notices that stand on official and legal pages rather than in a report.
DISCLAIMER = re.compile(
    r"\b(?:original language version|for information purposes only|not an official document|"
    r"(?:does|do) not (?:necessarily )?(?:constitute|reflect)|views and opinions expressed|"
    r"archived (?:web)?page|"
    r"(?:content|information) (?:on this page )?(?:is|was) (?:not updated|correct at)|"
    r"external links may not|this (?:page|release|website) (?:is|was|has been) (?:archived|"
    r"updated)|official website of|here'?s how you know|historical material|frozen in time|"
    r"no longer (?:being )?updated|archived content|archive site|not updated|safely connected|"
    r"secure websites|websites use https|was published under|"
    r"(?:is|an?) equal opportunity (?:provider|employer)|(?:has|have) not been saved|"
    r"could not be saved)\b|\.gov websites?\b",
    re.IGNORECASE,
)
# Breadcrumbs and navigation rows: "Home > News > Trade", "United States | Washington".
NAV_ROW = re.compile(r"\s[|>»›]\s.*\s[|>»›]\s")
NAV_PAIR = re.compile(r"^[^!?]{2,60}\s[|›]\s[^!?]{2,80}$")
# A teaser's excerpt, cut short by the page: it ends with an ellipsis (before any closing mark).
CUT_SHORT = re.compile(r"(?:\.\.\.|…)[\"'”’»)\]]*$")
_BULLETS = "•·▪◦‣∙"
# A line that opens with a symbol (a bullet, a chart key, an icon) and is no sentence.
SYMBOL_START = re.compile(r"^[^\w\s\"'“‘(«\[$€£¥-]")
_DISCLAIMER_HINTS = (
    "original language", "information purposes", "official", "constitute", "reflect", "archiv",
    "views and opinions",
    "updated", "correct at", "external links", "this page", "this release", "this website",
    "how you know", "historical", "frozen", "secure", "https", ".gov", "safely", "published under",
    "equal opportunity", "saved",
)  # fmt: skip
_SEPARATORS = (" | ", " > ", " » ", " › ")
_YEAR = re.compile(r"\d\d\d\d")  # not \d{4}: a pattern opening with a class scans faster
# Longer lines are article text or a notice the shorter tests never needed to see.
_FURNITURE_MAX_WORDS = 70
# Several "Field: value" pairs on one line: a record's metadata, not a sentence.
FIELDS = re.compile(r"(?:^|\s)[A-Z][\w ]{1,20}:\s+\S")
SIGN_OFF = re.compile(r"^(?:ends|end|-?\s*ends\s*-?|###|—?\s*END\s*—?|\*\*\*)$", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z][\w'’-]*")

TITLE_MIN_WORDS = 3
TITLE_MAX_WORDS = 30
PROSE_MIN_WORDS = 8


def words(line: str) -> int:
    """Words of a line: counted by its spaces, as page lines come with single spaces."""
    text = line.strip()
    return text.count(" ") + 1 if text else 0


def ends_sentence(line: str) -> bool:
    """Whether ``line`` ends a sentence: a stop (. ! ? … or a colon that introduces a quote)
    before any closing quotes or brackets, or a closing quote mark itself."""
    text = line.rstrip()
    if not text:
        return False
    if text[-1] in _CLOSING_QUOTES:
        return True
    core = text.rstrip(_CLOSERS)
    return bool(core) and core[-1] in _STOPS


def is_prose(line: str) -> bool:
    """A line that reads as article text: a sentence of some length."""
    return words(line) >= PROSE_MIN_WORDS and ends_sentence(line) and _has_lower_words(line)


def is_title_like(line: str) -> bool:
    """A headline's shape: a few words, no sentence stop (a question or exclamation may)."""
    count = words(line)
    if not TITLE_MIN_WORDS <= count <= TITLE_MAX_WORDS:
        return False
    stripped = line.rstrip()
    if stripped.endswith((".", ":", ";", ",")) and not stripped.endswith("..."):
        return False
    return len(_WORD.findall(line)) >= TITLE_MIN_WORDS


def _has_lower_words(line: str) -> bool:
    """At least two words that start in lower case: running text, not a list of names."""
    found = 0
    for word in line.split():
        if word[0].islower():
            found += 1
            if found == 2:
                return True
    return False


def is_caption(line: str, folded: str = "") -> bool:
    """A photo caption or credit judged alone: a credit mark, or a present-tense picture
    description dated with the picture's full date. ``folded``: the line case-folded."""
    if words(line) > 70:
        return False
    folded = folded or line.casefold()
    if PHOTO_CREDIT_START.match(line) or CUT_CREDIT.search(line):
        return True
    if ends_with_picture_credit(line):
        return True  # "... in Putrajaya. — Agency pic"
    if has_photo_credit(line, folded):
        return True
    if not _YEAR.search(line) or REPORTING.search(line):
        return False  # every dated caption below names a year
    if PLACE_DATE_END.search(line):
        return True  # "... in Buenos Aires, Argentina, Dec. 1, 2018."
    if not describes_picture(line):
        return False
    return CAPTION_DATE.search(line) is not None or FULL_DATE.search(line) is not None


def has_photo_credit(line: str, folded: str) -> bool:
    """Whether a photo credit stands in the line, where a credit mark may stand: a bracket, a
    colon or a slash, or an agency's name (the cheap tests before the searches)."""
    bracket = "(" in line or "[" in line
    colon = ":" in line
    agency = "/" in line or _holds_any(folded, _CREDIT_HINTS)
    if not (bracket or colon or agency):
        return False
    if bracket and CREDIT_IN_BRACKETS.search(line):
        return True
    if colon and PHOTO_LABEL.search(line):
        return True
    # Ignoring case, a pattern reads the dotted capital and the dotless small i as "i", where
    # case folding does not: only with one of them can an agency stand where no hint does.
    if agency or "ı" in line or "İ" in line:
        return AGENCY_CREDIT.search(line) is not None
    return False


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
    tokens = line.split()[:_CAPTION_VERB_REACH]
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


def _present_tense_after_subject(line: str) -> bool:
    seen_subject = False
    possessive = False
    for token in line.split()[:16]:
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
        and _caption_verb_first(line)
        and not REPORTING.search(line)
        and line.count(". ") == 0
    )


def line_kind(line: str, *, boilerplate: bool | None = None) -> LineKind | None:
    """The furniture kind of ``line`` judged on its own, or None when it may be article text.
    ``boilerplate``: whether :func:`~briefings.reading.boilerplate.is_boilerplate` holds for
    the line, when the caller has asked already.

    The costlier searches run only where a cheap test (length, a hint word, a separator)
    says they can match: most lines of a page are article sentences."""
    text = line.strip()
    if not text:
        return LineKind.LABEL
    count = words(text)
    if text.count(": ") >= 3 and _is_record(text):
        return LineKind.LABEL
    site = site_line_kind(text, count)
    if site is not None:
        return site
    if count > _FURNITURE_MAX_WORDS:
        return LineKind.BIO if _opens_with_bio(text) else None
    if CREDIT_LINE.match(text) or (count <= 25 and SOURCES_CREDIT.search(text)):
        return LineKind.CREDIT
    if count <= 40 and is_distribution_credit(text):
        return LineKind.CREDIT
    if count <= 25:
        short = _short_line_kind(text, count)
        if short is not None:
            return short
    official = official_line_kind(text, count)
    if official is not None:
        return official
    if "here" in text[-_CLICK_HERE_REACH:] and (
        CLICK_HERE_END.search(text, max(0, len(text) - 2 * _CLICK_HERE_REACH))
        or is_link_notice(text)
    ):
        return LineKind.PROMPT
    folded = text.casefold()
    if count <= 60 and _holds_any(folded, _DISCLAIMER_HINTS) and DISCLAIMER.search(text):
        return LineKind.PROMPT
    if count <= 40 and _has_separator(text) and NAV_ROW.search(text):
        return LineKind.LABEL
    sentence = ends_sentence(text)
    if not sentence and (NAV_PAIR.match(text) or SYMBOL_START.match(text)):
        return LineKind.LABEL
    if text[0] in _BULLETS and CUT_SHORT.search(text):
        return LineKind.TEASER  # "• The ministry rejected ... "The idea th...": a list of teasers
    if _opens_with_bio(text):
        return LineKind.BIO
    if is_embedded_post(text, count) or tells_positions(text, count):
        return LineKind.CAPTION  # a post shown in the page, a picture's who-stands-where
    if is_caption(text, folded):
        return LineKind.CAPTION
    if is_boilerplate(text) if boilerplate is None else boilerplate:
        return LineKind.PROMPT
    if not sentence and count < TITLE_MIN_WORDS:
        return LineKind.LABEL
    if is_bracketed_note(text, count):
        return LineKind.LABEL
    return None


def _has_separator(text: str) -> bool:
    """Whether a separator of a navigation row (" | ", " > ") stands in ``text``: its mark
    is looked for first, a quicker search than the spaced separator."""
    for sep in _SEPARATORS:  # noqa: SIM110 (a loop: cheaper than any() on a generator)
        if sep[1] in text and sep in text:
            return True
    return False


def _holds_any(text: str, hints: tuple[str, ...]) -> bool:
    """Whether ``text`` holds one of ``hints`` (a plain loop: cheaper than any() on a
    generator, and this runs for most lines of a page)."""
    for hint in hints:  # noqa: SIM110
        if hint in text:
            return True
    return False


def _is_record(text: str) -> bool:
    """Several "Field: value" pairs: four, or three on a line that is no sentence."""
    fields = len(FIELDS.findall(text))
    return fields >= 4 or (fields == 3 and not ends_sentence(text))


def _short_line_kind(text: str, count: int) -> LineKind | None:
    """Kinds that only a short line can be: a byline, a button, a prompt, a timestamp."""
    if count <= 14 and BYLINE.match(text):
        return LineKind.BYLINE
    if COMMENT_COUNT.match(text) or SIGN_OFF.match(text):
        return LineKind.PROMPT
    if PROMPT.match(text) and _PROMPT_OBJECT.search(text):
        return LineKind.PROMPT
    if ("here" in text or "link" in text) and CLICK_HERE.search(text):
        return LineKind.PROMPT
    if count <= 12 and (
        TIMESTAMP.match(text) or parse_date_line(text) is not None or is_stamp(text, count)
    ):
        return LineKind.TIMESTAMP
    if is_promotion(text, count):
        return LineKind.PROMPT
    if count <= 12 and "via " in text and VIA_CREDIT.search(text):
        return LineKind.CAPTION
    return None
