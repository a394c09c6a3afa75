"""URL fetching against a real HTTP server on 127.0.0.1: redirects, size cap, timeouts, refusals."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from crossread.config import Config
from crossread.ingest import read_one, read_sources
from crossread.ingest.decode import InputError
from crossread.ingest.fetch import check_address, fetch

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Harbour crane collapses | Harbour Times</title>
<meta property="og:site_name" content="Harbour Times">
<meta property="article:published_time" content="2024-03-05">
</head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><article>
<h1>Harbour crane collapses</h1>
<p>A container crane at the north harbour collapsed onto a moored cargo ship early on Tuesday,
the port authority said, injuring two dock workers from Besançon.</p>
<p>The crane, one of six on the quay, buckled at about 6 a.m. while lifting a container,
according to a spokeswoman for the authority.</p>
<p>Investigators arrived by midday and closed the quay to all traffic for the rest of the day.</p>
</article><footer>Contact us</footer></body></html>
"""
PLAIN = "Crane collapses\n\nA crane fell onto a ship in the harbour on Tuesday, café owners said.\n"
RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Wire</title>
<item><title>Crane falls</title><link>https://wire.example/a</link>
<description>&lt;p&gt;A crane fell.&lt;/p&gt;&lt;p&gt;Two hurt.&lt;/p&gt;</description></item>
</channel></rss>"""
CAP = 64 * 1024  # max_bytes in the size tests


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"  # the end of the body is the end of the connection

    def log_message(self, format: str, *args: object) -> None:  # quiet test output
        pass

    def _send(self, status: int, body: bytes, ctype: str = "text/html; charset=utf-8",
              length: bool = True, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        if length:
            self.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        with contextlib.suppress(OSError):  # the client gave up first (size cap): fine
            self.wfile.write(body)

    def do_GET(self) -> None:
        path = self.path
        if path == "/article":
            self._send(200, PAGE.encode("utf-8"))
        elif path == "/plain-latin1":
            self._send(200, PLAIN.encode("latin-1"), "text/plain; charset=ISO-8859-1")
        elif path == "/feed":
            self._send(200, RSS.encode(), "application/rss+xml")
        elif path == "/feed-naming-a-file":
            self._send(200, self.server.local_feed.encode(), "application/rss+xml")  # type: ignore[attr-defined]
        elif path.startswith("/hops/"):
            n = int(path.rsplit("/", 1)[1])  # /hops/n: n redirects to the article
            target = "/article" if n <= 1 else f"/hops/{n - 1}"
            self._send(302, b"", headers={"Location": target})
        elif path == "/to-ftp":
            self._send(301, b"", headers={"Location": "ftp://127.0.0.1/file"})
        elif path == "/no-location":
            self._send(302, b"moved")
        elif path == "/big":
            self._send(200, b"a" * (CAP * 4), "text/plain")
        elif path == "/big-unannounced":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            with contextlib.suppress(OSError):
                for _ in range(64):
                    self.wfile.write(b"word " * 2000)
        elif path == "/slow":
            time.sleep(1.5)
            self._send(200, PAGE.encode())
        elif path == "/drip":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            with contextlib.suppress(OSError):
                for _ in range(60):  # 3 s at most
                    self.wfile.write(b"a ")
                    self.wfile.flush()
                    time.sleep(0.05)
        elif path == "/empty-page":
            self._send(200, b"<html><body><nav>Home</nav></body></html>")
        else:
            self._send(404, b"not found", "text/plain")


class Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    local_feed = ""


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    local = tmp_path_factory.mktemp("feed") / "local.rss"
    local.write_text(RSS)
    httpd = Server(("127.0.0.1", 0), Handler)
    httpd.local_feed = str(local)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy",
                 "all_proxy"):
        monkeypatch.delenv(name, raising=False)


OPEN = Config(allow_private=True, timeout=5.0)


def _error(url: str, config: Config = OPEN) -> str:
    with pytest.raises(InputError) as info:
        fetch(url, config)
    message = str(info.value)
    assert "\n" not in message and "Traceback" not in message
    return message


# --- fetching --------------------------------------------------------------------------------


def test_fetch_html_article(server: str) -> None:
    got = fetch(f"{server}/article", OPEN)
    assert got.url == f"{server}/article"
    assert got.content_type == "text/html"
    assert got.charset == "utf-8"
    assert b"Harbour crane collapses" in got.content


def test_read_url_html_article(server: str) -> None:
    arts, errs = read_one(f"{server}/article", OPEN)
    assert errs == []
    (art,) = arts
    assert art.source == f"{server}/article"
    assert art.url == f"{server}/article"
    assert art.outlet == "Harbour Times"
    assert art.published == "2024-03-05"
    assert "dock workers from Besançon" in art.text
    assert "Contact us" not in art.text


def test_read_url_plain_text_declared_latin1(server: str) -> None:
    (art,) = read_one(f"{server}/plain-latin1", OPEN)[0]
    assert art.text == PLAIN
    assert art.title == "Crane collapses"
    assert art.outlet == "127.0.0.1"  # no metadata: the URL's host
    assert art.url == f"{server}/plain-latin1"


def test_read_url_feed(server: str) -> None:
    (art,) = read_one(f"{server}/feed", OPEN)[0]
    assert art.text == "A crane fell.\n\nTwo hurt."
    assert art.outlet == "Harbour Wire"
    assert art.url == "https://wire.example/a"


def test_feed_body_naming_a_local_file_is_not_opened(server: str) -> None:
    with pytest.raises(InputError, match="feed"):
        read_one(f"{server}/feed-naming-a-file", OPEN)


def test_one_redirect_is_followed(server: str) -> None:
    got = fetch(f"{server}/hops/1", OPEN)
    assert got.url == f"{server}/article"
    assert b"Harbour crane" in got.content


def test_redirects_up_to_the_limit(server: str) -> None:
    config = Config(allow_private=True, max_redirects=3)
    assert fetch(f"{server}/hops/3", config).url == f"{server}/article"
    message = _error(f"{server}/hops/4", config)
    assert "too many redirects" in message and "3" in message


def test_redirect_to_other_scheme_refused(server: str) -> None:
    assert "unsupported URL scheme 'ftp'" in _error(f"{server}/to-ftp")


def test_redirect_without_location(server: str) -> None:
    assert "302" in _error(f"{server}/no-location")


def test_too_large_with_content_length(server: str) -> None:
    message = _error(f"{server}/big", Config(allow_private=True, max_bytes=CAP))
    assert message.startswith("too large:") and "--max-size" in message
    assert "256 KB" in message and "64 KB" in message


def test_too_large_without_content_length(server: str) -> None:
    message = _error(f"{server}/big-unannounced", Config(allow_private=True, max_bytes=CAP))
    assert message == "too large: over the limit of 64 KB (--max-size)"


def test_slow_response_times_out(server: str) -> None:
    start = time.monotonic()
    message = _error(f"{server}/slow", Config(allow_private=True, timeout=0.3))
    assert message == "timed out after 0.3 s"
    assert time.monotonic() - start < 1.4  # the server answers after 1.5 s


def test_dripping_body_times_out_as_a_whole(server: str) -> None:
    # Each read is quick, so only a deadline for the whole request stops it.
    start = time.monotonic()
    message = _error(f"{server}/drip", Config(allow_private=True, timeout=0.5))
    assert message == "timed out after 0.5 s"
    assert time.monotonic() - start < 2.5  # the server drips for 3 s


def test_http_404(server: str) -> None:
    assert _error(f"{server}/missing") == "HTTP 404 Not Found"


def test_unreachable_url() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    message = _error(f"http://127.0.0.1:{port}/", OPEN)
    assert message.startswith("cannot fetch (")


def test_url_errors_are_read_errors_and_others_go_on(server: str) -> None:
    arts, errs = read_sources([f"{server}/missing", f"{server}/article", f"{server}/empty-page"],
                              OPEN)
    assert [a.source for a in arts] == [f"{server}/article"]
    assert [(e.source, e.message.split(" (")[0]) for e in errs] == [
        (f"{server}/missing", "HTTP 404 Not Found"),
        (f"{server}/empty-page", "no article text found in the HTML page"),
    ]


# --- refusals --------------------------------------------------------------------------------


def test_loopback_refused_by_default(server: str) -> None:
    message = _error(f"{server}/article", Config())
    assert message.startswith("refused:") and "127.0.0.1" in message
    assert "--allow-private" in message
    arts, errs = read_sources([f"{server}/article"], Config())
    assert arts == [] and "--allow-private" in errs[0].message


def test_localhost_name_refused() -> None:
    message = _error("http://localhost:9/x", Config())
    assert "localhost resolves to non-public address" in message
    assert "--allow-private" in message


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("no lookup or connection expected")

    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


@pytest.mark.usefixtures("no_network")
@pytest.mark.parametrize("url", [
    "http://10.1.2.3/news",
    "http://192.168.0.1/",
    "http://172.16.5.4:8080/",
    "http://169.254.169.254/latest/meta-data/",
    "http://127.0.0.1/",
    "http://0.0.0.0/",
    "http://[::1]/",
    "http://[::1]:8080/x",
    "http://[fe80::1%25eth0]/",
    "http://[::ffff:127.0.0.1]/",
    "https://[fd00::5]/",
    "http://224.0.0.1/",
])
def test_private_literals_refused_without_network(url: str) -> None:
    with pytest.raises(InputError, match=r"^refused: .*--allow-private") as info:
        check_address(url, allow_private=False)
    assert "\n" not in str(info.value)
    with pytest.raises(InputError, match="refused"):
        fetch(url, Config())


@pytest.mark.usefixtures("no_network")
def test_public_literal_passes_check() -> None:
    check_address("https://93.184.216.34/news", allow_private=False)
    check_address("http://[2606:2800:220:1:248:1893:25c8:1946]/", allow_private=False)


@pytest.mark.usefixtures("no_network")
@pytest.mark.parametrize("url, message", [
    ("ftp://example.org/file.txt", "unsupported URL scheme 'ftp'"),
    ("file:///etc/passwd", "unsupported URL scheme 'file'"),
    ("gopher://example.org/", "unsupported URL scheme 'gopher'"),
    ("http:///no-host", "URL has no host"),
    ("http://example.org:notaport/", "invalid URL"),
])
def test_bad_urls(url: str, message: str) -> None:
    for allow in (False, True):
        with pytest.raises(InputError, match=message):
            check_address(url, allow_private=allow)


def test_bad_port_is_a_read_error() -> None:
    arts, errs = read_sources(["http://example.org:99999/"], Config())
    assert arts == [] and errs[0].message.startswith("invalid URL")


def test_allow_private_reads_loopback(server: str, tmp_path: Path) -> None:
    arts, errs = read_sources([f"{server}/article"], Config(allow_private=True))
    assert errs == [] and arts[0].outlet == "Harbour Times"
