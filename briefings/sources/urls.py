"""Canonical URLs: one spelling per article, so the same page seen twice is one article."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# Query parameters that only say how a reader arrived, never which page they read.
TRACKING_PARAMS = frozenset(
    {
        "fbclid",
        "gclid",
        "dclid",
        "msclkid",
        "yclid",
        "igshid",
        "mc_cid",
        "mc_eid",
        "ref",
        "ref_src",
        "ref_url",
        "cmpid",
        "icid",
        "ocid",
        "smid",
        "smtyp",
        "spm",
        "_ga",
        "_gl",
        "__twitter_impression",
        "at_medium",
        "at_campaign",
    }
)
TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "itm_", "hsa_", "oly_")
DEFAULT_PORTS = {"http": 80, "https": 443}
HTTP_SCHEMES = ("http", "https")
_WHITESPACE = re.compile(r"\s+")


def is_http_url(url: str) -> bool:
    """True for absolute http(s) URLs with a host (the only links a briefing may carry)."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    return parts.scheme.lower() in HTTP_SCHEMES and bool(parts.hostname)


def canonical_url(url: str, rel_canonical: str = "") -> str:
    """The canonical spelling of ``url``; ``rel_canonical`` (a page's <link rel=canonical>)
    wins when it is an http(s) URL.

    Lowercases scheme and host, drops default ports, fragments and tracking parameters, and
    sorts the remaining query. A URL that is not http(s) is returned stripped but unchanged.
    """
    chosen = rel_canonical if rel_canonical and is_http_url(rel_canonical) else url
    chosen = _WHITESPACE.sub("", chosen)
    try:
        parts = urlsplit(chosen)
        port = parts.port
    except ValueError:
        return chosen
    scheme = parts.scheme.lower()
    if scheme not in HTTP_SCHEMES or not parts.hostname:
        return chosen
    host = parts.hostname.lower().rstrip(".")
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    if port is not None and port != DEFAULT_PORTS[scheme]:
        host = f"{host}:{port}"
    path = parts.path or "/"
    query = urlencode(sorted(_kept_params(parts.query)))
    return urlunsplit((scheme, host, path, query, ""))


def _kept_params(query: str) -> list[tuple[str, str]]:
    return [
        (key, value)
        for key, value in parse_qsl(query, keep_blank_values=True)
        if not _is_tracking(key)
    ]


def _is_tracking(key: str) -> bool:
    lowered = key.lower()
    return lowered in TRACKING_PARAMS or lowered.startswith(TRACKING_PREFIXES)


def host_of(url: str) -> str:
    """The lowercase host of ``url`` ("" when it has none)."""
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


def page_canonical(link: str, rel_canonical: str, page_url: str = "") -> str:
    """The canonical URL of the page behind ``link``: its <link rel=canonical> when that
    stays on the page's own site, else ``link`` (canonicalized).

    A page may not claim another site's URL: that would let it pose as (and hide) another
    outlet's article in dedupe.
    """
    if rel_canonical and is_http_url(rel_canonical):
        allowed = {host_of(link), host_of(page_url)} - {""}
        if host_of(rel_canonical) in allowed:
            return canonical_url(rel_canonical)
    return canonical_url(link)
