from __future__ import annotations

from collections.abc import Sequence

import pytest

from briefings.errors import FetchError
from briefings.sources.netguard import UnsafeUrl, address_refusal, check_url, literal_address


def resolver_for(*addresses: str):  # type: ignore[no-untyped-def]
    async def resolve(host: str, port: int) -> Sequence[str]:
        return addresses

    return resolve


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "10.1.2.3",
        "172.16.0.1",
        "192.168.1.1",
        "169.254.169.254",
        "100.64.0.1",
        "0.0.0.0",
        "224.0.0.1",
        "240.0.0.1",
        "::1",
        "fe80::1",
        "fc00::1",
        "::ffff:127.0.0.1",
        "2002:7f00:1::1",  # 6to4 for 127.0.0.1
        "2002:a9fe:a9fe::1",  # 6to4 for 169.254.169.254
        "64:ff9b::7f00:1",  # NAT64 for 127.0.0.1
        "ff02::1",
    ],
)
def test_internal_addresses_are_refused(address: str) -> None:
    assert address_refusal(address) is not None


@pytest.mark.parametrize("address", ["93.184.216.34", "2606:4700:4700::1111", "8.8.8.8"])
def test_public_addresses_pass(address: str) -> None:
    assert address_refusal(address) is None


async def test_any_private_address_among_several_refuses() -> None:
    with pytest.raises(UnsafeUrl, match="private"):
        await check_url(
            "https://feeds.example/rss",
            allow_private_networks=False,
            resolver=resolver_for("93.184.216.34", "10.0.0.5"),
        )


async def test_public_host_passes() -> None:
    await check_url(
        "https://feeds.example/rss",
        allow_private_networks=False,
        resolver=resolver_for("93.184.216.34"),
    )


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "ftp://feeds.example/x", "javascript:alert(1)", "/rss", "http://"]
)
async def test_only_http_urls(url: str) -> None:
    with pytest.raises(UnsafeUrl):
        await check_url(url, allow_private_networks=True)


async def test_allow_private_networks_skips_the_address_check() -> None:
    await check_url(
        "http://127.0.0.1:8080/rss", allow_private_networks=True, resolver=resolver_for("::1")
    )


async def test_literal_loopback_is_refused_by_real_resolution() -> None:
    with pytest.raises(UnsafeUrl, match="loopback"):
        await check_url("http://127.0.0.1:9/rss", allow_private_networks=False)


async def test_unresolvable_name_is_a_failure_not_a_refusal() -> None:
    async def failing(host: str, port: int) -> Sequence[str]:
        raise OSError("Name or service not known")

    with pytest.raises(FetchError, match="cannot resolve") as failed:
        await check_url("http://nx.invalid/rss", allow_private_networks=False, resolver=failing)
    assert not isinstance(failed.value, UnsafeUrl)


async def no_dns(host: str, port: int) -> Sequence[str]:
    raise AssertionError(f"{host} should be refused without a DNS lookup")


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://127.0.0.1:8080/", "loopback address 127.0.0.1"),
        ("http://localhost/", "localhost is this machine (loopback)"),
        ("http://LOCALHOST./", "localhost. is this machine (loopback)"),
        ("http://api.localhost/", "api.localhost is this machine (loopback)"),
        ("http://0x7f.1/", "0x7f.1 is a loopback address 127.0.0.1"),
        ("http://2130706433/", "2130706433 is a loopback address 127.0.0.1"),
        ("http://0177.0.0.1/", "0177.0.0.1 is a loopback address 127.0.0.1"),
        ("http://127.1/", "127.1 is a loopback address 127.0.0.1"),
        ("http://[::1]/", "loopback address ::1"),
        ("http://[::ffff:127.0.0.1]/", "::ffff:127.0.0.1 is a loopback address 127.0.0.1"),
        ("http://169.254.169.254/latest/meta-data/", "link-local address 169.254.169.254"),
        ("http://0xa9fea9fe/", "0xa9fea9fe is a link-local address 169.254.169.254"),
    ],
)
async def test_each_spelling_of_an_internal_address_is_refused_without_dns(
    url: str, reason: str
) -> None:
    with pytest.raises(UnsafeUrl) as refused:
        await check_url(url, allow_private_networks=False, resolver=no_dns)
    assert str(refused.value) == reason


async def test_a_public_looking_name_whose_dns_answer_is_private_is_refused() -> None:
    with pytest.raises(UnsafeUrl) as refused:
        await check_url(
            "https://news.example.com/feed",
            allow_private_networks=False,
            resolver=resolver_for("10.0.0.7"),
        )
    assert str(refused.value) == "news.example.com resolves to a private address 10.0.0.7"


@pytest.mark.parametrize(
    ("host", "expected"),
    [("0x7f.1", "127.0.0.1"), ("2130706433", "127.0.0.1"), ("news.example", None)],
)
def test_literal_address_reads_what_a_resolver_would(host: str, expected: str | None) -> None:
    assert literal_address(host) == expected
