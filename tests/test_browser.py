"""The web app in a real headless Chromium (Debian's chromium, driven by Playwright): submit
the seed reports, see the four disputes, follow a citation to its highlighted sentence, and
check that an article carrying a script shows its text and runs nothing. Screenshots of every
page go to test-output/."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
OUT = Path(__file__).resolve().parents[1] / "test-output"


def _need_browser():
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing = "playwright is not installed"
    else:
        missing = None if CHROMIUM else "chromium is not installed (apt-get install chromium)"
    if missing:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{missing} (required on CI)")
        pytest.skip(missing)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    import uvicorn

    from crossread import corpus
    from crossread.config import Config
    from crossread.ingest import read_sources
    from crossread.store import open_store
    from crossread.web.app import create_app
    from test_example import EXAMPLE

    # a store holding the example story, for the story pages
    db = str(tmp_path_factory.mktemp("store") / "stories.db")
    store = open_store(db)
    fast = Config(entities="rules")
    corpus.ingest_articles(store, read_sources([str(EXAMPLE)], fast)[0], fast)
    store.close()

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(db=db), host="127.0.0.1", port=port,
                                        log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(100):
        if srv.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=5)


@pytest.fixture(scope="module")
def page():
    _need_browser()
    from playwright.sync_api import sync_playwright

    OUT.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync"])
        pg = browser.new_page(viewport={"width": 1200, "height": 900})
        dialogs: list[str] = []
        pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        pg.dialogs = dialogs  # type: ignore[attr-defined]
        yield pg
        browser.close()


def test_seed_reports_show_four_disputes_and_citations_highlight(page, server, shared_dir):
    page.goto(server + "/")
    page.screenshot(path=str(OUT / "form.png"), full_page=True)
    page.set_input_files("#files", [str(p) for p in sorted((shared_dir / "seeds").iterdir())])
    page.fill("#date", "2017-11-14")  # the seeds carry no date: the day after the defection
    page.click("#go")
    page.wait_for_selector("h2:has-text('Summary')")
    page.screenshot(path=str(OUT / "seed-brief.png"), full_page=True)
    assert page.locator(".dispute").count() == 4
    assert page.locator(".side .value", has_text="at least five times").count() == 1
    link = page.locator("#summary a.cite").first
    target = link.get_attribute("href")
    link.click()
    target_id = page.evaluate("document.querySelector(':target')?.id")
    assert target_id == target.lstrip("#")
    bg = page.evaluate("getComputedStyle(document.querySelector(':target')).backgroundColor")
    assert bg == "rgb(255, 243, 176)"  # the cited source sentence is highlighted
    page.screenshot(path=str(OUT / "seed-citation.png"))


def test_injected_script_shows_as_text_and_runs_nothing(page, server):
    evil = ("Crane <script>alert('pwned')</script> falls\n\n"
            "A crane fell on Tuesday <img src=x onerror=\"alert('pwned')\"> at the port, "
            "injuring two workers.")
    page.goto(server + "/")
    page.fill("#text", evil)
    page.click("#go")
    page.wait_for_selector("h2:has-text('Summary')")
    page.wait_for_timeout(300)
    page.screenshot(path=str(OUT / "injection.png"), full_page=True)
    assert page.dialogs == []  # no alert() ran
    assert page.locator("img").count() == 0 and page.locator("body script").count() == 0
    assert "<img src=x onerror=" in page.inner_text("body")


def test_story_list_opens_the_story_brief(page, server):
    page.goto(server + "/stories")
    rows = page.locator("#stories tbody tr")
    assert rows.count() == 1
    assert "4" in rows.first.inner_text()  # four independent reports
    page.screenshot(path=str(OUT / "stories.png"), full_page=True)
    rows.first.locator("a").click()
    page.wait_for_selector("h2:has-text('Summary')")
    assert "brief of 4 reports" in page.inner_text("header")
    page.screenshot(path=str(OUT / "story-brief.png"), full_page=True)
