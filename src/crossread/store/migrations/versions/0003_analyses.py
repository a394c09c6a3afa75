"""analyses: each article's analysed sentences, so a brief rebuild analyses new reports only.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "analyses",
        sa.Column("article_id", sa.Text(), nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("sentences", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"],
                                name="fk_analyses_article_id_articles"),
        sa.PrimaryKeyConstraint("article_id", name="pk_analyses"),
    )


def downgrade() -> None:
    op.drop_table("analyses")
