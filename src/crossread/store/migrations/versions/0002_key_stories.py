"""key_stories: how many live stories name each key, so a key's IDF is one lookup.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "key_stories",
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("stories", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("key", name="pk_key_stories"),
    )
    # a store made by 0001 already has stories: count them once
    op.execute("INSERT INTO key_stories (key, stories) "
               "SELECT key, COUNT(*) FROM story_keys GROUP BY key")


def downgrade() -> None:
    op.drop_table("key_stories")
