"""A page's lines -> the article apart from the furniture around and inside it.

The lines come from scraped text or from an HTML page's extracted blocks, in page order. Each
line's own shape gives a first verdict (:func:`~briefings.reading.furniture.line_kind`); its
place decides the rest:

- the **body** starts at the first line that reads as a sentence and is not a picture
  description; what stands before it is navigation, labels, captions, or the headline;
- the **headline** is the headline-shaped line above the body that shares most words with the
  lede (not a label, a date, a credit or the outlet's name);
- a **standfirst** is a sentence above the byline or date block that the body follows;
- inside the body, a headline-shaped line is a subhead; a line seen twice on the page is a
  caption shown twice; after a credit line or an author's bio the article has ended, and after
  a "Related" / "Most read" heading only a new run of long sentences is article text again;
- after the last sentence of the body, everything is furniture (teasers, footers).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from briefings.reading.boilerplate import credit_authors
from briefings.reading.captions import DATED_STOP, describes_picture
from briefings.reading.dateline import split_dateline
from briefings.reading.furniture import CUT_SHORT, LineKind, line_kind
from briefings.reading.gluedmarks import without_glued_marks
from briefings.reading.headings import (
    is_heading_with_colon,
    is_names_and_titles,
    is_question_subhead,
    split_title_pieces,
)
from briefings.reading.lineshape import ends_sentence, is_prose, is_title_like, words
from briefings.reading.listings import is_links_label, is_listing_entry, is_title_cased
from briefings.reading.officialdom import (
    is_contact_heading,
    question_summary,
    without_link_labels,
)
from briefings.reading.pagetitle import choose_headline, is_question_title
from briefings.reading.paragraphs import MARKER, MARKERS, body_paragraphs
from briefings.reading.repeats import (
    cut_trailing_credits,
    describes_picture_here,
    mark_picture_labels,
    mark_repeats,
)
from briefings.reading.spoken import unquoted_statement

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
    r"(?:leave|post|add|write|submit) (?:a|your) (?:reply|comment|response)|"
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
_LONE_LEDE_WORDS = 25
_SUBHEAD_MAX_WORDS = 10
_OUTLET_LINE_MAX_WORDS = 6


@dataclass(frozen=True, slots=True)
class PageText:
    """The article read out of a page: its headline, standfirst, body and authors."""

    title: str
    standfirst: str
    body: tuple[str, ...]
    authors: tuple[str, ...]
    kinds: tuple[LineKind, ...]  # one per input line: what each line was taken for


def read_page(
    lines: Sequence[str],
    *,
    title: str = "",
    outlet: str = "",
    line_kinds: Sequence[LineKind | None] | None = None,
) -> PageText:
    """Split ``lines`` into article and furniture. ``title`` is the page's own headline when
    its markup names one; otherwise the headline is found among the lines. ``line_kinds``:
    the :func:`~briefings.reading.furniture.line_kind` of each line, when the caller has them."""
    if line_kinds is None:
        line_kinds = [line_kind(line) for line in lines]
    lines, line_kinds = _without_link_labels(lines, line_kinds)
    lines, credited = cut_trailing_credits(lines)
    intrinsic = list(line_kinds)
    kinds: list[LineKind | None] = list(intrinsic)
    mark_repeats(lines, kinds, title)
    mark_picture_labels(lines, kinds)
    for i in split_title_pieces(lines):
        kinds[i] = LineKind.TITLE  # the title again, split over two lines
    start = _body_start(lines, kinds)
    if start is not None and _opens_with_question_title(lines, kinds, start):
        kinds[start] = LineKind.LABEL  # the headline, a question, above the lede
        start = _body_start(lines, kinds)
    if start is None:
        return PageText(title, "", (), (), tuple(k or LineKind.LABEL for k in kinds))
    standfirst = _above_the_fold(lines, kinds, start)
    if kinds[start] is not None:
        start = _body_start(lines, kinds)
        if start is None:
            return PageText(title, "", (), (), tuple(k or LineKind.LABEL for k in kinds))
    _mark_body(lines, kinds, start, credited)
    headline = title or choose_headline(lines, kinds, intrinsic, start, outlet)
    done = tuple(k or LineKind.LABEL for k in kinds)
    body = unquoted_statement(body_paragraphs(lines, done), headline)
    return PageText(headline, standfirst, tuple(body), _authors(lines, done, outlet), done)


def _opens_with_question_title(
    lines: Sequence[str], kinds: list[LineKind | None], start: int
) -> bool:
    """Whether the body's first line is a question titling the page: no sentence above it,
    and the next line of text shares its words."""
    if lines[start].rstrip()[-1:] != "?" or any(k is None for k in kinds[:start]):
        return False
    lede = next((lines[j] for j in range(start + 1, len(lines)) if kinds[j] is None), "")
    return bool(lede) and is_prose(lede) and is_question_title(lines[start], lede)


def _without_link_labels(
    lines: Sequence[str], kinds: Sequence[LineKind | None]
) -> tuple[list[str], list[LineKind | None]]:
    """The lines without the link labels that close a paragraph ("... in 2006. (More)
    (Fact Sheet)") and the marks a page glues to a line (a date stamp, a table cell's bar, an
    agency's sign-off), each changed line judged again."""
    out, out_kinds = list(lines), list(kinds)
    for i, line in enumerate(lines):
        cut = without_glued_marks(line)
        if cut[-1:] == ")":
            cut = question_summary(cut) or without_link_labels(cut)
        if cut != line:
            out[i], out_kinds[i] = cut, line_kind(cut)
    return out, out_kinds


def _body_start(lines: Sequence[str], kinds: list[LineKind | None]) -> int | None:
    """The first sentence of the article. A picture description before it is a caption."""
    first: int | None = None
    for i, line in enumerate(lines):
        if kinds[i] is not None or not is_prose(line):
            continue
        if describes_picture_here(lines, kinds, i) and _more_prose_after(lines, kinds, i):
            kinds[i] = LineKind.CAPTION
            continue
        if words(line) < _LONE_LEDE_WORDS and not _prose_follows(lines, kinds, i):
            continue  # a lone sentence among labels: a banner or a notice, not the lede
        first = i
        break
    if first and kinds[first - 1] is None and _leads_into_quote(lines, first - 1):
        first -= 1  # "From the Press Secretary:" before the statement it introduces
    if first is None:  # a short report: its first sentence, however short
        first = next(
            (i for i, line in enumerate(lines) if kinds[i] is None and _is_short_sentence(line)),
            None,
        )
    if first is None:  # a page that shows only its key points: "- Ministers agreed to ..."
        first = next(
            (i for i, line in enumerate(lines) if kinds[i] is None and _is_key_point(line)),
            None,
        )
    return first


_OPENING_MARKS = ("“", '"', "«", "``", "‘")


def _leads_into_quote(lines: Sequence[str], index: int) -> bool:
    """A line ending in a colon right before a paragraph that opens with a quote mark
    introduces a statement ("From the Press Secretary:", "The minister said:")."""
    line = lines[index].rstrip()
    return (
        line.endswith(":")
        and words(line) >= 3
        and index + 1 < len(lines)
        and lines[index + 1].lstrip().startswith(_OPENING_MARKS)
    )


_KEY_POINT_MIN_WORDS = 8


def _is_key_point(line: str) -> bool:
    """A list item that is running text: a sentence of the story without its stop."""
    return (
        line[:1] in MARKERS
        and MARKER.match(line) is not None
        and words(line) > _KEY_POINT_MIN_WORDS
        and is_prose(line + ".")
    )


def _is_short_sentence(line: str) -> bool:
    return words(line) >= 3 and ends_sentence(line) and not is_title_like(line)


def _prose_follows(lines: Sequence[str], kinds: list[LineKind | None], index: int) -> bool:
    """Whether the next line that may be article text reads as a sentence (or none is left)."""
    for j in range(index + 1, len(lines)):
        if kinds[j] is None:
            return is_prose(lines[j]) or (words(lines[j]) >= 6 and ends_sentence(lines[j]))
    return True


def _more_prose_after(lines: Sequence[str], kinds: list[LineKind | None], index: int) -> bool:
    return any(kinds[j] is None and is_prose(lines[j]) for j in range(index + 1, len(lines)))


def _mark_body(
    lines: Sequence[str],
    kinds: list[LineKind | None],
    start: int,
    credited: frozenset[int] = frozenset(),
) -> None:
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
        if kinds[i] in _HARD_END:
            ended = True
            continue
        if i in credited:
            ended = True  # the paragraph the wire credit closes is the article's last
        if kinds[i] in _HEADING_KINDS and COMMENTS_HEADING.match(line.strip()):
            kinds[i] = LineKind.PROMPT
            ended = True  # readers' comments follow the article
            continue
        if kinds[i] in _HEADING_KINDS and is_contact_heading(line.strip()):
            kinds[i] = LineKind.LABEL
            ended = _has_begun(kinds, start, i)  # contacts and notes close a release
            continue
        if kinds[i] in _HEADING_KINDS and TEASER_HEADING.match(line.strip()):
            kinds[i] = LineKind.LABEL
            skipping = True
            continue
        if kinds[i] in _HEADING_KINDS and is_links_label(line):
            kinds[i] = LineKind.LABEL
            linking = True
            continue
        if kinds[i] is not None:
            continue
        if linking and not ends_sentence(line):
            kinds[i] = LineKind.TEASER  # a link's text under "Full story:"
            continue
        linking = False
        if skipping and not _resumes(lines, kinds, i):
            kinds[i] = LineKind.TEASER
            continue
        skipping = False
        kinds[i] = LineKind.BODY if _leads_into_quote(lines, i) else _body_line_kind(line)
    _trim_tail(lines, kinds, start)


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
    if line[-1:] == ":" and is_heading_with_colon(line):
        return LineKind.LABEL  # "Statement from Ambassador Jane Roe:" over no quote
    if line[-1:] == "?" and is_question_subhead(line):
        return LineKind.SUBHEAD  # "What does the agreement cover?"
    if ends_sentence(line) and (words(line) >= 3 or line.rstrip()[-1:] in '”"’'):
        if is_title_cased(line):
            return LineKind.SUBHEAD  # "Minister Says Talks Will Resume In May 🇪🇺."
        return LineKind.BODY
    if AGENDA_LINE.match(line):
        return LineKind.BODY  # "Vote: Wednesday, 13 February": when the next step comes
    if is_listing_entry(line):
        return LineKind.TEASER  # "RELEASE : Ministers sign port deal [May 2024]"
    if is_title_like(line) and words(line) <= _SUBHEAD_MAX_WORDS:
        return LineKind.SUBHEAD
    if is_names_and_titles(line):
        return LineKind.LABEL  # "Ms Jane ROE Minister for Trade": a list of participants
    if words(line) >= 6:
        return LineKind.BODY  # a paragraph that lost its final stop ("..., Akazawa said,")
    return LineKind.LABEL


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
        return  # a short report: no sentence is long enough to mark the end
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


def _above_the_fold(lines: Sequence[str], kinds: list[LineKind | None], start: int) -> str:
    """The first sentence-like line when furniture (a byline, a date, buttons) separates it
    from the rest of the body: a caption when it describes a picture or carries its full date,
    a standfirst when a byline or date block follows it and the body lacks no dateline."""
    following = next(
        (j for j in range(start + 1, len(lines)) if kinds[j] is None and is_prose(lines[j])),
        None,
    )
    if following is None or following == start + 1:
        return ""
    between = {kinds[j] for j in range(start + 1, following)}
    if None in between and not between - {None}:
        return ""
    line = lines[start]
    if describes_picture(line) or DATED_STOP.search(line):
        kinds[start] = LineKind.CAPTION
        return ""
    if between & {LineKind.BYLINE, LineKind.TIMESTAMP} and not split_dateline(line)[0]:
        kinds[start] = LineKind.STANDFIRST
        return line.strip()
    return ""


def _authors(lines: Sequence[str], kinds: Sequence[LineKind], outlet: str) -> tuple[str, ...]:
    for line, kind in zip(lines, kinds, strict=True):
        if kind in (LineKind.BYLINE, LineKind.CREDIT):
            found = credit_authors(line, outlet)
            if found:
                return found
    return ()
