"""Which URLs the fetcher may contact: http(s) only, and never an internal address.

A feed URL typed by a chat user (or a link inside a feed) must not make the bot fetch from
loopback, link-local (cloud metadata), private, multicast or reserved ranges. The check runs
after DNS resolution on every address the name resolves to, and the fetcher repeats it on the
address it actually connected to, so a name that resolves differently a second time (DNS
rebinding) is refused as well. A host that spells an address (``0x7f.1``, ``2130706433``,
``[::ffff:127.0.0.1]``) or is named ``localhost`` is refused before any DNS lookup.
``allow_private_networks`` (config, ``BRIEFBOT_ALLOW_PRIVATE_NETWORKS=1`` or ``briefbot brief
--allow-private``) turns the address check off; the scheme check stays.
"""

from __future__ import annotations

import asyncio
import ipaddress
import re
import socket
from collections.abc import Awaitable, Callable, Sequence
from urllib.parse import urlsplit

from briefings.errors import FetchError, UnsafeUrl

__all__ = [
    "Resolver",
    "UnsafeUrl",
    "address_refusal",
    "check_url",
    "host_refusal",
    "literal_address",
    "scheme_refusal",
    "system_resolver",
]

Resolver = Callable[[str, int], Awaitable[Sequence[str]]]

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
# Hex, octal or decimal parts, one to four of them: what inet_aton reads as an IPv4 address.
_IPV4_SPELLING = re.compile(r"(?:0x[0-9a-f]*|[0-9]+)(?:\.(?:0x[0-9a-f]*|[0-9]+)){0,3}", re.I)
# Names that always mean this machine (RFC 6761), refused without asking DNS.
LOCAL_NAMES = ("localhost", "localhost.localdomain")


async def system_resolver(host: str, port: int) -> Sequence[str]:
    """Every address ``host`` resolves to (A and AAAA), via the event loop's getaddrinfo."""
    infos = await asyncio.get_running_loop().getaddrinfo(
        host, port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP
    )
    return [str(info[4][0]) for info in infos]


def address_refusal(address: str) -> str | None:
    """Why ``address`` (an IP literal) is not a public unicast address, or None if it is."""
    try:
        ip: IPAddress = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return f"not an IP address: {address!r}"
    if isinstance(ip, ipaddress.IPv6Address):
        ip = _embedded_ipv4(ip) or ip
    for kind, flag in (
        ("loopback", ip.is_loopback),
        ("link-local", ip.is_link_local),
        ("multicast", ip.is_multicast),
        ("unspecified", ip.is_unspecified),
        ("private", ip.is_private),
        ("reserved", ip.is_reserved),
        ("non-global", not ip.is_global),
    ):
        if flag:
            return f"{kind} address {ip}"
    return None


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 one stands for (mapped, 6to4, Teredo client), if any."""
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    return ip.teredo[1] if ip.teredo is not None else None


def scheme_refusal(url: str) -> str | None:
    """Why ``url`` is not an absolute http(s) URL with a host, or None if it is."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a malformed port
    except ValueError as exc:
        return f"malformed URL: {exc}"
    if parts.scheme.lower() not in ("http", "https"):
        return f"only http(s) URLs are fetched, not {parts.scheme or 'a relative URL'!r}"
    if not parts.hostname:
        return "URL has no host"
    return None


def literal_address(host: str) -> str | None:
    """The IP address ``host`` spells, in any form a resolver accepts, or None for a name.

    Besides dotted quads and IPv6 (``::ffff:127.0.0.1``) that covers the odd IPv4 spellings
    ``inet_aton`` takes: ``0x7f.1``, ``2130706433``, ``0177.0.0.1``, ``127.1``.
    """
    bare = host.strip("[]").split("%", 1)[0]
    try:
        return str(ipaddress.ip_address(bare))
    except ValueError:
        pass
    if not _IPV4_SPELLING.fullmatch(bare):
        return None
    try:
        return socket.inet_ntoa(socket.inet_aton(bare))
    except OSError:
        return None


def host_refusal(host: str) -> str | None:
    """Why ``host`` names an internal address on its face (no DNS asked), or None."""
    name = host.rstrip(".").lower()
    if name in LOCAL_NAMES or name.endswith(".localhost"):
        return f"{host} is this machine (loopback)"
    address = literal_address(name)
    if address is None:
        return None
    refusal = address_refusal(address)
    if refusal is None or address == name:
        return refusal
    return f"{host} is a {refusal}"


async def check_url(
    url: str, *, allow_private_networks: bool, resolver: Resolver = system_resolver
) -> None:
    """Refuse ``url`` unless it is http(s) and every address of its host is public.

    Raises :class:`UnsafeUrl` with the reason, or :class:`FetchError` when the name does not
    resolve (a transient failure, not a refusal).
    """
    reason = scheme_refusal(url)
    if reason:
        raise UnsafeUrl(reason)
    if allow_private_networks:
        return
    parts = urlsplit(url)
    host = parts.hostname or ""
    refusal = host_refusal(host)
    if refusal:
        raise UnsafeUrl(refusal)
    port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
    try:
        addresses = await resolver(host, port)
    except (OSError, UnicodeError) as exc:
        # Not a refusal: the name may resolve next time (DNS down, a typo fixed).
        raise FetchError(f"cannot resolve {host}: {exc}") from None
    if not addresses:
        raise FetchError(f"{host} resolves to no address")
    for address in addresses:
        refusal = address_refusal(address)
        if refusal:
            raise UnsafeUrl(f"{host} resolves to a {refusal}")
