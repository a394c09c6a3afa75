"""Bring a database to the schema this code knows, with Alembic, from inside the package."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection, Engine

from crossread.store.errors import StoreError

MIGRATIONS = Path(__file__).with_name("migrations")
# any constant: serialises first-time migrations of one PostgreSQL database by several processes
_PG_LOCK_KEY = 0x63726F7373726561  # "crossrea"


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic config for our migrations; `migrations/env.py` runs on `connection`.
    (Developers: `command.revision(alembic_config(conn), "message", autogenerate=True)`.)"""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def upgrade(engine: Engine, display: str) -> None:
    """Migrate to head in one transaction; a no-op when already there. Raises StoreError when
    the database was migrated by a newer crossread."""
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_PG_LOCK_KEY})")
        config = alembic_config(connection)
        script = ScriptDirectory.from_config(config)
        current = set(MigrationContext.configure(connection).get_current_heads())
        known = {revision.revision for revision in script.walk_revisions()}
        unknown = sorted(current - known)
        if unknown:
            raise StoreError(
                f"cannot open store {display}: its schema (revision {', '.join(unknown)}) is "
                f"newer than this crossread knows (up to {script.get_current_head()}); "
                "upgrade crossread"
            )
        if current != set(script.get_heads()):
            command.upgrade(config, "head")
