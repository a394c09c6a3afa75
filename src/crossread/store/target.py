"""Where the store lives: a path, an SQLite URL or a PostgreSQL URL, turned into one URL."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from crossread.store.errors import StoreError

ENV_VAR = "CROSSREAD_DB"
SQLITE = "sqlite"
POSTGRESQL = "postgresql+psycopg"
_POSTGRES_SCHEMES = {"postgresql", "postgres", "postgresql+psycopg"}


def default_url() -> str:
    """The SQLite file `crossread.db` in the user's data folder."""
    path = Path(platformdirs.user_data_dir("crossread")) / "crossread.db"
    return f"sqlite:///{path}"


def masked(url: URL) -> str:
    return url.render_as_string(hide_password=True)


def resolve(target: str | os.PathLike[str] | None) -> URL:
    """The database URL for `target`: None → $CROSSREAD_DB → `default_url()`; a string with
    "://" is a URL, anything else a file path (an SQLite file)."""
    if target is None:
        target = os.environ.get(ENV_VAR) or default_url()
    target = os.fspath(target)
    if "://" not in target:
        if not target.strip():
            raise StoreError("cannot open store: empty database path")
        return URL.create(SQLITE, database=str(Path(target).expanduser().absolute()))
    try:
        url = make_url(target)
    except (ArgumentError, ValueError):
        # the text may hold a password: show only its scheme
        scheme = target.split("://", 1)[0]
        raise StoreError(f"cannot open store {scheme}://...: not a valid database URL") from None
    if url.drivername in _POSTGRES_SCHEMES:
        url = url.set(drivername=POSTGRESQL)
        if not url.database:
            raise StoreError(f"cannot open store {masked(url)}: the URL names no database")
        return url
    if url.drivername in (SQLITE, "sqlite+pysqlite"):
        if not url.database or url.database == ":memory:":
            # each pooled connection would get its own empty database
            raise StoreError(f"cannot open store {masked(url)}: give an SQLite file, not memory")
        return url.set(drivername=SQLITE)
    raise StoreError(
        f"cannot open store {masked(url)}: unsupported database "
        f"{url.drivername!r} (use a file path, sqlite:/// or postgresql://)"
    )
