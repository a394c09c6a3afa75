"""The tables. The migrations in `migrations/versions` build exactly this (a test compares them).

Text columns hold ISO dates and date-times as strings: they sort correctly as text, and the
model carries them as strings. Vectors and MinHash signatures are little-endian bytes
(float32 and uint64), see `codec`.
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

articles = sa.Table(
    "articles",
    metadata,
    sa.Column("id", sa.Text, primary_key=True),  # content hash
    sa.Column("external_id", sa.Text),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("outlet", sa.Text),
    sa.Column("url", sa.Text),
    sa.Column("title", sa.Text),
    sa.Column("published", sa.Text),
    sa.Column("text", sa.Text, nullable=False),  # as read, in full: every offset points into it
    # the Article record (model.to_dict) without sentences, and without the text, which is the
    # column above: keeping it twice would double the largest thing stored
    sa.Column("record", sa.Text, nullable=False),
    sa.Column("ingested_at", sa.Text, nullable=False),
    sa.Column("copy_of", sa.Text, sa.ForeignKey("articles.id")),
    sa.Column("vector", sa.LargeBinary, nullable=False),
    sa.Column("signature", sa.LargeBinary, nullable=False),
    sa.Index(None, "external_id"),
    sa.Index(None, "copy_of"),
)

# The primary key (band, hash, article_id) is the (band, hash) lookup band_candidates needs,
# and covers it: the article ids come straight from the index.
article_bands = sa.Table(
    "article_bands",
    metadata,
    sa.Column("band", sa.SmallInteger, primary_key=True),
    sa.Column("hash", sa.BigInteger, primary_key=True),  # signed 64-bit
    sa.Column("article_id", sa.Text, sa.ForeignKey("articles.id"), primary_key=True),
)

article_keys = sa.Table(
    "article_keys",
    metadata,
    sa.Column("article_id", sa.Text, sa.ForeignKey("articles.id"), primary_key=True),
    sa.Column("key", sa.Text, primary_key=True),
    sa.Index(None, "key"),
)

stories = sa.Table(
    "stories",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("headline", sa.Text),
    sa.Column("first_seen", sa.Text, nullable=False),
    sa.Column("last_seen", sa.Text, nullable=False),
    sa.Column("size", sa.Integer, nullable=False, server_default="0"),
    sa.Column("centroid", sa.LargeBinary),  # NULL until the first save_story_state
    sa.Column("first_published", sa.Text),
    sa.Column("last_published", sa.Text),
    sa.Column("merged_into", sa.Integer, sa.ForeignKey("stories.id")),
    # live stories (merged_into IS NULL) newest first: recent_stories and list_stories walk it
    # backwards, story_count counts its NULL prefix, merges find stories merged into one
    sa.Index(None, "merged_into", "last_seen", "id"),
)

story_keys = sa.Table(
    "story_keys",
    metadata,
    sa.Column("story_id", sa.Integer, sa.ForeignKey("stories.id"), primary_key=True),
    sa.Column("key", sa.Text, primary_key=True),
    sa.Column("count", sa.Integer, nullable=False),
    # key_candidates and key_story_counts: (key) → story ids without touching the table
    sa.Index(None, "key", "story_id"),
)

# How many live stories name each key, kept up to date with story_keys: the IDF of a name is
# then one primary-key lookup, where counting story_keys would cost as many rows as stories
# naming it (tens of thousands for "Trump" in a big store) for every article ingested.
key_stories = sa.Table(
    "key_stories",
    metadata,
    sa.Column("key", sa.Text, primary_key=True),
    sa.Column("stories", sa.Integer, nullable=False),
)

memberships = sa.Table(
    "memberships",
    metadata,
    sa.Column("article_id", sa.Text, sa.ForeignKey("articles.id"), primary_key=True),
    sa.Column("story_id", sa.Integer, sa.ForeignKey("stories.id"), nullable=False),
    sa.Column("joined_at", sa.Text, nullable=False),
    # store-wide join order: joined_at alone ties within one batch, and merges interleave stories
    sa.Column("seq", sa.BigInteger, nullable=False),
    sa.Index(None, "story_id", "seq"),
    sa.Index(None, "seq"),
)

briefs = sa.Table(
    "briefs",
    metadata,
    sa.Column("story_id", sa.Integer, sa.ForeignKey("stories.id"), primary_key=True),
    sa.Column("json", sa.Text, nullable=False),
    sa.Column("digest", sa.Text, nullable=False),
    sa.Column("built_at", sa.Text, nullable=False),
    sa.Column("schema_version", sa.Text, nullable=False),
)

# Each article's analysis (its `sentences`, as model.to_dict JSON), kept once a brief needed
# it: the spaCy pass is ~90% of a brief's cost, so a story's brief is rebuilt on the arrival of
# one report by analysing that report only. `key` names the analysis code and settings that
# made it (`crossread.analyse.analysis_key`); a row with another key is stale and recomputed.
analyses = sa.Table(
    "analyses",
    metadata,
    sa.Column("article_id", sa.Text, sa.ForeignKey("articles.id"), primary_key=True),
    sa.Column("key", sa.Text, nullable=False),
    sa.Column("sentences", sa.Text, nullable=False),
)

merges = sa.Table(
    "merges",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("from_story", sa.Integer, sa.ForeignKey("stories.id"), nullable=False),
    sa.Column("into_story", sa.Integer, sa.ForeignKey("stories.id"), nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("at", sa.Text, nullable=False),
)
