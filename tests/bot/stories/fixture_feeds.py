"""The multi-day story fixture (``tests/data/stories/``, made up) as the feeds of its three
outlets: each report an RSS item with its full text, published at its labelled time. A feed
holds the reports published up to the moment asked for, as a real feed grows day by day."""

from __future__ import annotations

import dataclasses
import json
from datetime import datetime
from email.utils import format_datetime
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

from briefings.model import Article
from briefings.sources.read import read_source

STORIES = Path(__file__).resolve().parents[2] / "data" / "stories"


@dataclasses.dataclass(frozen=True, slots=True)
class FixtureReport:
    id: str
    outlet: str
    url: str
    published: datetime
    thread: str
    development: str
    changed: tuple[str, ...]
    article: Article


@cache
def fixture_reports() -> tuple[FixtureReport, ...]:
    """Every report of the made-up fixture, oldest first."""
    rows = json.loads((STORIES / "labels.json").read_text(encoding="utf-8"))["reports"]
    reports = [
        FixtureReport(
            row["id"],
            row["outlet"],
            row["url"],
            datetime.fromisoformat(row["published"]),
            row["thread"],
            row["development"],
            tuple(row["changed"]),
            read_source(str(STORIES / f"{row['id']}.txt")),
        )
        for row in rows
    ]
    return tuple(sorted(reports, key=lambda r: (r.published, r.id)))


def outlets() -> tuple[str, ...]:
    return tuple(dict.fromkeys(r.outlet for r in fixture_reports()))


def feed_path(outlet: str) -> str:
    return "/feeds/" + outlet.lower().replace(" ", "-") + ".rss"


def feed_xml(outlet: str, upto: datetime) -> str:
    """The outlet's feed as it stood at ``upto``: its reports published by then, newest
    first, each with its full text."""
    items = [r for r in fixture_reports() if r.outlet == outlet and r.published <= upto]
    body = "".join(_item(r) for r in reversed(items))
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        f"<channel><title>{escape(outlet)}</title><link>https://{_host(outlet)}/</link>"
        f"<description>News</description>{body}</channel></rss>"
    )


def _item(report: FixtureReport) -> str:
    html = "".join(f"<p>{escape(p)}</p>" for p in report.article.paragraphs)
    return (
        f"<item><title>{escape(report.article.title)}</title>"
        f"<link>{escape(report.url)}</link><guid>{escape(report.url)}</guid>"
        f"<pubDate>{format_datetime(report.published)}</pubDate>"
        f"<description>{escape(report.article.paragraphs[0])}</description>"
        f"<content:encoded><![CDATA[{html}]]></content:encoded></item>"
    )


def _host(outlet: str) -> str:
    return outlet.lower().replace(" ", "") + ".example"
