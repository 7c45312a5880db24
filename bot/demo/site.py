"""The sample news site: three made-up outlets reporting made-up trade talks (Norland and
Aldoria, March 2026), served on 127.0.0.1.

Each outlet has a feed of the reports it has published by the site's clock (a feed grows as
the demo's simulated days pass) and an article page per report, with a site's usual
furniture around the article, so the real fetcher and extractor run over real HTTP without
leaving the machine. The reports are in ``bot/demo_data/norland-aldoria.json``.
"""

from __future__ import annotations

import http.server
import json
import logging
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from email.utils import format_datetime
from html import escape
from importlib import resources
from typing import Any
from urllib.parse import urlsplit

log = logging.getLogger(__name__)

DATA_FILE = "norland-aldoria.json"

Now = Callable[[], datetime]


@dataclass(frozen=True, slots=True)
class Report:
    outlet: str
    url: str
    published: datetime
    title: str
    authors: tuple[str, ...]
    paragraphs: tuple[str, ...]

    @property
    def path(self) -> str:
        return local_path(self.url)


@dataclass(frozen=True, slots=True)
class SampleSite:
    base_url: str
    outlets: tuple[str, ...]

    def feed_url(self, outlet: str) -> str:
        return self.base_url + feed_path(outlet)

    @property
    def feed_urls(self) -> tuple[str, ...]:
        return tuple(self.feed_url(outlet) for outlet in self.outlets)


def reports() -> tuple[Report, ...]:
    """Every report of the sample site, oldest first."""
    raw = resources.files("bot.demo_data").joinpath(DATA_FILE).read_text(encoding="utf-8")
    found = [
        Report(
            r["outlet"],
            r["url"],
            datetime.fromisoformat(r["published"]),
            r["title"],
            tuple(r["authors"]),
            tuple(r["paragraphs"]),
        )
        for r in json.loads(raw)["reports"]
    ]
    return tuple(sorted(found, key=lambda r: r.published))


def local_path(url: str) -> str:
    """``https://harbourtimes.example/a/b`` -> ``/harbourtimes.example/a/b``."""
    parts = urlsplit(url)
    return f"/{parts.netloc}{parts.path}"


def feed_path(outlet: str) -> str:
    return "/feeds/" + outlet.lower().replace(" ", "-") + ".rss"


def feed_xml(outlet: str, items: Sequence[Report], base_url: str) -> str:
    """RSS 2.0 with a summary per item; the link leads to the article page on this site."""
    body = "".join(
        f"<item><title>{escape(r.title)}</title>"
        f"<link>{escape(base_url + r.path)}</link><guid>{escape(r.url)}</guid>"
        f"<pubDate>{format_datetime(r.published)}</pubDate>"
        f"<description>{escape(r.paragraphs[0])}</description></item>"
        for r in sorted(items, key=lambda r: r.published, reverse=True)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>'
        f"<title>{escape(outlet)}</title><link>{escape(base_url)}/</link>"
        f"<description>{escape(outlet)}: world and business news</description>"
        f"{body}</channel></rss>"
    )


def page_html(report: Report) -> str:
    """The article page as the outlet serves it: navigation, byline, the report, teasers,
    newsletter prompt and footer."""
    byline = f"By {', '.join(report.authors)}" if report.authors else f"{report.outlet} staff"
    when = report.published
    paragraphs = "".join(f"<p>{escape(p)}</p>" for p in report.paragraphs)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{escape(report.title)} | {escape(report.outlet)}</title>
<meta property="og:title" content="{escape(report.title)}">
<meta property="og:site_name" content="{escape(report.outlet)}">
<meta property="article:published_time" content="{when.isoformat()}">
<link rel="canonical" href="{escape(report.url)}">
</head><body>
<header><nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/business">Business</a>
| <a href="/subscribe">Subscribe</a></nav></header>
<main><article>
<h1>{escape(report.title)}</h1>
<p class="byline">{escape(byline)}</p>
<p class="date"><time datetime="{when.isoformat()}">{when:%B} {when.day}, {when.year}</time></p>
{paragraphs}
</article>
<aside><h2>Most read</h2><ul><li><a href="/markets">Markets close higher on energy
stocks</a></li><li><a href="/ports">Ports brace for a busy spring season</a></li></ul></aside>
<p class="newsletter">Sign up for our morning newsletter</p>
</main>
<footer>© 2026 {escape(report.outlet)}. All rights reserved. | Contact | Privacy</footer>
</body></html>"""


class _Handler(http.server.BaseHTTPRequestHandler):
    site: Mapping[str, Any] = {}

    def do_GET(self) -> None:
        found = _resource(self.site, urlsplit(self.path).path)
        if found is None:
            self.send_error(404)
            return
        content_type, body = found
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("sample site: " + format, *args)


def _resource(site: Mapping[str, Any], path: str) -> tuple[str, bytes] | None:
    now: Now = site["now"]
    published = [r for r in site["reports"] if r.published <= now()]
    for outlet in site["outlets"]:
        if path == feed_path(outlet):
            items = [r for r in published if r.outlet == outlet]
            xml = feed_xml(outlet, items, site["base_url"])
            return "application/rss+xml; charset=utf-8", xml.encode()
    page = next((r for r in published if r.path == path), None)
    if page is None:
        return None
    return "text/html; charset=utf-8", page_html(page).encode()


@contextmanager
def serve_sample_site(now: Now) -> Iterator[SampleSite]:
    """Serve the sample site on 127.0.0.1 (a free port) for the duration of the block; its
    feeds hold what was published by ``now()``."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    base_url = f"http://127.0.0.1:{server.server_address[1]}"
    all_reports = reports()
    outlets = tuple(dict.fromkeys(r.outlet for r in all_reports))
    site = {"now": now, "reports": all_reports, "outlets": outlets, "base_url": base_url}
    server.RequestHandlerClass = type("SampleHandler", (_Handler,), {"site": site})
    thread = threading.Thread(target=server.serve_forever, name="sample-site", daemon=True)
    thread.start()
    log.info("sample site at %s", base_url)
    try:
        yield SampleSite(base_url, outlets)
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
