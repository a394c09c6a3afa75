"""One transaction on the store: the StoryIndex the clusterer asks, and the reads the CLI and the
web app need.

Orderings the protocol leaves open, fixed here so results are reproducible:
band_candidates ties → article id; key_candidates ties → the newer story (higher id), as the
in-memory index does; recent stories → latest join first, ties (one timestamp per second) → the
newer story; members in join order (a store-wide sequence: the clock ties within a batch).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection

from crossread.model import (
    SCHEMA_VERSION,
    Article,
    DocFeatures,
    MergeRecord,
    Story,
    StoryArticle,
    StoryState,
)
from crossread.store import codec, statements
from crossread.store.schema import (
    analyses,
    article_bands,
    article_keys,
    articles,
    briefs,
    memberships,
    merges,
    stories,
    story_keys,
)

_LIVE = statements.LIVE
# ids bound per IN (...) list: far below SQLite's variable limit, whatever the story's size
_ID_CHUNK = 500


class Tx:
    """Everything here runs inside the `Store.transaction()` that made it; nothing is visible to
    others until that transaction commits."""

    def __init__(self, connection: Connection) -> None:
        self._db = connection
        self._insert = (
            postgresql.insert if connection.dialect.name == "postgresql" else sqlite.insert
        )
        # live stories, counted once and then kept by new_story and merge_stories: the clusterer
        # asks for every article, and counting is a scan of every live story (see story_count)
        self._live_count: int | None = None

    # --- StoryIndex: reads ------------------------------------------------------------------

    def band_candidates(self, bands: Sequence[int], limit: int = 50) -> list[tuple[str, Any]]:
        if not bands or limit <= 0:
            return []
        params: dict[str, int] = {f"h{band}": int(value) for band, value in enumerate(bands)}
        params["limit"] = limit
        rows = self._db.execute(statements.band_candidates(len(bands)), params)
        return [(row.article_id, codec.signature_from(row.signature)) for row in rows]

    def story_of(self, article_id: str) -> int | None:
        story_id = self._db.scalar(
            sa.select(memberships.c.story_id).where(memberships.c.article_id == article_id)
        )
        # merges move members and repoint older merges, so this is at most one hop; the loop
        # (with its guard) only makes the answer right whatever the history
        seen: set[int] = set()
        while story_id is not None and story_id not in seen:
            seen.add(story_id)
            into = self._db.scalar(sa.select(stories.c.merged_into).where(stories.c.id == story_id))
            if into is None:
                return story_id
            story_id = into
        return story_id

    def key_candidates(self, keys: Sequence[str], limit: int = 50) -> list[int]:
        keys = list(dict.fromkeys(keys))
        if not keys or limit <= 0:
            return []
        dialect = self._db.dialect.name
        rows = self._db.execute(
            statements.key_candidates(dialect),
            {"keys": statements.list_param(dialect, keys), "limit": limit},
        ).all()
        return [story_id for (story_id,) in rows]

    def recent_stories(self, limit: int = 50) -> list[int]:
        query = (
            sa.select(stories.c.id)
            .where(_LIVE)
            .order_by(stories.c.last_seen.desc(), stories.c.id.desc())
            .limit(limit)
        )
        return list(self._db.scalars(query))

    def key_story_counts(self, keys: Sequence[str]) -> dict[str, int]:
        keys = list(dict.fromkeys(keys))
        if not keys:
            return {}
        dialect = self._db.dialect.name
        rows = self._db.execute(
            statements.key_story_counts(dialect), {"keys": statements.list_param(dialect, keys)}
        ).all()
        return dict(rows)

    def story_count(self) -> int:
        """Counted at the first call in this transaction, then kept up to date by this
        transaction's writes. A concurrent PostgreSQL writer's stories are not seen until the
        next transaction: the count only weights names (IDF), where a batch's lag is noise."""
        if self._live_count is None:
            self._live_count = self._db.scalar(
                sa.select(sa.func.count()).select_from(stories).where(_LIVE)) or 0
        return self._live_count

    def story_states(self, ids: Sequence[int]) -> list[StoryState]:
        """In the order of `ids`; a story whose state was never saved is left out too."""
        ids = list(dict.fromkeys(ids))
        if not ids:
            return []
        dialect = self._db.dialect.name
        rows = {
            row.id: row
            for row in self._db.execute(
                statements.story_states(dialect), {"ids": statements.list_param(dialect, ids)}
            ).all()
        }
        out = []
        for story_id in ids:
            row = rows.get(story_id)
            if row is None:
                continue
            centroid, lexical = codec.story_vector_from(row.centroid)
            out.append(StoryState(
                id=row.id,
                centroid=centroid,
                size=row.size,
                keys=_keys_from(row.keys),
                first_published=row.first_published,
                last_published=row.last_published,
                lexical=lexical,
            ))
        return out

    # --- StoryIndex: writes -----------------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        found = self._db.scalar(sa.select(articles.c.id).where(articles.c.id == article_id))
        return found is not None

    def new_story(self, now: str) -> int:
        result = self._db.execute(
            sa.insert(stories).values(first_seen=now, last_seen=now, size=0)
        )
        if self._live_count is not None:
            self._live_count += 1
        return int(result.inserted_primary_key[0])

    def add_article(self, article: Article, features: DocFeatures, story_id: int,
                    copy_of: str | None, now: str) -> None:
        """A no-op when `article.id` is already stored (even by a concurrent transaction)."""
        if features.article_id != article.id:
            raise ValueError(f"features of {features.article_id} given for article {article.id}")
        values = {
            "id": article.id,
            "external_id": article.external_id,
            "source": article.source,
            "outlet": article.outlet,
            "url": article.url,
            "title": article.title,
            "published": article.published,
            "text": article.text,
            "record": codec.article_record(article),
            "ingested_at": now,
            "copy_of": copy_of,
            "vector": codec.story_vector_bytes(features.vector, features.lexical),
            "signature": codec.signature_bytes(features.signature),
        }
        keys = list(dict.fromkeys(features.keys))
        bands = [int(value) for value in features.bands]
        if self._db.dialect.name == "postgresql":
            self._db.execute(statements.PG_ADD_ARTICLE, {
                **values, "keys": keys, "bands": list(range(len(bands))), "hashes": bands,
                "story_id": story_id,
            })
            return
        inserted = self._db.execute(statements.SQLITE_INSERT_ARTICLE, values).first()
        if inserted is None:  # stored already
            return
        if keys:
            self._db.execute(
                statements.INSERT_ARTICLE_KEYS,
                [{"article_id": article.id, "key": key} for key in keys],
            )
        if bands:
            self._db.execute(
                statements.INSERT_ARTICLE_BANDS,
                [{"band": i, "hash": value, "article_id": article.id}
                 for i, value in enumerate(bands)],
            )
        self._db.execute(
            statements.INSERT_MEMBERSHIP,
            {"article_id": article.id, "story_id": story_id, "joined_at": now},
        )
        self._db.execute(statements.TOUCH_STORY, {"b_story": story_id, "b_now": now})

    def save_story_state(self, state: StoryState, headline: str | None) -> None:
        """Also sets the headline when one is given (None keeps the old one). Only the keys
        whose count changed are written: a big story's hundreds of keys are not rewritten for
        every new member. A merged story's state cannot be saved (ValueError)."""
        params = {
            "b_story": state.id,
            "b_centroid": codec.story_vector_bytes(state.centroid, state.lexical),
            "b_size": state.size,
            "b_first": state.first_published,
            "b_last": state.last_published,
            "b_headline": headline,
        }
        new = {key: int(count) for key, count in state.keys.items() if count > 0}
        if self._db.dialect.name == "postgresql":
            saved = self._db.scalar(statements.PG_SAVE_STORY_STATE, {
                **params, "keys": list(new), "counts": list(new.values())})
            if not saved:
                raise ValueError(f"no live story {state.id}")
            return
        updated = self._db.execute(statements.SAVE_STORY_STATE, params)
        if updated.rowcount == 0:
            raise ValueError(f"no live story {state.id}")
        old = dict(self._db.execute(statements.STORY_KEYS, {"story_id": state.id}).all())
        gone = [key for key in old if key not in new]
        if gone:
            self._db.execute(statements.DELETE_STORY_KEYS, {"story_id": state.id, "keys": gone})
            self._db.execute(statements.ADD_KEY_STORIES,
                             [{"key": key, "delta": -1} for key in gone])
        changed = [
            {"b_story": state.id, "b_key": key, "b_count": count}
            for key, count in new.items()
            if key in old and old[key] != count
        ]
        if changed:
            self._db.execute(statements.UPDATE_STORY_KEY, changed)
        added = [
            {"story_id": state.id, "key": key, "count": count}
            for key, count in new.items()
            if key not in old
        ]
        if added:
            self._db.execute(statements.INSERT_STORY_KEYS, added)
            self._db.execute(statements.ADD_KEY_STORIES,
                             [{"key": row["key"], "delta": 1} for row in added])

    def set_headline(self, story_id: int, headline: str) -> None:
        """The story's headline alone (the brief's neutral title), leaving its state as is."""
        self._db.execute(sa.update(stories).where(stories.c.id == story_id)
                         .values(headline=headline))

    def merge_stories(self, from_id: int, into_id: int, reason: str, now: str) -> None:
        """Also widens `into_id`'s first_seen/last_seen to cover both, gives it `from_id`'s
        headline when it has none, drops `from_id`'s keys and brief (a merged story is never a
        candidate nor shown as a story of its own)."""
        if from_id == into_id:
            raise ValueError(f"cannot merge story {from_id} into itself")
        rows = {
            row.id: row
            for row in self._db.execute(
                sa.select(stories.c.id, stories.c.merged_into, stories.c.first_seen,
                          stories.c.last_seen, stories.c.headline)
                .where(stories.c.id.in_([from_id, into_id]))
            )
        }
        for story_id in (from_id, into_id):
            if story_id not in rows:
                raise ValueError(f"no story {story_id}")
            if rows[story_id].merged_into is not None:
                raise ValueError(f"story {story_id} is already merged")
        source, target = rows[from_id], rows[into_id]
        self._db.execute(
            sa.update(memberships)
            .where(memberships.c.story_id == from_id)
            .values(story_id=into_id)
        )
        # stories merged into `from_id` earlier now point straight at the live one
        self._db.execute(
            sa.update(stories)
            .where(sa.or_(stories.c.merged_into == from_id, stories.c.id == from_id))
            .values(merged_into=into_id)
        )
        self._db.execute(
            sa.update(stories)
            .where(stories.c.id == into_id)
            .values(
                first_seen=min(source.first_seen, target.first_seen),
                last_seen=max(source.last_seen, target.last_seen),
                headline=target.headline if target.headline is not None else source.headline,
            )
        )
        dropped = list(self._db.scalars(
            sa.select(story_keys.c.key).where(story_keys.c.story_id == from_id)))
        if dropped:
            self._db.execute(statements.ADD_KEY_STORIES,
                             [{"key": key, "delta": -1} for key in dropped])
        self._db.execute(sa.delete(story_keys).where(story_keys.c.story_id == from_id))
        self._db.execute(sa.delete(briefs).where(briefs.c.story_id == from_id))
        self._db.execute(
            sa.insert(merges).values(from_story=from_id, into_story=into_id, reason=reason, at=now)
        )
        if self._live_count is not None:
            self._live_count -= 1

    # --- features made again by a newer crossread (`crossread reindex`) ----------------------

    def live_story_ids(self) -> list[int]:
        return list(self._db.scalars(sa.select(stories.c.id).where(_LIVE)
                                     .order_by(stories.c.id)))

    def signatures(self, article_ids: Sequence[str]) -> dict[str, Any]:
        """Article id → its stored MinHash signature."""
        ids = list(dict.fromkeys(article_ids))
        out: dict[str, Any] = {}
        for lo in range(0, len(ids), _ID_CHUNK):
            rows = self._db.execute(
                sa.select(articles.c.id, articles.c.signature)
                .where(articles.c.id.in_(ids[lo:lo + _ID_CHUNK])))
            out.update((aid, codec.signature_from(sig)) for aid, sig in rows)
        return out

    def oldest_article_features(self) -> tuple[Article, tuple[str, ...], Any, Any] | None:
        """The first article the store took, as stored, with its stored keys (sorted), MinHash
        signature and lexical vector (None if an older release stored none); None for an
        empty store."""
        row = self._db.execute(
            sa.select(articles.c.id, articles.c.record, articles.c.text, articles.c.signature,
                      articles.c.vector)
            .join(memberships, memberships.c.article_id == articles.c.id)
            .order_by(memberships.c.seq).limit(1)
        ).first()
        if row is None:
            return None
        keys = tuple(sorted(self._db.scalars(
            sa.select(article_keys.c.key).where(article_keys.c.article_id == row.id))))
        return (codec.article_from(row.record, row.text), keys,
                codec.signature_from(row.signature), codec.story_vector_from(row.vector)[1])

    def replace_features(self, article: Article, features: DocFeatures,
                         old_bands: Sequence[int] = ()) -> None:
        """The article as cleaned now and its story features (vector, signature, keys, LSH
        bands) in place of the stored ones; its story, copy link and raw text stay.
        `old_bands` are the band hashes stored for it (from its old signature): the bands'
        key leads with (band, hash) for copy lookups, so they are deleted by key, not by a scan
        of every article's bands."""
        if features.article_id != article.id:
            raise ValueError(f"features of {features.article_id} given for article {article.id}")
        updated = self._db.execute(
            sa.update(articles).where(articles.c.id == article.id).values(
                record=codec.article_record(article), title=article.title,
                vector=codec.story_vector_bytes(features.vector, features.lexical),
                signature=codec.signature_bytes(features.signature)))
        if updated.rowcount == 0:
            raise ValueError(f"no article {article.id}")
        self._db.execute(sa.delete(article_keys).where(article_keys.c.article_id == article.id))
        if old_bands:
            self._db.execute(
                sa.delete(article_bands).where(
                    article_bands.c.band == sa.bindparam("b_band"),
                    article_bands.c.hash == sa.bindparam("b_hash"),
                    article_bands.c.article_id == sa.bindparam("b_article")),
                [{"b_band": i, "b_hash": int(h), "b_article": article.id}
                 for i, h in enumerate(old_bands)])
        keys = list(dict.fromkeys(features.keys))
        if keys:
            self._db.execute(statements.INSERT_ARTICLE_KEYS,
                             [{"article_id": article.id, "key": key} for key in keys])
        bands = [int(value) for value in features.bands]
        if bands:
            self._db.execute(statements.INSERT_ARTICLE_BANDS,
                             [{"band": i, "hash": value, "article_id": article.id}
                              for i, value in enumerate(bands)])

    # --- reads for the CLI and the web app ------------------------------------------------

    def list_stories(self, limit: int | None = None, offset: int = 0) -> list[Story]:
        """Live stories, the most recently joined first, each with its members in join order."""
        query = (
            sa.select(stories)
            .where(_LIVE)
            .order_by(stories.c.last_seen.desc(), stories.c.id.desc())
            .limit(limit)
            .offset(offset)
        )
        rows = list(self._db.execute(query))
        members = self._members([row.id for row in rows])
        return [self._story(row, members.get(row.id, [])) for row in rows]

    def get_story(self, story_id: int) -> Story | None:
        """Any story, live or merged; a merged one has `merged_into` set and no members (they
        moved to the story it was merged into)."""
        row = self._db.execute(sa.select(stories).where(stories.c.id == story_id)).first()
        if row is None:
            return None
        return self._story(row, self._members([story_id]).get(story_id, []))

    def story_articles(self, story_id: int) -> list[Article]:
        """The members as stored, in join order: raw text exact, `sentences` empty, `index` as
        at ingestion (renumber before building a brief). Copies are included: `copies()` tells
        them apart."""
        rows = self._db.execute(
            sa.select(articles.c.record, articles.c.text)
            .join(memberships, memberships.c.article_id == articles.c.id)
            .where(memberships.c.story_id == story_id)
            .order_by(memberships.c.seq, memberships.c.article_id)
        )
        return [codec.article_from(record, text) for record, text in rows]

    def copies(self, story_id: int) -> dict[str, str]:
        """Members that are near-identical copies: copy's id → id of the article it copies."""
        rows = self._db.execute(
            sa.select(articles.c.id, articles.c.copy_of)
            .join(memberships, memberships.c.article_id == articles.c.id)
            .where(memberships.c.story_id == story_id, articles.c.copy_of.is_not(None))
        )
        return dict(rows.all())

    def article_count(self) -> int:
        return self._db.scalar(sa.select(sa.func.count()).select_from(articles)) or 0

    def save_brief(self, story_id: int, json_text: str, digest: str, now: str) -> None:
        """Replaces the story's brief; stamped with the model's SCHEMA_VERSION."""
        values = {
            "story_id": story_id,
            "json": json_text,
            "digest": digest,
            "built_at": now,
            "schema_version": SCHEMA_VERSION,
        }
        upsert = self._insert(briefs).values(values)
        self._db.execute(
            upsert.on_conflict_do_update(
                index_elements=["story_id"],
                set_={name: upsert.excluded[name] for name in values if name != "story_id"},
            )
        )

    def get_brief(self, story_id: int) -> tuple[str, str, str] | None:
        """(json, digest, built_at), or None when there is none or it was built for another
        schema version of the model (so it has to be rebuilt)."""
        row = self._db.execute(
            sa.select(briefs.c.json, briefs.c.digest, briefs.c.built_at, briefs.c.schema_version)
            .where(briefs.c.story_id == story_id)
        ).first()
        if row is None or row.schema_version != SCHEMA_VERSION:
            return None
        return row.json, row.digest, row.built_at

    def analyses(self, article_ids: Sequence[str], key: str) -> dict[str, str]:
        """Article id → its stored analysis (`codec.sentences_json`), for the ids analysed
        under `key`; the others are missing or stale and must be analysed again."""
        ids = list(dict.fromkeys(article_ids))
        out: dict[str, str] = {}
        for lo in range(0, len(ids), _ID_CHUNK):
            rows = self._db.execute(
                sa.select(analyses.c.article_id, analyses.c.sentences)
                .where(analyses.c.article_id.in_(ids[lo:lo + _ID_CHUNK]), analyses.c.key == key)
            )
            out.update((aid, data) for aid, data in rows)
        return out

    def save_analyses(self, rows: Sequence[tuple[str, str]], key: str) -> None:
        """(article id, `codec.sentences_json`) made under `key`, replacing older ones."""
        if not rows:
            return
        upsert = self._insert(analyses).values(
            [{"article_id": aid, "key": key, "sentences": data} for aid, data in rows])
        self._db.execute(upsert.on_conflict_do_update(
            index_elements=["article_id"],
            set_={"key": upsert.excluded.key, "sentences": upsert.excluded.sentences},
        ))

    def merges(self) -> list[MergeRecord]:
        """Every merge, oldest first."""
        rows = self._db.execute(sa.select(merges).order_by(merges.c.id))
        return [MergeRecord(r.id, r.from_story, r.into_story, r.reason, r.at) for r in rows]

    # --- helpers ----------------------------------------------------------------------------

    def _members(self, story_ids: list[int]) -> dict[int, list[StoryArticle]]:
        if not story_ids:
            return {}
        a = articles.c
        rows = self._db.execute(
            sa.select(memberships.c.story_id, a.id, a.external_id, a.outlet, a.title,
                      a.published, a.copy_of)
            .join(articles, a.id == memberships.c.article_id)
            .where(memberships.c.story_id.in_(story_ids))
            .order_by(memberships.c.story_id, memberships.c.seq, a.id)
        )
        members: dict[int, list[StoryArticle]] = {}
        for row in rows:
            members.setdefault(row.story_id, []).append(
                StoryArticle(
                    id=row.id,
                    external_id=row.external_id,
                    outlet=row.outlet,
                    title=row.title,
                    published=row.published,
                    copy_of=row.copy_of,
                )
            )
        return members

    @staticmethod
    def _story(row: Any, members: list[StoryArticle]) -> Story:
        return Story(
            id=row.id,
            headline=row.headline,
            articles=tuple(members),
            first_seen=row.first_seen,
            last_seen=row.last_seen,
            merged_into=row.merged_into,
        )


def _keys_from(value: Any) -> dict[str, int]:
    """A story's keys as `story_states` reads them: JSON text (SQLite), already decoded
    (PostgreSQL), or NULL for a story naming nothing."""
    if value is None:
        return {}
    return dict(json.loads(value) if isinstance(value, str) else value)
