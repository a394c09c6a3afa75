"""The statements run once per article or per query, built once: building a SQLAlchemy
statement (and its cache key) costs more than SQLite takes to run it."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import sqlite

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


# SQLite: insert an article unless its id is stored; returns the id only when inserted
# (PostgreSQL adds an article with PG_ADD_ARTICLE, in one round trip)
SQLITE_INSERT_ARTICLE = (
    sqlite.insert(articles)
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

# story_keys holds live stories only (merges drop the merged story's keys, and a merged story's
# state cannot be saved), so these are index-only scans of (key, story_id)
# A list of keys is bound as ONE parameter (a JSON array on SQLite, a text[] on PostgreSQL):
# an expanding IN renders a placeholder per key on every call, and key_story_counts is asked for
# every key of every candidate story (hundreds), where rendering cost more than the lookups.
_KEYS_IN = {
    "sqlite": "{column} IN (SELECT value FROM json_each(:keys))",
    "postgresql": "{column} = ANY(CAST(:keys AS text[]))",
}


def list_param(dialect: str, values: list[Any]) -> Any:
    """A list bound as one parameter (:keys, :ids) in the statements below."""
    return json.dumps(values) if dialect == "sqlite" else values


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

# PostgreSQL: an article, its keys, bands, membership and the story's last_seen in ONE round trip
# (they were five; a round trip costs more than the work). Data-modifying CTEs all run, and each
# insert reads `a`, so nothing is written when the article is stored already. The foreign keys
# are checked at the end of the statement, when the article row exists.
PG_ADD_ARTICLE = sa.text(
    "WITH a AS ("
    " INSERT INTO articles (id, external_id, source, outlet, url, title, published, text,"
    " record, ingested_at, copy_of, vector, signature)"
    " VALUES (:id, :external_id, :source, :outlet, :url, :title, :published, :text, :record,"
    " :ingested_at, :copy_of, :vector, :signature)"
    " ON CONFLICT (id) DO NOTHING RETURNING id),"
    " k AS (INSERT INTO article_keys (article_id, key)"
    " SELECT a.id, t.key FROM a, unnest(CAST(:keys AS text[])) AS t(key)),"
    " b AS (INSERT INTO article_bands (band, hash, article_id)"
    " SELECT t.band, t.hash, a.id"
    " FROM a, unnest(CAST(:bands AS smallint[]), CAST(:hashes AS bigint[])) AS t(band, hash)),"
    " m AS (INSERT INTO memberships (article_id, story_id, joined_at, seq)"
    " SELECT a.id, :story_id, :ingested_at,"
    " (SELECT coalesce(max(seq), 0) + 1 FROM memberships) FROM a),"
    " s AS (UPDATE stories SET last_seen = :ingested_at"
    " WHERE id = :story_id AND EXISTS (SELECT 1 FROM a))"
    " SELECT id FROM a"
)

# PostgreSQL: a story's state, its keys diffed against the stored ones and the per-key story
# counts, in ONE round trip (they were four to six, and an executemany sends one statement per
# key). Only keys whose count changed are written. Returns 1 when the live story was saved.
PG_SAVE_STORY_STATE = sa.text(
    "WITH st AS ("
    " UPDATE stories SET centroid = :b_centroid, size = :b_size, first_published = :b_first,"
    " last_published = :b_last, headline = coalesce(CAST(:b_headline AS text), headline)"
    " WHERE id = :b_story AND merged_into IS NULL RETURNING id),"
    " new AS (SELECT t.key, t.count"
    " FROM unnest(CAST(:keys AS text[]), CAST(:counts AS integer[])) AS t(key, count)),"
    " old AS (SELECT key, count FROM story_keys WHERE story_id = :b_story),"
    " gone AS (DELETE FROM story_keys WHERE story_id = :b_story"
    " AND key NOT IN (SELECT key FROM new) AND EXISTS (SELECT 1 FROM st) RETURNING key),"
    " kept AS (INSERT INTO story_keys (story_id, key, count)"
    " SELECT :b_story, key, count FROM new WHERE EXISTS (SELECT 1 FROM st)"
    " ON CONFLICT (story_id, key) DO UPDATE SET count = excluded.count"
    " WHERE story_keys.count <> excluded.count),"
    " named AS (INSERT INTO key_stories (key, stories)"
    " SELECT key, -1 FROM gone"
    " UNION ALL SELECT key, 1 FROM new"
    " WHERE key NOT IN (SELECT key FROM old) AND EXISTS (SELECT 1 FROM st)"
    " ON CONFLICT (key) DO UPDATE SET stories = key_stories.stories + excluded.stories)"
    " SELECT count(*) FROM st"
)

# Live stories' states with their keys as one JSON object per story (one round trip, not two);
# the keys in key order, as the primary key stores them.
_STORY_STATES = {
    "sqlite": (
        "SELECT s.id, s.centroid, s.size, s.first_published, s.last_published,"
        " (SELECT json_group_object(key, count) FROM (SELECT key, count FROM story_keys"
        "  WHERE story_id = s.id ORDER BY key)) AS keys"
        " FROM stories AS s WHERE s.id IN (SELECT value FROM json_each(:ids))"
        " AND s.merged_into IS NULL AND s.centroid IS NOT NULL"
    ),
    "postgresql": (
        "SELECT s.id, s.centroid, s.size, s.first_published, s.last_published,"
        " (SELECT json_object_agg(key, count ORDER BY key) FROM story_keys"
        "  WHERE story_id = s.id) AS keys"
        " FROM stories AS s WHERE s.id = ANY(CAST(:ids AS integer[]))"
        " AND s.merged_into IS NULL AND s.centroid IS NOT NULL"
    ),
}


@cache
def story_states(dialect: str) -> Any:
    """Binds :ids (`list_param` of the ids)."""
    return sa.text(_STORY_STATES[dialect])
