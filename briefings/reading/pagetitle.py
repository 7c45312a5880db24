"""The headline among a page's lines: the headline-shaped line above the body that shares most
words with the lede, not a label, a widget's text, a date stamp or the outlet's name."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from itertools import pairwise

from briefings.reading.furniture import LineKind
from briefings.reading.gluedmarks import LEADING_STAMP
from briefings.reading.headings import (
    first_of_repeats,
    is_names_and_titles,
    names_an_organisation,
)
from briefings.reading.headline import is_spoken_opening
from briefings.reading.lineshape import is_title_like, word_set, words
from briefings.reading.listings import is_title_cased
from briefings.reading.officialdom import opens_with_label
from briefings.reading.sitemarks import is_help_widget_question

_HEADLINE_REACH = 25  # lines above the body where the headline may stand
_ENOUGH_SHARED = 4


def choose_headline(
    lines: Sequence[str],
    kinds: list[LineKind | None],
    intrinsic: Sequence[LineKind | None],
    start: int,
    outlet: str,
) -> str:
    """The headline-shaped line above the body that shares most words with the lede (then the
    one with fewest other words, then the shorter, then the nearest): not a label, a player
    message or the outlet's name."""
    body = " ".join(line for line, k in zip(lines, kinds, strict=True) if k is LineKind.BODY)
    lede = _stems(body[:1500])
    above = Counter(lines[max(0, start - _HEADLINE_REACH) : start])
    best: tuple[int, float, int, int] | None = None
    shown_at: dict[int, int] = {}
    texts: dict[int, str] = {}
    scores: dict[int, tuple[int, float, int, int]] = {}
    teasers_under = -1  # the nearest heading of a teaser list above the body ("Related")
    for i in range(start - 1, max(-1, start - _HEADLINE_REACH), -1):
        line = _without_stamp(lines[i].strip())
        short = len(line) <= _TEASER_HEADING_MAX_CHARS
        if teasers_under < 0 and short and _TEASER_HEADING.match(line):
            teasers_under = i
        if kinds[i] not in (None, LineKind.LABEL):
            continue
        if " | " in line:  # "Talks resume in Geneva | The Daily Example"
            if intrinsic[i] not in (None, LineKind.LABEL):
                continue
            line = _story_part(line, lede)
        elif intrinsic[i] in (None, LineKind.LABEL) and (crumb := _crumbs_title(line)):
            line = crumb  # "Business » Economy » Talks resume in Geneva"
        elif intrinsic[i] is not None:
            continue
        if _BREADCRUMB.match(line) or _is_tag_line(line):
            continue  # "Home News World Europe", "Estria Central bank Interest rates"
        if not _headline_shaped(line) or is_help_widget_question(line):
            continue  # "How can we help you?": a help widget's question
        if opens_with_label(line):
            continue  # a speaker's turn or a numbered item: "MS ROE: Good afternoon"
        if _is_outlet_name(line, outlet) or _repeats_itself(line) or _PLACE.match(line):
            continue
        if _is_credit_shaped(line):
            continue  # "Northwire Media Network - Lindau", "Jane Roe, Farm Herald": a byline
        if is_spoken_opening(line) or names_an_organisation(line):
            continue  # "Good afternoon, everyone", "Ministry of Foreign Affairs of Estria"
        if _opens_lede(line, body):
            continue  # "Hon Jane Roe MP Minister for Trade" above "Hon Jane Roe MP ... hosted"
        if _excerpt_of_body(line, body):
            continue  # a sentence of the body shown above it as a teaser or a standfirst
        stems = _stems(line)
        shared = len(stems & lede)
        # A headline is often shown twice (in the page's header and over the article); past a
        # few shared words, a longer line (a standfirst) shares more only by its length. A
        # title right above a credited caption is the picture's own, below any other as close.
        shown = min(shared, _ENOUGH_SHARED) + (1 if shared and above[lines[i]] > 1 else 0)
        if intrinsic[i + 1] is LineKind.CAPTION:
            shown -= 1
        score = (shown, shared / (len(stems) or 1), -len(stems), i)
        shown_at[i] = shown
        texts[i] = line
        scores[i] = score
        if best is None or score[:3] > best[:3]:
            best = score
    if best is not None and 0 <= teasers_under < best[3]:
        best = _above_teasers(scores, teasers_under) or best
    if best is not None and _drop_teaser_runs(lines, scores, shown_at):
        best = max(scores.values(), key=lambda score: score[:3])
    if best is None or (lede and best[0] == 0):
        return ""  # a line that shares no word with the article is not its headline
    chosen = best[3]
    while (above_it := _line_above(chosen, shown_at, intrinsic)) >= 0 and (
        shown_at[above_it] >= best[0] and not _holds_glued(texts[above_it], texts[chosen])
    ):
        chosen = above_it  # a standfirst follows its headline: the line above, as close, is it
    own = texts[chosen]
    others = sorted(i for i in shown_at if not _holds_glued(texts[i], own))
    chosen = first_of_repeats(lines, others, chosen)
    kinds[chosen] = LineKind.TITLE
    return texts[chosen]


# The heading of a list of links to other stories: the lines under it are teasers.
_TEASER_HEADING = re.compile(
    r"^(?:related(?: stories| articles| news| content| coverage| links)?|read (?:more|also)|"
    r"also read|more (?:stories|news|on this(?: story)?)|recommended(?: for you)?|"
    r"most (?:read|popular|viewed)|trending(?: now)?|you may also like|see also|top stories)"
    r"\s*:?$",
    re.IGNORECASE,
)
_TEASER_HEADING_MAX_CHARS = 30


def _above_teasers(
    scores: dict[int, tuple[int, float, int, int]], heading: int
) -> tuple[int, float, int, int] | None:
    """The best candidate above a teaser list's heading that shares a word with the lede: a
    teaser under "Related" may share more words with the body than the title does."""
    above = [score for i, score in scores.items() if i < heading and score[0] > 0]
    return max(above, key=lambda score: score[:3]) if above else None


_TEASER_RUN_MIN = 4  # three teasers or more, then the title
_TEASER_MAX_WORDS = 12


def _drop_teaser_runs(
    lines: Sequence[str], scores: dict[int, tuple[int, float, int, int]], shown_at: dict[int, int]
) -> bool:
    """A run of short headline-shaped lines right after one another, three or more above the
    last, with no heading over them, is a list of links to other stories, then the title: of
    the run only the last two lines stay candidates (the title, and a teaser or a label under
    or over it; a longer line, a summary, ends a run). Whether any line was dropped."""
    dropped = False
    for run in _short_runs(lines, sorted(scores)):
        if len(run) < _TEASER_RUN_MIN or len(scores) <= 1:
            continue
        for j in run[:-2]:
            if scores[j][0] > 0:
                del scores[j]
                shown_at.pop(j, None)
                dropped = True
    return dropped


def _short_runs(lines: Sequence[str], ordered: list[int]) -> list[list[int]]:
    """The runs of lines right after one another among ``ordered``, each line short."""
    runs: list[list[int]] = []
    for i in ordered:
        if words(lines[i]) > _TEASER_MAX_WORDS:
            runs.append([])  # a longer line (a summary) ends a run
        elif runs and runs[-1] and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def _holds_glued(line: str, title: str) -> bool:
    """Whether ``line`` is ``title`` with a breadcrumb's last word or a site's name glued on
    ("StocksTalks resume in Geneva -Site"): a copy of the title that is no headline."""
    at = line.find(title) if len(line) > len(title) else -1
    return at > 0 and line[at - 1].isalnum()


def _line_above(index: int, shown_at: dict[int, int], intrinsic: Sequence[LineKind | None]) -> int:
    """The candidate right above line ``index``, over a date stamp between them ("Joint
    Readout ..." / "March 10, 2018" / "Meeting between ..."), or -1."""
    above = index - 1
    for _ in range(_BETWEEN_MAX):
        if above in shown_at or above <= 0 or intrinsic[above] not in _BETWEEN:
            break
        above -= 1  # over a date stamp or a byline between the title and the standfirst
    return above if above in shown_at else -1


_BETWEEN = (LineKind.TIMESTAMP, LineKind.BYLINE)
_BETWEEN_MAX = 2


# The last word of a newsroom's or an outlet's name ("... Media Network", "... Herald").
_NEWSROOM = word_set(
    "network news desk bureau staff agency service media correspondent correspondents reporter "
    "reporters writer writers wire online digital team herald times post journal tribune "
    "gazette press daily chronicle"
)
_CREDIT_MAX_WORDS = 8
_NAME_MAX_TOKENS = 3


def _is_credit_shaped(line: str) -> bool:
    """A byline in a headline's place: a newsroom and the place it files from ("Northwire
    Media Network - Lindau"), or a person's name and the outlet ("Jane Roe, Farm Herald")."""
    if words(line) > _CREDIT_MAX_WORDS:
        return False
    for dash in (" - ", " – ", " — "):
        if dash in line:
            newsroom, _, place = line.partition(dash)
            return _ends_with_newsroom(newsroom) and _capitalised(place, _NAME_MAX_TOKENS)
    if ", " in line:
        name, _, paper = line.partition(", ")
        return _capitalised(name, _NAME_MAX_TOKENS) and _ends_with_newsroom(paper)
    return False


def _ends_with_newsroom(text: str) -> bool:
    tokens = text.split()
    return bool(tokens) and tokens[-1].casefold() in _NEWSROOM and _capitalised(text, 6)


def _capitalised(text: str, most: int) -> bool:
    tokens = text.split()
    return 0 < len(tokens) <= most and all(t[:1].isupper() for t in tokens)


def _opens_lede(line: str, body: str) -> bool:
    """A person's name and titles that the lede's first sentence holds word for word ("Hon
    Jane Roe MP Minister for Trade" above "Hon Jane Roe MP Minister for Trade, joined by ...,
    hosted ..."): a list of the participants, not the headline."""
    return line in body[:_LEDE_NAMES_REACH] and is_names_and_titles(line)


_LEDE_NAMES_REACH = 300


def _excerpt_of_body(line: str, body: str) -> bool:
    """A long line that a later paragraph of the body holds word for word ("Roe said the two
    sides will set up a working group to assess tariffs" above "... Roe said the two sides
    will set up a working group to assess tariffs “by June”."): an excerpt shown as a teaser
    or a standfirst, never the headline. A title the lede opens with is no excerpt."""
    if words(line) < _EXCERPT_MIN_WORDS or is_title_cased(line):
        return False  # a title in capitals ("Talks On Tariffs Resume ...") may be named again
    at = body.find(line.rstrip(".!? "))
    return at > 0 and body[:at].rstrip()[-1:] in _STOPS  # where a sentence of the body opens


_EXCERPT_MIN_WORDS = 10
_STOPS = '.!?”"'


# A breadcrumb: the site's home, then its sections ("Home News World", "Home > Politics"),
# or its links' texts run together where the scrape lost their gaps ("HomeNewsWorld ...").
_SECTIONS = (
    r"(?:News|Latest|World|Business|Politics|Economy|Sport|Sports|Opinion|Markets|Local|"
    r"National|International|Topics|Section|Media|Press)"
)
_BREADCRUMB = re.compile(rf"^Home\s*(?:[>/|›»·:]|\s{_SECTIONS}\b|{_SECTIONS}(?=[A-Z]))")
_PIECES_MAX = 3
_TAG_SWITCHES = 2


def _story_part(line: str, lede: set[str]) -> str:
    """Of a title joined to the site's name or section by " | ", the part that is the story's
    title: headline-shaped, sharing most words with the lede, then the longer ("" if none)."""
    pieces = [piece.strip() for piece in line.split(" | ")]
    if len(pieces) > _PIECES_MAX:
        return ""  # a navigation row
    shaped = [piece for piece in pieces if _headline_shaped(piece)]
    if not shaped:
        return ""
    return max(shaped, key=lambda piece: (len(_stems(piece) & lede), words(piece)))


# The separators of a breadcrumb's sections.
_CRUMB_SEPARATOR = re.compile(r"\s[/›»>]\s")
_SECTION_MAX_WORDS = 3
_CRUMB_TITLE_MIN_WORDS = 4


def _crumbs_title(line: str) -> str:
    """The story's title that closes a breadcrumb ("Home / Business / Talks resume in
    Geneva"): after sections of a few words each, a headline-shaped last piece ("" if none)."""
    if not any(mark in line for mark in "/›»>"):
        return ""  # the cheap test first: no separator's mark
    pieces = _CRUMB_SEPARATOR.split(line)
    if len(pieces) < 2 or any(words(piece) > _SECTION_MAX_WORDS for piece in pieces[:-1]):
        return ""
    last = pieces[-1].strip()
    if words(last) < _CRUMB_TITLE_MIN_WORDS or not _headline_shaped(last):
        return ""
    return last


def _is_tag_line(line: str) -> bool:
    """Topic tags run together ("Estria Central bank Interest rates Food prices"): no small
    word, no mark, no two words in lower case in a row, and twice a lower-case word followed by
    a capitalised one."""
    tokens = line.split()
    if any(not token.isalpha() or token.casefold() in _STOP for token in tokens):
        return False
    if any(a[0].islower() and b[0].islower() for a, b in pairwise(tokens)):
        return False  # two small words in a row: a headline's verb ("earthquake hits New ...")
    switches = sum(1 for a, b in pairwise(tokens) if a[0].islower() and b[0].isupper())
    return switches >= _TAG_SWITCHES


_QUESTION_SHARED = 2


def is_question_title(line: str, lede: str) -> bool:
    """A question in a headline's shape that shares words with the lede under it ("Will the
    Estrian central bank cut its rate?"): the title above the body, not its first line."""
    text = line.strip()
    return (
        text.endswith("?")
        and is_title_like(text)
        and not any(mark in text for mark in '"“”«')
        and not is_help_widget_question(text)
        and len(_stems(text) & _stems(lede)) >= _QUESTION_SHARED
    )


# A place alone, as a dateline or a speech's venue shows it: "Mexico City, Mexico".
_PLACE = re.compile(r"^[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*)?(?: [A-Z][\w.'’-]*)?, [A-Z][\w.'’-]*$")


# An initialism closing a headline: "... Open To Talks With U.S." ends no sentence.
_INITIALISM_END = re.compile(r"\s(?:[A-Z]\.){2,3}$")


def _headline_shaped(line: str) -> bool:
    """A headline's shape; one that ends in an initialism ("U.S.") has no sentence stop."""
    if is_title_like(line):
        return True
    return _INITIALISM_END.search(line) is not None and is_title_like(line[:-1])


def _repeats_itself(line: str) -> bool:
    """A widget's text, its words said twice ("left corner left corner"): no headline."""
    tokens = line.casefold().split()
    return len(set(tokens)) * 2 <= len(tokens)


def _without_stamp(line: str) -> str:
    if not (line[:1].isdigit() or line[:1] in "dDuUpP"):
        return line  # the cheap test first: a stamp opens with a digit or one of four words
    return LEADING_STAMP.sub("", line, count=1)


_STOP = word_set("the a an and or of to in on for with at by from as is are was be its")


def _stems(text: str) -> set[str]:
    """Content words cut to five letters: "Praises" and "praised" share "prais"."""
    return {w[:5] for w in re.findall(r"[a-z]+", text.casefold()) if len(w) > 2 and w not in _STOP}


def _is_outlet_name(line: str, outlet: str) -> bool:
    if outlet and line.casefold() == outlet.casefold():
        return True
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and words(line) <= 6
