"""Lines a page shows more than once, and what each showing is: a caption shown twice, the
headline again, a lede under a summary that repeats it, a picture's label that repeats the
headline with a number ("... - 1"), a caption with its credit glued on; and a caption's second
line under a photo credit. Also the wire credit that closes an article's last paragraph.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from briefings.reading.boilerplate import TRAILING_CREDIT
from briefings.reading.captions import (
    REPORTING,
    describes_picture,
    is_picture_description,
    opens_with_caption_verb,
)
from briefings.reading.dateline import opens_with_dateline
from briefings.reading.furniture import CUT_SHORT, LineKind
from briefings.reading.lineshape import ends_sentence, is_title_like, word_set, words

_CAPTION_MAX_WORDS = 45


def cut_trailing_credits(lines: Sequence[str]) -> tuple[list[str], frozenset[int]]:
    """The lines with a wire credit cut from the paragraph it closes ("... since then.
    (Reporting by A; Editing by B)"), and the indexes of those paragraphs: the article ends
    with each."""
    out = list(lines)
    credited: set[int] = set()
    for i, line in enumerate(out):
        found = TRAILING_CREDIT.search(line) if line.endswith(")") and "by" in line else None
        if found is not None and found.start() > 0:
            out[i] = line[: found.start()]
            credited.add(i)
    return out, frozenset(credited)


def mark_repeats(lines: Sequence[str], kinds: list[LineKind | None], title: str) -> None:
    """A line that stands twice on a page is a caption shown twice (or the headline again);
    a paragraph that opens with a dateline is the lede shown twice (a summary above it), and
    only its last showing is article text."""
    counts = Counter(line for line in lines if line.count(" ") >= 3)
    folded_title = " ".join(title.split()).casefold()
    for i, line in enumerate(lines):
        text = line
        # Case folding never shortens a line: a longer one is not the title.
        if folded_title and len(text) <= len(folded_title) and text.casefold() == folded_title:
            kinds[i] = LineKind.TITLE
        elif counts.get(text, 0) > 1 and kinds[i] is None and not is_title_like(text):
            if opens_with_dateline(text):
                if text in lines[i + 1 :]:
                    kinds[i] = LineKind.STANDFIRST
            elif _reports(text):
                if text in lines[:i] and not _standfirst_and_lede(lines, kinds, text):
                    kinds[i] = LineKind.CAPTION  # a block of the report shown again
            elif not _standfirst_and_lede(lines, kinds, text):
                kinds[i] = LineKind.CAPTION  # a headline shown twice stays a headline
        elif counts.get(text, 0) > 1 and kinds[i] is None and _caption_shown_twice(text):
            kinds[i] = LineKind.CAPTION


_EXCERPT_MIN_WORDS = 6


def mark_excerpts_shown_again(lines: Sequence[str], kinds: list[LineKind | None]) -> None:
    """A line cut short by an ellipsis ("... after the first...") whose words another line of
    the page holds in full is a teaser's excerpt of that line: the full line is the text."""
    for i, line in enumerate(lines):
        text = line.rstrip()
        if kinds[i] is not None or not text.endswith(("...", "…")):
            continue  # the cheap test first: most lines end with a stop
        if CUT_SHORT.search(text) is None:
            continue
        head = text.rstrip("….").split()[:-1]  # the last word may be cut
        if len(head) < _EXCERPT_MIN_WORDS:
            continue
        shown = " ".join(head)
        if any(
            j != i and shown in other and len(other) > len(shown) for j, other in enumerate(lines)
        ):
            kinds[i] = LineKind.TEASER


_CAPTION_TITLE_MIN_WORDS = 12
_LEDE_MIN_WORDS = 20
_BYLINE_KINDS = (LineKind.BYLINE, LineKind.TIMESTAMP)


def _standfirst_and_lede(lines: Sequence[str], kinds: list[LineKind | None], text: str) -> bool:
    """A long sentence shown above the byline and again under it, no picture described: the
    summary under the headline, then the lede that repeats it (the article's first line)."""
    if words(text) < _LEDE_MIN_WORDS or not ends_sentence(text) or describes_picture(text):
        return False
    first = lines.index(text)
    second = next((j for j in range(first + 1, len(lines)) if lines[j] == text), first)
    return any(kinds[j] in _BYLINE_KINDS for j in range(first + 1, second))


def _caption_shown_twice(line: str) -> bool:
    """A caption with no stop, shown twice (under the picture and in its viewer): as long as a
    headline, but it opens with a verb that describes a picture ("Jane Roe speaks to John Doe,
    the chief negotiator, who said ...")."""
    return words(line) >= _CAPTION_TITLE_MIN_WORDS and opens_with_caption_verb(line)


def _reports(line: str) -> bool:
    """A report's sentence, not a caption: someone says something, and no picture is shown."""
    return REPORTING.search(line) is not None and not describes_picture(line)


# What a picture's label adds to the line it repeats: " - 1", " - photo 2", "| image 3".
_PICTURE_NUMBER = re.compile(r"^\s*[-–—|:]?\s*(?:\w{1,8}\s*)?\d{1,2}(?!\d)")
_PREFIX_CHARS = 24


def mark_picture_labels(lines: Sequence[str], kinds: list[LineKind | None]) -> None:
    """A line that repeats another line of the page with a picture's number after it ("Talks
    end without a deal - 1"), or with a photo credit glued on ("Ministers meet in Oslo" then
    "Ministers meet in OsloJANE ROE/AFP"), belongs to a picture: the shorter line is then the
    caption shown twice."""
    by_prefix: dict[str, list[int]] = {}
    for i, line in enumerate(lines):
        if line.count(" ") >= 3:
            by_prefix.setdefault(line[:_PREFIX_CHARS], []).append(i)
    for group in by_prefix.values():
        if len(group) < 2:
            continue
        for i in group:
            for j in group:
                longer, shorter = lines[i], lines[j]
                if i == j or len(longer) <= len(shorter) or not longer.startswith(shorter):
                    continue
                rest = longer[len(shorter) :]
                if _PICTURE_NUMBER.match(rest):
                    kinds[i] = LineKind.CAPTION
                    _mark_caption_under(lines, kinds, i)
                elif kinds[i] is LineKind.CAPTION and kinds[j] is None and _glued_on(rest, shorter):
                    kinds[j] = LineKind.CAPTION


def _glued_on(rest: str, shorter: str) -> bool:
    """Whether the shorter line is the caption again, its credit glued on in the longer
    ("Ministers meet in OsloJANE ROE/AFP"); a lede that a caption repeats with its credit
    after a space ("... in London. Credit: Agency") stays the article's sentence."""
    return not rest[:1].isspace() or not ends_sentence(shorter)


_CAPTION_LINE_MAX_WORDS = 12


def _mark_caption_under(lines: Sequence[str], kinds: list[LineKind | None], label: int) -> None:
    """The short line right under a picture's label that is no sentence ("UN envoy Jane
    Roe") is the picture's caption."""
    below = label + 1
    if below < len(lines) and kinds[below] is None:
        line = lines[below]
        if words(line) <= _CAPTION_LINE_MAX_WORDS and not ends_sentence(line):
            kinds[below] = LineKind.CAPTION


def describes_picture_here(lines: Sequence[str], kinds: list[LineKind | None], index: int) -> bool:
    """A picture description above the lede: a caption's verb ("... pose before the talks"),
    or, right under a caption or photo credit that names the same person, a present-tense
    line about them ("PHOTO: Jane Roe testifies ..." then "Trade Representative Jane Roe says
    ..."): the caption's second line. Under a caption that is a sentence, or one shown twice,
    a present-tense line is the lede ("Jane Roe says ...")."""
    line = lines[index]
    if is_picture_description(line):
        return True
    if index == 0 or kinds[index - 1] is not LineKind.CAPTION:
        return False
    above = lines[index - 1]
    return (
        not ends_sentence(above)  # a photo's title ("PHOTO: Jane Roe testifies"), not a caption
        and lines.count(above) == 1  # shown twice (the lede follows a caption shown again)
        and words(line) <= _CAPTION_MAX_WORDS
        and describes_picture(line)
        and bool(_names(line) & _names(above))
    )


def _names(line: str) -> set[str]:
    """Capitalised words past a line's first word: the names it holds (not a day's)."""
    found = {w.strip(",.;:()'’\"“”") for w in line.split()[1:] if w[:1].isupper() and len(w) > 2}
    return found - _CALENDAR_WORDS


_CALENDAR_WORDS = word_set(
    "January February March April May June July August September October November December "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday Friday "
    "Saturday Sunday"
)
