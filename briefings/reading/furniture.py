"""What a single line of a page is when it is not article text: its furniture kind.

Each test reads the line's shape first (length, sentence punctuation, capitals, digits) and
uses a phrase only as one signal among several, so that the rules hold for pages of any
outlet: a caption is a present-tense description of a picture, often ending with a date or a
credit; a prompt is an imperative addressed to the reader; a label has no sentence at all.
:func:`line_kind` judges a line alone (captions and credits by :mod:`briefings.reading.captions`,
the line's shape by :mod:`briefings.reading.lineshape`); :mod:`briefings.reading.page` judges it
in its place.
"""

from __future__ import annotations

import re

from briefings.reading.boilerplate import BYLINE, CREDIT_LINE, is_boilerplate, may_be_credit_line
from briefings.reading.captions import (
    SOURCES_CREDIT_SCAN,
    VIA_CREDIT,
    is_caption,
    may_be_sources_credit,
)
from briefings.reading.dates import parse_date_line
from briefings.reading.embeds import is_embedded_post, tells_positions
from briefings.reading.linekind import LineKind
from briefings.reading.lineshape import TITLE_MIN_WORDS, ends_sentence, is_title_like, words
from briefings.reading.officialdom import is_bracketed_note, official_line_kind
from briefings.reading.promos import is_disguised, is_promotion, is_reader_notice, is_stamp
from briefings.reading.scanning import holds_any
from briefings.reading.sitelines import site_line_kind
from briefings.reading.sitemarks import (
    is_distribution_credit,
    is_link_notice,
    is_source_line,
)

# An imperative addressed to the reader, about the site itself.
PROMPT = re.compile(
    r"^(?:please\s+)?(?:sign up|sign in|log in|subscribe|download|follow|join|get (?:the|our)|"
    r"click|tap|"
    r"listen|watch|read (?:more|next|the full|our)|also read|see also|more on|share|email|"
    r"print|comment|leave a comment|view|open|expand|enlarge|play|skip to|jump to|back to|"
    r"sponsored|advertisement|support)\b",
    re.IGNORECASE,
)
_PROMPT_OBJECT = re.compile(
    r"\b(?:our|us|app|newsletter|briefing|podcast|updates|alerts|here|now|free|gallery|"
    r"video|photos?|images?|comments?|story|article|stories|more|top|content|navigation|"
    r"page|link|facebook|twitter|whatsapp|linkedin|email|reading|access)\b",
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
    # "Story first published: Wednesday, ...": a label, the page's word before it, a colon
    r"^(?:story|article|page|post|news|report)\s+(?:first |last )?"
    r"(?:updated|published|posted|modified)\s*:.{0,60}$|"
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
_NOTICE_OPENING_MIN_WORDS = 25  # shorter lines are judged whole


def _opens_with_reader_notice(text: str) -> bool:
    """A paywall's or a site's notice, however long, told by its first sentence ("This
    article is for subscribers only. ...", "You have reached your limit of free articles.
    ...")."""
    head = text[:_NOTICE_REACH].casefold()
    if "you" not in head and not head.startswith("this "):
        return False  # the cheap test first: no second person, no "This article ..."
    stop = _SENTENCE_STOP.search(text)
    first = text[: stop.end()] if stop else text
    return is_reader_notice(first, words(first))


_NOTICE_REACH = 160


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
# An excerpt cut at both ends, each cut marked in brackets: another page's teaser of this one.
_BRACKETED_CUTS = ("[…]", "[...]")
# A line that opens with a symbol (a bullet, a chart key, an icon) and is no sentence.
SYMBOL_START = re.compile(r"^[^\w\s\"'“‘(«\[$€£¥-]")
# Every match of DISCLAIMER, case-folded, holds one of these: a line that holds none is not
# searched. Case folding reads the dotted capital and the dotless small i apart from "i",
# where the case-blind search does not: a line with one of them (its dot folded to a
# combining one) is searched when it holds one of the broader _DISCLAIMER_WORDS. The phrases
# that share a word are looked for only in a line that holds the word (one search for most).
_DISCLAIMER_HINT_GROUPS = (
    ("not", (
        "not constitute", "not reflect", "not updated", "not been saved", "not be saved",
        "external links may not",
    )),
    ("updated", ("s updated", "been updated", "longer updated", "being updated")),
    ("official", ("official document", "official website of")),
    ("website", ("secure websites", "websites use https", ".gov website")),
)  # fmt: skip
_DISCLAIMER_HINTS = (
    "original language version", "information purposes only", "necessarily",
    "views and opinions expressed", "archiv", "correct at", "how you know",
    "historical material", "frozen in time", "safely connected", "was published under",
    "equal opportunity",
)  # fmt: skip
_DISCLAIMER_WORDS = (
    "original language", "information purposes", "official", "constitute", "reflect", "archiv",
    "views and opinions",
    "updated", "correct at", "external links", "this page", "this release", "this website",
    "how you know", "historical", "frozen", "secure", "https", ".gov", "safely", "published under",
    "equal opportunity", "saved",
)  # fmt: skip
_SEPARATORS = (" | ", " > ", " » ", " › ")

_FURNITURE_MAX_WORDS = 70
# A promo for another story set in the text: its label glued to the teaser by a colon with no
# space ("Farm fight:Norland's farmers block the border, police say."). A sentence puts a space
# after its colon; a speaker's label in capitals is no promo.
GLUED_PROMO = re.compile(r"^[A-Z][^:.!?\"“”]{2,60}[a-z]:[A-Z“\"‘']")
_GLUED_PROMO_REACH = 64
_GLUED_PROMO_MAX_WORDS = 40
# A columnist's teaser: the name in capitals glued by a colon to a headline with no stop
# ("JANE ROE:Why farmers fear the next round"), or to a headline in quotation marks ("JANE
# ROE: ‘Farmers will pay the price’"). A speaker's turn puts a space after the colon and
# tells in sentences; a dateline glued to a lede ("LINDAU:The talks ...") ends with a stop.
GLUED_NAME_PROMO = re.compile(r"^[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){1,3}:")
_GLUED_NAME_PROMO_MAX_WORDS = 25
# Several "Field: value" pairs on one line: a record's metadata, not a sentence.
FIELDS = re.compile(r"(?:^|\s)[A-Z][\w ]{1,20}:\s+\S")
SIGN_OFF = re.compile(r"^(?:ends|end|-?\s*ends\s*-?|###|—?\s*END\s*—?|\*\*\*)$", re.IGNORECASE)


def line_kind(
    line: str, *, boilerplate: bool | None = None, credit: bool | None = None
) -> LineKind | None:
    """The furniture kind of ``line`` judged on its own, or None when it may be article text.
    ``boilerplate``: whether :func:`~briefings.reading.boilerplate.is_boilerplate` holds for
    the line, when the caller has asked already; ``credit``: likewise, whether the line is a
    credit line or a byline (:data:`~briefings.reading.boilerplate.CREDIT_LINE`,
    :data:`~briefings.reading.boilerplate.BYLINE`).

    The costlier searches run only where a cheap test (length, a hint word, a separator)
    says they can match: most lines of a page are article sentences."""
    text = line.strip()
    if not text:
        return LineKind.LABEL
    count = words(text)
    # A colon counts faster than a colon and a space: the second count only where it can hold.
    if text.count(":") >= 3 and text.count(": ") >= 3 and _is_record(text):
        return LineKind.LABEL
    site = site_line_kind(text, count)
    if site is not None:
        return site
    if _opens_with_disclaimer(text) or is_disguised(text):
        return LineKind.PROMPT
    if count > _NOTICE_OPENING_MIN_WORDS and _opens_with_reader_notice(text):
        return LineKind.PROMPT  # "You have reached your limit of free articles. Subscribe ..."
    if count > _FURNITURE_MAX_WORDS:
        if _opens_with_bio(text):
            return LineKind.BIO
        return (
            LineKind.PROMPT
            if boilerplate or (boilerplate is None and is_boilerplate(text))
            else None
        )
    if (credit is not False and may_be_credit_line(text) and CREDIT_LINE.match(text)) or (
        count <= 25 and may_be_sources_credit(text) and SOURCES_CREDIT_SCAN.search(text)
    ):
        return LineKind.CREDIT
    if count <= 40 and is_distribution_credit(text):
        return LineKind.CREDIT
    if count <= 13 and is_source_line(text):
        return LineKind.CREDIT  # "From the Farm Broadcasting News Service."
    if count <= 25:
        short = _short_line_kind(text, count, byline=credit is not False)
        if short is not None:
            return short
    if (
        count <= _GLUED_PROMO_MAX_WORDS
        and ":" in text[:_GLUED_PROMO_REACH]
        and GLUED_PROMO.match(text) is not None
    ):
        return LineKind.TEASER  # "Farm fight:Norland's farmers block the border, ..."
    if count <= _GLUED_NAME_PROMO_MAX_WORDS and _is_glued_name_promo(text):
        return LineKind.TEASER  # "JANE ROE:Why farmers fear the next round of talks"
    official = official_line_kind(text, count)
    if official is not None:
        return official
    if "here" in text[-_CLICK_HERE_REACH:] and (
        CLICK_HERE_END.search(text, max(0, len(text) - 2 * _CLICK_HERE_REACH))
        or is_link_notice(text)
    ):
        return LineKind.PROMPT
    folded = text.casefold()
    if count <= 60 and _may_disclaim(folded) and DISCLAIMER.search(text):
        return LineKind.PROMPT
    if count <= 40 and _has_separator(text) and NAV_ROW.search(text):
        return LineKind.LABEL
    sentence = ends_sentence(text)
    if not sentence and (NAV_PAIR.match(text) or SYMBOL_START.match(text)):
        return LineKind.LABEL
    if text[0] in _BULLETS and CUT_SHORT.search(text):
        return LineKind.TEASER  # "• The ministry rejected ... "The idea th...": a list of teasers
    if text[0] == "[" and text.startswith(_BRACKETED_CUTS) and text.endswith(_BRACKETED_CUTS):
        return LineKind.TEASER  # "[…] post Talks resume first appeared on Site […]": an excerpt
    if _opens_with_bio(text):
        return LineKind.BIO
    if is_embedded_post(text, count) or tells_positions(text, count):
        return LineKind.CAPTION  # a post shown in the page, a picture's who-stands-where
    if is_caption(text, folded, count):
        return LineKind.CAPTION
    if is_boilerplate(text) if boilerplate is None else boilerplate:
        return LineKind.PROMPT
    if not sentence and count < TITLE_MIN_WORDS:
        return LineKind.LABEL
    if is_bracketed_note(text, count):
        return LineKind.LABEL
    return None


# A legal notice, however long, told by its first sentence: "Content is for general information
# purposes only. It is not investment advice. Opinions are the author's ...".
_DISCLAIMER_OPENING = re.compile(
    r"^[^.!?]{0,80}\b(?:for (?:general )?information(?:al)? purposes only|"
    r"(?:(?:is|are) not|does not constitute) (?:investment|financial|legal|tax) advice)\b",
    re.IGNORECASE,
)
_DISCLAIMER_REACH = 120


def _is_glued_name_promo(text: str) -> bool:
    """A name in capitals glued by a colon to a headline in mixed case with no stop."""
    if ":" not in text[:_GLUED_PROMO_REACH] or not text[1:2].isupper():
        return False  # the cheap test first: a colon near the start, capitals before it
    found = GLUED_NAME_PROMO.match(text)
    if found is None:
        return False
    rest = text[found.end() :]
    if rest[:1] == " ":  # a headline in quotation marks, no stop before the closing mark
        rest = rest.strip()
        if rest[:1] not in _OPENING_QUOTES or rest[-1:] not in _CLOSING_QUOTES:
            return False
        rest = rest[1:-1]
    elif rest[:1] not in _OPENING_QUOTES and not rest[:1].isupper():
        return False
    return not rest.isupper() and is_title_like(rest)


_OPENING_QUOTES = "“\"‘'"
_CLOSING_QUOTES = "”\"’'"


def _opens_with_disclaimer(text: str) -> bool:
    head = text[:_DISCLAIMER_REACH]
    return ("purposes only" in head or " advice" in head) and bool(_DISCLAIMER_OPENING.match(text))


def _may_disclaim(folded: str) -> bool:
    """Whether DISCLAIMER can match the line ``folded`` is the case folding of."""
    if "\u0307" in folded or "\u0131" in folded:
        return holds_any(folded, _DISCLAIMER_WORDS)
    for word, phrases in _DISCLAIMER_HINT_GROUPS:
        if word in folded and holds_any(folded, phrases):
            return True
    return holds_any(folded, _DISCLAIMER_HINTS)


def _has_separator(text: str) -> bool:
    """Whether a separator of a navigation row (" | ", " > ") stands in ``text``: its mark
    is looked for first, a quicker search than the spaced separator."""
    for sep in _SEPARATORS:  # noqa: SIM110 (a loop: cheaper than any() on a generator)
        if sep[1] in text and sep in text:
            return True
    return False


def _is_record(text: str) -> bool:
    """Several "Field: value" pairs: four, or three on a line that is no sentence."""
    fields = len(FIELDS.findall(text))
    return fields >= 4 or (fields == 3 and (not ends_sentence(text) or _credits_picture(text)))


def _credits_picture(text: str) -> bool:
    """A picture's record: its fields end with the picture's owner ("Shoot date: 22/05/2018.
    Copyright: Agency.")."""
    return "Copyright:" in text or "Credit:" in text or "Photo:" in text


# A page's index terms: "Subjects: Trade negotiations", "Topics: Tariffs, Steel".
_SUBJECTS = re.compile(r"^(?:subjects?|topics?|keywords|tags?)\s*:\s+\S", re.IGNORECASE)
_SUBJECTS_INITIALS = "STKstk"
# An entry of a calendar of other events: a weekday, a date, a dash and no stop ("Saturday 19
# October - The President meets the Prime Minister in Lindau"), in whatever language.
_CALENDAR_ENTRY = re.compile(
    r"^[A-Z][a-z\u00e0-\u00ff]{4,10},?\s+\d{1,2}(?:st|nd|rd|th|er)?\s+[A-Z][a-z\u00e0-\u00ff]{2,9}\.?"
    r"(?:\s+\d{4})?\s+[-\u2013\u2014]\s+[^.!?]+$"
)


def _short_line_kind(text: str, count: int, *, byline: bool = True) -> LineKind | None:
    """Kinds that only a short line can be: a byline, a button, a prompt, a timestamp.
    ``byline``: whether the line may be a byline (False when the caller has asked)."""
    if byline and count <= 14 and BYLINE.match(text):
        return LineKind.BYLINE
    if text[:1] in _SUBJECTS_INITIALS and ":" in text[:10] and _SUBJECTS.match(text):
        return LineKind.LABEL
    if text[-1:].isalpha() and text[1:2].islower() and _CALENDAR_ENTRY.match(text):
        return LineKind.LABEL
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
    if is_promotion(text, count) or is_reader_notice(text, count):
        return LineKind.PROMPT
    if count <= 12 and "via " in text and VIA_CREDIT.search(text):
        return LineKind.CAPTION
    return None
