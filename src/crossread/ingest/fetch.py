"""Fetch a URL safely: timeout, size cap, limited redirects, no private addresses by default."""

from __future__ import annotations

import ipaddress
import re
import socket
import time
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import httpx

from crossread import __version__
from crossread.config import MB, Config
from crossread.ingest.decode import InputError

USER_AGENT = f"crossread/{__version__} (+https://pypi.org/project/crossread/)"

_REDIRECTS = {301, 302, 303, 307, 308}
_ERRNO = re.compile(r"^\[Errno -?\d+\]\s*")

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


@dataclass(frozen=True)
class Fetched:
    url: str  # final URL, after redirects
    content: bytes
    content_type: str | None  # media type without parameters, lower case
    charset: str | None
    headers: httpx.Headers = field(default_factory=httpx.Headers, repr=False, compare=False)


def size_text(size: float) -> str:
    """Bytes in the MB that --max-size counts (MiB): 20 * MB → "20 MB", 1.5 * MB → "1.5 MB"."""
    if size >= 10 * MB:
        return f"{size / MB:.0f} MB"
    if size >= MB:
        return f"{size / MB:.1f}".removesuffix(".0") + " MB"
    if size >= 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size:.0f} bytes"


def too_large(size: float | None, cap: int) -> str:
    """The message for an input over the cap; `size` None when only "more than cap" is known."""
    if size is None:
        return f"too large: over the limit of {size_text(cap)} (--max-size)"
    return f"too large: {size_text(size)}, the limit is {size_text(cap)} (--max-size)"


def _refuse(addr: IPAddress) -> bool:
    mapped = getattr(addr, "ipv4_mapped", None)
    if mapped is not None:
        addr = mapped
    return not addr.is_global or addr.is_multicast


def _refusal(host: str, addr: IPAddress) -> InputError:
    what = f"{host} resolves to" if str(addr) != host else "address"
    return InputError(
        f"refused: {what} non-public address {addr} "
        "(use --allow-private to fetch from private networks)"
    )


def check_address(url: str, allow_private: bool) -> None:
    """Refuse URLs whose host resolves to a private, loopback, link-local or reserved address.

    An address written in the URL is checked without any lookup. A name is resolved and every
    address it resolves to is checked, so a name with one public and one private record is
    refused. (A resolver that answers differently a moment later could still slip through;
    closing that needs pinning the connection to the checked address.)
    """
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise InputError(f"invalid URL ({exc})") from None
    if parts.scheme not in ("http", "https"):
        raise InputError(f"unsupported URL scheme {parts.scheme!r} (only http and https)")
    host = parts.hostname
    if not host:
        raise InputError("URL has no host")
    if allow_private:
        return
    try:
        literal = ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        literal = None
    if literal is not None:
        if _refuse(literal):
            raise _refusal(host, literal)
        return
    try:
        infos = socket.getaddrinfo(host, port or 443, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, OSError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        raise InputError(f"cannot resolve host {host!r} ({reason})") from None
    for info in infos:
        addr = ipaddress.ip_address(str(info[4][0]).split("%", 1)[0])
        if _refuse(addr):
            raise _refusal(host, addr)


class NotModified(Exception):
    """The server says the URL has not changed since the copy `Revalidation` remembers."""


class Revalidation:
    """What each fetched URL's server said identifies its current version (ETag,
    Last-Modified), to ask next time only for a changed one (a conditional GET). A poller that
    sends them lets a feed server answer "304 Not Modified" with no body, and skips re-reading
    a feed that has nothing new; servers that send neither are simply fetched again."""

    def __init__(self) -> None:
        self._seen: dict[str, dict[str, str]] = {}
        self.unchanged: list[str] = []  # URLs that answered "not modified", for the caller

    def headers(self, url: str) -> dict[str, str]:
        return dict(self._seen.get(url, {}))

    def remember(self, url: str, response_headers: httpx.Headers) -> None:
        got = {}
        if etag := response_headers.get("etag", "").strip():
            got["If-None-Match"] = etag
        if modified := response_headers.get("last-modified", "").strip():
            got["If-Modified-Since"] = modified
        if got:
            self._seen[url] = got
        else:
            self._seen.pop(url, None)


def fetch(url: str, config: Config, revalidation: Revalidation | None = None) -> Fetched:
    """GET a URL, following at most `config.max_redirects` redirects, each hop re-checked.

    `config.timeout` bounds each request as a whole (connect, headers and body), so a server
    that sends a byte at a time cannot hold the run. With `revalidation`, the request is
    conditional on the version fetched last time, and an unchanged URL raises NotModified.
    """
    headers = {"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml,*/*;q=0.8"}
    if revalidation is not None:
        headers.update(revalidation.headers(url))
    timeout = httpx.Timeout(config.timeout)
    current = url
    try:
        with httpx.Client(follow_redirects=False, timeout=timeout, headers=headers) as client:
            for _hop in range(config.max_redirects + 1):
                check_address(current, config.allow_private)
                got = _get(client, current, config)
                if isinstance(got, Fetched):
                    if revalidation is not None:
                        revalidation.remember(url, got.headers)
                    return got
                current = got
    except httpx.TimeoutException:
        raise InputError(f"timed out after {config.timeout:g} s") from None
    except (httpx.HTTPError, httpx.InvalidURL, httpx.StreamError) as exc:
        raise InputError(f"cannot fetch ({_reason(exc)})") from None
    except (ValueError, UnicodeError) as exc:
        raise InputError(f"invalid URL ({_reason(exc)})") from None
    raise InputError(f"too many redirects (more than {config.max_redirects})")


def _get(client: httpx.Client, url: str, config: Config) -> Fetched | str:
    """One request: the page, or the URL a redirect points to."""
    deadline = time.monotonic() + config.timeout
    with client.stream("GET", url) as resp:
        status = resp.status_code
        if status in _REDIRECTS or (300 <= status < 400 and "location" in resp.headers):
            location = resp.headers.get("location", "").strip()
            if not location:
                raise InputError(f"HTTP {status} redirect without a Location")
            return urljoin(url, location)
        if status == 304:
            raise NotModified(url)
        if not 200 <= status < 300:
            raise InputError(f"HTTP {status} {resp.reason_phrase}".strip())
        declared = resp.headers.get("content-length", "").strip()
        if declared.isdigit() and int(declared) > config.max_bytes:
            raise InputError(too_large(int(declared), config.max_bytes))
        body = bytearray()
        for chunk in resp.iter_bytes():
            body.extend(chunk)
            if len(body) > config.max_bytes:
                raise InputError(too_large(None, config.max_bytes))
            if time.monotonic() > deadline:
                raise httpx.ReadTimeout("body too slow", request=resp.request)
        ctype = resp.headers.get("content-type", "")
        media = ctype.split(";", 1)[0].strip().lower() or None
        return Fetched(str(resp.url), bytes(body), media, resp.charset_encoding, resp.headers)


def _reason(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return _ERRNO.sub("", text.splitlines()[0])
