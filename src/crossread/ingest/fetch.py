"""Fetch a URL safely: timeout, size cap, limited redirects, no private addresses by default."""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx

from crossread import __version__
from crossread.config import Config
from crossread.ingest.decode import InputError

USER_AGENT = f"crossread/{__version__} (+https://pypi.org/project/crossread/)"


@dataclass(frozen=True)
class Fetched:
    url: str  # final URL, after redirects
    content: bytes
    content_type: str | None  # media type without parameters, lower case
    charset: str | None


def check_address(url: str, allow_private: bool) -> None:
    """Refuse URLs whose host resolves to a private, loopback, link-local or reserved address.

    Every address the name resolves to is checked, so a name with one public and one private
    record is refused. (A resolver that answers differently a moment later could still slip
    through; closing that needs pinning the connection to the checked address.)
    """
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise InputError(f"unsupported URL scheme {parts.scheme!r} (only http and https)")
    host = parts.hostname
    if not host:
        raise InputError("URL has no host")
    if allow_private:
        return
    try:
        infos = socket.getaddrinfo(host, parts.port or 443, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise InputError(f"cannot resolve host {host!r} ({exc})") from None
    for info in infos:
        addr = ipaddress.ip_address(info[4][0].split("%", 1)[0])
        if getattr(addr, "ipv4_mapped", None):
            addr = addr.ipv4_mapped  # type: ignore[union-attr]
        if not addr.is_global or addr.is_multicast:
            raise InputError(
                f"refused: {host} resolves to non-public address {addr} "
                "(use --allow-private to fetch from private networks)"
            )


def fetch(url: str, config: Config) -> Fetched:
    """GET a URL, following at most `config.max_redirects` redirects, each hop re-checked."""
    headers = {"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml,*/*;q=0.8"}
    timeout = httpx.Timeout(config.timeout)
    current = url
    with httpx.Client(follow_redirects=False, timeout=timeout, headers=headers) as client:
        for _hop in range(config.max_redirects + 1):
            check_address(current, config.allow_private)
            try:
                with client.stream("GET", current) as resp:
                    if resp.is_redirect:
                        location = resp.headers.get("location")
                        if not location:
                            raise InputError(f"HTTP {resp.status_code} redirect without Location")
                        current = urljoin(current, location)
                        continue
                    if resp.status_code >= 400:
                        raise InputError(f"HTTP {resp.status_code} {resp.reason_phrase}".strip())
                    declared = resp.headers.get("content-length")
                    if declared and declared.isdigit() and int(declared) > config.max_bytes:
                        raise InputError(_too_big(int(declared), config.max_bytes))
                    body = bytearray()
                    for chunk in resp.iter_bytes():
                        body.extend(chunk)
                        if len(body) > config.max_bytes:
                            raise InputError(_too_big(len(body), config.max_bytes, "over"))
                    ctype = resp.headers.get("content-type", "")
                    media = ctype.split(";", 1)[0].strip().lower() or None
                    charset = resp.charset_encoding
                    return Fetched(str(resp.url), bytes(body), media, charset)
            except httpx.TimeoutException:
                raise InputError(f"timed out after {config.timeout:g} s") from None
            except httpx.HTTPError as exc:
                raise InputError(f"cannot fetch ({_reason(exc)})") from None
    raise InputError(f"more than {config.max_redirects} redirects")


def _too_big(size: int, cap: int, prefix: str = "") -> str:
    what = f"{prefix} {size / 1e6:.1f} MB".strip()
    return f"too large: {what}, the limit is {cap / 1e6:.0f} MB (--max-size)"


def _reason(exc: Exception) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0]
