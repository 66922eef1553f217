"""Which addresses the checker may connect to: public ones only, unless an intranet agency is allowed.

A manifest comes from another agency and a redirect from anybody's server, so a URL (or a hop) may point at
the machine running the audit (`http://127.1/`, `http://2130706433/`, `http://[::1]/`, `http://localhost/`),
at the office network (10/8, 172.16/12, 192.168/16) or at a cloud metadata service (169.254.169.254); the
answer would be quoted in a published report. Two checks stop that, both applied to every request the
fetcher makes, hence to every redirect hop:

1. `url_refusal(url)` before any request, from the URL alone: an IP literal in any spelling the C library
   accepts (`inet_aton`: "127.1", "0x7f000001", "2130706433", octal) and `localhost` names. It needs no DNS
   and also works behind an injected transport (tests, the demo).
2. `GuardedBackend`, the network backend of the real transport, at connect time: the host name is resolved
   once (`getaddrinfo`), every address it gives is checked, and the socket is opened to a checked address,
   never to the name again. A DNS answer that changes between a check and the connection (DNS rebinding)
   therefore cannot slip through: there is no second lookup. TLS still verifies the certificate for the
   host name (httpcore passes it as SNI/server_hostname), so connecting by address changes nothing there.

Refused: loopback, private, link-local, multicast, unspecified, reserved and every other non-global range
(`ipaddress`' `is_global`, which also covers carrier-grade NAT and documentation ranges), including IPv4
addresses mapped into IPv6 (`::ffff:127.0.0.1`). A name with one refused address among public ones is
refused as a whole. Behind an HTTP proxy (HTTP(S)_PROXY) the proxy resolves names itself; the target is
then resolved and checked here before the request is handed to the proxy (see `check_host`), which cannot
exclude rebinding between the two lookups.

`allow_private` (the `--allow-private` option, or `allow_private = true` in an agency's manifest) lifts the
policy for intranet agencies, the tests and the demo's own local server.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
import typing
from urllib.parse import urlsplit

import httpcore

from oit_checker.text import i18n

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

_LOCAL_NAMES = ("localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback")


class RefusedAddress(OSError):
    """A connection the fetch policy refuses; carries the host, the address and why."""

    def __init__(self, host: str, address: str, kind: str) -> None:
        super().__init__(i18n.text("fetch_detail.policy_host", "en", host=host, kind=kind, address=address)
                         if host != address
                         else i18n.text("fetch_detail.policy_address", "en", kind=kind, address=address))
        self.host = host
        self.address = address
        self.kind = kind


def address_kind(ip: IPAddress) -> str | None:
    """Why `ip` is refused ("loopback", "private", …), or None for a public address."""
    if isinstance(ip, ipaddress.IPv6Address):
        mapped = ip.ipv4_mapped or ip.sixtofour
        if mapped is not None:
            return address_kind(mapped)
    checks = (("unspecified", ip.is_unspecified), ("loopback", ip.is_loopback),
              ("link-local", ip.is_link_local), ("multicast", ip.is_multicast), ("private", ip.is_private),
              ("reserved", ip.is_reserved))
    for kind, hit in checks:
        if hit:
            return kind
    return None if ip.is_global else "non-public"


def parse_ip(host: str) -> IPAddress | None:
    """An IP literal in any spelling the OS would connect to ("127.1", "0x7f.1", "2130706433", "[::1]")."""
    host = host.strip().strip("[]").rstrip(".")
    if not host:
        return None
    try:
        return ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        pass
    if all(c in "0123456789abcdefxABCDEFX." for c in host):
        try:  # the legacy forms inet_aton (and so getaddrinfo) accept: 127.1, 0177.0.0.1, 0x7f000001
            return ipaddress.IPv4Address(socket.inet_aton(host))
        except OSError:
            return None
    return None


def host_refusal(host: str) -> RefusedAddress | None:
    """The refusal for a host known without DNS (an IP literal, a localhost name), else None."""
    name = host.strip().strip("[]").rstrip(".").lower()
    if name in _LOCAL_NAMES or name.endswith(".localhost"):
        return RefusedAddress(host, name, "loopback")
    ip = parse_ip(name)
    if ip is None:
        return None
    kind = address_kind(ip)
    return RefusedAddress(host, str(ip), kind) if kind else None


def url_refusal(url: str) -> RefusedAddress | None:
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return None
    return host_refusal(host) if host else None


async def resolve_checked(host: str, port: int) -> list[str]:
    """The addresses `host` resolves to, all of them allowed; RefusedAddress otherwise."""
    refused = host_refusal(host)
    if refused is not None:
        raise refused
    loop = asyncio.get_running_loop()
    infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
    for address in addresses:
        kind = address_kind(ipaddress.ip_address(address.split("%", 1)[0]))
        if kind is not None:
            raise RefusedAddress(host, address, kind)
    return addresses


async def check_host(host: str, port: int) -> None:
    """For requests handed to a proxy: resolve and check the target (RefusedAddress when refused)."""
    await resolve_checked(host, port)


class GuardedBackend(httpcore.AsyncNetworkBackend):
    """httpcore's network backend with the fetch policy applied after DNS resolution, at connect time."""

    def __init__(self, inner: httpcore.AsyncNetworkBackend | None = None) -> None:
        self._inner = inner or httpcore.AnyIOBackend()

    async def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                          local_address: str | None = None,
                          socket_options: typing.Iterable[httpcore.SOCKET_OPTION] | None = None,
                          ) -> httpcore.AsyncNetworkStream:
        try:
            async with asyncio.timeout(timeout):
                addresses = await resolve_checked(host, port)
        except RefusedAddress as exc:
            raise httpcore.ConnectError(str(exc)) from exc
        except TimeoutError as exc:
            raise httpcore.ConnectTimeout(f"DNS lookup of {host} took over {timeout} s") from exc
        except OSError as exc:  # socket.gaierror: the name does not resolve
            raise httpcore.ConnectError(str(exc)) from exc
        last: Exception | None = None
        for address in addresses:  # connect by address: no second lookup that could answer differently
            try:
                return await self._inner.connect_tcp(address, port, timeout=timeout, local_address=local_address,
                                                     socket_options=socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                last = exc
        assert last is not None
        raise last

    async def connect_unix_socket(self, path: str, timeout: float | None = None,
                                  socket_options: typing.Iterable[httpcore.SOCKET_OPTION] | None = None,
                                  ) -> httpcore.AsyncNetworkStream:
        raise httpcore.ConnectError("unix sockets are not fetched (fetch policy)")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


def refusal_in(exc: BaseException) -> RefusedAddress | None:
    """The RefusedAddress behind an exception raised by httpx/httpcore, if any."""
    seen: set[int] = set()
    cur: BaseException | None = exc
    while cur is not None and id(cur) not in seen:
        if isinstance(cur, RefusedAddress):
            return cur
        seen.add(id(cur))
        cur = cur.__cause__ or cur.__context__
    return None
