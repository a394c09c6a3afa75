"""Conditional GET for polled feeds, against a real HTTP server on 127.0.0.1: an unchanged feed
is answered "304 Not Modified" and adds nothing; a changed one is read again; a server that
sends no validators is simply fetched every time; one-off reads never send validators."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from click.testing import CliRunner

from crossread.cli import main
from crossread.config import Config
from crossread.ingest import read_sources
from crossread.ingest.fetch import NotModified, Revalidation, fetch

OPEN = Config(allow_private=True, timeout=5.0)


def _rss(n: int) -> bytes:
    items = "".join(
        f"<item><title>Ferry {i} delayed</title><link>https://wire.example/{i}</link>"
        f"<guid>f{i}</guid><description>The harbour ferry number {i} left Kalvik two hours "
        f"late on Tuesday because of fog, the operator said.</description></item>"
        for i in range(n))
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Wire</title>'
            f"{items}</channel></rss>").encode()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        srv: Server = self.server  # type: ignore[assignment]
        srv.asked.append((self.path, self.headers.get("If-None-Match"),
                          self.headers.get("If-Modified-Since")))
        version = srv.version
        validators: dict[str, str] = {}
        if self.path == "/etag":
            validators = {"ETag": f'"v{version}"'}
            fresh = self.headers.get("If-None-Match") == f'"v{version}"'
        elif self.path == "/dated":
            validators = {"Last-Modified": f"Tue, 0{version} Mar 2026 10:00:00 GMT"}
            fresh = self.headers.get("If-Modified-Since") == validators["Last-Modified"]
        else:  # /plain: no validators at all
            fresh = False
        if fresh:
            self.send_response(304)
            for k, v in validators.items():
                self.send_header(k, v)
            self.end_headers()
            return
        body = _rss(version)
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("Content-Length", str(len(body)))
        for k, v in validators.items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)


class Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.version = 1
        self.asked: list[tuple[str, str | None, str | None]] = []


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[Server]:
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy",
                 "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    httpd = Server()
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


def _url(httpd: Server, path: str) -> str:
    return f"http://127.0.0.1:{httpd.server_address[1]}{path}"


@pytest.mark.parametrize("path", ["/etag", "/dated"])
def test_unchanged_url_is_not_modified_and_a_change_is_fetched(server: Server, path: str):
    rev = Revalidation()
    url = _url(server, path)
    first = fetch(url, OPEN, rev)
    assert b"Ferry 0" in first.content
    with pytest.raises(NotModified):
        fetch(url, OPEN, rev)
    server.version = 2
    again = fetch(url, OPEN, rev)
    assert b"Ferry 1" in again.content
    with pytest.raises(NotModified):
        fetch(url, OPEN, rev)
    conditional = [bool(etag or since) for _, etag, since in server.asked]
    assert conditional == [False, True, True, True]


def test_server_without_validators_is_fetched_every_time(server: Server):
    rev = Revalidation()
    url = _url(server, "/plain")
    for _ in range(2):
        assert b"Ferry 0" in fetch(url, OPEN, rev).content
    assert [(etag, since) for _, etag, since in server.asked] == [(None, None)] * 2


def test_one_off_reads_never_send_validators(server: Server):
    url = _url(server, "/etag")
    for _ in range(2):
        arts, errs = read_sources([url], OPEN)
        assert len(arts) == 1 and not errs
    assert all(etag is None for _, etag, _ in server.asked)


def test_read_sources_skips_an_unchanged_feed_without_an_error(server: Server):
    rev = Revalidation()
    etag, plain = _url(server, "/etag"), _url(server, "/plain")
    arts, errs = read_sources([etag, plain], OPEN, revalidation=rev)
    assert len(arts) == 2 and not errs and rev.unchanged == []
    arts, errs = read_sources([etag, plain], OPEN, revalidation=rev)
    assert [a.source.split("#")[0] for a in arts] == [plain]
    assert not errs and rev.unchanged == [etag]
    assert arts[0].index == 0


def test_watch_polls_conditionally_and_says_what_was_unchanged(server: Server, tmp_path,
                                                               monkeypatch):
    import time

    sleeps = []

    def sleep(seconds: float) -> None:
        sleeps.append(seconds)
        if len(sleeps) == 1:
            server.version = 1  # nothing new for the second poll
            return
        raise KeyboardInterrupt  # Ctrl-C during the second wait

    monkeypatch.setattr(time, "sleep", sleep)
    db = tmp_path / "w.db"
    res = CliRunner().invoke(main, ["watch", "--db", str(db), "--fast", "--allow-private",
                                    "--interval", "5", _url(server, "/etag")])
    assert res.exit_code == 0, res.output
    lines = [ln for ln in res.stderr.splitlines() if "stories updated" in ln]
    assert len(lines) == 2 and "1 stored" in lines[0] and "unchanged" not in lines[0]
    assert "1 feed unchanged" in lines[1] and "0 read" in lines[1]
    assert res.stderr.rstrip().endswith("stopped")
    assert [etag for _, etag, _ in server.asked] == [None, '"v1"']
