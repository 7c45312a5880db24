"""The sample news site: the shipped feed and article pages, served on 127.0.0.1.

The feed's item links are rewritten to point at this server, so the real fetcher and
extractor run over real HTTP without leaving the machine.
"""

from __future__ import annotations

import http.server
import logging
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import resources
from typing import Any
from urllib.parse import urlsplit

log = logging.getLogger(__name__)

FEED_FILE = "trade-talks.rss"
FEED_PATH = "/feeds/trade-talks.rss"
# Article pages by their original URL; served at /<host><path>.
PAGES: Mapping[str, str] = {
    "https://asahi.example/ajw/articles/15800000": "asahi-2025-06-07-tariff-talks.html",
    "https://pacificwire.example/world/2025/06/07/japan-us-tariff-talks-fifth-round": (
        "pacificwire-2025-06-07-tariff-talks.html"
    ),
}
HOSTS = ("https://asahi.example/", "https://pacificwire.example/")


@dataclass(frozen=True, slots=True)
class Resource:
    content_type: str
    body: bytes


@dataclass(frozen=True, slots=True)
class SampleSite:
    base_url: str

    @property
    def feed_url(self) -> str:
        return self.base_url + FEED_PATH


def _data(name: str) -> str:
    return resources.files("bot.demo_data").joinpath(name).read_text(encoding="utf-8")


def local_path(url: str) -> str:
    """``https://asahi.example/a/b?x=1`` -> ``/asahi.example/a/b`` (queries are ignored)."""
    parts = urlsplit(url)
    return f"/{parts.netloc}{parts.path}"


def site_resources(base_url: str) -> dict[str, Resource]:
    """Every path the sample site answers, with the feed's links pointing at ``base_url``."""
    feed = _data(FEED_FILE)
    for host in HOSTS:
        feed = feed.replace(host, f"{base_url}/{host.removeprefix('https://')}")
    served = {FEED_PATH: Resource("application/rss+xml; charset=utf-8", feed.encode())}
    for url, name in PAGES.items():
        served[local_path(url)] = Resource("text/html; charset=utf-8", _data(name).encode())
    return served


class _Handler(http.server.BaseHTTPRequestHandler):
    served: Mapping[str, Resource] = {}

    def do_GET(self) -> None:
        resource = self.served.get(urlsplit(self.path).path)
        if resource is None:
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", resource.content_type)
        self.send_header("Content-Length", str(len(resource.body)))
        self.end_headers()
        self.wfile.write(resource.body)

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("sample site: " + format, *args)


@contextmanager
def serve_sample_site() -> Iterator[SampleSite]:
    """Serve the sample site on 127.0.0.1 (a free port) for the duration of the block."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    base_url = f"http://127.0.0.1:{server.server_address[1]}"
    handler = type("SampleHandler", (_Handler,), {"served": site_resources(base_url)})
    server.RequestHandlerClass = handler
    thread = threading.Thread(target=server.serve_forever, name="sample-site", daemon=True)
    thread.start()
    log.info("sample site at %s", base_url)
    try:
        yield SampleSite(base_url)
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
