"""Short lines a site prints around and inside its articles that a phrase list alone would
miss, judged by their shape:

- a **stamp**: a line made only of a date's and a time's parts, in any order and any style
  ("Tue 5 Mar 2024 10.30 GMT", "10:30 GMT, 5 March 2024", "05.03.2024 | 10:30");
- a **promotion**: short sentences that each open with a verb addressed to the reader, or a
  question to the reader, about the site's own offer ("Be the first to know. Get breaking news
  alerts.", "Enjoy unlimited access for $1 a week.", "Already a subscriber? Log in", "Got a
  news tip? Contact us."); a sentence that reports what someone said is never one;
- a **notice to the reader** about the site's own rules: a short sentence in the second person
  about the reader's access, account or comment ("You have reached your limit of free
  articles.", "Your email address will not be published.", "Learn how your comment data is
  processed."), or one that keeps the page for members ("This article is for subscribers
  only."); a quotation or a reported sentence is never one;
- a **blurb** over a prompt: a short line right above a prompt that names the same offer
  ("A newsletter worth reading every morning." over "Sign up for the daily newsletter");
- **disguised** text, its words spelt with letters of two alphabets so that filters miss it
  (an advertiser's note in Latin letters with Cyrillic look-alikes among them);
- a **placeholder** where a box interrupts the text ("Story continues below advertisement",
  "Article continues after this ad").
"""

from __future__ import annotations

import re

from briefings.reading.scanning import WordPattern


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


_MONTHS = _word_set(
    "jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june "
    "july august september october november december"
)
_DAYS = _word_set(
    "mon tue tues wed thu thur thurs fri sat sun monday tuesday wednesday thursday friday "
    "saturday sunday"
)
_STAMP_WORDS = _word_set(
    "am pm a.m. p.m. at on updated published posted last modified first utc gmt bst cet cest "
    "est edt pst pdt ist jst kst sgt hkt aest aedt msk eet eest | - – — , · • reading time "
    "min mins minutes read"
)
_READING = frozenset(("read", "reading"))
_DIGIT = re.compile(r"\d")
_NUMBER = re.compile(r"^\d{1,4}(?:st|nd|rd|th)?(?:[:./-]\d{1,4}){0,2}h?$")
_STAMP_MAX_WORDS = 12

# A verb that opens a sentence addressed to the reader, and the site's offer it is about.
_READER_VERBS = _word_set(
    "be enjoy get stay support donate subscribe unlock start try discover explore upgrade "
    "register contact email send tell report join sign log download follow read watch listen "
    "claim save become submit"
)
_OFFER = re.compile(
    r"\b(?:unlimited access|alerts?|app|premium|subscri\w*|membership|free trial|"
    r"newsletters?|donat\w*|journalism|news ?tip|log ?in|sign ?(?:in|up)|first to know|"
    r"inbox|notifications|per (?:week|month)|letters? to the editor)\b",
    re.IGNORECASE,
)
_QUESTION_TO_READER = re.compile(
    r"^(?:already a (?:subscriber|member)|(?:have|got) a (?:news |story )?tip|"
    r"(?:not|new) a (?:subscriber|member)|want more|like this (?:story|article)|"
    r"enjoying (?:this|our))\b[^?]{0,40}\?",
    re.IGNORECASE,
)
_OTHER_OPENINGS = _word_set(
    "already have got not new want like enjoying story article text content report the"
)
_REPORTED = re.compile(r"\b(?:said|says|told|tells|added|according|urged|asked)\b")
_PROMO_MAX_WORDS = 20
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
# A box's placeholder inside the text.
_CONTINUES = re.compile(
    r"^(?:the )?(?:story|article|text|content|report) continues (?:below|after|under)\b.{0,40}$",
    re.IGNORECASE,
)


# What the site's notices to its reader are about: access, an account, the comments.
_SITE_MATTER = re.compile(
    r"\b(?:subscri\w*|free (?:articles?|stories|access)|limit|comments?|email address|"
    r"account|log ?in|sign ?in|register\w*|continue reading|access|paywall|cookies?|"
    r"data is processed|premium|members(?:hip)?|required fields)\b",
    re.IGNORECASE,
)
# Searched over a line of ASCII characters with its quicker twin (see WordPattern).
_SITE_MATTER_SCAN = WordPattern(f"(?i){_SITE_MATTER.pattern}")
_SECOND_PERSON = frozenset(("you", "your", "you've", "you’ve", "you're", "you’re"))
_MEMBERS_ONLY = re.compile(
    r"^this (?:article|story|post|content|page|feature|piece) is (?:only )?(?:for|available "
    r"(?:to|for)|reserved for|exclusive to) (?:our )?(?:\w+ )?(?:subscribers|members)\b",
    re.IGNORECASE,
)
_NOTICE_MAX_WORDS = 20
_QUOTE_MARKS = ("“", "”", '"')


def is_reader_notice(text: str, words: int) -> bool:
    """A short notice of the site to its reader about access, an account or the comments."""
    if words > _NOTICE_MAX_WORDS:
        return False
    folded = text.casefold()
    if "you" not in folded and not folded.startswith("this "):
        return False  # the cheap test first: no second person, no "This article is ..."
    members = _MEMBERS_ONLY.match(text) is not None
    site = _SITE_MATTER_SCAN.search(text) is not None
    if not members and not site:
        return False  # most lines with "you": an interview's question, no site matter
    if any(mark in text for mark in _QUOTE_MARKS) or _REPORTED.search(text):
        return False  # the words of someone the report quotes
    if members:
        return True
    tokens = {token.strip(".,;:!?*()") for token in folded.split()}
    return site and not tokens.isdisjoint(_SECOND_PERSON)


def is_stamp(text: str, words: int) -> bool:
    """A line of a date's and a time's parts only (or a reading time), a number among them."""
    if words > _STAMP_MAX_WORDS or _DIGIT.search(text) is None:
        return False
    dated = False
    for token in text.casefold().replace(",", " , ").split():
        word = token.strip("().:")
        if word in _MONTHS or word in _READING:
            dated = True
        elif not (word in _DAYS or word in _STAMP_WORDS or _NUMBER.match(word) or not word):
            return False
    return dated or _NUMERIC_DATE.search(text) is not None


_NUMERIC_DATE = re.compile(r"\b\d{1,4}[./-]\d{1,2}[./-]\d{2,4}\b")


def is_promotion(text: str, words: int) -> bool:
    """Short sentences of the site addressed to its reader about its offer, a polite "Please"
    before the verb or not ("Please log in to comment.")."""
    if text[:7].casefold() == "please ":
        text = text[7:]
    opening = text.split(None, 1)[0].casefold().strip(":,") if text else ""
    if opening not in _READER_VERBS and opening not in _OTHER_OPENINGS:
        return False  # the cheap test first: no verb or question to the reader opens it
    if words > _PROMO_MAX_WORDS or _REPORTED.search(text):
        return False
    if _CONTINUES.match(text):
        return True
    question = _QUESTION_TO_READER.match(text)
    rest = text[question.end() :] if question is not None else text
    sentences = [s for s in _SENTENCE_END.split(rest.strip()) if s]
    if not sentences:
        return question is not None
    for sentence in sentences:
        first = sentence.split(None, 1)[0].casefold().strip(":,")
        if first == "please" and " " in sentence:
            first = sentence.split(None, 2)[1].casefold().strip(":,")
        if first not in _READER_VERBS:
            return False
    return question is not None or _OFFER.search(text) is not None


_BLURB_MAX_WORDS = 25


def is_offer_blurb(text: str, words: int, prompt: str) -> bool:
    """A short line that praises the offer the prompt under it makes ("A newsletter worth
    reading every morning." over "Sign up for the daily newsletter"): both name the same
    offer, and no one is quoted or reported."""
    if words > _BLURB_MAX_WORDS:
        return False
    offer = _OFFER.search(text)
    if offer is None or offer.group().casefold() not in prompt.casefold():
        return False
    return not (any(mark in text for mark in _QUOTE_MARKS) or _REPORTED.search(text))


_CYRILLIC = re.compile("[\u0400-\u04ff]")
_MIXED_WORD = re.compile(r"\b(?=\w*[A-Za-z])(?=\w*[\u0400-\u04ff])\w+")
_DISGUISED_MIN_WORDS = 3


def is_disguised(text: str) -> bool:
    """Words spelt with Latin letters and Cyrillic look-alikes ("Аdvеrtіѕе"): an advertiser's
    text dressed to pass filters, never a report's."""
    if text.isascii() or _CYRILLIC.search(text) is None:
        return False  # the cheap test first: most lines have no Cyrillic letter
    return len(_MIXED_WORD.findall(text)) >= _DISGUISED_MIN_WORDS
