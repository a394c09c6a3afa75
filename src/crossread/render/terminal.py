"""Terminal output with rich. Article text goes in as rich.Text, never as markup, so a source
containing "[bold]" or escape sequences prints as the characters it is."""

from __future__ import annotations

import io
from collections import defaultdict

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from crossread.model import Brief, Sentence
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

_STYLES = {
    "number": "bold cyan", "time": "green", "source": "blue", "hedge": "italic yellow",
    "loaded": "bold red", "evaluative": "red", "first person": "magenta",
    "call to action": "bold magenta", "speculation": "yellow", "question": "magenta",
}


def _sentence_text(s: Sentence) -> Text:
    t = Text(s.text)
    for n in s.numbers:
        t.stylize(_STYLES["number"], n.start - s.start, n.end - s.start)
    for tm in s.times:
        t.stylize(_STYLES["time"], tm.start - s.start, tm.end - s.start)
    for h in s.hedges:
        t.stylize(_STYLES["hedge"], h.start - s.start, h.end - s.start)
    for g in s.signals:
        t.stylize(_STYLES.get(g.kind.replace("_", " "), "red") + " underline",
                  g.start - s.start, g.end - s.start)
    return t


def _disputes(console: Console, brief: Brief) -> None:
    strict = [d for d in brief.disputes if not d.detail_only]
    detail = [d for d in brief.disputes if d.detail_only]
    for title, group in (("Where the reports disagree", strict),
                         ("Where the reports differ in detail", detail)):
        if not group:
            continue
        console.print(Text(title, style="bold"))
        for d in group:
            table = Table(show_header=True, expand=True, show_lines=False)
            for side in d.sides:
                table.add_column(Text(side.value, style="bold cyan"), ratio=1)
            cells = []
            for side in d.sides:
                cell = Text()
                cell.append(", ".join(side.outlets) + " ", style="bold")
                cell.append(markers(sorted({e.article for e in side.evidence})) + "\n", style="dim")
                cell.append("\n".join(f"“{e.text}”" for e in side.evidence))
                cells.append(cell)
            table.add_row(*cells)
            flags = [d.kind]
            if d.self_contradiction:
                flags.append("a source contradicts itself")
            if d.note:
                flags.append(d.note)
            console.print(Panel(table, title=Text(d.question), title_align="left",
                                subtitle=Text(" · ".join(flags)), subtitle_align="left"))


def _facts(console: Console, brief: Brief) -> None:
    facts = agreed(brief)
    if facts:
        console.print(Text("Agreed by two or more outlets", style="bold"))
        grid = Table.grid(padding=(0, 1))
        grid.add_column(justify="right", style="dim", no_wrap=True)
        grid.add_column()
        for f in facts:
            cell = Text(f.text)
            cell.append(f"  {', '.join(f.outlets)} {markers(f.articles)}", style="dim")
            grid.add_row(f.id, cell)
        console.print(grid)
        console.print()


def _profiles(console: Console, brief: Brief) -> None:
    by_index = {a.index: a for a in brief.articles}
    console.print(Text("Each source", style="bold"))
    for p in brief.profiles:
        a = by_index[p.article]
        parts = Text()
        for issue in p.headline_issues:
            parts.append("headline: ", style="bold red")
            parts.append(f"“{issue.text}”: {issue.reason}\n")
        only = single_source(brief, p.article)
        if only:
            parts.append(f"only here ({len(only)}): ", style="bold")
            parts.append(first_few([f.text for f in only]))
            parts.append("\n")
        left_out = omitted(brief, p.article)
        if left_out:
            parts.append(f"leaves out ({len(left_out)}): ", style="bold")
            parts.append(first_few([f"{f.text} {markers(f.articles)}" for f in left_out]) + "\n")
        kinds: dict[str, list[str]] = defaultdict(list)
        for g in p.signals:
            if g.kind != "unattributed_assertion":
                kinds[g.kind].append(g.text)
        for kind, texts in kinds.items():
            parts.append(f"{SIGNAL_NAMES.get(kind, kind)}: ", style="bold magenta")
            parts.append(", ".join(f"“{t}”" for t in dict.fromkeys(texts)) + "\n")
        if a.removed:
            parts.append("removed: ", style="dim")
            parts.append("; ".join(f"{r.text} ({r.rule})" for r in a.removed) + "\n",
                         style="dim strike")
        if a.credit:
            parts.append(f"credit: {a.credit}\n", style="dim")
        title = Text(article_label(a) + (f" — {a.title}" if a.title else ""))
        parts.rstrip()
        console.print(Panel(parts if parts else Text("—", style="dim"), title=title,
                            title_align="left"))


def _overview(console: Console, brief: Brief) -> None:
    overview = Table(title="What was read", title_justify="left")
    overview.add_column("article")
    overview.add_column("published")
    for key in ("sentences", "numbers", "times", "quotes", "signals", "removed"):
        overview.add_column(key, justify="right")
    for a in brief.articles:
        c = counts(a)
        overview.add_row(Text(article_label(a)), Text((a.published or "—")[:10]),
                         *(str(c[k]) for k in ("sentences", "numbers", "times", "quotes",
                                               "signals", "removed")))
    console.print(overview)


def _analysis(console: Console, brief: Brief) -> None:
    for a in brief.articles:
        grid = Table.grid(padding=(0, 1))
        grid.add_column(justify="right", style="dim", no_wrap=True)
        grid.add_column()
        for s in a.sentences:
            cell = _sentence_text(s)
            notes = sentence_notes(s)
            if notes:
                cell.append("\n")
                for i, (kind, txt) in enumerate(notes):
                    if i:
                        cell.append(" · ", style="dim")
                    cell.append(f"{kind}: ", style="dim")
                    cell.append(txt, style=_STYLES.get(kind, ""))
            grid.add_row(str(s.index + 1), cell)
        title = Text(article_label(a) + (f" — {a.title}" if a.title else ""))
        console.print(Panel(Group(grid), title=title, title_align="left"))


def render_terminal(brief: Brief, *, color: bool = False, width: int | None = None,
                    analysis: bool = False) -> str:
    buf = io.StringIO()
    console = Console(file=buf, force_terminal=color, no_color=not color, width=width or 100,
                      highlight=False, emoji=False, markup=False)
    outlets = ", ".join(dict.fromkeys(a.outlet or a.source for a in brief.articles))
    console.print(Text(brief.title or "crossread brief", style="bold"))
    console.print(Text(f"A brief of {reports_read(brief)}: {outlets}", style="dim"))
    console.print()
    if brief.summary:
        summary = Text()
        for text, cites, notes in summary_lines(brief):
            summary.append(text)
            summary.append(f" {cites}", style="dim")
            for note in notes:
                summary.append(f" ({note})", style="yellow")
            summary.append(" ")
        summary.rstrip()
        console.print(Panel(summary, title=Text("Summary"), title_align="left"))
        console.print()
    _disputes(console, brief)
    _facts(console, brief)
    _profiles(console, brief)
    for g in brief.entities:
        console.print(Text(f"one name, several spellings: {g.name} (also "
                           f"{', '.join(g.variants)})", style="dim"))
    _overview(console, brief)
    if analysis:
        _analysis(console, brief)
    for e in brief.errors:
        console.print(Text(f"not read: {e}", style="red"))
    return buf.getvalue()
