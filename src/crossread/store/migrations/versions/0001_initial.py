"""Corpus mode: articles, their LSH bands and keys, stories, memberships, briefs, merges.

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("external_id", sa.Text(), nullable=True),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("outlet", sa.Text(), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("published", sa.Text(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("record", sa.Text(), nullable=False),
        sa.Column("ingested_at", sa.Text(), nullable=False),
        sa.Column("copy_of", sa.Text(), nullable=True),
        sa.Column("vector", sa.LargeBinary(), nullable=False),
        sa.Column("signature", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["copy_of"], ["articles.id"], name="fk_articles_copy_of_articles"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_articles"),
    )
    op.create_index("ix_articles_external_id", "articles", ["external_id"])
    op.create_index("ix_articles_copy_of", "articles", ["copy_of"])

    op.create_table(
        "article_bands",
        sa.Column("band", sa.SmallInteger(), nullable=False),
        sa.Column("hash", sa.BigInteger(), nullable=False),
        sa.Column("article_id", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], name="fk_article_bands_article_id_articles"
        ),
        sa.PrimaryKeyConstraint("band", "hash", "article_id", name="pk_article_bands"),
    )

    op.create_table(
        "article_keys",
        sa.Column("article_id", sa.Text(), nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], name="fk_article_keys_article_id_articles"
        ),
        sa.PrimaryKeyConstraint("article_id", "key", name="pk_article_keys"),
    )
    op.create_index("ix_article_keys_key", "article_keys", ["key"])

    op.create_table(
        "stories",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("headline", sa.Text(), nullable=True),
        sa.Column("first_seen", sa.Text(), nullable=False),
        sa.Column("last_seen", sa.Text(), nullable=False),
        sa.Column("size", sa.Integer(), server_default="0", nullable=False),
        sa.Column("centroid", sa.LargeBinary(), nullable=True),
        sa.Column("first_published", sa.Text(), nullable=True),
        sa.Column("last_published", sa.Text(), nullable=True),
        sa.Column("merged_into", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["merged_into"], ["stories.id"], name="fk_stories_merged_into_stories"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_stories"),
    )
    op.create_index(
        "ix_stories_merged_into_last_seen_id", "stories", ["merged_into", "last_seen", "id"]
    )

    op.create_table(
        "story_keys",
        sa.Column("story_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["story_id"], ["stories.id"], name="fk_story_keys_story_id_stories"
        ),
        sa.PrimaryKeyConstraint("story_id", "key", name="pk_story_keys"),
    )
    op.create_index("ix_story_keys_key_story_id", "story_keys", ["key", "story_id"])

    op.create_table(
        "memberships",
        sa.Column("article_id", sa.Text(), nullable=False),
        sa.Column("story_id", sa.Integer(), nullable=False),
        sa.Column("joined_at", sa.Text(), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], name="fk_memberships_article_id_articles"
        ),
        sa.ForeignKeyConstraint(
            ["story_id"], ["stories.id"], name="fk_memberships_story_id_stories"
        ),
        sa.PrimaryKeyConstraint("article_id", name="pk_memberships"),
    )
    op.create_index("ix_memberships_story_id_seq", "memberships", ["story_id", "seq"])
    op.create_index("ix_memberships_seq", "memberships", ["seq"])

    op.create_table(
        "briefs",
        sa.Column("story_id", sa.Integer(), nullable=False),
        sa.Column("json", sa.Text(), nullable=False),
        sa.Column("digest", sa.Text(), nullable=False),
        sa.Column("built_at", sa.Text(), nullable=False),
        sa.Column("schema_version", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["story_id"], ["stories.id"], name="fk_briefs_story_id_stories"),
        sa.PrimaryKeyConstraint("story_id", name="pk_briefs"),
    )

    op.create_table(
        "merges",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("from_story", sa.Integer(), nullable=False),
        sa.Column("into_story", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("at", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["from_story"], ["stories.id"], name="fk_merges_from_story_stories"
        ),
        sa.ForeignKeyConstraint(
            ["into_story"], ["stories.id"], name="fk_merges_into_story_stories"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_merges"),
    )


def downgrade() -> None:
    for table in (
        "merges", "briefs", "memberships", "story_keys", "stories", "article_keys",
        "article_bands", "articles",
    ):
        op.drop_table(table)
