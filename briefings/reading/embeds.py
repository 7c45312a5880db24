"""Lines that belong to something shown inside an article rather than to its text: a social
media post embedded in the page, and a picture's caption that tells where each person stands.

- an embedded post opens with its author and handle ("Jane Roe (@janeroe) We made progress
  ..."), closes with them and its date ("... — Jane Roe (@janeroe) June 17, 2020"), carries a
  short link of the platform ("pic.example.com/x1y2", "https://t.co/x1y2") or speaks to other
  accounts by their handles ("... with @janeroe.", "#TradeTalks @ministry"); a handle in
  brackets after a name ("reporter Jane Roe (@janeroe) joins ...") is a report's;
- a caption tells where each person stands in the picture ("Minister Jane Roe (left) and
  John Doe (right) at the summit", "(From left) ...") and tells no event: no past tense, no
  one says anything.
"""

from __future__ import annotations

import re

from briefings.reading.scanning import holds_any

# The author and handle that open a post, and those with its date that close it.
_POST_OPENING = re.compile(r"^(?:[A-Z][\w.'’-]*\s){1,4}\(@\w{1,30}\)\s+(?![a-z])\S")
_POST_CLOSING = re.compile(
    r"[—–-]\s*[^—–()]{1,50}\(@\w{1,30}\)\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4}\s*$"
)
# A platform's short link, and a handle or a tag outside brackets.
_SHORT_LINK = re.compile(r"\bpic\.twitter\.com/\w|\bhttps?://t\.co/\w")
_BARE_HANDLE = re.compile(r"(?:^|[\s.,;:!?])@[A-Za-z_]\w{1,30}\b")
_POST_MAX_WORDS = 70
# A post quoted in a report: its words in marks, and a verb that reports them.
_QUOTED = re.compile(r"[\u201c\"][^\u201d\"]*[\u201d\"]")
_REPORTING = frozenset(
    ["said", "says", "wrote", "writes", "posted", "posts", "tweeted", "tweets", "added"]
)
# Where a person stands in a picture: "(left)", "(second from right)", "(From left)", "(L)".
_POSITION = re.compile(
    r"\((?:(?:far |second |third |fourth )?(?:from )?(?:left|right)|centre|center|"
    r"foreground|background|front|rear|top|bottom|l-r|L|R|C|[Ll] to [Rr])\)",
    re.IGNORECASE,
)
_POSITION_MAX_WORDS = 45
_POSITION_HINTS = ("left)", "right)", "ground)", "center)", "centre)", "(l", "(r)", "(c)")
# Words of an event or of speech: a caption that holds one is a report's sentence.
_EVENT_TEXT = (
    "was were had said met held told took made gave went came saw led won lost did agreed "
    "signed voted announced says tells added according will would"
)
_EVENT_WORDS = frozenset(_EVENT_TEXT.split(" "))


def is_embedded_post(text: str, words: int) -> bool:
    """Whether ``text`` (of ``words`` words) is a social media post embedded in the page."""
    if ("@" not in text and "/" not in text) or words > _POST_MAX_WORDS:
        return False  # the cheap test first: no handle and no link
    if ("t.co/" in text or "pic." in text) and _SHORT_LINK.search(text) is not None:
        return True
    if "@" not in text:
        return False
    if "(@" in text and (_POST_OPENING.match(text) or _POST_CLOSING.search(text)):
        return True
    if _BARE_HANDLE.search(text) is None:
        return False
    return not _quoted_by_the_report(text)


def _quoted_by_the_report(text: str) -> bool:
    """Whether the handles of ``text`` are all inside quote marks and the words outside them
    report the post ('"Good talks with @janeroe," Minister Roe wrote on X.')."""
    outside = _QUOTED.sub(" ", text)
    if _BARE_HANDLE.search(outside) is not None:
        return False
    return any(word.strip(",.;:") in _REPORTING for word in outside.split())


# A caption's opening that walks through the picture: "Clockwise from top: ...", "From left:
# ...", "Left to right: ...".
_POSITION_OPENING = re.compile(
    r"^(?:(?:anti-?|counter-?)?clockwise from (?:the )?(?:top|bottom|left|right)(?: left| right)?|"
    r"from (?:left|right|top|bottom)|left to right|top to bottom)\s*:\s",
    re.IGNORECASE,
)
_POSITION_INITIALS = "AaCcFfLlTt"


def tells_positions(text: str, words: int) -> bool:
    """Whether ``text`` is a caption that tells where each person stands in the picture and
    tells no event ("Jane Roe (left) and John Doe (right) at a dinner in Lima."), or one that
    walks through the picture ("Clockwise from top: ...")."""
    if text[:1] in _POSITION_INITIALS and ":" in text[:36] and _POSITION_OPENING.match(text):
        return words <= _POSITION_MAX_WORDS
    if ")" not in text or words > _POSITION_MAX_WORDS:
        return False  # the cheap test first: no bracket closes
    folded = text.casefold()
    if not holds_any(folded, _POSITION_HINTS):
        return False  # the cheap test first: no position in brackets
    found = _POSITION.search(text)
    if found is None:
        return False
    plain = _POSITION.sub(" ", folded)
    return not any(word.strip(",.;:'’\"“”") in _EVENT_WORDS for word in plain.split())
