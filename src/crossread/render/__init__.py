"""Renderers: one module per output format, each a function Brief → str."""

from __future__ import annotations

from crossread.model import Brief


def render(brief: Brief, fmt: str, *, color: bool = False, width: int | None = None,
           analysis: bool = False) -> str:
    """`analysis` adds every sentence with its annotations (JSON always has them)."""
    if fmt == "json":
        from crossread.render.json import render_json

        return render_json(brief)
    if fmt == "html":
        from crossread.render.html import render_html

        return render_html(brief)
    if fmt == "markdown":
        from crossread.render.markdown import render_markdown

        return render_markdown(brief, analysis=analysis)
    from crossread.render.terminal import render_terminal

    return render_terminal(brief, color=color, width=width, analysis=analysis)
