"""Page metadata read from the raw markup with a few regexes: title, site name, authors,
canonical URL, publication time, description. Only ``<meta>``, ``<link>``, ``<title>`` and
``<time>`` are looked at, and a byline element on demand (:func:`read_byline`), so this stays a
small fraction of the cost of extracting the article body (trafilatura's own metadata pass
costs about a quarter of it)."""

from __future__ import annotations

import html as html_lib
import re
from dataclasses import dataclass
from datetime import datetime

from briefings.reading.dates import parse_iso

_HEAD_LIMIT = 200_000
_TAG = re.compile(r"<(meta|link)\s([^>]*)>", re.IGNORECASE)
_ATTR = re.compile(r"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
_TIME = re.compile(r"<time\s[^>]*?datetime=[\"']([^\"']+)[\"']", re.IGNORECASE)
_BYLINE = re.compile(
    r"<(\w+)[^>]*class=[\"'][^\"']*\b(?:byline|author)\b[^\"']*[\"'][^>]*>(.*?)</\1>",
    re.IGNORECASE | re.DOTALL,
)
_STANDFIRST_NAMES = (
    r"standfirst|dek|strapline|sub-?headline|subtitle|article-summary|article__summary|"
    r"summary-text|lede-summary"
)
_STANDFIRST = re.compile(
    rf"<(\w+)[^>]*class=[\"'][^\"']*\b(?:{_STANDFIRST_NAMES})\b[^\"']*[\"'][^>]*>(.*?)</\1>",
    re.IGNORECASE | re.DOTALL,
)
# "class=" in any case (as the patterns above read it), found from its "=": a literal the
# search skips to quickly.
_CLASS_ATTRIBUTE = re.compile(r"=(?<=class=)", re.IGNORECASE)
# The class attribute of a standfirst, in case-folded markup: the quick test that tells most
# pages apart before the search that reads elements. Folding a whole page costs more than the
# search, so each value of a class attribute is folded alone: "=" and a quote fold only from
# themselves, and of other letters only the long s and the sharp s (both cases) fold to a
# letter of "class". The search skips from "=" to "=" and looks back; a lookahead reads the
# value, so that a value holding "class=" is read from there too, as in the folded markup.
_CLASS_VALUE = re.compile(
    "=[\"'](?:(?<=[cC][lL][aA][sS\u017f][sS\u017f]=.)|(?<=[cC][lL][aA][\u00df\u1e9e]=.))"
    "(?=([^\"']*))"
)
_FOLDED_STANDFIRST_NAME = re.compile(rf"\b(?:{_STANDFIRST_NAMES})\b")
# Characters that case folding and the case-blind search read apart: the dotted capital and
# the dotless small i (both read as "i") and the ypogegrammeni (folded to a letter).
_FOLDED_APART = ("İ", "ı", "\u0345")
_MARKUP = re.compile(r"<[^>]+>")
_SPACE_BEFORE_PUNCTUATION = re.compile(r"\s+([,.;:!?])")
_PUBLISHED_KEYS = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "date",
    "dc.date",
)


@dataclass(frozen=True, slots=True)
class PageMeta:
    title: str = ""
    sitename: str = ""
    author: str = ""
    canonical: str = ""
    published: datetime | None = None
    description: str = ""


def _text(fragment: str) -> str:
    text = " ".join(html_lib.unescape(_MARKUP.sub(" ", fragment)).split())
    # Single-spaced now: the one white space a stop can follow is a space.
    for stop in _STOPS:
        if " " + stop in text:
            return _SPACE_BEFORE_PUNCTUATION.sub(r"\1", text)
    return text


_STOPS = ",.;:!?"  # the stops _SPACE_BEFORE_PUNCTUATION reads


def _attributes(markup: str) -> dict[str, str]:
    """The attributes of a tag, by their names in lower case; a value without "&" holds no
    character reference."""
    attrs: dict[str, str] = {}
    for name, double, single in _ATTR.findall(markup):
        value = double or single
        attrs[name.lower()] = html_lib.unescape(value) if "&" in value else value
    return attrs


def read_meta(page: str) -> PageMeta:
    """Metadata of ``page``; missing items are empty (never raises)."""
    head = page[:_HEAD_LIMIT]
    meta: dict[str, str] = {}
    links: dict[str, str] = {}
    for tag, attributes in _TAG.findall(head):
        attrs = _attributes(attributes)
        if tag.lower() == "meta":
            key = attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or ""
            key = key.lower()
            if key and "content" in attrs:
                meta.setdefault(key, attrs["content"].strip())
        elif "href" in attrs:
            links.setdefault(attrs.get("rel", "").lower(), attrs["href"].strip())
    title_tag = _TITLE.search(head)
    title_text = _text(title_tag.group(1)) if title_tag else ""
    return PageMeta(
        title=without_author(
            without_site_and_date(meta.get("og:title") or title_text), meta.get("author", "")
        ),
        sitename=meta.get("og:site_name")
        or meta.get("application-name", "")
        or _site_in_title(title_text),
        author=meta.get("author") or meta.get("article:author", ""),
        canonical=links.get("canonical") or meta.get("og:url", ""),
        published=_published(meta, head),
        description=meta.get("description") or meta.get("og:description", ""),
    )


# A site's name after a bar at the end of the page's <title>: "Talks end | Northern Wire".
_SITE_AFTER_BAR = re.compile(r"^(?:\S+ ){2,}.*? \| ((?:[A-Z&][\w.&'’-]* ?){1,5})$")


def _site_in_title(title: str) -> str:
    """The site a page's title names after a bar, in one to five capitalized words, or ""."""
    if " | " not in title:
        return ""
    found = _SITE_AFTER_BAR.match(title)
    return found.group(1).strip() if found else ""


# A date after a bar closing a title ("Talks resume | Site | 19.01.2020"), and the site's name
# of one to three words before it.
_TITLE_DATE = re.compile(r"\s+\|\s*\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\s*$")
_TITLE_SITE = re.compile(r"\s+\|\s*[A-Z][\w.&'’-]*(?: [\w.&'’-]+){0,2}\s*$")
_TITLE_STORY_MIN_WORDS = 3


def without_site_and_date(title: str) -> str:
    """A title without the site's name and the date a page joined to it by bars ("Talks resume
    in Geneva | Site | 19.01.2020" -> "Talks resume in Geneva")."""
    if "|" not in title[-14:]:
        return title  # the cheap test first: no bar before a date's place
    dated = _TITLE_DATE.search(title)
    if dated is None:
        return title
    story = title[: dated.start()]
    site = _TITLE_SITE.search(story)
    if site is not None and len(story[: site.start()].split()) >= _TITLE_STORY_MIN_WORDS:
        story = story[: site.start()]
    return story.strip()


def without_author(title: str, author: str) -> str:
    """A title without its author's name after a bar ("Tribes fear whale strandings | Jane
    Roe"), when the page names that author."""
    if not author or " | " not in title:
        return title
    story, _, last = title.rpartition(" | ")
    return story.strip() if last.strip() == author.strip() and story.strip() else title


def read_byline(page: str) -> str:
    """The text of the page's byline element ("By Ana Ruiz, Daily"), or "". Read only when
    no author is named otherwise: it is the costliest of these searches."""
    byline = _search_classed(_BYLINE, page[:_HEAD_LIMIT])
    return _text(byline.group(2)) if byline else ""


def read_standfirst(page: str) -> str:
    """The text of the page's standfirst element (the summary under the headline), or ""."""
    head = page[:_HEAD_LIMIT]
    if not _may_hold_standfirst(head):
        return ""  # most pages
    found = _search_classed(_STANDFIRST, head)
    return _text(found.group(2)) if found else ""


def _search_classed(element: re.Pattern[str], markup: str) -> re.Match[str] | None:
    """``element.search(markup)`` for :data:`_BYLINE` or :data:`_STANDFIRST`: an element whose
    opening tag names a class before its first ">". Such a match can only open at a "<" that
    stands before a class attribute with no ">" between them: it is tried at those alone,
    from the first, rather than at every tag of the page."""
    starts: set[int] = set()
    for attribute in _CLASS_ATTRIBUTE.finditer(markup):
        name = attribute.start() - len("class")
        tag = markup.find("<", markup.rfind(">", 0, name) + 1, name)
        while tag >= 0:
            starts.add(tag)
            tag = markup.find("<", tag + 1, name)
    for tag in sorted(starts):
        found = element.match(markup, tag)
        if found is not None:
            return found
    return None


def _may_hold_standfirst(head: str) -> bool:
    """Whether a standfirst's class can stand in ``head``, its markup case-folded (see
    :data:`_CLASS_VALUE`): the quick test before the search."""
    if any(char in head for char in _FOLDED_APART):
        return True
    for value in _CLASS_VALUE.findall(head):
        if _FOLDED_STANDFIRST_NAME.search(value.casefold()) is not None:
            return True
    return False


def _published(meta: dict[str, str], head: str) -> datetime | None:
    for key in _PUBLISHED_KEYS:
        parsed = parse_iso(meta.get(key))
        if parsed is not None:
            return parsed
    time_tag = _TIME.search(head)
    return parse_iso(time_tag.group(1)) if time_tag else None
