"""Alembic environment: always run from `crossread.store.migrate` on a connection it passes in
(there is no alembic.ini and no offline mode)."""

from __future__ import annotations

from alembic import context

from crossread.store.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None or context.is_offline_mode():
    raise RuntimeError("run crossread migrations through crossread.store.migrate")

context.configure(
    connection=connection,
    target_metadata=metadata,
    # SQLite cannot ALTER most things: later migrations rebuild tables in batch mode there
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
