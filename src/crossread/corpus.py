"""Corpus mode: sources → store → stories → briefs, touching only the stories that changed.

Articles are read and cleaned, their features computed a batch at a time, and each batch is
assigned to stories inside one database transaction: Ctrl-C or a crash loses at most the batch
in flight, never anything committed before it, and never leaves a half-written story. A story's
brief is rebuilt only when its membership changed since the brief was saved (a digest of the
member ids and the brief settings says so), so a new report costs one story's brief, not the
world's.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path

from crossread.clean import clean
from crossread.config import Config
from crossread.ingest import read_sources
from crossread.ingest.fetch import Revalidation
from crossread.ingest.identity import content_id
from crossread.model import (
    SCHEMA_VERSION,
    Article,
    Brief,
    IngestReport,
    ReadError,
    from_dict,
    to_dict,
)
from crossread.store import codec

Progress = Callable[[str], None]
BATCH = 64
# A brief compares at most this many independent reports. Comparing is quadratic in reports,
# and a story that grows to hundreds (a long-running event, or names that chain stories) would
# make every arrival rebuild a brief of them all; a reader gets no more from 300 reports' brief
# than from 24 chosen to cover the outlets and the latest news. The brief says what it left out.
BRIEF_MAX_REPORTS = 24


def now_utc() -> str:
    # to the microsecond: stories are ranked by when they were last joined (the recent
    # candidates of `stories.cluster.decide`), and at whole seconds the dozens of stories one
    # batch touches would tie, ranked by id instead of recency as the in-memory index does
    return datetime.now(UTC).isoformat(timespec="microseconds")


def ingest(store, sources: Iterable[str], config: Config, *, briefs: bool = True,
           progress: Progress | None = None,
           on_read: Callable[[int], None] | None = None,
           revalidation: Revalidation | None = None) -> IngestReport:
    """Read SOURCES and add every article to the store; see `ingest_articles`. A poller passes
    the same `revalidation` every time, so unchanged feed URLs are not read again."""
    articles, errors = read_sources(sources, config, progress, revalidation)
    if on_read:
        on_read(len(articles))
    return ingest_articles(store, articles, config, errors=errors, briefs=briefs,
                           progress=progress)


def ingest_articles(store, articles: Sequence[Article], config: Config, *,
                    errors: Sequence[ReadError] = (), briefs: bool = True,
                    progress: Progress | None = None, batch: int = BATCH) -> IngestReport:
    """Clean, dedupe and cluster ARTICLES into the store, a transaction per batch; then rebuild
    the briefs of the stories they touched (unless `briefs` is False: they are then built on
    first request)."""
    from crossread.stories.assign import assign
    from crossread.stories.features import features

    errs = list(errors)
    counts = {"stored": 0, "skipped": 0, "copies": 0, "created": 0, "joined": 0, "merges": 0}
    touched: dict[int, None] = {}  # insertion-ordered set
    for lo in range(0, len(articles), batch):
        chunk = []
        for art in articles[lo:lo + batch]:
            if not art.id:  # the store's identity is the content hash: never store without one
                art = dataclasses.replace(art, id=content_id(art.text, art.title))
            try:
                chunk.append(clean(art))
            except Exception as exc:  # one bad article must not sink the batch
                errs.append(ReadError(art.source, f"cannot clean ({type(exc).__name__})"))
        feats = features(chunk)
        with store.transaction() as tx:
            for art, feat in zip(chunk, feats, strict=True):
                out = assign(tx, art, feat, now_utc())
                if out.skipped:
                    counts["skipped"] += 1
                else:
                    counts["stored"] += 1
                    counts["copies"] += bool(out.copy_of)
                    counts["created"] += out.created
                    counts["joined"] += not out.created and not out.copy_of
                    counts["merges"] += len(out.merged)
                    touched[out.story_id] = None
                    for gone in out.merged:
                        touched.pop(gone, None)
                if progress:
                    progress(art.source)
    live = _live(store, touched)
    if briefs:
        for story_id in live:
            refresh_brief(store, story_id, config)
    return IngestReport(read=len(articles), stored=counts["stored"], skipped=counts["skipped"],
                        copies=counts["copies"], new_stories=counts["created"],
                        joined=counts["joined"], merges=counts["merges"],
                        touched=tuple(live), briefs_built=len(live) if briefs else 0,
                        errors=tuple(errs))


def reindex(store, *, progress: Callable[[int], None] | None = None,
            batch: int = BATCH) -> tuple[int, int]:
    """Clean every member of every live story again and recompute its story features and the
    story's state, with this crossread's cleaner and features (`crossread reindex`): a store
    filled by an older release otherwise compares new articles' keys and vectors, made one
    way, with its stories', made another. Memberships, story ids, copy links and merges stay;
    a transaction per `batch` stories, so an interrupted run keeps the stories it finished and
    can simply be run again. Returns (stories, articles) redone; `progress` gets the number of
    stories done in each batch."""
    from crossread.stories.cluster import as_state, combine
    from crossread.stories.features import band_hashes, features

    with store.transaction(readonly=True) as tx:
        ids = tx.live_story_ids()
    n_articles = 0
    for lo in range(0, len(ids), batch):
        with store.transaction() as tx:
            members = {sid: tx.story_articles(sid) for sid in ids[lo:lo + batch]}
            copies = {sid: tx.copies(sid) for sid in members}
            cleaned = {sid: [clean(a) for a in arts] for sid, arts in members.items()}
            flat = [a for arts in cleaned.values() for a in arts]
            by_id = dict(zip((a.id for a in flat), features(flat), strict=True))
            old_signatures = tx.signatures(list(by_id))
            for sid, arts in cleaned.items():
                state = None
                for art in arts:
                    tx.replace_features(art, by_id[art.id],
                                        band_hashes(old_signatures[art.id]))
                    if art.id in copies[sid]:
                        continue  # a copy never counted in its story's state (see assign)
                    one = as_state(by_id[art.id], sid)
                    state = one if state is None else combine(state, one)
                if state is not None:
                    tx.save_story_state(state, None)
            n_articles += len(flat)
        if progress:
            progress(len(members))
    return len(ids), n_articles


def features_current(store) -> bool:
    """Whether the store's first article has the names, near-copy signature and word vector
    this release makes of it (all functions of the text): the oldest is the last to have been
    indexed by this release, so new reports alone do not hide an older index. False means
    `crossread reindex` should be run. An empty store is current."""
    import numpy as np

    from crossread.stories.features import features

    with store.transaction(readonly=True) as tx:
        stored = tx.oldest_article_features()
    if stored is None:
        return True
    article, keys, signature, lexical = stored
    [now] = features([clean(article)])
    return (tuple(sorted(now.keys)) == keys and np.array_equal(now.signature, signature)
            and lexical is not None and np.allclose(now.lexical, lexical, atol=1e-6))


def _live(store, ids: Iterable[int]) -> list[int]:
    """Stories merged away later in the same run are briefed under the story they joined."""
    out: dict[int, None] = {}
    with store.transaction(readonly=True) as tx:
        for sid in ids:
            story = tx.get_story(sid)
            while story is not None and story.merged_into is not None:
                story = tx.get_story(story.merged_into)
            if story is not None:
                out[story.id] = None
    return list(out)


def brief_digest(article_ids: Sequence[str], config: Config) -> str:
    """What a stored brief was built from: when this changes the brief is stale. That is the
    members, the settings, and the code that makes a brief (`brief_code_key`), so a store
    opened by a newer crossread rebuilds each brief on its first request instead of serving
    what the old code made."""
    key = json.dumps([SCHEMA_VERSION, list(article_ids), config.entities, config.words,
                      config.sentences, brief_code_key(config)])
    return hashlib.sha256(key.encode()).hexdigest()[:32]


def brief_code_key(config: Config) -> str:
    """The analysis key (code, word lists, entity model) and every other module and word list
    of this package: all of it can change what a brief says."""
    from crossread.analyse import analysis_key

    return hashlib.sha256(f"{analysis_key(config)}|{_package_digest()}".encode()).hexdigest()[:32]


@functools.cache
def _package_digest() -> str:
    from crossread.analyse import files_digest

    # the shipped embedding model is left out: it is large, and it changes only with a release
    # whose code changes too
    root = Path(__file__).parent
    files = [p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts
             and p.relative_to(root).parts[0] != "models"]
    return files_digest(root, files)


def story_brief(store, story_id: int, config: Config) -> Brief | None:
    """The story's brief: the stored one when it is current, else rebuilt and saved. None when
    there is no such story."""
    with store.transaction(readonly=True) as tx:
        story = tx.get_story(story_id)
        if story is None:
            return None
        if story.merged_into is not None:
            return story_brief(store, story.merged_into, config)
        ids = [a.id for a in story.articles]
        saved = tx.get_brief(story_id)
    if saved is not None and saved[1] == brief_digest(ids, config):
        return from_dict(Brief, json.loads(saved[0]))
    return refresh_brief(store, story_id, config)


def brief_reports(members: Sequence[Article], limit: int) -> list[Article]:
    """The reports a story's brief compares, in join order: all of them up to `limit`, else
    the newest report of each outlet, newest outlets first, then the newest of the rest."""
    if len(members) <= limit:
        return list(members)
    newest_first = list(reversed(range(len(members))))
    picked: list[int] = []
    seen: set[str | None] = set()
    for i in newest_first:
        outlet = members[i].outlet or members[i].source
        if outlet not in seen and len(picked) < limit:
            seen.add(outlet)
            picked.append(i)
    taken = set(picked)
    picked += [i for i in newest_first if i not in taken][:limit - len(picked)]
    return [members[i] for i in sorted(picked)]


def refresh_brief(store, story_id: int, config: Config) -> Brief:
    """Analyse the story's independent reports (copies are noted, not counted as outlets that
    agree), compare and summarise them, and save the brief and the story's neutral headline.

    Analyses are kept in the store: a report analysed for an earlier brief is read back, so a
    story's brief, rebuilt when one report arrives, analyses that report only."""
    from crossread.analyse import analyse, analysis_key
    from crossread.pipeline import compare_articles, process_all
    from crossread.summarise import summarise

    key = analysis_key(config)
    with store.transaction(readonly=True) as tx:
        story = tx.get_story(story_id)
        if story is None:
            raise KeyError(story_id)
        members = tx.story_articles(story_id)
        copy_of = {a.id: a.copy_of for a in story.articles if a.copy_of}
        independent = [a for a in members if a.id not in copy_of]
        chosen = brief_reports(independent, BRIEF_MAX_REPORTS)
        kept = tx.analyses([a.id for a in chosen], key)
    errors: list[ReadError] = []
    fresh: dict[str, Article] = {}

    def step(article: Article, cfg: Config) -> Article:
        if article.id in kept:
            return dataclasses.replace(article, sentences=codec.sentences_from(kept[article.id]))
        # stored articles were cleaned at ingest: analyse them, don't clean them again
        done = fresh[article.id] = analyse(article, cfg)
        return done

    done = process_all(chosen, config, errors, detail=False, step=step)
    brief = summarise(compare_articles(done, errors), words=config.words,
                      sentences=config.sentences)
    outlets = {a.id: a.outlet for a in members}
    brief = dataclasses.replace(brief, extra={
        **brief.extra,
        "story": story_id,
        "copies": [{"article": cid, "outlet": outlets.get(cid), "copy_of": orig}
                   for cid, orig in copy_of.items()],
        **({"reports_in_story": len(independent)} if len(chosen) < len(independent) else {}),
    })
    digest = brief_digest([a.id for a in story.articles], config)
    with store.transaction() as tx:
        tx.save_analyses([(aid, codec.sentences_json(a)) for aid, a in fresh.items()], key)
        tx.save_brief(story_id, json.dumps(to_dict(brief), ensure_ascii=False), digest,
                      now_utc())
        if brief.title:
            tx.set_headline(story_id, brief.title)
    return brief
