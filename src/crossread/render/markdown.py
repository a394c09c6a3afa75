"""Markdown output. Article text is escaped so a source cannot inject links, HTML or
formatting into the rendered page."""

from __future__ import annotations

import re
from collections import defaultdict

from crossread.model import Brief
from crossread.render.common import (
    SIGNAL_NAMES,
    agreed,
    article_label,
    counts,
    first_few,
    markers,
    omitted,
    reports_read,
    sentence_notes,
    single_source,
    summary_lines,
)

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


def _disputes(brief: Brief) -> list[str]:
    out: list[str] = []
    strict = [d for d in brief.disputes if not d.detail_only]
    detail = [d for d in brief.disputes if d.detail_only]
    for title, group in (("Where the reports disagree", strict),
                         ("Where the reports differ in detail", detail)):
        if not group:
            continue
        out += [f"## {title}", ""]
        for d in group:
            flags = [d.kind] + (["a source contradicts itself"] if d.self_contradiction else [])
            if d.note:
                flags.append(d.note)
            out += [f"### {md(d.question)}", "", f"*{md(' · '.join(flags))}*", ""]
            out.append("| " + " | ".join(f"**{md(s.value)}**" for s in d.sides) + " |")
            out.append("|" + "---|" * len(d.sides))
            cells = []
            for s in d.sides:
                arts = markers(sorted({e.article for e in s.evidence}))
                quotes = "<br>".join(f"“{md(e.text)}”" for e in s.evidence)
                cells.append(f"{md(', '.join(s.outlets))} {md(arts)}<br>{quotes}")
            out += ["| " + " | ".join(cells) + " |", ""]
    return out


def _profiles(brief: Brief) -> list[str]:
    by_index = {a.index: a for a in brief.articles}
    out = ["## Each source", ""]
    for p in brief.profiles:
        a = by_index[p.article]
        out += [f"### {md(article_label(a))}" + (f": {md(a.title)}" if a.title else ""), ""]
        for issue in p.headline_issues:
            out.append(f"- **Headline:** “{md(issue.text)}”: {md(issue.reason)}")
        only = single_source(brief, p.article)
        if only:
            out.append(f"- **Only here ({len(only)}):** " + first_few([md(f.text) for f in only]))
        left_out = omitted(brief, p.article)
        if left_out:
            out.append(f"- **Leaves out ({len(left_out)}):** " + first_few(
                [f"{md(f.text)} {md(markers(f.articles))}" for f in left_out]))
        kinds: dict[str, list[str]] = defaultdict(list)
        for g in p.signals:
            if g.kind != "unattributed_assertion":
                kinds[g.kind].append(g.text)
        for kind, texts in kinds.items():
            out.append(f"- **{SIGNAL_NAMES.get(kind, kind).capitalize()}:** "
                       + ", ".join(f"“{md(t)}”" for t in dict.fromkeys(texts)))
        for r in a.removed:
            out.append(f"- Removed ({r.rule}): ~~{md(r.text)}~~")
        if a.credit:
            out.append(f"- Credit: {md(a.credit)}")
        out.append("")
    return out


def render_markdown(brief: Brief, analysis: bool = False) -> str:
    outlets = ", ".join(dict.fromkeys(a.outlet or a.source for a in brief.articles))
    out = [f"# {md(brief.title) if brief.title else 'crossread brief'}", "",
           f"*A crossread brief of {reports_read(brief)}: {md(outlets)}*", ""]
    if brief.summary:
        parts = []
        for text, cites, notes in summary_lines(brief):
            parts.append(f"{md(text)} {md(cites)}" + "".join(f" *({md(n)})*" for n in notes))
        out += ["## Summary", "", " ".join(parts), ""]
    sources = [f"{md(article_label(a))}" + (f": {md(a.title)}" if a.title else "")
               for a in brief.articles]
    out += ["Sources: " + "; ".join(sources), ""]
    out += _disputes(brief)
    facts = agreed(brief)
    if facts:
        out += ["## Agreed by two or more outlets", ""]
        out += [f"- {md(f.text)} — {md(', '.join(f.outlets))} {md(markers(f.articles))}"
                for f in facts]
        out.append("")
    out += _profiles(brief)
    if brief.entities:
        out += ["## Names", ""]
        out += [f"- {md(g.name)} (also spelled {md(', '.join(g.variants))})"
                for g in brief.entities]
        out.append("")
    out += ["## What was read", "",
            "| article | title | published | sentences | numbers | times | signals | removed |",
            "|---|---|---|---:|---:|---:|---:|---:|"]
    for a in brief.articles:
        c = counts(a)
        out.append(f"| {md(article_label(a))} | {md(a.title or '—')} | {md(a.published or '—')} "
                   f"| {c['sentences']} | {c['numbers']} | {c['times']} | {c['signals']} "
                   f"| {c['removed']} |")
    if analysis:
        for a in brief.articles:
            out += ["", f"## {md(article_label(a))}" + (f": {md(a.title)}" if a.title else ""),
                    ""]
            for s in a.sentences:
                out.append(f"{s.index + 1}. {md(s.text)}")
                notes = sentence_notes(s)
                if notes:
                    out.append("   " + " · ".join(f"*{k}:* {md(v)}" for k, v in notes))
    if brief.errors:
        out += ["", "## Not read", ""]
        out += [f"- {md(e.source)}: {md(e.message)}" for e in brief.errors]
    return "\n".join(out) + "\n"
