"""The story store on SQLite and PostgreSQL: migrations, the StoryIndex queries, transactions,
round trips. Every test runs on both backends (`store_target` in conftest.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
import sqlalchemy as sa

from crossread.model import (
    LEXICAL_DIM,
    SCHEMA_VERSION,
    Article,
    DocFeatures,
    Removal,
    StoryState,
)
from crossread.store import Store, Tx, open_store
from crossread.store.schema import metadata
from crossread.store.target import resolve
from crossread.stories.index import StoryIndex

T0 = "2026-11-22T10:00:00Z"


def at(minute: int) -> str:
    return f"2026-11-22T10:{minute:02d}:00Z"


def article(n: int, **fields) -> Article:
    values = {"index": n, "id": f"a{n:04d}", "text": f"Report {n}.", "source": f"r{n}.txt"}
    values.update(fields)
    return Article(**values)


def features(article_id: str, *, bands=(), keys=(), published=None, seed=0) -> DocFeatures:
    rng = np.random.default_rng(seed)
    return DocFeatures(
        article_id=article_id,
        vector=rng.random(8, dtype=np.float32),
        keys=tuple(sorted(keys)),
        published=published,
        signature=rng.integers(0, 2**63, size=16, dtype=np.uint64) * np.uint64(2),
        bands=tuple(bands),
    )


def add(tx: Tx, n: int, story: int, *, minute: int = 0, copy_of: str | None = None,
        **kw) -> Article:
    item = article(n)
    tx.add_article(item, features(item.id, seed=n, **kw), story, copy_of, at(minute))
    return item


def state(story: int, keys: dict[str, int], size: int = 1, **kw) -> StoryState:
    return StoryState(id=story, centroid=np.full(8, 0.5, np.float32), size=size, keys=keys, **kw)


def dump(target: str) -> dict[str, list[tuple]]:
    """Every row of every table, straight from the database."""
    engine = sa.create_engine(resolve(target))
    try:
        with engine.connect() as connection:
            return {
                table.name: sorted(
                    (tuple(row) for row in connection.execute(sa.select(table))), key=repr
                )
                for table in metadata.sorted_tables
            }
    finally:
        engine.dispose()


@pytest.fixture
def store(store_target: str) -> Iterator[Store]:
    opened = open_store(store_target)
    yield opened
    opened.close()


# --- opening and migrations --------------------------------------------------------------


def test_fresh_database_is_migrated_and_reopening_is_a_no_op(store_target: str) -> None:
    first = open_store(store_target)
    with first.transaction() as tx:
        tx.new_story(T0)
    first.close()
    again = open_store(store_target)
    with again.transaction() as tx:
        assert tx.story_count() == 1
        assert tx.article_count() == 0
    again.close()
    engine = sa.create_engine(resolve(store_target))
    with engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT version_num FROM alembic_version").all() == [
            ("0003",)
        ]
    engine.dispose()


def test_a_store_of_the_previous_schema_is_upgraded_keeping_its_stories(store_target: str) -> None:
    from alembic import command

    from crossread.store.migrate import alembic_config

    first = open_store(store_target)
    with first.transaction() as tx:
        story = tx.new_story(T0)
        tx.add_article(article(1), features("a0001"), story, None, T0)
    first.close()
    engine = sa.create_engine(resolve(store_target))
    with engine.begin() as connection:
        command.downgrade(alembic_config(connection), "0002")  # as an older release left it
        assert not sa.inspect(connection).has_table("analyses")
    engine.dispose()
    again = open_store(store_target)
    with again.transaction() as tx:
        assert tx.story_of("a0001") == story
        tx.save_analyses([("a0001", "[]")], "key")
        assert tx.analyses(["a0001", "a0002"], "key") == {"a0001": "[]"}
        assert tx.analyses(["a0001"], "another key") == {}
    again.close()


def test_migrations_build_exactly_the_tables_the_code_uses(store: Store, store_target: str) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    engine = sa.create_engine(resolve(store_target))
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, metadata) == []
    engine.dispose()


def test_a_schema_newer_than_the_code_is_refused(store: Store, store_target: str) -> None:
    engine = sa.create_engine(resolve(store_target))
    with engine.begin() as connection:
        connection.exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
    engine.dispose()
    with pytest.raises(Exception) as caught:
        open_store(store_target)
    message = str(caught.value)
    assert type(caught.value).__name__ == "StoreError"
    assert "newer" in message and "9999" in message and "\n" not in message


def test_the_store_answers_the_story_index_protocol(store: Store) -> None:
    with store.transaction() as tx:
        assert isinstance(tx, Tx)
        index: StoryIndex = tx  # type-checks only when Tx has every method
        assert all(callable(getattr(index, name)) for name in dir(StoryIndex)
                   if not name.startswith("_"))


# --- articles ------------------------------------------------------------------------------


def test_add_article_then_has_article_and_re_adding_is_a_no_op(store: Store) -> None:
    with store.transaction() as tx:
        story = tx.new_story(T0)
        other = tx.new_story(T0)
        assert not tx.has_article("a0001")
        add(tx, 1, story, minute=1, bands=(5, 6), keys=("k",))
        assert tx.has_article("a0001")
    with store.transaction() as tx:
        # same id again, even into another story: nothing changes, nothing fails
        add(tx, 1, other, minute=2, bands=(7, 8), keys=("z",))
        assert tx.article_count() == 1
        assert tx.story_of("a0001") == story
        assert tx.get_story(other).articles == ()
        assert tx.get_story(other).last_seen == T0
        assert [aid for aid, _ in tx.band_candidates([7, 8])] == []


def test_story_articles_round_trip_the_article_exactly(store: Store) -> None:
    text = (
        "Crane falls at harbour\r\n\r\nA crane fell on Tuesday,  say officials. "
        "\u00e9\u201c\u201d \u00a0\n"
    )
    original = Article(
        index=3,
        id="c0ffee",
        text=text,
        source="https://example.org/crane",
        external_id="ext-9",
        outlet="Example Times",
        url="https://example.org/crane",
        title="Crane falls at harbour",
        raw_title="BREAKING: Crane falls at harbour",
        published="2026-11-21",
        body_start=24,
        credit="The Associated Press",
        removed=(Removal(text="Subscribe now", rule="boilerplate", start=5, end=18),
                 Removal(text="BREAKING: ", rule="title_prefix", start=0, end=10, field="title")),
    )
    copy = article(2, text="Crane falls at harbour (copy)")
    with store.transaction() as tx:
        story = tx.new_story(T0)
        tx.add_article(original, features(original.id), story, None, at(1))
        tx.add_article(copy, features(copy.id), story, original.id, at(2))
    with store.transaction(readonly=True) as tx:
        stored = tx.story_articles(story)
        assert stored == [original, copy]
        assert stored[0].text == text
        assert tx.copies(story) == {copy.id: original.id}
        assert [m.copy_of for m in tx.get_story(story).articles] == [None, original.id]


def test_add_article_refuses_features_of_another_article(store: Store) -> None:
    with store.transaction() as tx, pytest.raises(ValueError):
        tx.add_article(article(1), features("other"), tx.new_story(T0), None, T0)


# --- StoryIndex queries ----------------------------------------------------------------------


def test_band_candidates_count_only_hashes_in_the_same_band(store: Store) -> None:
    with store.transaction() as tx:
        story = tx.new_story(T0)
        add(tx, 1, story, bands=(10, 20, 30, 40))
        add(tx, 2, story, bands=(10, 20, 99, 98))
        add(tx, 3, story, bands=(20, 10, 40, 30))  # same hashes, other positions
        add(tx, 4, story, bands=(-(2**63), 2**63 - 1, 0, 1))
    with store.transaction() as tx:
        found = tx.band_candidates([10, 20, 30, 40])
        assert [aid for aid, _ in found] == ["a0001", "a0002"]
        assert [aid for aid, _ in tx.band_candidates([10, 20, 30, 40], limit=1)] == ["a0001"]
        signature = found[0][1]
        assert signature.dtype == np.uint64
        assert np.array_equal(signature, features("a0001", seed=1).signature)
        assert [aid for aid, _ in tx.band_candidates([-(2**63), 2**63 - 1])] == ["a0004"]
        assert tx.band_candidates([]) == []
        assert tx.band_candidates([1, 2, 3]) == []


def test_key_candidates_most_shared_first_limited_and_live_only(store: Store) -> None:
    with store.transaction() as tx:
        one, two, three, gone = (tx.new_story(at(m)) for m in range(4))
        tx.save_story_state(state(one, {"a": 1}), None)
        tx.save_story_state(state(two, {"a": 2, "b": 1, "c": 1}), None)
        tx.save_story_state(state(three, {"a": 1, "b": 1}), None)
        tx.save_story_state(state(gone, {"a": 1, "b": 1, "c": 1}), None)
        add(tx, 1, gone)
        add(tx, 2, three, minute=5)
        tx.merge_stories(gone, two, "test", at(9))
    with store.transaction() as tx:
        assert tx.key_candidates(["a", "b", "c"]) == [two, three, one]
        assert tx.key_candidates(["a", "b", "c"], limit=2) == [two, three]
        # a tie (one key each) goes to the newer story, as in the in-memory index
        assert tx.key_candidates(["a"]) == [three, two, one]
        assert tx.key_candidates(["b", "c"]) == [two, three]
        assert tx.key_candidates(["zzz"]) == []
        assert tx.key_candidates([]) == []
        assert tx.key_story_counts(["a", "b", "c", "zzz"]) == {"a": 3, "b": 2, "c": 1}
        assert tx.story_count() == 3


def test_key_lookups_take_many_keys_in_any_spelling(store: Store) -> None:
    # the key list is bound as one parameter (JSON on SQLite, an array on PostgreSQL): quotes,
    # backslashes, accents and more keys than SQLite's old 999-variable limit all go through
    odd = ["o'brien", 'the "quoted"', "back\\slash", "zelenskýy", "[1]", "a,b"]
    many = [f"k{i:04d}" for i in range(1200)]
    with store.transaction() as tx:
        one, two = tx.new_story(at(0)), tx.new_story(at(1))
        tx.save_story_state(state(one, dict.fromkeys(odd + many[:600], 1)), None)
        tx.save_story_state(state(two, dict.fromkeys(odd[:2] + many[600:], 1)), None)
    with store.transaction() as tx:
        assert tx.key_story_counts(odd + many + ["absent"]) == {
            **dict.fromkeys(odd[:2], 2), **dict.fromkeys(odd[2:] + many, 1)}
        assert tx.key_candidates(odd) == [one, two]
        assert tx.key_candidates(many[500:]) == [two, one]  # 600 of them against 100
        assert tx.key_candidates(["zelenskýy"]) == [one]


def test_story_count_follows_the_transactions_own_writes(store: Store) -> None:
    # counted once per transaction, then kept by new_story and merge_stories
    with store.transaction() as tx:
        a = tx.new_story(at(0))
        assert tx.story_count() == 1
        b, c = tx.new_story(at(1)), tx.new_story(at(2))
        assert tx.story_count() == 3
        tx.merge_stories(a, b, "test", at(3))
        assert tx.story_count() == 2
    with store.transaction() as tx:
        tx.merge_stories(b, c, "test", at(4))  # before the first count of this transaction
        assert tx.story_count() == 1
        tx.new_story(at(5))
        assert tx.story_count() == 2
    with store.transaction(readonly=True) as tx:
        assert tx.story_count() == 2


def test_recent_stories_newest_join_first(store: Store) -> None:
    with store.transaction() as tx:
        old, mid, new = (tx.new_story(T0) for _ in range(3))
        add(tx, 1, mid, minute=1)
        add(tx, 2, old, minute=2)
        add(tx, 3, new, minute=3)
        add(tx, 4, old, minute=4)
    with store.transaction() as tx:
        assert tx.recent_stories() == [old, new, mid]
        assert tx.recent_stories(limit=2) == [old, new]
        assert [s.id for s in tx.list_stories()] == [old, new, mid]
        assert [s.id for s in tx.list_stories(limit=1, offset=1)] == [new]
        assert [m.id for m in tx.get_story(old).articles] == ["a0002", "a0004"]
        assert tx.get_story(old).first_seen == T0 and tx.get_story(old).last_seen == at(4)
        assert tx.get_story(12345) is None


def test_story_states_round_trip(store: Store) -> None:
    centroid = np.linspace(-1, 1, 8, dtype=np.float32)
    with store.transaction() as tx:
        story = tx.new_story(T0)
        empty = tx.new_story(T0)
        tx.save_story_state(
            StoryState(story, centroid, 3, {"x": 3, "y": 1}, "2026-11-20", "2026-11-22"), "Head"
        )
    with store.transaction() as tx:
        (got,) = tx.story_states([story, 999])
        assert got.id == story and got.size == 3
        assert got.centroid.dtype == np.float32 and np.array_equal(got.centroid, centroid)
        assert got.keys == {"x": 3, "y": 1}
        assert (got.first_published, got.last_published) == ("2026-11-20", "2026-11-22")
        got.centroid[:] += 1  # the clusterer may update a centroid in place
        assert tx.get_story(story).headline == "Head"
        # in the order asked; a story never saved is left out like an unknown one
        assert [s.id for s in tx.story_states([empty, story])] == [story]
        # replacing: changed, dropped and new keys
        tx.save_story_state(StoryState(story, centroid, 4, {"x": 4, "z": 1}), None)
        (got,) = tx.story_states([story])
        assert got.keys == {"x": 4, "z": 1} and got.size == 4
        assert got.first_published is None
        assert tx.get_story(story).headline == "Head"  # None keeps the headline
        assert tx.key_story_counts(["y"]) == {}
        tx.set_headline(story, "Neutral title")  # the headline alone; the state stays
        assert tx.get_story(story).headline == "Neutral title"
        (again,) = tx.story_states([story])
        assert again.keys == {"x": 4, "z": 1} and again.size == 4
        assert again.lexical is None  # saved without a word vector, as an older release did
        # with the sum of its members' word vectors, kept in the centroid's column
        words = np.linspace(0, 2, LEXICAL_DIM, dtype=np.float32)
        tx.save_story_state(StoryState(story, centroid, 4, {"x": 4}, lexical=words), None)
        (got,) = tx.story_states([story])
        assert np.array_equal(got.centroid, centroid) and np.array_equal(got.lexical, words)


def test_merge_moves_members_and_story_of_follows(store: Store) -> None:
    with store.transaction() as tx:
        a, b, c = (tx.new_story(at(m)) for m in range(3))
        add(tx, 1, a, minute=5)
        add(tx, 2, b, minute=6)
        add(tx, 3, c, minute=7)
        tx.save_story_state(state(a, {"k": 1}), "A")
        tx.save_brief(a, "{}", "d", at(8))
    with store.transaction() as tx:
        tx.merge_stories(a, b, "same event", at(10))
    with store.transaction() as tx:
        assert tx.story_of("a0001") == b
        assert [m.id for m in tx.get_story(b).articles] == ["a0001", "a0002"]
        merged = tx.get_story(a)
        assert merged.merged_into == b and merged.articles == ()
        assert tx.get_story(b).first_seen == at(0)
        assert tx.story_states([a]) == [] and tx.key_candidates(["k"]) == []
        assert tx.get_brief(a) is None
        assert a not in [s.id for s in tx.list_stories()]
        tx.merge_stories(b, c, "same again", at(11))
    with store.transaction() as tx:
        assert tx.story_of("a0001") == c and tx.story_of("a0002") == c
        assert tx.get_story(a).merged_into == c
        assert [m.id for m in tx.get_story(c).articles] == ["a0001", "a0002", "a0003"]
        assert [(m.from_story, m.into_story, m.reason, m.at) for m in tx.merges()] == [
            (a, b, "same event", at(10)),
            (b, c, "same again", at(11)),
        ]
        assert tx.story_count() == 1
        assert tx.story_of("nope") is None
        assert tx.get_story(c).headline == "A"  # c had none: it takes the merged one's
        with pytest.raises(ValueError):
            tx.merge_stories(a, c, "already merged", at(12))
        with pytest.raises(ValueError):
            tx.save_story_state(state(a, {"k": 1}), None)


# --- transactions ---------------------------------------------------------------------------


def fill_a_batch(tx: Tx) -> None:
    story = tx.new_story(at(30))
    add(tx, 50, story, minute=31, bands=(1, 2), keys=("k",))
    tx.save_story_state(state(story, {"k": 1}), "Half")
    tx.merge_stories(1, story, "half", at(32))
    tx.save_brief(story, "{}", "d", at(33))


@pytest.mark.parametrize("interrupt", [RuntimeError, KeyboardInterrupt])
def test_an_interrupted_transaction_leaves_nothing_behind(
    store: Store, store_target: str, interrupt: type[BaseException]
) -> None:
    with store.transaction() as tx:
        story = tx.new_story(T0)
        add(tx, 1, story, minute=1, bands=(1, 2), keys=("k",))
        tx.save_story_state(state(story, {"k": 1}), "Kept")
    before = dump(store_target)
    with pytest.raises(interrupt), store.transaction() as tx:
        fill_a_batch(tx)
        raise interrupt("stop")
    assert dump(store_target) == before
    with store.transaction() as tx:
        assert tx.story_count() == 1 and tx.article_count() == 1
        # the store is usable after the rollback
        fill_a_batch(tx)
    assert dump(store_target) != before


def test_readonly_transaction_reads(store: Store) -> None:
    with store.transaction() as tx:
        add(tx, 1, tx.new_story(T0))
    with store.transaction(readonly=True) as tx:
        assert tx.article_count() == 1


# --- briefs -----------------------------------------------------------------------------


def test_briefs_save_replace_and_get(store: Store, store_target: str) -> None:
    with store.transaction() as tx:
        story = tx.new_story(T0)
        assert tx.get_brief(story) is None
        tx.save_brief(story, '{"title": "one"}', "d1", at(1))
        assert tx.get_brief(story) == ('{"title": "one"}', "d1", at(1))
        tx.save_brief(story, '{"title": "two"}', "d2", at(2))
    with store.transaction() as tx:
        assert tx.get_brief(story) == ('{"title": "two"}', "d2", at(2))
    engine = sa.create_engine(resolve(store_target))
    with engine.begin() as connection:
        connection.exec_driver_sql("UPDATE briefs SET schema_version = '0.1'")
    engine.dispose()
    with store.transaction() as tx:
        assert SCHEMA_VERSION != "0.1"
        assert tx.get_brief(story) is None  # built by another model version: rebuild


def test_upgrade_from_0001_counts_the_stories_naming_each_key(store_target: str) -> None:
    from alembic import command

    from crossread.store.migrate import alembic_config

    if "://" not in store_target:
        Path(store_target).parent.mkdir(parents=True, exist_ok=True)
    engine = sa.create_engine(resolve(store_target))
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "0001")
        for story in (1, 2):
            connection.exec_driver_sql(
                "INSERT INTO stories (id, first_seen, last_seen, size) VALUES "
                f"({story}, '{T0}', '{T0}', 1)")
        connection.exec_driver_sql(
            "INSERT INTO story_keys (story_id, key, count) VALUES "
            "(1, 'kim jong un', 1), (2, 'kim jong un', 1), (2, 'panmunjom', 1)")
    engine.dispose()
    store = open_store(store_target)
    with store.transaction() as tx:
        assert tx.key_story_counts(["kim jong un", "panmunjom", "seoul"]) == {
            "kim jong un": 2, "panmunjom": 1}
        tx.save_story_state(state(2, {"seoul": 1}), None)  # 2 no longer names the others
        assert tx.key_story_counts(["kim jong un", "panmunjom", "seoul"]) == {
            "kim jong un": 1, "seoul": 1}
        tx.merge_stories(2, 1, "test", T0)  # a merged story's keys stop counting
        assert tx.key_story_counts(["kim jong un", "seoul"]) == {"kim jong un": 1}
    store.close()


# --- the database decides as the in-memory index does ---------------------------------------


def _stream(n: int) -> list[tuple[Article, DocFeatures]]:
    """Reports of 8 topics (a direction, names of its own, a date), some shared names, a
    few exact copies, in an order that interleaves the topics."""
    rng = np.random.default_rng(7)
    topics = rng.normal(size=(8, 16)).astype(np.float32)
    out: list[tuple[Article, DocFeatures]] = []
    for i in range(n):
        t = int(rng.integers(8))
        if i % 9 == 8:  # a copy of an earlier report: same signature and bands
            item = article(i)
            orig = out[int(rng.integers(len(out)))][1]
            out.append((item, DocFeatures(item.id, orig.vector, orig.keys, orig.published,
                                          orig.signature, orig.bands)))
            continue
        vec = topics[t] + rng.normal(scale=0.9, size=16).astype(np.float32)
        names = {f"t{t}n{j}" for j in rng.choice(6, size=3, replace=False)}
        names |= {f"common{j}" for j in rng.choice(3, size=int(rng.integers(3)), replace=False)}
        sig = rng.integers(0, 2**63, size=16, dtype=np.uint64)
        item = article(i, title=f"Report {i}")
        out.append((item, DocFeatures(
            item.id, vec / np.linalg.norm(vec), tuple(sorted(names)),
            f"2026-11-{1 + t * 3 + int(rng.integers(2)):02d}", sig,
            tuple(int(x) for x in rng.integers(-(2**62), 2**62, size=4)))))
    return out


def test_the_database_and_the_memory_index_decide_alike(store: Store) -> None:
    from crossread.stories.assign import assign
    from crossread.stories.memory import MemoryIndex

    stream = _stream(60)
    memory = MemoryIndex()
    expected = [assign(memory, a, f, T0) for a, f in stream]
    got = []
    for lo in range(0, len(stream), 7):  # several transactions, as ingest batches them
        with store.transaction() as tx:
            got += [assign(tx, a, f, T0) for a, f in stream[lo:lo + 7]]
    assert [(o.action, o.story_id, o.copy_of, o.merged) for o in got] == [
        (o.action, o.story_id, o.copy_of, o.merged) for o in expected]
    # the scores carry the IDF weights, so the story and key counts agree too
    assert np.allclose([o.score for o in got], [o.score for o in expected], atol=1e-5)
    actions = {o.action for o in expected}
    assert {"created", "joined", "copy"} <= actions  # every path was taken
    with store.transaction(readonly=True) as tx:
        assert tx.story_count() == memory.story_count()
        assert {s.id: sorted(m.id for m in s.articles) for s in tx.list_stories()} == {
            s.id: sorted(m.id for m in s.articles) for s in memory.stories()}
