"""Opening the store, and its transactions."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy.engine import URL, Engine
from sqlalchemy.exc import DBAPIError, OperationalError

from crossread.store.engine import READONLY, create_engine
from crossread.store.errors import StoreError
from crossread.store.migrate import upgrade
from crossread.store.target import masked, resolve
from crossread.store.tx import Tx


class Store:
    """A migrated database. Use it through `transaction()`; `close()` when done."""

    def __init__(self, engine: Engine, url: str) -> None:
        self._engine = engine
        self.url = url  # for display: the password is masked

    @contextmanager
    def transaction(self, *, readonly: bool = False) -> Iterator[Tx]:
        """Commit when the block ends normally; roll back on any exception, KeyboardInterrupt
        included, so a batch is stored whole or not at all. `readonly` transactions never wait
        for a writer (SQLite) and refuse to write (PostgreSQL)."""
        try:
            connection = self._engine.connect()
        except OperationalError as error:
            raise StoreError(f"store {self.url}: {describe(error)}") from error
        try:
            if readonly:
                connection.execution_options(**{READONLY: True})
            connection.begin()
            if readonly and connection.dialect.name == "postgresql":
                connection.exec_driver_sql("SET TRANSACTION READ ONLY")
            try:
                yield Tx(connection)
            except BaseException:
                connection.rollback()
                raise
            connection.commit()
        except OperationalError as error:
            # the server went away, the disk is full, another writer held the lock too long
            raise StoreError(f"store {self.url}: {describe(error)}") from error
        finally:
            connection.close()

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self.url!r})"


def open_store(target: str | os.PathLike[str] | None = None) -> Store:
    """Open (creating and migrating to the current schema when needed) the store at `target`:
    a file path (an SQLite file; missing folders are created), an `sqlite:///` URL or a
    `postgresql://` URL. None means $CROSSREAD_DB, else `default_url()`.
    Raises StoreError, with a one-line message, for anything wrong with the target."""
    url = resolve(target)
    display = masked(url)
    if url.get_backend_name() == "sqlite":
        _prepare_sqlite_file(url, display)
    engine = create_engine(url)
    try:
        upgrade(engine, display)
    except StoreError:
        engine.dispose()
        raise
    except Exception as error:  # whatever the driver or Alembic raise, the user gets one line
        engine.dispose()
        raise StoreError(f"cannot open store {display}: {describe(error)}") from error
    return Store(engine, display)


def describe(error: BaseException) -> str:
    """The first line of what the database said, in words a user can act on."""
    cause = error.orig if isinstance(error, DBAPIError) and error.orig is not None else error
    lines = str(cause).strip().splitlines()
    text = lines[0].strip() if lines else type(cause).__name__
    if "file is not a database" in text:
        return "the file is not an SQLite database"
    if "unable to open database file" in text:
        return "cannot open the file (is its folder writable?)"
    if "readonly database" in text:
        return "the file or its folder is read-only"
    return text


def _prepare_sqlite_file(url: URL, display: str) -> None:
    path = Path(url.database or "")
    if path.is_dir():
        raise StoreError(f"cannot open store {display}: it is a directory, not a database file")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        reason = error.strerror or str(error)
        raise StoreError(
            f"cannot open store {display}: cannot create folder {path.parent}: {reason}"
        ) from error
    if path.exists() and not os.access(path, os.R_OK | os.W_OK):
        raise StoreError(f"cannot open store {display}: permission denied")
    if not path.exists() and not os.access(path.parent, os.W_OK):
        raise StoreError(f"cannot open store {display}: folder {path.parent} is not writable")
