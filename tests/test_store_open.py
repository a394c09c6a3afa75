"""Opening the store: where it is, and one-line StoreErrors for every target a user can get
wrong, on SQLite and PostgreSQL."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import sqlalchemy as sa

from crossread.store import StoreError, default_url, open_store


def one_line_error(target: str) -> str:
    with pytest.raises(StoreError) as caught:
        open_store(target)
    message = str(caught.value)
    assert "\n" not in message and "Traceback" not in message
    return message


def test_a_path_is_an_sqlite_file_and_missing_folders_are_created(tmp_path: Path) -> None:
    target = tmp_path / "deep" / "er" / "crossread.db"
    store = open_store(str(target))
    assert store.url == f"sqlite:///{target}"
    store.close()
    assert target.is_file()
    again = open_store(f"sqlite:///{target}")
    with again.transaction() as tx:
        assert tx.article_count() == 0
    again.close()


def test_sqlite_runs_in_wal_mode_with_foreign_keys(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "x.db"))
    with store.transaction() as tx:
        connection = tx._db
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() > 0
    store.close()


def test_no_target_means_the_environment_then_the_user_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CROSSREAD_DB", str(tmp_path / "env.db"))
    store = open_store(None)
    assert store.url.endswith("env.db")
    store.close()
    monkeypatch.delenv("CROSSREAD_DB")
    assert default_url().startswith("sqlite:///") and default_url().endswith("crossread.db")


def test_a_directory_is_refused(tmp_path: Path) -> None:
    message = one_line_error(str(tmp_path))
    assert str(tmp_path) in message and "directory" in message


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("these are my notes, not a database\n" * 200)
    message = one_line_error(str(notes))
    assert str(notes) in message and "not an SQLite database" in message
    assert notes.read_text().startswith("these are my notes")


def test_a_folder_that_cannot_be_created_is_refused(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    message = one_line_error(str(tmp_path / "file" / "sub" / "x.db"))
    assert "cannot create folder" in message


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_an_unwritable_folder_is_refused(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        assert "not writable" in one_line_error(str(locked / "x.db"))
    finally:
        locked.chmod(0o700)


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("mysql://u:secret@localhost/db", "unsupported database"),
        ("sqlite://", "not memory"),
        ("postgresql://u:secret@127.0.0.1:notaport/db", "not a valid database URL"),
        ("postgresql://u:secret@127.0.0.1:5432", "names no database"),
    ],
)
def test_bad_urls_are_refused_without_showing_the_password(target: str, expected: str) -> None:
    message = one_line_error(target)
    assert expected in message and "secret" not in message


def test_an_unreachable_postgresql_server_is_refused_quickly() -> None:
    # port 1 on loopback: nothing listens, the connection is refused at once
    message = one_line_error("postgresql://crossread:secret@127.0.0.1:1/crossread?connect_timeout=2")
    assert "127.0.0.1:1" in message and "secret" not in message and "***" in message
    assert "refused" in message.lower() or "failed" in message.lower()


def test_a_wrong_postgresql_password_is_refused(pg_url: str) -> None:
    url = sa.make_url(pg_url).set(password="wrong-password")
    message = one_line_error(url.render_as_string(hide_password=False))
    assert "wrong-password" not in message and "password authentication failed" in message


def test_a_missing_postgresql_database_is_refused(pg_url: str) -> None:
    url = sa.make_url(pg_url).set(database="no_such_database_here")
    message = one_line_error(url.render_as_string(hide_password=False))
    assert "no_such_database_here" in message and "does not exist" in message
