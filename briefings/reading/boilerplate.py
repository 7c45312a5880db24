"""Site boilerplate that must never reach a briefing: credit lines, teasers, banners, prompts.

Each pattern is a compiled module constant; :func:`is_boilerplate` is the one question callers
ask of a paragraph.
"""

from __future__ import annotations

import re

from briefings.reading.scanning import WordPattern

# "(This article was written by A, and correspondent B.)" and its variants.
CREDIT_LINE = re.compile(
    r"^\(?\s*(?:this (?:article|story|report) (?:was )?)?"
    r"(?:written|reported|compiled|contributed|edited)\s+by\s+(?P<names>.+?)\.?\s*\)?\s*$|"
    # A wire credit: in brackets, several credits, or a few words ("Reporting by A; Editing
    # by B", "Based on reporting by AP"); "Reporting by the paper suggested ..." is a sentence.
    # (the first lookahead only spares the others' scans of a paragraph that is no credit)
    r"^(?=\(|based on |additional |reporting|writing|editing)"
    r"(?:\(\s*|(?=[^()]*;)|(?=(?:\S+\s+){0,7}\S+\s*$))(?:based on )?(?:additional )?"
    r"(?:reporting|writing|editing)\s+by\s+(?P<wire>.+?)\.?\s*\)?\s*$",
    re.IGNORECASE,
)
# Every match of CREDIT_LINE opens, after a bracket and spaces, with one of these words in any
# case; ignoring case, the pattern also reads the dotted capital and the dotless small i as
# "i" and the long s as "s", which lower-casing does not.
_CREDIT_OPENINGS = (
    "this ",
    "written",
    "reported",
    "compiled",
    "contributed",
    "edited",
    "based on ",
    "additional ",
    "reporting",
    "writing",
    "editing",
)
_CREDIT_OPENING_MAX_CHARS = 11
_CREDIT_INITIALS = "tTwWrRcCeEbBaA"


def may_be_credit_line(text: str) -> bool:
    """Whether :data:`CREDIT_LINE` can match ``text``: the cheap test of its opening words
    before the match (whose tests of a bracketed paragraph are slow)."""
    head = text[1:].lstrip() if text[:1] == "(" else text.lstrip()
    if not head or head[0] not in _CREDIT_INITIALS:
        return False  # most paragraphs: no opening word's initial
    head = head[:_CREDIT_OPENING_MAX_CHARS]
    return (
        head.lower().startswith(_CREDIT_OPENINGS)
        or "\u0130" in head
        or "\u0131" in head
        or "\u017f" in head
    )


# A wire credit that closes the last paragraph: "... since then. (Reporting by A; Editing by B)".
TRAILING_CREDIT = re.compile(
    r"\s*\((?:additional )?(?:reporting|writing|editing|compiled|written|reported)\s+by\b"
    r"[^()]{2,200}\)\s*$",
    re.IGNORECASE,
)
# "By Mara Whitfield, Pacific Wire" / "By A and B".
BYLINE = re.compile(r"^by\s+(?P<names>[A-Z][^.!?]{1,120})$", re.IGNORECASE)
# A link to another story under its label: "Read more: ...", "Related - ...", "More: <title>",
# "Also Read: <title>".
READ_MORE = re.compile(
    r"^(?:read more|related|see also|more on this|recommended|watch|listen|also read|read also|"
    r"more(?=\s*:))\s*[:>»-]",
    re.IGNORECASE,
)
COOKIES = re.compile(
    r"\b(?:we use cookies|cookie (?:policy|settings|preferences)|accept (?:all )?cookies)\b",
    re.IGNORECASE,
)
NEWSLETTER = re.compile(
    r"\b(?:sign up for (?:our|the) \w*\s*newsletter|subscribe (?:to our|for \$?\d)|"
    r"newsletter sign[- ]?up|get our newsletter|support our journalism)\b",
    re.IGNORECASE,
)
COPYRIGHT = re.compile(
    r"(?:©|&copy;|\bcopyright\b).{0,80}\b(?:rights reserved|\d{4})|\bprotected by copyright\b", re.I
)
# A prompt to read the story elsewhere: "Head over to X to read the full story", "[FULL STORY]",
# "Start the conversation, or Read more at X".
READ_ELSEWHERE = re.compile(
    r"\b(?:read|get) (?:the |our |his |her |their |(?:[\w-]+ ){0,2}[\w-]+[’']s )?"
    r"(?:full|whole|complete|entire|original) (?:story|article|report|interview|coverage)\b|"
    r"\[full story\]|\bcontinue reading\b|\bread more at (?-i:[A-Z])|\bstart the conversation\b",
    re.IGNORECASE,
)
# The site speaking to its reader about the site: "Register once, then login and you are ready
# to comment", "Your donation allows us to ...". Judged only outside quotation marks.
READER_ADDRESS = re.compile(
    r"\byou(?:r)?\b.{0,80}\b(?:comment(?:s|ing)?|log ?in|register|subscri\w+|donat\w+|"
    r"newsletters?|account|sign (?:up|in)|username|password|ad ?blocker|browser|cookies?|"
    r"email address|data protection|consent|devices?|browsing|privacy|inbox)\b|"
    r"\byour (?:donation|subscription)\b|\byour support (?:helps|makes|keeps|allows|matters)\b|"
    r"\byou can (?:find|read|watch|listen to) (?:more|the full|our)\b",
    re.IGNORECASE,
)
_READER_ADDRESS_SCAN = WordPattern(f"(?i){READER_ADDRESS.pattern}")
# The outlet speaking of itself and its journalism: "we choose not to lock readers out of our
# reporting", "We believe quality journalism should be available to everyone"; of its pages'
# workings ("This website uses cookies", "we use small files called cookies") and a consent
# widget's prompt ("accept them to load the content"); of what its subscribers get ("Each day,
# our subscribers receive ...", "The full site is only available with a subscription").
OUTLET_VOICE = re.compile(
    r"\bour (?:journalism|reporting|journalists|newsroom|readers|subscribers)\b|\bpaywalls?\b|"
    r"\bour privacy (?:notice|policy|statement)\b|"
    r"\b(?:quality|independent) journalism\b|"
    r"\b(?:this|our) (?:web)?site (?:uses|stores|sets|places)\b|\bwe use (?:[\w-]+ ){0,4}cookies\b|"
    r"\b(?:accept|allow|enable)\b[^.!?]{0,40}\bto (?:load|view|display|show|play) (?:this|the)\b|"
    r"\bsubscribers (?:receive|get|enjoy|also (?:receive|get))\b|"
    r"\b(?:is|are) only available (?:with|to) (?:a |our )?(?:subscri|member)",
    re.IGNORECASE,
)
# A note about the page itself rather than the news: "This is a developing story", "This
# article was first published on", "More to follow".
PAGE_NOTE = re.compile(
    r"^\(?(?:this (?:is an? )?(?:developing|breaking|live) (?:story|news|report)|"
    r"this is an? (?:provisional|unofficial|informal|machine|automatic|courtesy) translation|"
    r"this (?:version of (?:the|this) )?(?:story|article|post|entry|piece|page|segment|episode|"
    r"interview|programme|program|podcast|video|content) (?:was|is|has (?:already )?been|"
    r"will be|first|originally|appeared|aired|may|corrects|adds|updates|refiles)|"
    r"(?:(?:more|further) )?(?:details |information |news )?to follow|updates? to follow|"
    r"(?:more|further) (?:details |information |updates )?to come(?=\W*$)|"
    r"editor'?s note\s*:)\b",
    re.IGNORECASE,
)
# The source a page copied its text from, named on a closing line of its own: "Article Source
# - <title>", "Source: <outlet>"; a disclaimer over a broker's or a blog's page: "Opinions are
# the author's; not necessarily ...", "The views expressed are those of the writer"; a prompt
# to visit a site ("Visit https://... to find out more"); a promise to the reader with no news
# in it ("Here's what you need to know.").
SOURCE_NOTE = re.compile(
    r"^(?:(?:article|story|news|original|content) )?sources?\s*(?::|[\u2013\u2014-]\s)\s*"
    r"\S[^\n]{0,150}$|"
    r"^(?:the )?(?:opinions|views)(?: (?:expressed|stated))?(?: (?:here(?:in)?|above|below|in "
    r"this \w+))? (?:are|is) (?:solely )?(?:those of )?(?:the|its) (?:authors?|writers?)\b|"
    r"^(?:please )?visit (?:https?://|www\.)\S+|"
    r"^(?:here(?:'|\u2019)s|here is) (?:what|everything|all) you (?:need|should|want) to know\b"
    r"[^.!?]{0,40}[.:!]?$",
    re.IGNORECASE,
)
MOST_READ = re.compile(
    r"^(?:most (?:read|popular|viewed)|trending|special coverage)\s*$", re.IGNORECASE
)
# Photo captions end with a parenthesised credit: "... on June 6. (Asahi Shimbun)".
CAPTION_CREDIT = re.compile(
    r"\((?:photo|image|picture)?\s*(?:by\s+)?[A-Z][\w .&/-]{1,40}\)\s*$|"
    r"\b(?:photo|image|picture|file photo)\s*(?:by|:|credit)\s",
    re.IGNORECASE,
)
SHARE = re.compile(r"^(?:share|share this|tweet|email|print|comments?)\s*(?:\d+)?$", re.I)

_ANYWHERE = (COOKIES, NEWSLETTER, COPYRIGHT)
# Every match of an _ANYWHERE pattern holds one of these words: a substring test on them
# spares running the (unanchored, case-insensitive) searches over ordinary prose.
_ANYWHERE_HINTS = ("cookie", "newsletter", "subscribe", "journalism", "©", "&copy;", "copyright")
# Likewise for READ_ELSEWHERE, which only a short paragraph is (a prompt is one line).
_ELSEWHERE_HINTS = (
    "full ",
    "whole ",
    "complete ",
    "entire ",
    "original ",
    "continue reading",
    "read more at",
    "start the conversation",
)
_ELSEWHERE_MAX_SPACES = 25
_QUOTE_MARKS = ('"', "“", "”", "«", "»")
# The whole-paragraph patterns but the credit line (tested apart, after its cheap test) as one
# alternation: one match call instead of five.
_WHOLE = re.compile(
    "|".join(f"(?:{p.pattern})" for p in (READ_MORE, MOST_READ, SHARE, PAGE_NOTE, SOURCE_NOTE)),
    re.IGNORECASE,
)


# Site furniture is short; of a longer paragraph only the site's voice is judged (a paywall's
# pitch runs long), the other checks skipped.
_FURNITURE_MAX_CHARS = 400


def is_boilerplate(paragraph: str) -> bool:
    """True when ``paragraph`` is site furniture rather than article text."""
    text = paragraph.strip()
    if not text:
        return True
    if len(text) > _FURNITURE_MAX_CHARS:
        return _addresses_reader(text, text.casefold())
    if _WHOLE.match(text) or (may_be_credit_line(text) and CREDIT_LINE.match(text)):
        return True
    folded = text.casefold()
    if _addresses_reader(text, folded):
        return True
    # Plain loops over the hints: this runs for every short paragraph of every page.
    if text.count(" ") < _ELSEWHERE_MAX_SPACES:
        for hint in _ELSEWHERE_HINTS:
            if hint in folded:
                if READ_ELSEWHERE.search(text):
                    return True
                break
    for hint in _ANYWHERE_HINTS:
        if hint in folded:
            return any(p.search(text) for p in _ANYWHERE)
    return False


# Every match of READER_ADDRESS or OUTLET_VOICE holds one of these ("four " holds no " our ").
_SITE_HINTS = (
    "you", " our ", "journalism", "paywall", "site", "cookie", "accept", "allow", "enable",
    "subscri",
)  # fmt: skip
_SENTENCE_END = re.compile(r"(?<=[.!?])\s*(?=[A-Z])")


def _addresses_reader(text: str, folded: str) -> bool:
    """A paragraph, no quotation, most of whose sentences are the site speaking to its reader
    or of itself (a sentence of the article glued after such a line keeps the paragraph)."""
    # The hints as if searched in " " + folded: only " our " can stand at its start.
    for hint in _SITE_HINTS:
        if hint in folded:
            break
    else:
        if not folded.startswith("our "):
            return False
    if any(mark in text for mark in _QUOTE_MARKS) or not _site_speaks(text, folded):
        return False
    parts = _SENTENCE_END.split(text)
    return sum(1 for part in parts if _site_speaks(part, part.casefold())) * 2 > len(parts)


def speaks_of_site(paragraph: str) -> bool:
    """Whether a sentence of ``paragraph``, no quotation, is the site speaking to its reader or
    of itself and its offer ("Each day, our subscribers receive ...")."""
    if any(mark in paragraph for mark in _QUOTE_MARKS):
        return False
    return any(_site_speaks(part, part.casefold()) for part in _SENTENCE_END.split(paragraph))


# Every match of READER_ADDRESS, case-folded, holds one of these: a line that holds none (most
# of an interview's, full of "you") is not searched. Case folding reads the dotted capital and
# the dotless small i apart from "i", where the case-blind search does not: a line with one of
# them (its dot folded to a combining one) is searched.
_READER_ADDRESS_HINTS = (
    "comment", "login", "log in", "register", "subscri", "donat", "newsletter", "account",
    "sign up", "sign in", "username", "password", "blocker", "browser", "cookie",
    "email address", "data protection", "your support", "you can ", "consent", "device",
    "browsing", "privacy", "inbox", "\u0307", "\u0131",
)  # fmt: skip


def _may_address_reader(folded: str) -> bool:
    for hint in _READER_ADDRESS_HINTS:  # noqa: SIM110 (a plain loop: cheaper than any())
        if hint in folded:
            return True
    return False


def _site_speaks(text: str, folded: str) -> bool:
    """Whether ``text`` (``folded``: its casefold) is the site speaking to its reader or of
    itself. Each pattern is searched only when the text holds a word its matches all hold."""
    if "you" in folded and _may_address_reader(folded) and _READER_ADDRESS_SCAN.search(text):
        return True
    return (
        "our " in folded
        or "paywall" in folded
        or "journalism" in folded
        or "site " in folded
        or "cookies" in folded
        or "accept" in folded
        or "allow" in folded
        or "enable" in folded
        or "subscri" in folded
    ) and OUTLET_VOICE.search(text) is not None


def is_caption(paragraph: str) -> bool:
    """A photo caption: short text that ends with a parenthesised credit."""
    text = paragraph.strip()
    if len(text) >= 300:
        return False
    lowered = text.lower()
    if not (text.endswith(")") or "photo" in lowered or "image" in lowered or "picture" in lowered):
        return False  # cheap test first: most paragraphs are not captions
    found = CAPTION_CREDIT.search(text)
    return found is not None and not _spells_out(text[: found.start()], found.group(0))


_INITIALS_REACH = 8


def _spells_out(before: str, bracket: str) -> bool:
    """Whether ``bracket`` is the abbreviation of the words before it ("Small and Medium
    Enterprises (SMEs)", "U.S. Trade Representative (USTR)"): a name, not a credit."""
    capitals = [c for c in bracket if c.isupper()]
    if len(capitals) < 2 or len(capitals) != sum(c.isalpha() for c in bracket.rstrip("s)")):
        return False
    initials = [
        part[0] for word in before.split()[-_INITIALS_REACH:] for part in re.split(r"[.-]", word)
        if part[:1].isupper()
    ]  # fmt: skip
    found = 0
    for initial in initials:
        if found < len(capitals) and initial == capitals[found]:
            found += 1
    return found == len(capitals)


_AUTHOR_NOISE = re.compile(
    r"^(?:and\s+)?(?:(?:senior|chief|special|staff|foreign|political|staff writer|"
    r"correspondent|writer|reporter|editor)\s+)*",
    re.IGNORECASE,
)
_AUTHOR_SPLIT = re.compile(r"\s*(?:,|;|\band\b|&)\s*", re.IGNORECASE)
_NAME = re.compile(r"^[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}$")


def split_authors(names: str, outlet: str = "") -> tuple[str, ...]:
    """``"Chinami Tajika, and correspondent Ken Sakakibara"`` -> the two names.

    Parts that are not names (outlet, job titles, agencies) are dropped.
    """
    out: list[str] = []
    for part in _AUTHOR_SPLIT.split(names.strip().rstrip(".)")):
        name = _AUTHOR_NOISE.sub("", part.strip()).strip()
        if not name or not _NAME.match(name) or len(name.split()) < 2:
            continue
        if outlet and name.casefold() == outlet.casefold():
            continue
        if name not in out:
            out.append(name)
    return tuple(out)


def closes_article(paragraph: str) -> bool:
    """A credit that stands at an article's end: a wire credit ("Reporting by A; Editing by
    B") or one in brackets; a byline ("By A", "Written by A") may stand above the text."""
    text = paragraph.strip()
    match = CREDIT_LINE.match(text) if may_be_credit_line(text) else None
    return match is not None and (text.startswith("(") or match.group("wire") is not None)


def credit_authors(paragraph: str, outlet: str = "") -> tuple[str, ...] | None:
    """The authors a credit line or byline names, or None when it is not one."""
    text = paragraph.strip()
    match = (CREDIT_LINE.match(text) if may_be_credit_line(text) else None) or BYLINE.match(text)
    if match is None:
        return None
    names = match.groupdict().get("names") or match.groupdict().get("wire") or ""
    return split_authors(names, outlet)
