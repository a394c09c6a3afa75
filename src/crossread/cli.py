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


def _fetch_options(fn):
    """--allow-private and --timeout: every command that may fetch URLs."""
    fn = click.option("--timeout", type=click.FloatRange(min=0.1), default=15.0,
                      show_default=True, metavar="SECONDS",
                      help="Time limit for each URL download (the whole response, per "
                           "redirect hop).")(fn)
    return click.option("--allow-private", is_flag=True,
                        help="Allow URLs on private, loopback and link-local addresses.")(fn)


def _db_option(fn):
    return click.option(
        "--db", metavar="PATH|URL", envvar="CROSSREAD_DB",
        help="The story store: an SQLite file path or a postgresql:// URL. Default: "
             "$CROSSREAD_DB, else crossread.db in your user data folder.")(fn)


@main.command()
@click.argument("sources", nargs=-1, metavar="SOURCE...")
@click.option("--story", "story_id", type=int, metavar="ID",
              help="Brief a stored story (see `crossread stories`) instead of SOURCE....")
@_db_option
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
@_fetch_options
@click.option("--max-size", type=click.FloatRange(min=0.001), default=20.0, show_default=True,
              metavar="MB", help="Refuse files and downloads larger than this.")
@click.option("--words", type=click.IntRange(min=20), default=200, show_default=True,
              metavar="N", help="Length of the summary in words.")
@click.option("--sentences", type=click.IntRange(min=1), metavar="N",
              help="At most N summary sentences (within --words).")
@click.option("--analysis", is_flag=True,
              help="Also list every sentence with its annotations (terminal and Markdown).")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar; errors only.")
def brief(sources: tuple[str, ...], story_id: int | None, db: str | None, fmt: str | None,
          output: Path | None, published: str | None, fast: bool, allow_private: bool,
          max_size: float, timeout: float, words: int, sentences: int | None, analysis: bool,
          quiet: bool) -> None:
    """Read SOURCE... (files, folders, URLs, feeds, or - for stdin) and print their brief.

    Plain text, HTML, JSON, JSON Lines and RSS/Atom are recognised by extension or content.
    A source that cannot be read is reported on one line and the others go on; the exit status
    is 1 only when nothing could be read. With --story ID, brief a story of the store instead
    (its saved brief when no report has joined it since).
    """
    if story_id is not None and sources:
        raise click.UsageError("give SOURCE... or --story ID, not both")
    if story_id is None and not sources:
        raise click.UsageError("give SOURCE... to read, or --story ID from the store")
    config = Config(published=published, allow_private=allow_private, timeout=timeout,
                    max_bytes=int(max_size * MB), entities="rules" if fast else "spacy",
                    words=words, sentences=sentences)
    if fmt is None:
        if output is not None:
            fmt = _EXT_FORMAT.get(output.suffix.lower(), "json")
        else:
            fmt = "terminal" if sys.stdout.isatty() else "json"
    if story_id is not None:
        result = _guarded(lambda: _stored_brief(db, story_id, config), "interrupted")
    else:
        result = _guarded(lambda: _run(sources, config, quiet, output), "interrupted")

    for err in result.errors:
        _fail(str(err))
    if not result.articles:
        _fail("nothing could be read")
        sys.exit(1)
    undated = _undated_weekdays(result.articles)
    if undated and len(result.articles) > 1 and not quiet:
        click.echo(f"{undated} of {len(result.articles)} reports carry no publication date: the "
                   "days they name by weekday (\"on Monday\") are not set against other "
                   "reports' days; give --date YYYY-MM-DD if you know it", err=True)

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
@_db_option
@click.option("--allow-private", is_flag=True,
              help="Let URL fetching reach private, loopback and link-local addresses.")
def serve(host: str, port: int, db: str | None, allow_private: bool) -> None:
    """Run the web app: paste, upload or link reports and read the brief; browse the stored
    stories at /stories; JSON API at /api/brief and /api/stories, described at /docs."""
    import uvicorn

    from crossread.web.app import create_app

    _open_store(db).close()  # a bad --db is reported now, not on the first page view
    click.echo(f"crossread {__version__} serving on http://{host}:{port}/ (API: /docs)")
    uvicorn.run(create_app(allow_private=allow_private, db=db), host=host, port=port,
                log_level="warning")


def _undated_weekdays(articles) -> int:
    """Reports without a publication date that name a day only by its weekday: the weekday
    cannot be resolved to a date, and compare.days sets such days of different reports apart
    (they may be of different weeks)."""
    return sum(not a.published and any(t.kind == "weekday" and not t.value
                                       for s in a.sentences for t in s.times)
               for a in articles)


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
    with _progress_bar() as bar:
        task = bar.add_task("reading", total=len(expanded))

        def step(_src: str) -> None:
            bar.advance(task)

        def read_done(n: int) -> None:
            bar.update(task, description="analysing", completed=0, total=n)

        return build_brief(expanded, config, progress=step, on_read=read_done)

def _open_store(db: str | None):
    from crossread.store import StoreError, open_store

    try:
        return open_store(db)
    except StoreError as exc:
        _fail(str(exc))
        sys.exit(2)


def _stored_brief(db: str | None, story_id: int, config: Config):
    from crossread.corpus import story_brief

    store = _open_store(db)
    try:
        result = story_brief(store, story_id, config)
    finally:
        store.close()
    if result is None:
        _fail(f"no story {story_id} in {store.url} (see `crossread stories`)")
        sys.exit(1)
    return result


def _guarded(job, interrupted: str = "interrupted (every batch committed before it is kept)"):
    """Run a command's body: one line for every failure, never a traceback."""
    try:
        return job()
    except KeyboardInterrupt:
        _fail(interrupted)
        sys.exit(130)
    except Exception as exc:
        # only a command that opened a store can raise StoreError: importing the store here
        # would put SQLAlchemy in every `crossread brief`'s start-up
        errors = sys.modules.get("crossread.store.errors")
        if errors is not None and isinstance(exc, errors.StoreError):
            _fail(str(exc))
            sys.exit(2)
        if os.environ.get("CROSSREAD_DEBUG"):
            traceback.print_exc()
        _fail(f"internal error: {type(exc).__name__}: {exc} (set CROSSREAD_DEBUG=1 for details)")
        sys.exit(3)


def _progress_bar():
    """The one progress bar of the commands: on standard error, gone when done. rich is
    imported here, only when a bar is shown."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                    console=Console(stderr=True), transient=True)


def _hint_reindex(store) -> None:
    """One line when the store's stories were indexed by another version of crossread."""
    from crossread.corpus import features_current

    if not _guarded(lambda: features_current(store)):
        click.echo(f"{store.url}: its stories were indexed by another version of crossread; "
                   "run `crossread reindex` so new reports are matched against them alike",
                   err=True)


def _report_line(report) -> str:
    parts = [f"{report.read} read", f"{report.stored} stored"]
    if report.skipped:
        parts.append(f"{report.skipped} already stored")
    if report.copies:
        parts.append(f"{report.copies} copies")
    parts.append(f"{report.new_stories} new stories")
    parts.append(f"{report.joined} joined a story")
    if report.merges:
        parts.append(f"{report.merges} merged")
    parts.append(f"{report.briefs_built} briefs updated")
    return ", ".join(parts)


def _corpus_config(published: str | None, fast: bool, allow_private: bool,
                   timeout: float) -> Config:
    return Config(published=published, allow_private=allow_private, timeout=timeout,
                  entities="rules" if fast else "spacy")


@main.command()
@click.argument("sources", nargs=-1, required=True, metavar="SOURCE...")
@_db_option
@click.option("--date", "published", callback=_check_date, metavar="YYYY-MM-DD",
              help="Publication date for inputs that carry none.")
@click.option("--fast", is_flag=True, help="Rule-based entities for the briefs (faster).")
@click.option("--no-briefs", is_flag=True,
              help="Only store and cluster; briefs are built when first asked for "
                   "(for bulk loads).")
@_fetch_options
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary line.")
def ingest(sources: tuple[str, ...], db: str | None, published: str | None, fast: bool,
           no_briefs: bool, allow_private: bool, timeout: float, quiet: bool) -> None:
    """Add SOURCE... (files, folders, URLs, feeds, JSON Lines dumps) to the story store.

    Each article joins the story it belongs to or starts a new one; near-identical copies are
    kept as copies of one report; the same article twice is stored once. The briefs of the
    stories that changed are rebuilt. Work is committed a batch at a time, so an interrupted
    run keeps every batch it finished.
    """
    from crossread.corpus import ingest as run_ingest
    from crossread.ingest import expand_sources

    config = _corpus_config(published, fast, allow_private, timeout)
    store = _open_store(db)
    _hint_reindex(store)
    expanded = list(expand_sources(sources))

    def job():
        if quiet or not sys.stderr.isatty():
            return run_ingest(store, expanded, config, briefs=not no_briefs)
        with _progress_bar() as bar:
            task = bar.add_task("reading", total=len(expanded))

            def read_done(n: int) -> None:
                bar.update(task, description="storing", completed=0, total=n)

            return run_ingest(store, expanded, config, briefs=not no_briefs,
                              progress=lambda _src: bar.advance(task), on_read=read_done)

    try:
        report = _guarded(job)
    finally:
        store.close()
    for err in report.errors:
        _fail(str(err))
    if not quiet:
        click.echo(f"{_report_line(report)} ({store.url})", err=True)
    if report.read == 0:
        _fail("nothing could be read")
        sys.exit(1)


@main.command()
@_db_option
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary line.")
def reindex(db: str | None, quiet: bool) -> None:
    """Recompute the stored stories' features with this version of crossread.

    Run it once after upgrading crossread: every stored article is cleaned again and gets this
    version's names, vector and near-copy signature, and every story its state, so that new
    articles are matched against stories made the same way. Stories, their ids and members,
    copies and merges are kept. Committed a batch of stories at a time: an interrupted run
    keeps what it finished and can be run again.
    """
    from crossread.corpus import reindex as run_reindex

    store = _open_store(db)

    def job():
        if quiet or not sys.stderr.isatty():
            return run_reindex(store)
        with store.transaction(readonly=True) as tx:
            total = len(tx.live_story_ids())
        with _progress_bar() as bar:
            task = bar.add_task("reindexing stories", total=total)
            return run_reindex(store, progress=lambda n: bar.advance(task, n))

    try:
        n_stories, n_articles = _guarded(job)
    finally:
        store.close()
    if not quiet:
        stories_word = "story" if n_stories == 1 else "stories"
        articles_word = "article" if n_articles == 1 else "articles"
        click.echo(f"reindexed {n_stories} {stories_word}, {n_articles} {articles_word} "
                   f"({store.url})", err=True)


@main.command()
@_db_option
@click.option("-f", "--format", "fmt", type=click.Choice(("table", "json")),
              help="Default: a table on a terminal, JSON otherwise.")
@click.option("-n", "--limit", type=click.IntRange(min=0), default=None,
              help="Show the N most recently updated stories (0 or unset: all).")
def stories(db: str | None, fmt: str | None, limit: int | None) -> None:
    """List the stored stories, most recently updated first: size, outlets, first and last
    seen, headline."""
    store = _open_store(db)
    try:
        rows, merges = _guarded(lambda: _list_stories(store, limit or None))
    finally:
        store.close()
    if fmt is None:
        fmt = "table" if sys.stdout.isatty() else "json"
    if fmt == "json":
        import json

        from crossread.model import to_dict

        click.echo(json.dumps([_story_json(to_dict(s)) for s in rows], ensure_ascii=False,
                              indent=1))
        return
    _story_table(rows, store.url)
    if merges:
        shown = ", ".join(f"{m.from_story} → {m.into_story}" for m in merges[-10:])
        click.echo(f"{len(merges)} merges of stories that proved to be one (latest: {shown})")


def _list_stories(store, limit: int | None):
    with store.transaction(readonly=True) as tx:
        return tx.list_stories(limit=limit), tx.merges()


def _story_json(story: dict) -> dict:
    return {"id": story["id"], "headline": story["headline"], "articles": story["articles"],
            "first_seen": story["first_seen"], "last_seen": story["last_seen"]}


def _story_table(rows, where: str) -> None:
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    console = Console()
    if not rows:
        console.print(f"No stories in {escape(where)} yet: add reports with `crossread ingest`.")
        return
    table = Table(title=f"{len(rows)} stories in {escape(where)}", title_justify="left")
    # the headline is what a reader scans for: it gets the width a narrow terminal has left,
    # and the times keep to one line ("2026-11-23 09:05") instead of wrapping
    for name, kw in (("id", {"justify": "right", "no_wrap": True}),
                     ("reports", {"justify": "right"}), ("outlets", {"max_width": 16}),
                     ("first → last seen", {"no_wrap": True}), ("headline", {})):
        table.add_column(name, **kw)
    for s in rows:
        independent = [a for a in s.articles if not a.copy_of]
        copies = len(s.articles) - len(independent)
        outlets = sorted({a.outlet for a in independent if a.outlet})
        shown = ", ".join(outlets[:MAX_OUTLETS]) + (
            f" +{len(outlets) - MAX_OUTLETS} more" if len(outlets) > MAX_OUTLETS else "")
        size = f"{len(independent)}" + (f" +{copies} copies" if copies else "")
        table.add_row(str(s.id), size, escape(shown), _seen(s.first_seen, s.last_seen),
                      escape(s.headline or "(no headline)"))
    console.print(table)


MAX_OUTLETS = 3  # per row of `crossread stories`; the JSON lists every article


def _seen(first: str, last: str) -> str:
    """"2026-11-23 09:05 → 11:40", the day written once when both times are on it."""
    a, b = first[:16].replace("T", " "), last[:16].replace("T", " ")
    return f"{a} → {b[11:] if b[:10] == a[:10] else b}"


@main.command()
@click.argument("feeds", nargs=-1, required=True, metavar="FEED...")
@_db_option
@click.option("--interval", type=click.FloatRange(min=1), default=300, show_default=True,
              metavar="SECONDS", help="Time between polls.")
@click.option("--once", is_flag=True, help="Poll once and exit.")
@click.option("--fast", is_flag=True, help="Rule-based entities for the briefs (faster).")
@_fetch_options
def watch(feeds: tuple[str, ...], db: str | None, interval: float, once: bool, fast: bool,
          allow_private: bool, timeout: float) -> None:
    """Poll FEED... (RSS/Atom URLs or files) and keep the store current: new entries join
    their stories and only the briefs of the stories they touched are rebuilt. Feed URLs are
    fetched with conditional requests (ETag / Last-Modified), so an unchanged feed costs one
    short answer from its server. Ctrl-C stops."""
    import time

    from crossread.corpus import ingest as run_ingest
    from crossread.ingest.fetch import Revalidation

    config = _corpus_config(None, fast, allow_private, timeout)
    store = _open_store(db)
    _hint_reindex(store)
    revalidation = Revalidation()  # lives as long as the watch: what each feed last was
    try:
        while True:
            revalidation.unchanged.clear()
            report = _guarded(lambda: run_ingest(store, feeds, config,
                                                 revalidation=revalidation))
            for err in report.errors:
                _fail(str(err))
            stamp = time.strftime("%H:%M:%S")
            touched = ", ".join(map(str, report.touched[:10])) or "none"
            n = len(revalidation.unchanged)
            same = f"{n} feed{'s' if n != 1 else ''} unchanged; " if n else ""
            click.echo(f"{stamp} {same}{_report_line(report)}; stories updated: {touched}",
                       err=True)
            if once:
                return
            try:
                time.sleep(interval)
            except KeyboardInterrupt:
                click.echo("stopped", err=True)
                return
    finally:
        store.close()


if __name__ == "__main__":  # pragma: no cover
    main()
