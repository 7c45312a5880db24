"""A page's lines -> the article apart from the furniture around and inside it.

The lines come from scraped text or from an HTML page's extracted blocks, in page order. Each
line's own shape gives a first verdict (:func:`~briefings.reading.furniture.line_kind`); its
place decides the rest:

- the **body** starts at the first line that reads as a sentence and is not a picture
  description; what stands before it is navigation, labels, captions, or the headline;
- the **headline** is the headline-shaped line above the body that shares most words with the
  lede (not a label, a date, a credit or the outlet's name);
- a **standfirst** is a sentence above the byline or date block that the body follows;
- inside the body, each line is judged by :mod:`briefings.reading.pagebody` (subheads,
  teaser boxes, the article's end).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from briefings.reading.backmatter import lines_set_apart, names_a_section_apart
from briefings.reading.boilerplate import credit_authors
from briefings.reading.captions import DATED_STOP, describes_picture
from briefings.reading.dateline import split_dateline
from briefings.reading.furniture import LineKind, line_kind
from briefings.reading.gluedmarks import without_glued_marks
from briefings.reading.headings import split_title_pieces
from briefings.reading.lineshape import (
    TITLE_MIN_WORDS,
    ends_sentence,
    is_prose,
    is_title_like,
    word_set,
    words,
)
from briefings.reading.officialdom import question_summary, without_link_labels
from briefings.reading.pagebody import TEASER_HEADING, leads_into_quote, mark_body
from briefings.reading.pagetitle import choose_headline, is_question_title
from briefings.reading.paragraphs import MARKER, MARKERS, body_paragraphs
from briefings.reading.repeats import (
    cut_trailing_credits,
    describes_picture_here,
    mark_excerpts_shown_again,
    mark_picture_labels,
    mark_repeats,
)
from briefings.reading.spoken import unquoted_statement

_LONE_LEDE_WORDS = 25


@dataclass(frozen=True, slots=True)
class PageText:
    """The article read out of a page: its headline, standfirst, body and authors."""

    title: str
    standfirst: str
    body: tuple[str, ...]
    authors: tuple[str, ...]
    kinds: tuple[LineKind, ...]  # one per input line: what each line was taken for
    # Indexes into ``body`` of the paragraphs under a heading of background, notes to editors
    # or the issuer's blurb (see :mod:`briefings.reading.backmatter`).
    background: tuple[int, ...] = ()


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
    shown = lines
    lines, line_kinds = _without_link_labels(lines, line_kinds)
    _join_speaker_labels(lines, line_kinds)
    lines, credited = cut_trailing_credits(lines)
    credited |= _copyright_closed(shown, lines)
    intrinsic = list(line_kinds)
    kinds: list[LineKind | None] = list(intrinsic)
    mark_repeats(lines, kinds, title)
    mark_excerpts_shown_again(lines, kinds)
    mark_picture_labels(lines, kinds)
    for i in split_title_pieces(lines):
        kinds[i] = LineKind.TITLE  # the title again, split over two lines
    start = _body_start(lines, kinds)
    while start is not None and _opens_with_question_title(lines, kinds, start):
        kinds[start] = LineKind.LABEL  # the headline, a question, above the lede (or twice)
        start = _body_start(lines, kinds)
    if start is None:
        start = _shown_twice_alone(lines, kinds, intrinsic)
    if start is None:
        return PageText(title, "", (), (), tuple(k or LineKind.LABEL for k in kinds))
    standfirst = _above_the_fold(lines, kinds, start)
    if kinds[start] is not None:
        start = _body_start(lines, kinds)
        if start is None:
            return PageText(title, "", (), (), tuple(k or LineKind.LABEL for k in kinds))
    merged = _merged_title(lines[start], title)
    if merged:
        lines[start] = lines[start][len(merged) + 1 :]  # the title the page glued to the lede
    mark_body(lines, kinds, start, credited)
    headline = title or choose_headline(lines, kinds, intrinsic, start, outlet) or merged
    done = tuple(k or LineKind.LABEL for k in kinds)
    origins: list[int] = []
    body = unquoted_statement(body_paragraphs(lines, done, origins), headline)
    apart = lines_set_apart(lines, done, start)
    background = tuple(i for i, at in enumerate(origins) if at in apart) if apart else ()
    authors = _authors(lines, done, outlet)
    return PageText(headline, standfirst, tuple(body), authors, done, background)


_MERGED_REACH = 25
_STEM = 4  # "resume" and "resumed": the same word
# Words after which a sentence goes on: the words after them are no new sentence.
_JOINING_WORDS = word_set(
    "and or but while as when after before since that which who whom whose with of to in on "
    "at by for from than the a an said says told because if unless where whereas"
)


def _merged_title(line: str, title: str) -> str:
    """The title that opens the lede's line with no stop between them ("Talks resume in
    Lindau Talks resumed in Lindau on Monday ..."): the page's own title, or a headline's shape
    before the lede's opening words shown again. "" when there is none."""
    if title and line.startswith(title + " ") and line[len(title) + 1 : len(title) + 2].isupper():
        rest = line[len(title) + 1 :]
        return title if ends_sentence(rest) and words(rest) >= TITLE_MIN_WORDS else ""
    tokens = line.split(None, _MERGED_REACH + 2)
    if len(tokens) < _MERGED_REACH or not tokens[0][:1].isupper():
        return ""
    first, second = tokens[0], tokens[1][:_STEM].casefold()
    for j in range(TITLE_MIN_WORDS, _MERGED_REACH):
        if (
            tokens[j] == first
            and tokens[j + 1][:_STEM].casefold() == second
            and tokens[j - 1][-1:].isalnum()
            and tokens[j - 1].casefold() not in _JOINING_WORDS
        ):
            head = " ".join(tokens[:j])
            rest = line[len(head) + 1 :]
            return head if is_title_like(head) and is_prose(rest) else ""
    return ""


def _shown_twice_alone(
    lines: Sequence[str], kinds: list[LineKind | None], intrinsic: Sequence[LineKind | None]
) -> int | None:
    """On a page with no other text and no picture (a video's page), the sentence shown twice
    is its text: its first showing is the body's start."""
    if LineKind.CAPTION in intrinsic or LineKind.CREDIT in intrinsic:
        return None  # a gallery: its captions shown twice are captions still
    for i, line in enumerate(lines):
        if kinds[i] is LineKind.CAPTION and intrinsic[i] is None and is_prose(line):
            kinds[i] = None
            return i
    return None


def _opens_with_question_title(
    lines: Sequence[str], kinds: list[LineKind | None], start: int
) -> bool:
    """Whether the body's first line is a question titling the page: no sentence above it,
    and the next line of text shares its words."""
    if lines[start].rstrip()[-1:] != "?" or any(
        k is None and words(line) >= _LONE_LEDE_WORDS
        for line, k in zip(lines[:start], kinds[:start], strict=True)
    ):
        return False  # a sentence of the article above it (a site's motto is none)
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


# A speaker's label in capitals on a line of its own, the turn under it: "MINISTER ROE:",
# "JANE ROE, MINISTER FOR TRADE:", "QUESTION:".
_SPEAKER_ALONE = re.compile(
    r"^[A-Z][A-Z.'’-]*(?:\s+[A-Z][A-Z.'’-]*){0,5}(?:,\s*[A-Z][A-Z.'’ -]{1,60})?:$"
)
_SPEAKER_MAX_CHARS = 90


def _join_speaker_labels(lines: list[str], kinds: list[LineKind | None]) -> None:
    """A transcript's speaker label alone on its line goes before the turn under it
    ("MINISTER ROE:" then "We agreed ..." -> "MINISTER ROE: We agreed ..."); the label's own
    line is left as a label."""
    for i in range(len(lines) - 1):
        label = lines[i].strip()
        if label[-1:] != ":" or len(label) > _SPEAKER_MAX_CHARS or not label[:1].isupper():
            continue  # the cheap test first: a short line that ends with a colon
        turn = lines[i + 1].strip()
        if kinds[i + 1] is not None or not turn or turn[-1:] == ":":
            continue
        if _SPEAKER_ALONE.match(label) is None or names_a_section_apart(label):
            continue  # "BACKGROUND:" heads a section, no speaker's turn
        lines[i + 1] = f"{label} {turn}"
        kinds[i] = LineKind.LABEL
        kinds[i + 1] = line_kind(lines[i + 1])


_COPYRIGHT_REACH = 70


def _copyright_closed(shown: Sequence[str], lines: Sequence[str]) -> frozenset[int]:
    """The paragraphs whose glued copyright mark was cut ("... in Lindau.© Agency"): the
    article ends with each, as with a wire credit."""
    return frozenset(
        i
        for i, (was, now) in enumerate(zip(shown, lines, strict=True))
        if "©" in was[-_COPYRIGHT_REACH:] and was != now and "©" not in now[-_COPYRIGHT_REACH:]
    )


def _body_start(lines: Sequence[str], kinds: list[LineKind | None]) -> int | None:
    """The first sentence of the article. A picture description before it is a caption."""
    first: int | None = None
    for i, line in enumerate(lines):
        if kinds[i] is not None or not is_prose(line):
            continue
        if describes_picture_here(lines, kinds, i) and _more_prose_after(lines, kinds, i):
            kinds[i] = LineKind.CAPTION
            continue
        if _is_quoted_title(line) and _more_prose_after(lines, kinds, i):
            kinds[i] = LineKind.LABEL  # "‘Talks to continue for a fair deal’": a title
            continue
        if words(line) < _LONE_LEDE_WORDS and not _prose_follows(lines, kinds, i):
            continue  # a lone sentence among labels: a banner or a notice, not the lede
        first = i
        break
    if first and kinds[first - 1] is None and leads_into_quote(lines, first - 1):
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


_KEY_POINT_MIN_WORDS = 8


def _is_key_point(line: str) -> bool:
    """A list item that is running text: a sentence of the story without its stop."""
    return (
        line[:1] in MARKERS
        and MARKER.match(line) is not None
        and words(line) > _KEY_POINT_MIN_WORDS
        and is_prose(line + ".")
    )


_QUOTED_TITLE_MAX_WORDS = 16


def _is_quoted_title(line: str) -> bool:
    """A title wholly in quotation marks, no stop before its closing mark: a sentence that is
    a quotation ends with a stop inside the marks."""
    text = line.strip()
    return (
        text[:1] in '\u2018\u201c"'
        and text[-1:] in '\u2019\u201d"'
        and text[-2:-1] not in ".!?,\u2026"
        and words(text) <= _QUOTED_TITLE_MAX_WORDS
    )


def _is_short_sentence(line: str) -> bool:
    return words(line) >= 3 and ends_sentence(line) and not is_title_like(line)


def _prose_follows(lines: Sequence[str], kinds: list[LineKind | None], index: int) -> bool:
    """Whether the next line that may be article text reads as a sentence (or none is left).
    The links under a "Related:" heading right after the lede and a pull quote are passed
    over: not a sign that the lede stands alone."""
    linking = False
    for j in range(index + 1, len(lines)):
        if kinds[j] is not None:
            linking = linking or _opens_links(lines[j])
            continue
        if (linking and not ends_sentence(lines[j])) or _is_quoted_title(lines[j]):
            continue  # a link's title under the heading, a pull quote
        return is_prose(lines[j]) or (words(lines[j]) >= 6 and ends_sentence(lines[j]))
    return True


def _opens_links(line: str) -> bool:
    """A heading over links to other stories ("Related:", "Read more:"), a short line."""
    text = line.strip()
    return len(text) <= _LINKS_HEADING_MAX_CHARS and TEASER_HEADING.match(text) is not None


_LINKS_HEADING_MAX_CHARS = 40


def _more_prose_after(lines: Sequence[str], kinds: list[LineKind | None], index: int) -> bool:
    return any(kinds[j] is None and is_prose(lines[j]) for j in range(index + 1, len(lines)))


def _above_the_fold(lines: Sequence[str], kinds: list[LineKind | None], start: int) -> str:
    """The first sentence-like line when furniture (a byline, a date, buttons) separates it
    from the rest of the body: a caption when it describes a picture or carries its full date,
    a standfirst when a byline or date block follows it, or the lede opens with it again, and
    the body lacks no dateline."""
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
    bylined = between & {LineKind.BYLINE, LineKind.TIMESTAMP} or any(
        _author_and_outlet(lines[j]) for j in range(start + 1, following)
    )
    repeated = lines[following].startswith(line.strip())  # the lede opens with it again
    if (bylined or repeated) and not split_dateline(line)[0]:
        kinds[start] = LineKind.STANDFIRST
        return line.strip()
    return ""


_AUTHOR_MAX_TOKENS = 4
_OUTLET_MAX_WORDS = 6


def _author_and_outlet(line: str) -> bool:
    """A byline without its "By": a person's name, a bar, the outlet ("Jane K. Roe | The
    Northwire Herald"). Each word of the name capitalised, an initial among them or not."""
    if " | " not in line:
        return False
    author, _, outlet = line.strip().partition(" | ")
    tokens = author.split()
    return (
        2 <= len(tokens) <= _AUTHOR_MAX_TOKENS
        and all(t[:1].isupper() and (t[1:].islower() or t[1:] == ".") for t in tokens)
        and 0 < len(outlet.split()) <= _OUTLET_MAX_WORDS
        and outlet[:1].isupper()
        and " | " not in outlet
    )


def _authors(lines: Sequence[str], kinds: Sequence[LineKind], outlet: str) -> tuple[str, ...]:
    for line, kind in zip(lines, kinds, strict=True):
        if kind in (LineKind.BYLINE, LineKind.CREDIT):
            found = credit_authors(line, outlet)
            if found:
                return found
    return ()
