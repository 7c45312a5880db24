"""The article's own statements: its sentences outside quotes, tidied for a bullet."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from briefings.facts.cues import OUTCOME_CUE
from briefings.quotes.mask import MASK, mask
from briefings.quotes.signature import signature
from briefings.quotes.subjects import person_before
from briefings.quotes.textcache import TextCache
from briefings.reading.dateline import split_dateline
from briefings.reading.dates import DATE_PREFIX
from briefings.reading.headline import drop_trailing_attribution

# Openers that only link a sentence to the one before it.
_OPENER = re.compile(
    r"^(?:however|meanwhile|in reality|in reality, however|this time around|separately|also|"
    r"moreover|in addition|additionally|still|nonetheless|nevertheless)\s*,\s*",
    re.IGNORECASE,
)
# The letters the openers start with (any case: the pattern ignores it, and a letter outside
# ASCII may match one of them then).
_OPENER_FIRSTS = frozenset("hmitsanHMITSAN")
# A sentence with a short partial quote ('called the talks "frank"') is still the article's
# own statement; one that is mostly quoted words is a quote.
QUOTED_SHARE = 0.35
# The lede tells the news even when it carries a quote ("... today signed an agreement that
# will "strengthen supply chains"").
LEDE_QUOTED_SHARE = 0.6
_OPENING_MARKS = frozenset('"“‘«「')
_PRONOUN_START = re.compile(r"^(?:He|She)\b(?! [A-Z])")  # not "He Lifeng said"
_PRONOUNS = ("He", "She")  # what a sentence that :data:`_PRONOUN_START` matches opens with
_STOPS = frozenset(".!?")
# Paragraphs where a dateline may open the text: the lede, or a paragraph after a summary, a
# pull quote or a caption the page left above it ("Seoul, June 21: ...").
_DATELINE_PARAGRAPHS = 3
_PRONOUN_REACH = 3  # sentences back where a leading he/she may find its person
# The article's own words beside a quote (``MASK`` stands for the quoted words).
_QUOTE_LEAD = re.compile(rf"\s*([^{MASK}\"“”‘’]+?):\s*[\"“‘]?{MASK}")
_AFTER_QUOTE = re.compile(rf"{MASK}[\"”’]?[.,]?[\"”’]?,?\s+and\s+([^{MASK}\"“”]+)$")
_OWN_CLAUSE_WORDS = 6
# A speech verb that ends the clause before a quote: ", saying", ", adding" go with the
# quote; a clause that is only its speaker and such a verb ("Barnier said:") tells nothing.
_SAYING_TAIL = re.compile(r",? (?:saying|adding|declaring|noting|stating|explaining)$")
# A quote's lead-in left at a sentence's end: ", but warns.", ", warning:", ", he added:".
_QUOTE_INTRO_TAIL = re.compile(
    r",\s+(?:but |and )?(?:(?:he|she|they|it|we) )?(?:warn(?:s|ed|ing)?|add(?:s|ed|ing)|"
    r"say(?:s|ing)|said|not(?:es|ed|ing)|caution(?:s|ed|ing)?|insist(?:s|ed|ing)?|"
    r"explain(?:s|ed|ing)?|stress(?:es|ed|ing)?|declar(?:es|ed|ing))\s*[:.]?$"
)
_SPEAKER_ONLY = re.compile(
    r"\b(?:said|says|added|adds|stated|declared|wrote|explained|noted|remarked|told "
    r"(?:\w+ ){0,2}?(?:reporters|journalists|the \w+|\w+))"
    r"(?: (?:after|at|on|during|following|before|when|in) (?:the |a |an )?[\w-]+(?: [\w-]+){0,5})?$"
)  # "Motegi said after the signing of the deal:" too
# Where a long sentence can lose its tail and still say its news: before a clause that
# elaborates (", which ...", ", to ensure ...", " where ...", ", including ..."), a dash or a
# semicolon, or an attribution in its middle (", the White House said in a statement, ...").
_TAIL = re.compile(
    r",? (?:which|where|while|whereas|including|as well as|so that|in order to) |"
    r", (?:to|with|following|after|because|adding|saying|between) |; | [–—] |"
    r" (?:chaired|hosted|led|organi[sz]ed) by |"
    r", (?:[\w.'’-]+ ){1,6}(?:said|says|told|added)\b|"
    # The last item of a list or the last of two clauses: "..., advance labor standards, and
    # cooperate on supply chains", "... is an opportunity to ..., and that businesses ...".
    r", and "
)
# An opening phrase before the sentence's subject: "After the vote had been postponed
# yesterday, ...", "Building on the talks in February, ...".
_LEAD_IN = re.compile(
    r"^(?:After|Following|Building on|Based on|While|Although|Though|Despite|In addition to|"
    r"As part of|Since|Because|Given|Amid|[A-Z][a-z]+ing)\b"
    r"(?:[^,;]|,(?= (?:and|or|who|whose|which) )){0,200}?, (?!(?:and|or|who|whose|which) )"
)  # a comma before "and" or "or" goes on with the opening phrase ("Noting X, and Y, ..."),
# and so does one before a clause about its last noun ("Beside Mr Lee, who chairs it, ...")
# Such a clause set inside a sentence, its verb after it: "The talks, which began in May,
# ended on Friday." (not "... in May, and ..." nor a list "..., which ..., including ...").
_INSET_CLAUSE = re.compile(
    r", (?:which|who) [^,;()\"“”]{3,150}, "
    r"(?=(?!(?:and|or|but|including|which|who|while|as|the|a|an)\b)[a-z])"
)


class Statement(NamedTuple):
    """One sentence (a tuple: an article has dozens, and only a few become bullets)."""

    paragraph: int
    order: int  # its position in the article, counting every sentence
    raw: str  # the sentence as written
    subject: str = ""  # who a leading he/she is, unless a sentence in ``before`` names them
    # For a sentence that opens with he/she: the sentences before it, where the text may name
    # the person (read only for the few sentences shown, see ``text``).
    before: tuple[str, ...] = ()

    @property
    def words(self) -> int:
        """Its length in words (counted only for the sentences a rule looks at)."""
        return len(self.raw.split())

    @property
    def text(self) -> str:
        """The sentence tidied for a bullet (computed only for the sentences chosen)."""
        subject = _who(self.raw, self.before, self.subject) if self.before else self.subject
        return tidy(self.raw, subject)

    @property
    def text_after_its_lead(self) -> str:
        """The sentence tidied to follow, in one bullet, the sentence it points back to: a
        leading he/she stays, its person named just before it ("Berg said ... She added ...")."""
        return tidy(self.raw)


def statements(
    paragraphs: Sequence[str], subject: str = "", cache: TextCache | None = None
) -> list[Statement]:
    """Sentences that hold no quote, in order. ``subject`` replaces a leading he/she."""
    cache = cache or TextCache()
    out: list[Statement] = []
    count = 0
    read: list[str] = []  # every sentence so far, quotes included: who a he/she is
    for p, paragraph in enumerate(as_read(paragraphs)):
        text = split_dateline(paragraph)[1] if p < _DATELINE_PARAGRAPHS else paragraph
        if _may_open_with_a_date(text) and (date := DATE_PREFIX.match(text)):
            text = text[date.end() :]
        masked = mask(text, cache.spans(text))
        quoted = MASK in masked or '"' in masked or "“" in masked
        for a, b in cache.sentences(masked):
            count += 1
            read.append(masked[a:b])
            share = LEDE_QUOTED_SHARE if count == 1 else QUOTED_SHARE
            if quoted and _holds_quote(masked, a, b, share):
                if _reported_result(text, masked, a, b):  # the result, told with its words
                    raw = text[a:b].strip()
                    out.append(Statement(p, count, raw, subject, _before_pronoun(raw, read)))
                    continue
                own = _own_clause(masked, a, b)
                if own is not None:  # the article's own clause beside the quote
                    clause = _SAYING_TAIL.sub("", text[own[0] : own[1]].strip().rstrip(",;:."))
                    told = _QUOTE_INTRO_TAIL.sub("", clause)  # "..., he added": its speaker
                    if told != clause and told.count(" ") >= _OWN_CLAUSE_WORDS:
                        clause = told
                    if _SPEAKER_ONLY.search(clause) is None:  # not "Barnier said:" alone
                        before = _before_pronoun(clause, read)
                        out.append(Statement(p, count, clause + ".", subject, before))
                continue
            raw = text[a:b].strip()
            if not raw or raw[-1] == "?":
                continue  # a question tells no fact ("Reporter: Will there be talks?")
            if raw[-1] in _STOPS or signature(raw) is None:  # not a quote's signer
                before = _before_pronoun(raw, read) if raw.startswith(_PRONOUNS) else ()
                out.append(Statement(p, count, raw, subject, before))
    return out


# The letters a date printed before the body opens with (a weekday's or a month's, in any
# case: see ``DATE_PREFIX``).
_DATE_FIRSTS = frozenset("mtwfsjaondMTWFSJAOND")


def _may_open_with_a_date(text: str) -> bool:
    """Whether ``text`` may open with a date (see ``DATE_PREFIX``): its day is followed by a
    comma, and its first letter (after any space) is a weekday's or a month's, or a letter
    outside ASCII that the pattern, ignoring case, may read as one."""
    first = text[:1]
    return "," in text and (first in _DATE_FIRSTS or first.isspace() or not first.isascii())


def as_read(paragraphs: Sequence[str]) -> Sequence[str]:
    """The paragraphs as :func:`statements` numbers them (see :func:`continued`)."""
    for paragraph in paragraphs:  # a plain loop: cheaper per paragraph than any()
        if paragraph.endswith(","):
            return continued(paragraphs)
    return paragraphs


def continued(paragraphs: Sequence[str]) -> list[str]:
    """``paragraphs`` with one that breaks off at a comma joined to the next, which ends its
    sentence ("On the preparations for the conference," then "the Commissioner said ...")."""
    out: list[str] = []
    pending = ""
    for paragraph in paragraphs:
        text = f"{pending} {paragraph}" if pending else paragraph
        pending = text if text.endswith(",") else ""
        if not pending:
            out.append(text)
    if pending:
        out.append(pending)
    return out


def _before_pronoun(sentence: str, read: list[str]) -> tuple[str, ...]:
    """For a ``sentence`` (the last of ``read``) that opens with he/she, the sentences before
    it where the person may be named; else none."""
    if not sentence.startswith(_PRONOUNS) or _PRONOUN_START.match(sentence) is None:
        return ()
    return tuple(read[-_PRONOUN_REACH - 1 : -1])


def _who(sentence: str, before: Sequence[str], fallback: str) -> str:
    """Who a leading he/she of ``sentence`` is: the person the latest sentence ``before`` it
    opens with, when the pronoun fits ("Ms Lindqvist said ... She added"); else
    ``fallback``, the person quoted most."""
    found = person_before(before, sentence.startswith("She "))
    return found if found is not None else fallback


def _own_clause(masked: str, start: int, end: int) -> tuple[int, int] | None:
    """Where a sentence that holds a quote also tells something in the article's own words:
    before a colon that opens the quote ("The U.S. said it was disappointed: “...”"), or
    after it, joined by "and" ("... said “...”, and the ban followed talks in Europe.")."""
    first = masked.find(MASK, start, end)
    if masked.find(":", start, first) >= 0:
        lead = _QUOTE_LEAD.match(masked, start, end)
        if lead is not None and lead.group(1).count(" ") >= _OWN_CLAUSE_WORDS:
            return start, lead.end(1)
    last = masked.rfind(MASK, start, end)
    if last >= 0 and masked.find(" and ", last, end) >= 0:
        tail = _AFTER_QUOTE.search(masked, last, end)
        if tail is not None and tail.group(1).count(" ") >= _OWN_CLAUSE_WORDS:
            return tail.start(1), end
    return None


# A reported clause that runs on into quoted words: "Berg said the two sides had "agreed to
# cut tariffs to 10 percent"" (the quote opens in small letters, inside the clause).
_REPORTED_INTO_QUOTE = re.compile(
    r"\b(?:said|says|told|announced|confirmed|added|stated)\b[^.;:]{0,60}[\"\u201c]$"
)
_DIGIT = re.compile(r"\d")
_QUOTED_RUN = re.compile(r"[\"\u201c]([a-z][^\"\u201d]*)[\"\u201d]")


def _reported_result(text: str, masked: str, start: int, end: int) -> bool:
    """Whether a sentence with a quote is the article's own report of a result: it opens in
    its own words, its quote runs on from a reported clause in small letters, and what is
    quoted tells a result with its figure ("... had "agreed to cut tariffs to 10 percent"")."""
    first = masked.find(MASK, start, end)
    if first <= start or not text[first : first + 1].islower():
        return False
    head = masked[start:first].strip()
    if not head or head[0] in _OPENING_MARKS or _REPORTED_INTO_QUOTE.search(head) is None:
        return False
    quoted = text[first : masked.rfind(MASK, start, end) + 1]
    return _DIGIT.search(quoted) is not None and OUTCOME_CUE.search(quoted) is not None


def tells_a_quoted_result(raw: str) -> bool:
    """Whether a statement is a reported result whose words run on into a quote (see
    ``_reported_result``): the quote says it again, but the statement tells it whole."""
    if '"' not in raw and "\u201c" not in raw:
        return False
    run = _QUOTED_RUN.search(raw)
    return (
        run is not None
        and _REPORTED_INTO_QUOTE.search(raw, 0, run.start() + 1) is not None
        and _DIGIT.search(run.group(1)) is not None
        and OUTCOME_CUE.search(run.group(1)) is not None
    )


def _holds_quote(masked: str, start: int, end: int, share: float = 0.35) -> bool:
    """Whether the sentence is a quote rather than the article's own statement: it opens
    with one, quoted words are a large part of it, or a quote mark is left unpaired."""
    masked_chars = masked.count(MASK, start, end)
    if masked_chars == 0:  # a mark left unpaired
        return (
            masked.find('"', start, end) >= 0
            or masked.find("“", start, end) >= 0
            or masked.find("”", start, end) >= 0
        )
    head = masked[start:end].lstrip()
    if head[:1] in _OPENING_MARKS or head[:1] == MASK:
        return True
    return masked_chars > share * (end - start)


# The longest sentence a bullet holds as it stands; a longer one is shortened or left out.
MAX_WORDS = 45


def shortened(statement: Statement, limit: int, least: int = 6) -> Statement | None:
    """``statement`` in at most ``limit`` words: without an opening phrase, then cut before
    its last elaborating clause that leaves it short enough (and ``least`` words long);
    ``None`` when no such cut exists. A cut never leaves a quote mark or a bracket open."""
    if statement.words <= limit:
        return statement
    raw = statement.raw
    lead = _LEAD_IN.match(raw)
    if lead is not None and len(raw) - lead.end() > 20:
        raw = raw[lead.end() :]
    if raw.count(" ") >= limit and "; " in raw:
        raw = without_company(raw)
    if raw.count(" ") >= limit and ", wh" in raw:
        raw = _INSET_CLAUSE.sub(" ", raw)
    if raw.count(" ") >= limit:  # words are counted by their spaces: sentences are tidy
        cut = -1
        listed = raw.rfind("; and ")  # "A, role; B, role; and C, role, agreed": a list
        for match in _TAIL.finditer(raw):
            if match.start() < listed and match.group() == "; ":
                continue
            head = raw[: match.start()]
            words = head.count(" ") + 1
            if words > limit:
                break
            if words >= least and _closed(head):
                cut = match.start()
        if cut < 0:
            cut = _first_item_end(raw, limit, least)
        if cut < 0:
            return None
        raw = raw[:cut].rstrip(",") + ("" if raw[cut - 1] == "." else ".")
    return statement._replace(raw=raw)


# Where the first item of a list after a colon ends: "four goals: determining the market
# access architecture, deciding ..., and ...".
_ITEM_END = re.compile(r", |; ")


def _first_item_end(raw: str, limit: int, least: int) -> int:
    """Where to cut a sentence that lists its news after a colon so that it keeps the list's
    first item ("Talks focused on four goals: setting the market access architecture."), or
    -1 when that leaves it too long or too short."""
    colon = raw.find(": ")
    if colon < 0 or not raw[colon + 2 : colon + 3].islower():
        return -1  # a list's items run on in small letters; a capital opens a sentence
    end = _ITEM_END.search(raw, colon + 2)
    if end is None:
        return -1
    head = raw[: end.start()]
    words = head.count(" ") + 1
    return end.start() if least <= words <= limit and _closed(head) else -1


def without_company(raw: str) -> str:
    """``raw`` without a list of the people who acted with its subject, when the list is
    long enough to need semicolons: "Minister Lee, along with trade ministers Ana Ruiz,
    Estria's Minister of Trade; ...; and Bo Berg, Norrvik's Minister of Trade, agreed to ..."
    becomes "Minister Lee and trade ministers agreed to ..." (the words before the first
    name, when they name who they are), else "Minister Lee agreed to ..."."""
    company = _COMPANY.search(raw)
    if company is None:
        return raw
    listed = raw.find("; and ", company.end())
    if listed < 0:
        return raw
    end = _LIST_END.search(raw, listed)
    if end is None:
        return raw
    head = _GROUP_HEAD.match(raw, company.end())
    joined = f" and {head.group(1)} " if head is not None else " "
    return raw[: company.start()] + joined + raw[end.end() - len(end.group(1)) :]


# "A, along with B; C; and D, agreed": who acted with the subject.
_COMPANY = re.compile(r", (?:along with|together with|joined by|accompanied by|alongside) ")
# Where such a list ends: the comma before the sentence's verb (a lower-case word that is no
# word of a name or a role: "Minister of Foreign Affairs, agreed").
_LIST_END = re.compile(
    r", (?!(?:and|of|the|for|de|del|da|la|le|du|von|van|der|des|y|e|el|and)\b)([a-z]+)\b"
)
# The words that say who the people listed are ("trade bloc ministers"), before a name.
_GROUP_HEAD = re.compile(r"((?:[\w’'-]+ ){0,4}?[a-z]+s) (?=[A-Z])")


def _closed(text: str) -> bool:
    """Whether every quote mark and bracket opened in ``text`` is closed."""
    return (
        text.count('"') % 2 == 0
        and text.count("“") == text.count("”")
        and text.count("(") == text.count(")")
    )


# A transcript's turn label before the words spoken: "Minister Motegi: ", "Mr. MOTEGI
# Toshimitsu, Minister for Foreign Affairs: ", "MODERATOR: " (two words or more, or one in
# capitals: not "Vote: Wednesday, 13 February").
_TURN_LABEL = re.compile(
    r"^(?:[A-Z][\w.’'-]*(?:,? (?:[A-Z][\w.’'-]*|of|for|the|and|on|de|van|von)){1,7}|"
    r"[A-Z]{2,}[A-Z.]*|[QA]): (?=[A-Z])"
)  # and a question's or an answer's mark ("Q: ", "A: ")


# The label of a turn that runs a briefing rather than tells its news.
_HOST_LABEL = re.compile(r"^(?:MODERATOR|OPERATOR|Moderator|Operator)\s*: ")


def hosts_turns(found: Sequence[Statement]) -> set[int]:
    """The paragraphs of a transcript that are its host's turns: from a paragraph labelled
    "MODERATOR: " (or "OPERATOR: ") to the next paragraph that opens with another speaker's
    label. The host introduces the speaker and hands over the floor; the news is theirs."""
    hosts: set[int] = set()
    hosting = False
    last = -1
    for statement in found:
        if statement.paragraph == last:
            continue
        last = statement.paragraph
        raw = statement.raw
        if ": " in raw[:40] and (raw[:1].isupper() or raw[:1] == "Q"):
            labelled = _TURN_LABEL.match(raw) is not None
            if labelled or _HOST_LABEL.match(raw):
                hosting = _HOST_LABEL.match(raw) is not None
        if hosting:
            hosts.add(statement.paragraph)
    return hosts


def tidy(sentence: str, subject: str = "") -> str:
    """Drop a turn label, linking openers, a trailing attribution and a quote's lead-in; name
    a leading he/she."""
    text = sentence.strip()
    if ": " in text[:80]:
        text = _TURN_LABEL.sub("", text)
    if "," in text and (text[:1] in _OPENER_FIRSTS or not text[:1].isascii()):
        text = _OPENER.sub("", text)  # an opener is followed by a comma
    if text.endswith((".", ":", "g", "s", "d")) and _QUOTE_INTRO_TAIL.search(text):
        text = _QUOTE_INTRO_TAIL.sub(".", text)
    text = drop_trailing_attribution(text)
    if subject and text.startswith(_PRONOUNS):
        text = _PRONOUN_START.sub(subject, text)
    if text and text[0].islower():
        text = text[0].upper() + text[1:]
    return text
