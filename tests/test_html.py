"""--format html: one self-contained page, every piece of article text escaped."""

from __future__ import annotations

import html
import re

from click.testing import CliRunner

from crossread.cli import main
from test_example import EXAMPLE

EVIL = ('Port "Crane" <script>alert(1)</script> falls\n\n'
        'A crane fell on Tuesday <img src=x onerror=alert(1)> at the port, injuring two workers. '
        'Officials said the port would close <b>today</b>.\n')


def _page(*sources: str) -> str:
    res = CliRunner().invoke(main, ["brief", "--format", "html", *sources])
    assert res.exit_code == 0, res.output
    return res.stdout


def test_self_contained_page(tmp_path):
    page = _page(str(EXAMPLE))
    assert page.startswith("<!doctype html>") and "</html>" in page
    assert "<script" not in page  # no scripts at all
    assert not re.search(r"""(?:src|href)=["']?(?:https?:)?//""", page)  # no external requests
    assert "<style>" in page and "@media print" in page
    assert 'name="viewport"' in page


def test_disputes_side_by_side_and_citations_link_to_sentences():
    page = _page(str(EXAMPLE))
    assert page.count('class="side"') >= 4  # two disputes, two sides each
    assert "Monday (2026-03-09)" in page and "Tuesday (2026-03-10)" in page
    anchors = set(re.findall(r'id="(a\d+s\d+)"', page))
    links = set(re.findall(r'href="#(a\d+s\d+)"', page))
    assert links and links <= anchors  # every citation points at a source sentence on the page
    assert ":target" in page  # the jumped-to sentence is highlighted


def test_untrusted_text_is_escaped(tmp_path):
    f = tmp_path / "evil.txt"
    f.write_text(EVIL)
    page = _page(str(f))
    assert "<script>alert(1)</script>" not in page
    assert "<img src=x" not in page and "<b>today</b>" not in page
    assert html.escape("<img src=x onerror=alert(1)>", quote=False) in page
    assert "&lt;script&gt;" in page


def test_output_file_html(tmp_path):
    out = tmp_path / "brief.html"
    res = CliRunner().invoke(main, ["brief", str(EXAMPLE), "-o", str(out)])
    assert res.exit_code == 0 and out.read_text().startswith("<!doctype html>")
