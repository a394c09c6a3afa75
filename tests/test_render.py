"""Renderers and the JSON contract."""

from __future__ import annotations

import json
import re

from crossread.model import SCHEMA_VERSION, Article, Brief, ReadError, from_dict
from crossread.render import render
from helpers import article

EVIL = ('Title [bold]x[/bold]\n\nThe <script>alert(1)</script> crane fell. '
        'See [link](http://evil.example) and <img src=x onerror=alert(1)>. '
        '# not a heading\n\n1. not a list\n')


def _brief() -> Brief:
    return Brief(articles=(article(EVIL, "2026-03-11"),),
                 errors=(ReadError("bad.bin", "binary file, not text"),))


def test_json_contract_and_round_trip():
    brief = _brief()
    doc = json.loads(render(brief, "json"))
    assert doc["schema_version"] == SCHEMA_VERSION
    (a,) = doc["articles"]
    for key in ("index", "id", "external_id", "outlet", "title", "published", "credit", "removed",
                "sentences", "text"):
        assert key in a
    s = a["sentences"][0]
    for key in ("index", "text", "start", "end", "numbers", "times", "entities", "attribution",
                "hedges", "quotes", "signals"):
        assert key in s
    assert a["text"][s["start"]:s["end"]] == s["text"]
    assert doc["errors"] == [{"source": "bad.bin", "message": "binary file, not text"}]
    again = from_dict(Article, a)
    assert again == brief.articles[0]


def test_json_is_deterministic():
    assert render(_brief(), "json") == render(_brief(), "json")


def test_markdown_escapes_untrusted_text():
    out = render(_brief(), "markdown", analysis=True)
    # every "<", "[" and "]" from a source is backslash-escaped, so CommonMark shows it literally;
    # the only raw HTML is our own <br> in table cells
    assert not re.search(r"(?<!\\)<(?!br>)", out)
    assert not re.search(r"(?<!\\)\]\(", out)
    assert "\\<script\\>" in out
    assert "\n# not" not in out and "\n1. not a list" not in out


def test_terminal_prints_markup_literally():
    out = render(_brief(), "terminal", width=120, analysis=True)
    assert "[bold]x[/bold]" in out
    assert "<script>alert(1)</script>" in out  # plain text in a terminal is harmless
    assert "\x1b[" not in out  # no colour codes unless asked for
    coloured = render(_brief(), "terminal", color=True, width=120, analysis=True)
    assert "\x1b[" in coloured


def test_what_a_report_leaves_out_is_shown_as_the_fact_not_its_id():
    import dataclasses

    from crossread.model import Evidence, Fact, Profile

    texts = ("The crane fell at Larkhaven harbour. Two workers were hurt.",
             "The crane fell at Larkhaven harbour. Two workers were hurt.",
             "The crane fell at Larkhaven harbour.")
    arts = tuple(dataclasses.replace(article(t), index=i) for i, t in enumerate(texts))
    hurt = [Evidence(i, a.sentences[1].text, a.sentences[1].start, a.sentences[1].end)
            for i, a in enumerate(arts[:2])]
    fact = Fact("f7", hurt[0].text, ("t.txt",), (0, 1), tuple(hurt))
    brief = Brief(articles=arts, facts=(fact,),
                  profiles=(Profile(2, (), ("f7",), (), ()),))
    md = render(brief, "markdown", analysis=True)
    assert "**Leaves out (1):** Two workers were hurt. \\[1\\]\\[2\\]" in md
    assert "f7" not in md
    term = render(brief, "terminal", analysis=True)
    assert "leaves out (1): Two workers were hurt. [1][2]" in term
    html = render(brief, "html")
    assert re.search(r'<ul class="left-out"><li>Two workers were hurt\. <a class="cite"', html)
