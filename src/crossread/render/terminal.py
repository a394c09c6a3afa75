"""Terminal output with rich. Article text goes in as rich.Text, never as markup, so a source
containing "[bold]" or escape sequences prints as the characters it is."""

from __future__ import annotations

import io

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from crossread.model import Brief, Sentence
from crossread.render.common import article_label, counts, sentence_notes

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


def render_terminal(brief: Brief, *, color: bool = False, width: int | None = None) -> str:
    buf = io.StringIO()
    console = Console(file=buf, force_terminal=color, no_color=not color, width=width or 100,
                      highlight=False, emoji=False, markup=False)
    overview = Table(title="crossread brief: what was read", title_justify="left")
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
    for a in brief.articles:
        parts: list = []
        meta = Text()
        if a.url:
            meta.append(f"url: {a.url}\n", style="dim")
        if a.credit:
            meta.append(f"credit: {a.credit}\n", style="dim")
        for r in a.removed:
            meta.append(f"removed ({r.rule}): ", style="dim")
            meta.append(f"{r.text}\n", style="strike dim")
        if meta:
            parts.append(meta)
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
        parts.append(grid)
        title = Text(article_label(a) + (f" — {a.title}" if a.title else ""))
        console.print(Panel(Group(*parts), title=title, title_align="left"))
    for e in brief.errors:
        console.print(Text(f"not read: {e}", style="red"))
    return buf.getvalue()
