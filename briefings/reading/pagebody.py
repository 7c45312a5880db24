"""The article's body, line by line: from its first sentence to where the article ends.

Inside the body a headline-shaped line is a subhead; after a credit line or an author's bio,
the heading of readers' comments or a copyright line, the article has ended; after a
"Related" / "Most read" heading only a new run of long sentences is article text again; after
the last sentence of the body everything is furniture (teasers, footers).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefings.reading.backmatter import names_the_issuer
from briefings.reading.boilerplate import speaks_of_site
from briefings.reading.captions import is_picture_description
from briefings.reading.furniture import CUT_SHORT, LineKind
from briefings.reading.headings import (
    is_heading_with_colon,
    is_names_and_titles,
    is_question_subhead,
)
from briefings.reading.lineshape import ends_sentence, is_prose, is_title_like, words
from briefings.reading.listings import is_links_label, is_listing_entry, is_title_cased
from briefings.reading.officialdom import is_contact_heading
from briefings.reading.promos import is_offer_blurb

# A heading that opens a box of links to other stories.
TEASER_HEADING = re.compile(
    r"^(?:related(?:\s+(?:stories|articles|news|content|coverage|topics|links))?|"
    r"most (?:read|popular|viewed|shared)|recommended(?:\s+for you)?|more (?:from|on|stories|news)"
    r"\b.{0,40}|you (?:may|might) also (?:like|be interested in)|also read|read more|read next|"
    r"latest(?:\s+\w+){0,2}|trending(?:\s+now)?|top stories|popular(?:\s+now)?|editor'?s picks|"
    r"in other news|what to read next|further reading|tags?|topics|keywords|explore more|"
    r"the day in photos|in pictures|more in\b.{0,30}|see also|news in brief|"
    r"(?:topics?|tags?|filed under)\s*[|:].{1,60})\s*:?\s*$",
    re.IGNORECASE,
)
# The heading of the readers' comments under an article: "1 comment:", "Leave a Reply",
# "0 replies" (a comment count in a share bar has no colon: "12 comments").
COMMENTS_HEADING = re.compile(
    r"^(?:(?:\d+|no)\s+(?:comments?|replies|responses)\s*:|\d+\s+(?:replies|responses)|"
    r"(?:leave|post|add|write|submit) (?:a|your|a new|new) (?:reply|comment|response)|"
    r"comments?\s*(?:\(\d+\))?\s*:|join the (?:discussion|conversation)|readers'? comments)\s*$",
    re.IGNORECASE,
)
# An item of a schedule at the foot of a report: an event, a colon, its day ("Debate:
# Tuesday, 12 February", "Vote: Wed 12 December (TBC)").
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)"
)
AGENDA_LINE = re.compile(
    r"^[A-Z][\w’'&/ -]{1,30}:\s+(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+)?"
    rf"(?:\d{{1,2}}\s+{_MONTH}|{_MONTH}\s+\d{{1,2}})\b[^.!?]{{0,60}}$"
)
# A short closing sentence that tells what was decided ("Ministers agreed to reconvene
# quarterly.", "The council will meet again in May."): a subject, a verb of a decision or of
# what is to come, a stop. A sign-off ("Ana Berg reports.") or a notice has none of them.
SHORT_DECISION = re.compile(
    r"^(?:The |Both |All )?[A-Z][\w-]+(?: [A-Z][\w-]+)? (?:also )?(?:agreed|decided|resolved|"
    r"will|approved|adopted|endorsed|rejected|failed)\b[^.!?]{3,60}\.$"
)
_HARD_END = frozenset({LineKind.CREDIT, LineKind.BIO})
_HEADING_KINDS = (None, LineKind.LABEL, LineKind.PROMPT)
_RESUME_WORDS = 15
_SUBHEAD_MAX_WORDS = 10
_CAPTION_MAX_WORDS = 20
_OPENING_MARKS = ("“", '"', "«", "``", "‘")


def leads_into_quote(lines: Sequence[str], index: int) -> bool:
    """A line ending in a colon right before a paragraph that opens with a quote mark
    introduces a statement ("From the Press Secretary:", "The minister said:")."""
    line = lines[index].rstrip()
    return (
        line.endswith(":")
        and words(line) >= 3
        and index + 1 < len(lines)
        and lines[index + 1].lstrip().startswith(_OPENING_MARKS)
    )


def mark_body(
    lines: Sequence[str],
    kinds: list[LineKind | None],
    start: int,
    credited: frozenset[int] = frozenset(),
) -> None:
    """Give each line from ``start`` on its kind: body text, a subhead, or furniture."""
    for i in range(start):
        kinds[i] = kinds[i] or LineKind.LABEL
    skipping = False
    linking = False
    ended = False
    for i in range(start, len(lines)):
        line = lines[i]
        if ended:
            kinds[i] = kinds[i] if kinds[i] is not None else LineKind.TEASER
            continue
        kind = kinds[i]
        if kind in _HARD_END:
            ended = True
            continue
        if i in credited:
            ended = True  # the paragraph the wire credit closes is the article's last
        heading = kind in _HEADING_KINDS
        text = line.strip() if heading else line
        if heading and COMMENTS_HEADING.match(text):
            kinds[i] = LineKind.PROMPT
            ended = True  # readers' comments follow the article
            continue
        if line[:1] == "©" and kind is LineKind.PROMPT and _has_begun(kinds, start, i):
            ended = True  # a copyright line closes the article; readers' comments may follow
            continue
        if heading and text[:6] == "About " and _about_author(lines, i):
            kinds[i] = LineKind.LABEL
            ended = _has_begun(kinds, start, i)  # the author's bio follows the article
            continue
        if heading and (
            is_contact_heading(text) or (names_the_issuer(text) and _blurb_follows(lines, i))
        ):
            kinds[i] = LineKind.LABEL
            ended = _has_begun(kinds, start, i)  # contacts, notes, its blurb close a release
            continue
        if heading and TEASER_HEADING.match(text):
            kinds[i] = LineKind.LABEL
            skipping = True
            continue
        if heading and is_links_label(line):
            kinds[i] = LineKind.LABEL
            linking = True
            continue
        if kind is not None:
            continue
        if linking and not ends_sentence(line):
            kinds[i] = LineKind.TEASER  # a link's text under "Full story:"
            continue
        linking = False
        if skipping and not _resumes(lines, kinds, i):
            kinds[i] = LineKind.TEASER
            continue
        skipping = False
        kinds[i] = LineKind.BODY if leads_into_quote(lines, i) else _body_line_kind(line)
    _mark_blurbs(lines, kinds, start)
    _mark_credited_captions(lines, kinds, start)
    _mark_teaser_cards(lines, kinds, start)
    _trim_tail(lines, kinds, start)


_CARD_MAX_WORDS = 16
# A video's length alone on its line, over its card's title: "01:33".
_CLIP_LENGTH = re.compile(r"^\s*\d{1,2}:\d{2}\s*$")
_CARD_LABEL_MAX_WORDS = 3


def _mark_teaser_cards(lines: Sequence[str], kinds: list[LineKind | None], start: int) -> None:
    """A headline with no stop beside a section's short label inside the body ("Farm exports
    to Norland rebound in July" over "Business"), or under a video's length ("01:33"): a card
    that links to another story."""
    for i in range(start, len(lines)):
        if kinds[i] is not LineKind.BODY or ends_sentence(lines[i]):
            continue  # the cheap test first: the body's lines end with a stop
        line = lines[i]
        if i > start and _CLIP_LENGTH.match(lines[i - 1]) and words(line) <= _CARD_MAX_WORDS:
            kinds[i] = LineKind.TEASER  # "01:33" over "Talks resume in Lindau": a video's card
            continue
        if words(line) > _CARD_MAX_WORDS or not is_title_like(line) or _REPORTED.search(line):
            continue
        if any(mark in line for mark in _OPENING_MARKS) or AGENDA_LINE.match(line):
            continue  # a quote, or a schedule's item ("Debate: Tuesday, 12 February")
        if _beside_label(lines, kinds, i):
            kinds[i] = LineKind.TEASER


def _beside_label(lines: Sequence[str], kinds: Sequence[LineKind | None], index: int) -> bool:
    """Whether a short label (a section's name) stands right above or below line ``index``."""
    return any(
        0 <= j < len(lines)
        and kinds[j] is LineKind.LABEL
        and 0 < words(lines[j]) <= _CARD_LABEL_MAX_WORDS
        and not ends_sentence(lines[j])
        and not any(c.isdigit() for c in lines[j])  # a section's name, not a file number
        for j in (index - 1, index + 1)
    )


_REPORTED = re.compile(r"\b(?:said|says|told|added)\b")


def _mark_blurbs(lines: Sequence[str], kinds: list[LineKind | None], start: int) -> None:
    """A body line right above a prompt that praises the prompt's offer is the prompt's, and
    so is one right under a prompt that goes on with the site's pitch ("Sign up to read on" /
    "Timely coverage ... Each day, our subscribers receive ...")."""
    for i in range(start, len(lines) - 1):
        if kinds[i + 1] is not LineKind.PROMPT:
            continue
        if kinds[i] is LineKind.BODY and is_offer_blurb(lines[i], words(lines[i]), lines[i + 1]):
            kinds[i] = LineKind.PROMPT
        if i + 2 < len(lines) and kinds[i + 2] is LineKind.BODY and speaks_of_site(lines[i + 2]):
            kinds[i + 2] = LineKind.PROMPT


# A credit alone on its line under its caption: "Image Credit: Agency", "Photo: Jane Roe".
_CREDIT_ALONE = re.compile(
    r"^(?:(?:image|photo|picture|video)\s+)?(?:credit|courtesy|photo|image|picture)s?\s*:\s*\S",
    re.IGNORECASE,
)
_CREDIT_ALONE_MAX_WORDS = 6
_CREDITED_CAPTION_MAX_WORDS = 30


def _mark_credited_captions(lines: Sequence[str], kinds: list[LineKind | None], start: int) -> None:
    """In a row of captioned pictures, a short body line between a caption and a credit alone
    on its line ("European leaders at the summit table." / "Image Credit: Agency") is a
    picture's caption too; a report's sentence (quoted or reported speech) is not."""
    for i in range(max(start, 1), len(lines) - 1):
        if kinds[i] is not LineKind.BODY or kinds[i + 1] is not LineKind.CAPTION:
            continue  # the cheap test first: a caption's credit under a body line
        if kinds[i - 1] is not LineKind.CAPTION:
            continue
        credit = lines[i + 1]
        if words(credit) > _CREDIT_ALONE_MAX_WORDS or not _CREDIT_ALONE.match(credit):
            continue
        line = lines[i]
        if words(line) > _CREDITED_CAPTION_MAX_WORDS or _REPORTED.search(line):
            continue
        if not any(mark in line for mark in _OPENING_MARKS):
            kinds[i] = LineKind.CAPTION


# The heading of an author's bio: "About the author", "About the author: Jane Roe", "About
# Jane Roe" (then the bio opens with the name).
_ABOUT_AUTHOR = re.compile(
    r"^About (?:the (?:author|writer)s?\b(?::\s*.{2,60})?|"
    r"(?P<name>[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,3}))\s*:?$"
)


def _about_author(lines: Sequence[str], index: int) -> bool:
    """Whether line ``index`` heads an author's bio: "About the author", or "About" and a
    name that the next line opens with ("About Jane Roe" / "Jane Roe is a writer ...")."""
    found = _ABOUT_AUTHOR.match(lines[index].strip())
    if found is None:
        return False
    name = found["name"]
    return not name or (index + 1 < len(lines) and lines[index + 1].startswith(name + " "))


# A reporter's attribution: the line under an "About ..." heading that has one is news.
_REPORTED = re.compile(r"\b(?:said|says|told|added)\b")


def _blurb_follows(lines: Sequence[str], index: int) -> bool:
    """Whether the line after the "About <name>" heading at ``index`` reads as the issuer's
    blurb ("Lindau Trade Office promotes ..."), not as the story going on under a subhead
    ("..., the ministry said on Friday.")."""
    return index + 1 >= len(lines) or _REPORTED.search(lines[index + 1]) is None


_BEGUN_LINES = 2


def _has_begun(kinds: Sequence[LineKind | None], start: int, index: int) -> bool:
    """Whether the article has shown some of its text before ``index``: a heading of a
    contact block in a menu above the text does not end it."""
    return sum(1 for j in range(start, index) if kinds[j] is LineKind.BODY) >= _BEGUN_LINES


def _resumes(lines: Sequence[str], kinds: list[LineKind | None], index: int) -> bool:
    """After a teaser heading, the article goes on only with two long sentences in a row."""
    run = 0
    for j in range(index, min(len(lines), index + 2)):
        if kinds[j] is not None or not is_prose(lines[j]) or words(lines[j]) < _RESUME_WORDS:
            return False
        run += 1
    return run == 2


def _body_line_kind(line: str) -> LineKind:
    count = words(line)
    if _is_short_caption(line, count):
        return LineKind.CAPTION  # "Trade ministers speak in the Rose Garden on Tuesday."
    if line[-1:] == ":" and is_heading_with_colon(line):
        return LineKind.LABEL  # "Statement from Ambassador Jane Roe:" over no quote
    if line[-1:] == "?" and is_question_subhead(line):
        return LineKind.SUBHEAD  # "What does the agreement cover?"
    if ends_sentence(line) and (count >= 3 or line.rstrip()[-1:] in '”"’'):
        if is_title_cased(line):
            return LineKind.SUBHEAD  # "Minister Says Talks Will Resume In May 🇪🇺."
        return LineKind.BODY
    if AGENDA_LINE.match(line):
        return LineKind.BODY  # "Vote: Wednesday, 13 February": when the next step comes
    if is_listing_entry(line):
        return LineKind.TEASER  # "RELEASE : Ministers sign port deal [May 2024]"
    if is_title_like(line) and count <= _SUBHEAD_MAX_WORDS:
        return LineKind.SUBHEAD
    if is_names_and_titles(line):
        return LineKind.LABEL  # "Ms Jane ROE Minister for Trade": a list of participants
    if count >= 6:
        return LineKind.BODY  # a paragraph that lost its final stop ("..., Akazawa said,")
    return LineKind.LABEL


def _is_short_caption(line: str, count: int) -> bool:
    """A picture's description in the body: a short line (of ``count`` words) whose verb
    describes a picture, in the present tense ("Delegates arrive for talks"), with no one
    quoted."""
    return (
        count <= _CAPTION_MAX_WORDS
        and '"' not in line
        and "“" not in line
        and is_picture_description(line)
    )


def _trim_tail(lines: Sequence[str], kinds: list[LineKind | None], start: int) -> None:
    """After the body's last sentence-length paragraph, nothing is article text."""
    last = next(
        (
            i
            for i in range(len(lines) - 1, start - 1, -1)
            if kinds[i] is LineKind.BODY
            and is_prose(lines[i])
            and not _headline_with_quote(lines[i])
            and not _cut_short(lines[i])
        ),
        None,
    )
    if last is None:
        # A short report: no sentence is long enough to mark the end. Its paragraphs cut
        # short by the page are a teaser's excerpt of a story told elsewhere.
        for i in range(start, len(lines)):
            if kinds[i] is LineKind.BODY and is_prose(lines[i]) and _cut_short(lines[i]):
                kinds[i] = LineKind.TEASER
        return
    for i in range(last + 1, len(lines)):
        if kinds[i] is not LineKind.BODY:
            continue
        line = lines[i]
        short = words(line) < 6 and not AGENDA_LINE.match(line) and not SHORT_DECISION.match(line)
        if short or _headline_with_quote(line) or _cut_short(line):
            kinds[i] = LineKind.TEASER


def _cut_short(line: str) -> bool:
    """A listing's excerpt that the page cut short ("... the new contract was..."); an
    ellipsis in brackets marks a cut the article itself made ("[...]")."""
    return CUT_SHORT.search(line) is not None and not line.rstrip().endswith(_OWN_CUTS)


_OWN_CUTS = ("[...]", "[…]", "(...)", "(…)")
_HEADLINE_MAX_WORDS = 16


def _headline_with_quote(line: str) -> bool:
    """A headline that ends with a quotation (``Minister: talks "a small setback"``): its
    closing mark follows no sentence stop, as a report's sentence would have one."""
    text = line.rstrip()
    return (
        words(text) <= _HEADLINE_MAX_WORDS
        and text[-1:] in '”"’'
        and text.rstrip('”"’')[-1:] not in ".!?,…"
    )
