"""The web app and its JSON API, driven through the real ASGI app (no browser here)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from crossread.cli import main
from crossread.web.app import MAX_ARTICLES, create_app
from test_example import EXAMPLE


@pytest.fixture(scope="module")
def client():
    return TestClient(create_app())


def _texts():
    return {p.name: p.read_bytes() for p in sorted(EXAMPLE.iterdir())}


def test_form_page(client):
    r = client.get("/")
    assert r.status_code == 200 and "<form" in r.text and 'name="files"' in r.text


def test_api_json_matches_the_cli(client):
    articles = [{"text": (EXAMPLE / "regional-radio.txt").read_text(), "outlet": "Radio"},
                {"text": "Crane falls\n\nA crane fell at the Port of Larkhaven on Monday, "
                         "injuring four workers.", "outlet": "Other", "published": "2026-03-11"}]
    r = client.post("/api/brief", json={"articles": articles, "words": 80})
    assert r.status_code == 200, r.text
    doc = r.json()
    assert doc["schema_version"] == "1.3"
    assert [a["outlet"] for a in doc["articles"]] == ["Radio", "Other"]
    assert any(d["kind"] == "number" for d in doc["disputes"])
    assert sum(len(s["text"].split()) for s in doc["summary"]) <= 80


def test_api_multipart_files_give_the_cli_document(client, tmp_path):
    files = [("files", (name, data)) for name, data in _texts().items()]
    r = client.post("/api/brief", files=files, data={"words": "200"})
    assert r.status_code == 200, r.text
    api = r.json()
    cli = json.loads(CliRunner().invoke(main, ["brief", "--format", "json", str(EXAMPLE)]).stdout)
    assert [a["outlet"] for a in api["articles"]] == [a["outlet"] for a in cli["articles"]]
    assert api["disputes"] == cli["disputes"] and api["summary"] == cli["summary"]


def test_api_rejects_bad_input_clearly(client):
    assert client.post("/api/brief", json={"articles": []}).status_code == 422
    assert client.post("/api/brief", content=b"not json",
                       headers={"content-type": "application/json"}).status_code == 422
    many = {"articles": [{"text": "A crane fell."}] * (MAX_ARTICLES + 1)}
    assert client.post("/api/brief", json=many).status_code == 422


def test_page_escapes_injected_text(client):
    evil = ("Crane <script>alert(1)</script>\n\nA crane fell on Tuesday <img src=x "
            "onerror=alert(1)> at the port, injuring two workers.")
    r = client.post("/brief", data={"text": evil, "urls": "", "words": "200"})
    assert r.status_code == 200
    assert "<script>alert(1)</script>" not in r.text and "<img src=x" not in r.text
    assert "&lt;script&gt;" in r.text


def test_form_with_pasted_reports_and_an_upload(client):
    text = ((EXAMPLE / "regional-radio.txt").read_text() + "\n---\n"
            "Crane falls\n\nA crane fell at the port on Monday, injuring four workers.\n")
    files = [("files", ("larkhaven-gazette.html", _texts()["larkhaven-gazette.html"]))]
    r = client.post("/brief", data={"text": text, "urls": "", "words": "200"}, files=files)
    assert r.status_code == 200 and "Where the reports disagree" in r.text


def test_private_urls_refused_and_paths_never_read(client):
    r = client.post("/brief", data={"text": "", "urls": "http://127.0.0.1:9/ file:///etc/passwd",
                                    "words": "200"})
    assert r.status_code == 200
    assert "--allow-private" in r.text and "not an http(s) URL" in r.text
    assert "root:" not in r.text


def test_empty_form_says_what_to_do(client):
    r = client.post("/brief", data={"text": "", "urls": "", "words": "200"})
    assert "Paste, upload or link at least one report." in r.text


def test_openapi_describes_the_api(client):
    spec = client.get("/openapi.json").json()
    body = spec["paths"]["/api/brief"]["post"]["requestBody"]["content"]
    assert {"application/json", "multipart/form-data"} <= set(body)


def test_upload_limits_give_clear_errors(client):
    from crossread.config import MB

    big = b"A crane fell at the port. " * (3 * MB // 26)
    r = client.post("/api/brief", files=[("files", ("big.txt", big))])
    assert r.status_code == 422 and "too large" in r.text
    many = [("files", (f"r{i}.txt", b"Crane\n\nA crane fell at the port on Tuesday."))
            for i in range(MAX_ARTICLES + 1)]
    r = client.post("/api/brief", files=many)
    assert r.status_code in (400, 413) and ("too many" in r.text.lower() or "files" in r.text)
