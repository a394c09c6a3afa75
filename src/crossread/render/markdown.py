"""Markdown output. Article text is escaped so a source cannot inject links, HTML or
formatting into the rendered page."""

from __future__ import annotations

import re

from crossread.model import Brief
from crossread.render.common import article_label, counts, sentence_notes

# Characters that start emphasis, code, links, HTML or table cells anywhere in a line.
_MD_INLINE = re.compile(r"([\\`*_\[\]<>|~])")
# Characters that only matter at the start of a line: headings, quotes, lists.
_MD_LEAD = re.compile(r"^(\s*)([#>+\-=]|\d+[.)])")


def md(text: str) -> str:
    """Escape Markdown and HTML metacharacters, and fold newlines into spaces, so article text
    renders as the characters it is (no links, images, HTML or formatting from a source)."""
    text = " ".join(text.split())
    text = text.replace("&", "&amp;")
    text = _MD_INLINE.sub(r"\\\1", text)
    return _MD_LEAD.sub(lambda m: m.group(1) + "\\" + m.group(2), text)


def render_markdown(brief: Brief) -> str:
    out = ["# crossread brief", ""]
    out += ["| article | title | published | sentences | numbers | times | signals | removed |",
            "|---|---|---|---:|---:|---:|---:|---:|"]
    for a in brief.articles:
        c = counts(a)
        out.append(f"| {md(article_label(a))} | {md(a.title or '—')} | {md(a.published or '—')} "
                   f"| {c['sentences']} | {c['numbers']} | {c['times']} | {c['signals']} "
                   f"| {c['removed']} |")
    for a in brief.articles:
        out += ["", f"## {md(article_label(a))}" + (f": {md(a.title)}" if a.title else ""), ""]
        if a.url:
            out.append(f"- URL: {md(a.url)}")
        if a.credit:
            out.append(f"- Credit: {md(a.credit)}")
        for r in a.removed:
            out.append(f"- Removed ({r.rule}): ~~{md(r.text)}~~")
        out.append("")
        for s in a.sentences:
            out.append(f"{s.index + 1}. {md(s.text)}")
            notes = sentence_notes(s)
            if notes:
                out.append("   " + " · ".join(f"*{k}:* {md(v)}" for k, v in notes))
    if brief.errors:
        out += ["", "## Not read", ""]
        out += [f"- {md(e.source)}: {md(e.message)}" for e in brief.errors]
    return "\n".join(out) + "\n"
