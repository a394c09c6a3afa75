"""A self-contained HTML page: inline CSS, no scripts, no external requests.

Jinja2 with autoescaping renders every piece of article text as text, so a source containing
<script> or an onerror= attribute shows those characters and runs nothing. Citation markers are
links to the cited sentence's anchor; CSS :target highlights the sentence a reader jumped to.
"""

from __future__ import annotations

from functools import lru_cache

from jinja2 import Environment, PackageLoader, select_autoescape

from crossread import __version__
from crossread.model import Brief
from crossread.render.common import (
    SIGNAL_NAMES,
    agreed,
    omitted,
    reports_read,
    single_source,
)
from crossread.summarise import sentence_at, shown_parts, source_sentence, summary_notes


@lru_cache(maxsize=1)
def _env() -> Environment:
    return Environment(loader=PackageLoader("crossread.render", "templates"),
                       autoescape=select_autoescape(default=True, default_for_string=True),
                       trim_blocks=True, lstrip_blocks=True)


def _marked(article, sentence) -> list[tuple[str, str | None]]:
    """A sentence as (text, css class) pieces, its editorial signals marked."""
    pieces, pos = [], sentence.start
    for g in sorted(sentence.signals, key=lambda g: g.start):
        if g.start < pos:
            continue
        pieces.append((article.text[pos:g.start], None))
        pieces.append((article.text[g.start:g.end], f"sig {g.kind}"))
        pos = g.end
    pieces.append((article.text[pos:sentence.end], None))
    return [(t, c) for t, c in pieces if t]


def render_html(brief: Brief) -> str:
    by_index = {a.index: a for a in brief.articles}
    sentence_id = {}
    for a in brief.articles:
        for s in a.sentences:
            sentence_id[(a.index, s.start)] = f"a{a.index + 1}s{s.index + 1}"
    summary = []
    for s, notes in zip(brief.summary, summary_notes(brief), strict=True):
        source = source_sentence(brief, s)
        links = {s.article: sentence_id.get((s.article, source.start)) if source else None}
        for e in s.supported_by:
            links.setdefault(e.article, sentence_id.get((e.article, e.start)))
        # the sentence where the report names whom a bracket refers to
        named = sentence_at(brief, s.article, s.referent.start) if s.referent else None
        named_in = sentence_id[(s.article, named.start)] if named else None
        summary.append({"parts": [p for p in shown_parts(s.text, s.start, s.referent) if p[0]],
                        "named_in": named_in, "notes": notes,
                        "links": [(art + 1, anchor or f"a{art + 1}")
                                  for art, anchor in sorted(links.items())]})
    timeline = sorted(
        {(t.value, t.text, a.index, sentence_id[(a.index, s.start)])
         for a in brief.articles for s in a.sentences for t in s.times
         if t.value and len(t.value) == 10},
    )
    return _env().get_template("brief.html.j2").render(
        brief=brief, by_index=by_index, summary=summary, agreed=agreed(brief),
        single_source=lambda i: single_source(brief, i), sentence_id=sentence_id,
        omitted=lambda i: omitted(brief, i),
        marked=_marked, signal_names=SIGNAL_NAMES, timeline=timeline, version=__version__,
        reports_read=reports_read(brief),
    )
