"""Corpus mode end to end: ingest into a real store, list stories, brief a story, watch a feed,
and what an interrupted ingest leaves behind. The store-level tests run on SQLite and on
PostgreSQL (the `store_target` fixture); the command-line ones on SQLite files.
"""

from __future__ import annotations

import dataclasses
import html
import json

import pytest
from click.testing import CliRunner

from crossread import corpus
from crossread.cli import main
from crossread.config import Config
from crossread.ingest.plaintext import read_plain
from crossread.model import to_dict
from crossread.store import open_store
from test_example import EXAMPLE

FAST = Config(entities="rules")

QUAKE = [
    "Earthquake shakes Valdoria\n\nA magnitude 6.1 earthquake struck the Valdorian city of "
    "Menstow on Thursday, damaging hundreds of homes, the national seismic office said. "
    "Rescue teams from Menstow and the capital Orlen searched collapsed buildings overnight.",
    "Quake hits Menstow\n\nA strong earthquake of magnitude 6.1 hit Menstow in Valdoria on "
    "Thursday. Hundreds of homes in Menstow were damaged and rescue teams from Orlen were sent "
    "to search the collapsed buildings, the Valdorian seismic office said.",
]
BUDGET = ("Parliament passes budget\n\nThe Estorian parliament in Kalvik passed the 2027 budget "
          "on Friday by 61 votes to 40, raising spending on schools and hospitals. Finance "
          "minister Aino Rebane said the budget would cut the deficit to 2 percent.")


def _run(*args: str):
    return CliRunner().invoke(main, list(args))


def _stories(db) -> list[dict]:
    res = _run("stories", "--db", str(db), "--format", "json")
    assert res.exit_code == 0, res.output
    return json.loads(res.stdout)


def test_stories_table_fits_a_narrow_terminal(tmp_path):
    db = tmp_path / "c.db"
    assert _run("ingest", "--db", str(db), "--fast", str(EXAMPLE)).exit_code == 0
    res = _run("stories", "--db", str(db), "--format", "table")
    assert res.exit_code == 0, res.output
    lines = res.stdout.splitlines()
    # four outlets: three named, then a count; first and last seen on one line, day once
    assert "+1 more" in res.stdout
    day = _stories(db)[0]["first_seen"][:10]
    assert sum(day in line and "→" in line for line in lines) == 1
    assert max(len(line) for line in lines) <= 80


def test_ingest_example_is_one_story_and_reingest_is_a_no_op(tmp_path):
    db = tmp_path / "c.db"
    res = _run("ingest", "--db", str(db), "--fast", str(EXAMPLE))
    assert res.exit_code == 0, res.output
    assert "4 stored" in res.stderr and "1 new stories" in res.stderr
    [story] = _stories(db)
    assert set(story) >= {"id", "headline", "articles"}
    assert len(story["articles"]) == 4 and story["headline"]
    assert {"id", "external_id", "outlet", "title", "published"} <= set(story["articles"][0])
    res = _run("ingest", "--db", str(db), "--fast", str(EXAMPLE))
    assert res.exit_code == 0 and "0 stored" in res.stderr and "4 already stored" in res.stderr
    assert [len(s["articles"]) for s in _stories(db)] == [4]


def test_brief_of_a_story_matches_brief_of_its_files_and_is_reused(tmp_path, monkeypatch):
    db = tmp_path / "c.db"
    assert _run("ingest", "--db", str(db), "--fast", "-q", str(EXAMPLE)).exit_code == 0
    [story] = _stories(db)
    res = _run("brief", "--db", str(db), "--story", str(story["id"]), "--fast", "-f", "json")
    assert res.exit_code == 0, res.output
    stored = json.loads(res.stdout)
    direct = json.loads(_run("brief", "--fast", "-f", "json", str(EXAMPLE)).stdout)
    ids = sorted(a["id"] for a in direct["articles"])
    assert sorted(a["id"] for a in stored["articles"]) == ids
    assert {d["kind"] for d in stored["disputes"]} == {d["kind"] for d in direct["disputes"]}
    assert stored["story"] == story["id"]

    def boom(*_a, **_k):
        raise AssertionError("a current brief must not be rebuilt")

    monkeypatch.setattr(corpus, "refresh_brief", boom)
    store = open_store(str(db))
    again = corpus.story_brief(store, story["id"], FAST)
    store.close()
    assert again is not None and again.title == stored["title"]


def test_a_brief_made_by_other_code_is_rebuilt_on_request(tmp_path, monkeypatch):
    db = tmp_path / "c.db"
    assert _run("ingest", "--db", str(db), "--fast", "-q", str(EXAMPLE)).exit_code == 0
    [story] = _stories(db)
    store = open_store(str(db))
    try:
        first = corpus.story_brief(store, story["id"], FAST)
        rebuilt = []
        real = corpus.refresh_brief
        monkeypatch.setattr(corpus, "refresh_brief",
                            lambda *a, **k: rebuilt.append(1) or real(*a, **k))
        assert corpus.story_brief(store, story["id"], FAST) == first
        assert rebuilt == []  # same code: the saved brief
        monkeypatch.setattr(corpus, "brief_code_key", lambda _config: "a newer release")
        again = corpus.story_brief(store, story["id"], FAST)
        assert rebuilt == [1] and again is not None and again.title == first.title
        corpus.story_brief(store, story["id"], FAST)
        assert rebuilt == [1]  # saved again under the new code's digest
    finally:
        store.close()


def test_story_errors_are_one_line(tmp_path):
    db = tmp_path / "c.db"
    res = _run("brief", "--db", str(db), "--story", "99")
    assert res.exit_code == 1 and "no story 99" in res.stderr and "Traceback" not in res.output
    res = _run("brief", "--db", str(db), "--story", "1", str(EXAMPLE))
    assert res.exit_code == 2 and "not both" in res.output
    res = _run("stories", "--db", str(tmp_path))  # a directory is not a database
    assert res.exit_code == 2 and "Traceback" not in res.output
    assert str(tmp_path) in res.stderr and len(res.stderr.strip().splitlines()) == 1
    notdb = tmp_path / "notes.txt"
    notdb.write_text("hello, not a database\n" * 50)
    res = _run("ingest", "--db", str(notdb), str(EXAMPLE))
    assert res.exit_code == 2 and len(res.stderr.strip().splitlines()) == 1
    assert notdb.read_text().startswith("hello")  # and it is left as it was


def _articles(texts: list[str], outlet: str = "Wire", published: str = "2026-03-12"):
    from crossread.ingest.identity import content_id

    out = []
    for i, t in enumerate(texts):
        art = read_plain(t, f"{outlet}-{i}.txt")
        out.append(dataclasses.replace(art, index=i, id=content_id(art.text, art.title),
                                       outlet=outlet, published=published))
    return out


def test_two_events_two_stories_and_a_copy_is_not_an_outlet(store_target):
    store = open_store(store_target)
    syndicated = QUAKE[0] + "\n\nCopyright 2026 Wire Services. All rights reserved."
    arts = _articles([*QUAKE, BUDGET]) + _articles([syndicated], outlet="Reprint")
    report = corpus.ingest_articles(store, arts, FAST)
    assert (report.stored, report.new_stories, report.copies) == (4, 2, 1)
    with store.transaction() as tx:
        listed = tx.list_stories()
    sizes = sorted(len(s.articles) for s in listed)
    assert sizes == [1, 3]
    quake = next(s for s in listed if len(s.articles) == 3)
    [copy] = [a for a in quake.articles if a.copy_of]
    assert copy.outlet == "Reprint"
    brief = corpus.story_brief(store, quake.id, FAST)
    assert brief is not None and len(brief.articles) == 2  # the copy is not an independent report
    assert brief.extra["copies"][0]["outlet"] == "Reprint"
    store.close()


def test_reindex_remakes_an_older_releases_features_and_keeps_the_stories(store_target,
                                                                         monkeypatch):
    import numpy as np

    from crossread.clean import clean
    from crossread.stories import features as feature_module
    from crossread.stories.assign import assign
    from crossread.stories.memory import MemoryIndex

    syndicated = QUAKE[0] + "\n\nCopyright 2026 Wire Services. All rights reserved."
    arts = _articles([*QUAKE, BUDGET]) + _articles([syndicated], outlet="Reprint")
    store = open_store(store_target)
    # an "older release": two name keys per article, and near-copy signatures of word pairs
    with monkeypatch.context() as old:
        old.setattr(feature_module, "MAX_KEYS", 2)
        old.setattr(feature_module, "SHINGLE", 2)
        corpus.ingest_articles(store, arts, FAST, briefs=False)
    # what this release makes of the same articles, in the same order
    fresh = MemoryIndex()
    cleaned = [clean(a) for a in arts]
    for art, f in zip(cleaned, feature_module.features(cleaned), strict=True):
        assign(fresh, art, f, "2026-03-12T00:00:00+00:00")

    def snapshot():
        with store.transaction(readonly=True) as tx:
            return {sid: (sorted(a.id for a in tx.get_story(sid).articles),
                          tx.story_states([sid])[0]) for sid in tx.live_story_ids()}

    before = snapshot()
    assert any(len(state.keys) < len(fresh.story_states([fresh.story_of(ids[0])])[0].keys)
               for ids, state in before.values())  # the old keys really are fewer
    assert corpus.reindex(store) == (2, 4)
    after = snapshot()
    assert {sid: ids for sid, (ids, _) in after.items()} == \
        {sid: ids for sid, (ids, _) in before.items()}  # same stories, ids and members
    for ids, state in after.values():
        want = fresh.story_states([fresh.story_of(ids[0])])[0]
        assert state.keys == want.keys and state.size == want.size
        assert np.allclose(state.centroid, want.centroid, atol=1e-5)
        assert np.allclose(state.lexical, want.lexical, atol=1e-5)
        assert (state.first_published, state.last_published) == \
            (want.first_published, want.last_published)
    assert corpus.reindex(store) == (2, 4)
    assert {sid: (ids, st.keys) for sid, (ids, st) in snapshot().items()} == \
        {sid: (ids, st.keys) for sid, (ids, st) in after.items()}  # a second run changes nothing
    # every article's bands are this release's, none left over from the old ones
    import sqlalchemy as sa

    from crossread.store.schema import article_bands
    with store.transaction(readonly=True) as tx:
        rows = tx._db.execute(sa.select(article_bands.c.article_id, article_bands.c.band,
                                        article_bands.c.hash)).all()
    want = {(f.article_id, i, h) for f in feature_module.features(cleaned)
            for i, h in enumerate(f.bands)}
    assert sorted(rows) == sorted(want) and want
    # a new report of the quake still finds its story, not a new one
    follow = _articles(["Menstow quake toll\n\nRescue teams in Menstow, Valdoria, found more "
                        "damaged homes on Friday after Thursday's magnitude 6.1 earthquake, the "
                        "seismic office said."], outlet="Later")
    report = corpus.ingest_articles(store, follow, FAST, briefs=False)
    assert report.joined == 1 and report.new_stories == 0
    store.close()


def test_reindex_command(tmp_path):
    db = tmp_path / "c.db"
    assert _run("ingest", "--db", str(db), "--fast", "-q", str(EXAMPLE)).exit_code == 0
    res = _run("reindex", "--db", str(db))
    assert res.exit_code == 0, res.output
    assert res.stderr.strip() == f"reindexed 1 story, 4 articles (sqlite:///{db})"
    [story] = _stories(db)
    assert len(story["articles"]) == 4


def test_stories_joined_within_one_second_are_ranked_by_recency(store_target):
    # the recent candidates of a lookup are the stories joined last, as the in-memory index
    # ranks them; at whole-second join times a batch's stories tied and were ranked by id, and
    # 10,000 synthetic articles gave 3,519 stories in memory but 3,520 in SQLite
    store = open_store(store_target)
    arts = _articles([QUAKE[0], BUDGET, QUAKE[1]])
    corpus.ingest_articles(store, arts, FAST, briefs=False)
    with store.transaction(readonly=True) as tx:
        quake, budget = tx.story_of(arts[0].id), tx.story_of(arts[1].id)
        assert tx.story_of(arts[2].id) == quake != budget
        assert tx.recent_stories(2) == [quake, budget]  # the quake story was joined last
    store.close()


@pytest.mark.parametrize("older", ["fewer names", "no word vectors"])
def test_a_store_indexed_by_another_version_says_to_reindex(tmp_path, monkeypatch, older):
    from crossread.stories import features as feature_module

    db = tmp_path / "c.db"
    store = open_store(str(db))
    assert corpus.features_current(store)  # empty
    with monkeypatch.context() as old:  # an "older release"
        if older == "fewer names":
            old.setattr(feature_module, "MAX_KEYS", 2)
        else:
            old.setattr(feature_module, "lexical_vector", lambda headline, body: None)
        corpus.ingest_articles(store, _articles(QUAKE), FAST, briefs=False)
    assert not corpus.features_current(store)
    store.close()
    res = _run("ingest", "--db", str(db), "--fast", "-q", "--no-briefs", str(EXAMPLE))
    assert res.exit_code == 0, res.output
    assert "run `crossread reindex`" in res.stderr and len(res.stderr.strip().splitlines()) == 1
    res = _run("ingest", "--db", str(db), "--fast", "-q", "--no-briefs", str(EXAMPLE))
    assert "run `crossread reindex`" in res.stderr  # new reports do not hide the old index
    assert _run("reindex", "--db", str(db), "-q").exit_code == 0
    res = _run("ingest", "--db", str(db), "--fast", "-q", "--no-briefs", str(EXAMPLE))
    assert res.exit_code == 0 and res.stderr == ""


def test_interrupted_ingest_keeps_committed_batches_and_no_half_story(store_target, monkeypatch):
    from crossread.stories import assign as assign_mod

    real = assign_mod.assign
    calls = {"n": 0}

    def flaky(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 4:  # inside the second batch of two
            raise KeyboardInterrupt
        return real(*args, **kwargs)

    monkeypatch.setattr(assign_mod, "assign", flaky)
    store = open_store(store_target)
    arts = _articles([*QUAKE, BUDGET, QUAKE[1] + " Aftershocks followed on Friday."])
    with pytest.raises(KeyboardInterrupt):
        corpus.ingest_articles(store, arts, FAST, batch=2, briefs=False)
    with store.transaction() as tx:
        assert tx.article_count() == 2  # the first batch, and nothing of the second
        assert all(s.articles for s in tx.list_stories())
    monkeypatch.setattr(assign_mod, "assign", real)
    report = corpus.ingest_articles(store, arts, FAST, batch=2, briefs=False)
    assert (report.skipped, report.stored) == (2, 2)
    store.close()


def test_watch_once_polls_a_feed_and_updates_touched_stories(tmp_path):
    items = "".join(
        f"<item><title>{t.splitlines()[0]}</title><link>https://news.example/{i}</link>"
        f"<guid>n{i}</guid><pubDate>Thu, 12 Mar 2026 10:0{i}:00 GMT</pubDate>"
        f"<description><![CDATA[{t.split(chr(10), 2)[2]}]]></description></item>"
        for i, t in enumerate([*QUAKE, BUDGET]))
    feed = tmp_path / "feed.xml"
    feed.write_text(f'<?xml version="1.0"?><rss version="2.0"><channel><title>Example News'
                    f"</title><link>https://news.example/</link>{items}</channel></rss>")
    db = tmp_path / "c.db"
    res = _run("watch", "--db", str(db), "--once", "--fast", str(feed))
    assert res.exit_code == 0, res.output
    assert "3 stored" in res.stderr and "2 new stories" in res.stderr
    assert sorted(len(s["articles"]) for s in _stories(db)) == [1, 2]
    res = _run("watch", "--db", str(db), "--once", "--fast", str(feed))
    assert "0 stored" in res.stderr and "stories updated: none" in res.stderr


def test_web_lists_stories_escaped_and_opens_each_brief(tmp_path):
    from fastapi.testclient import TestClient

    from crossread.web.app import create_app

    db = tmp_path / "c.db"
    store = open_store(str(db))
    evil = _articles([BUDGET], outlet="<script>alert(1)</script> Wire")
    corpus.ingest_articles(store, _articles(QUAKE) + evil, FAST)
    store.close()
    client = TestClient(create_app(db=str(db)))
    page = client.get("/stories")
    assert page.status_code == 200 and "<script>alert" not in page.text
    assert "&lt;script&gt;" in page.text
    listed = client.get("/api/stories").json()
    assert len(listed) == 2 and all(s["articles"] for s in listed)
    for s in listed:
        r = client.get(f"/stories/{s['id']}")
        assert r.status_code == 200 and "crossread brief" in r.text
        assert client.get(f"/api/stories/{s['id']}").json()["story"] == s["id"]
    assert client.get("/stories/9999").status_code == 404


def test_a_rebuilt_brief_analyses_only_the_new_report(store_target, monkeypatch):
    import crossread.analyse as analyse_mod

    calls: list[str] = []
    real = analyse_mod.analyse

    def counting(article, config=None):
        calls.append(article.id)
        return real(article, config)

    monkeypatch.setattr(analyse_mod, "analyse", counting)
    first, second = _articles(QUAKE[:1]), _articles(QUAKE[1:], outlet="Daily")
    store = open_store(store_target)
    corpus.ingest_articles(store, first, FAST)
    assert calls == [first[0].id]
    report = corpus.ingest_articles(store, second, FAST)
    assert calls == [first[0].id, second[0].id]  # the first report's analysis was read back
    [sid] = report.touched
    cached = corpus.story_brief(store, sid, FAST)
    with store.transaction() as tx:
        tx.save_brief(sid, "{}", "stale", corpus.now_utc())  # force a rebuild
    monkeypatch.setattr(analyse_mod, "analysis_key", lambda config: "other code")
    recomputed = corpus.refresh_brief(store, sid, FAST)
    store.close()
    assert len(calls) == 4  # another analysis key: both analysed again
    assert json.dumps(to_dict(recomputed)) == json.dumps(to_dict(cached))


def test_stored_analysis_round_trips_exactly():
    from crossread.pipeline import process
    from crossread.store import codec

    for text in [*QUAKE, BUDGET]:
        [art] = _articles([text])
        done = process(art, FAST)
        assert done.sentences and codec.sentences_from(codec.sentences_json(done)) == done.sentences


def test_brief_reports_cover_every_outlet_then_the_newest():
    arts = _articles([f"Report {i}\n\nText number {i}." for i in range(10)])
    arts = [dataclasses.replace(a, outlet="Big" if i < 7 else f"Small {i}")
            for i, a in enumerate(arts)]
    assert corpus.brief_reports(arts, 10) == arts
    chosen = corpus.brief_reports(arts, 5)
    # the newest of each of the 4 outlets (Big's newest is 6), then the newest left (5)
    assert [arts.index(a) for a in chosen] == [5, 6, 7, 8, 9]
    assert [arts.index(a) for a in corpus.brief_reports(arts, 3)] == [7, 8, 9]


def test_a_big_story_brief_compares_a_bounded_part_and_says_so(store_target, monkeypatch):
    from crossread.render.html import render_html
    from crossread.render.markdown import render_markdown
    from crossread.render.terminal import render_terminal

    third = ("Menstow quake: homes damaged\n\nThe Valdorian seismic office said Thursday's "
             "magnitude 6.1 quake in Menstow damaged hundreds of homes; rescue teams from Orlen "
             "worked through the night in the collapsed buildings of Menstow.")
    arts = (_articles(QUAKE[:1], outlet="Wire") + _articles(QUAKE[1:], outlet="Daily")
            + _articles([third], outlet="Herald"))
    monkeypatch.setattr(corpus, "BRIEF_MAX_REPORTS", 2)
    store = open_store(store_target)
    report = corpus.ingest_articles(store, arts, FAST)
    assert report.new_stories == 1 and report.copies == 0
    brief = corpus.story_brief(store, report.touched[0], FAST)
    store.close()
    assert [a.outlet for a in brief.articles] == ["Daily", "Herald"]
    assert brief.extra["reports_in_story"] == 3
    for render in (render_markdown, render_html, render_terminal):
        assert "2 of the story's 3 reports" in html.unescape(render(brief))
