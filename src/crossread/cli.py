"""The `crossread` command."""

from __future__ import annotations

import os
import re
import sys
import traceback
from pathlib import Path

import click

from crossread import __version__
from crossread.config import MB, Config

FORMATS = ("terminal", "markdown", "json", "html")
_EXT_FORMAT = {".json": "json", ".md": "markdown", ".markdown": "markdown", ".txt": "terminal",
               ".html": "html", ".htm": "html"}


def _fail(message: str) -> None:
    click.echo(f"crossread: {message}", err=True)


def _check_date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise click.BadParameter("use YYYY-MM-DD, e.g. 2017-11-14")
    from datetime import date

    try:
        date.fromisoformat(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None
    return value


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="crossread")
def main() -> None:
    """Read many news reports of one event and get one sourced brief.

    crossread reads articles (files, folders, URLs, feeds, JSON), removes promo and platform
    boilerplate, and analyses every sentence: numbers and what they count, dates resolved against
    the publication date, named entities, who said it, hedges, quotes and editorial language.
    Everything it reports points back to exact character spans of the sources.

    \b
    Example:
      crossread brief examples/harbour-crane/
      crossread brief --format json -o brief.json story/*.html
    """


@main.command()
@click.argument("sources", nargs=-1, required=True, metavar="SOURCE...")
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS),
              help="Output format. Default: terminal on a TTY, JSON otherwise (or from -o's "
                   "extension).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True, path_type=Path),
              help="Write the brief to FILE instead of standard output.")
@click.option("--date", "published", callback=_check_date, metavar="YYYY-MM-DD",
              help="Publication date for inputs that carry none (resolves 'Monday', 'last week').")
@click.option("--fast", is_flag=True,
              help="Rule-based entities instead of spaCy's statistical NER: several times "
                   "faster, less accurate.")
@click.option("--allow-private", is_flag=True,
              help="Allow URLs on private, loopback and link-local addresses.")
@click.option("--max-size", type=click.FloatRange(min=0.001), default=20.0, show_default=True,
              metavar="MB", help="Refuse files and downloads larger than this.")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=15.0, show_default=True,
              metavar="SECONDS",
              help="Time limit for each URL download (the whole response, per redirect hop).")
@click.option("--words", type=click.IntRange(min=20), default=200, show_default=True,
              metavar="N", help="Length of the summary in words.")
@click.option("--sentences", type=click.IntRange(min=1), metavar="N",
              help="At most N summary sentences (within --words).")
@click.option("--analysis", is_flag=True,
              help="Also list every sentence with its annotations (terminal and Markdown).")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar; errors only.")
def brief(sources: tuple[str, ...], fmt: str | None, output: Path | None,
          published: str | None, fast: bool, allow_private: bool, max_size: float,
          timeout: float, words: int, sentences: int | None, analysis: bool,
          quiet: bool) -> None:
    """Read SOURCE... (files, folders, URLs, feeds, or - for stdin) and print their brief.

    Plain text, HTML, JSON, JSON Lines and RSS/Atom are recognised by extension or content.
    A source that cannot be read is reported on one line and the others go on; the exit status
    is 1 only when nothing could be read.
    """
    config = Config(published=published, allow_private=allow_private, timeout=timeout,
                    max_bytes=int(max_size * MB), entities="rules" if fast else "spacy",
                    words=words, sentences=sentences)
    if fmt is None:
        if output is not None:
            fmt = _EXT_FORMAT.get(output.suffix.lower(), "json")
        else:
            fmt = "terminal" if sys.stdout.isatty() else "json"
    try:
        result = _run(sources, config, quiet, output)
    except KeyboardInterrupt:
        _fail("interrupted")
        sys.exit(130)
    except Exception as exc:  # the promise is one line, never a traceback
        if os.environ.get("CROSSREAD_DEBUG"):
            traceback.print_exc()
        _fail(f"internal error: {type(exc).__name__}: {exc} (set CROSSREAD_DEBUG=1 for details)")
        sys.exit(3)

    for err in result.errors:
        _fail(str(err))
    if not result.articles:
        _fail("nothing could be read")
        sys.exit(1)

    from crossread.render import render

    color = output is None and fmt == "terminal" and sys.stdout.isatty()
    width = None if output is not None else (click.get_terminal_size()[0] if color else None)
    text = render(result, fmt, color=color, width=width, analysis=analysis)
    if output is None:
        click.echo(text, nl=False)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        _fail(f"{output}: cannot write ({exc.strerror or exc})")
        sys.exit(1)


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (loopback by default).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--allow-private", is_flag=True,
              help="Let URL fetching reach private, loopback and link-local addresses.")
def serve(host: str, port: int, allow_private: bool) -> None:
    """Run the web app: paste, upload or link reports and read the brief; JSON API at
    POST /api/brief, its description at /docs."""
    import uvicorn

    from crossread.web.app import create_app

    click.echo(f"crossread {__version__} serving on http://{host}:{port}/ (API: /docs)")
    uvicorn.run(create_app(allow_private=allow_private), host=host, port=port,
                log_level="warning")


def _run(sources: tuple[str, ...], config: Config, quiet: bool, output: Path | None):
    from crossread.ingest import expand_sources
    from crossread.pipeline import build_brief

    expanded = list(expand_sources(sources))
    if output is not None:
        # `crossread brief story/ -o story/brief.json` must not read its own output next time
        target = output.resolve()
        expanded = [s for s in expanded if s in ("-",) or "://" in s or Path(s).resolve() != target]
    show = not quiet and sys.stderr.isatty() and len(expanded) >= 5
    if not show:
        return build_brief(expanded, config)
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("reading", total=len(expanded))

        def step(_src: str) -> None:
            bar.advance(task)

        def read_done(n: int) -> None:
            bar.update(task, description="analysing", completed=0, total=n)

        return build_brief(expanded, config, progress=step, on_read=read_done)


if __name__ == "__main__":  # pragma: no cover
    main()
