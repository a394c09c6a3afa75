"""The statements run once per article or per query, built once: building a SQLAlchemy
statement (and its cache key) costs more than SQLite takes to run it."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from crossread.store.schema import (
    article_bands,
    article_keys,
    articles,
    memberships,
    stories,
    story_keys,
)

LIVE = stories.c.merged_into.is_(None)


@cache
def band_candidates(bands: int) -> Any:
    """Articles sharing (band i, hash h_i) for any i, most shared first; binds h0.., limit."""
    b = article_bands.c
    # one equality per band: both engines answer an OR of these from the primary key index,
    # one range per term
    match = sa.or_(
        *(sa.and_(b.band == band, b.hash == sa.bindparam(f"h{band}", type_=sa.BigInteger))
          for band in range(bands))
    )
    shared = sa.func.count().label("shared")
    top = (
        sa.select(b.article_id, shared)
        .where(match)
        .group_by(b.article_id)
        .order_by(shared.desc(), b.article_id)
        .limit(sa.bindparam("limit", type_=sa.Integer))
        .subquery()
    )
    return (
        sa.select(top.c.article_id, articles.c.signature)
        .join(articles, articles.c.id == top.c.article_id)
        .order_by(top.c.shared.desc(), top.c.article_id)
    )


@cache
def insert_article(dialect: str) -> Any:
    """Insert an article unless its id is stored; returns the id only when inserted."""
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    return (
        insert(articles)
        .on_conflict_do_nothing(index_elements=["id"])
        .returning(articles.c.id)
    )


# the next value of the store-wide join sequence, taken in the insert itself
INSERT_MEMBERSHIP = sa.insert(memberships).from_select(
    ["article_id", "story_id", "joined_at", "seq"],
    sa.select(
        sa.bindparam("article_id", type_=sa.Text),
        sa.bindparam("story_id", type_=sa.Integer),
        sa.bindparam("joined_at", type_=sa.Text),
        sa.func.coalesce(sa.func.max(memberships.c.seq), 0) + 1,
    ),
)

TOUCH_STORY = (
    sa.update(stories)
    .where(stories.c.id == sa.bindparam("b_story"))
    .values(last_seen=sa.bindparam("b_now"))
)

_shared = sa.func.count().label("shared")
# story_keys holds live stories only (merges drop the merged story's keys, and a merged story's
# state cannot be saved), so these are index-only scans of (key, story_id)
# A list of keys is bound as ONE parameter (a JSON array on SQLite, a text[] on PostgreSQL):
# an expanding IN renders a placeholder per key on every call, and key_story_counts is asked for
# every key of every candidate story (hundreds), where rendering cost more than the lookups.
_KEYS_IN = {
    "sqlite": "{column} IN (SELECT value FROM json_each(:keys))",
    "postgresql": "{column} = ANY(CAST(:keys AS text[]))",
}


def keys_param(dialect: str, keys: list[str]) -> Any:
    """The value to bind as :keys in the statements below."""
    return json.dumps(keys) if dialect == "sqlite" else keys


@cache
def key_candidates(dialect: str) -> Any:
    """Live stories naming any of :keys, the most shared first; binds keys, limit."""
    keys_in = _KEYS_IN[dialect].format(column="key")
    return sa.text(
        f"SELECT story_id FROM story_keys WHERE {keys_in} "
        "GROUP BY story_id ORDER BY count(*) DESC, story_id DESC LIMIT :limit"
    )


@cache
def key_story_counts(dialect: str) -> Any:
    """(key, live stories naming it) for each of :keys that some live story names."""
    keys_in = _KEYS_IN[dialect].format(column="key")
    return sa.text(f"SELECT key, stories FROM key_stories WHERE {keys_in} AND stories > 0")

# the same text on SQLite (3.24+) and PostgreSQL; `delta` is +1 for a story that now names the
# key, -1 for one that no longer does
ADD_KEY_STORIES = sa.text(
    "INSERT INTO key_stories (key, stories) VALUES (:key, :delta) "
    "ON CONFLICT (key) DO UPDATE SET stories = key_stories.stories + excluded.stories"
)

UPDATE_STORY_KEY = (
    sa.update(story_keys)
    .where(
        story_keys.c.story_id == sa.bindparam("b_story"),
        story_keys.c.key == sa.bindparam("b_key"),
    )
    .values(count=sa.bindparam("b_count"))
)

INSERT_ARTICLE_KEYS = sa.insert(article_keys)
INSERT_ARTICLE_BANDS = sa.insert(article_bands)
INSERT_STORY_KEYS = sa.insert(story_keys)

# headline = COALESCE(new, old): None keeps the headline
SAVE_STORY_STATE = (
    sa.update(stories)
    .where(stories.c.id == sa.bindparam("b_story"), LIVE)
    .values(
        centroid=sa.bindparam("b_centroid"),
        size=sa.bindparam("b_size"),
        first_published=sa.bindparam("b_first"),
        last_published=sa.bindparam("b_last"),
        headline=sa.func.coalesce(sa.bindparam("b_headline", type_=sa.Text), stories.c.headline),
    )
)

STORY_KEYS = sa.select(story_keys.c.key, story_keys.c.count).where(
    story_keys.c.story_id == sa.bindparam("story_id")
)

DELETE_STORY_KEYS = sa.delete(story_keys).where(
    story_keys.c.story_id == sa.bindparam("story_id"),
    story_keys.c.key.in_(sa.bindparam("keys", expanding=True)),
)

# PostgreSQL: one round trip for an article's bands and keys (executemany costs one per row)
PG_INSERT_ARTICLE_BANDS = sa.text(
    "INSERT INTO article_bands (band, hash, article_id) "
    "SELECT t.band, t.hash, :article_id "
    "FROM unnest(CAST(:bands AS smallint[]), CAST(:hashes AS bigint[])) AS t(band, hash)"
)
PG_INSERT_ARTICLE_KEYS = sa.text(
    "INSERT INTO article_keys (article_id, key) "
    "SELECT :article_id, t.key FROM unnest(CAST(:keys AS text[])) AS t(key)"
)
