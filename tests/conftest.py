"""Shared test helpers.

The shared folder (../shared next to the repository) holds seed articles and data sets. Tests
that need it skip when it is missing, except on CI (CI=true), where a missing folder fails.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The shared folder; skip (locally) or fail (CI=true) when it is not there."""
    if not SHARED.is_dir():
        message = f"shared folder not found at {SHARED}"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{message} (required on CI)")
        pytest.skip(message)
    return SHARED


@pytest.fixture(scope="session")
def pg_url() -> str:
    """The PostgreSQL server for the store tests ($CROSSREAD_TEST_PG_URL; `.ci/postgres.sh`
    starts one and prints it); skip (locally) or fail (CI=true) when it is not set."""
    url = os.environ.get("CROSSREAD_TEST_PG_URL", "")
    if not url:
        message = "CROSSREAD_TEST_PG_URL is not set (start a server with .ci/postgres.sh)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{message} (required on CI)")
        pytest.skip(message)
    return url


@pytest.fixture(params=["sqlite", "postgresql"])
def store_target(request: pytest.FixtureRequest, tmp_path: Path):
    """A place for a fresh store: an SQLite file path, or a PostgreSQL URL whose search_path is
    a new empty schema (dropped afterwards), so every test starts from nothing."""
    if request.param == "sqlite":
        yield str(tmp_path / "store" / "crossread.db")
        return
    import uuid

    import sqlalchemy as sa

    base = sa.make_url(request.getfixturevalue("pg_url")).set(drivername="postgresql+psycopg")
    schema = f"test_{uuid.uuid4().hex[:16]}"
    admin = sa.create_engine(base)
    with admin.begin() as connection:
        connection.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    try:
        url = base.update_query_dict({"options": f"-csearch_path={schema}"})
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as connection:
            connection.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')
        admin.dispose()
