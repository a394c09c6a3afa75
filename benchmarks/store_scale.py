"""Corpus ingest at scale: articles per second into SQLite and PostgreSQL, peak memory, and the
incremental update of one story when one report arrives into a full store.

    python benchmarks/store_scale.py [--sizes 1000,10000,100000] [--pg URL]

The corpora are generated, deterministically, by resampling the sentences of the 313 Multi-News
dev articles: a synthetic story draws a pool of 14 sentences, and each of its reports (1 to 6, a
geometric draw, mean about 3) takes 5 to 9 of them in a new order, with its own outlet and a
date within two days of the story's.

Names are made the story's own. The dev set holds only ~9,000 sentences about 105 events, so at
100k articles every sentence recurs in ~50 synthetic stories, and each of its names with it: a
name such as "Durst" or "Pluto", which in real news marks one story, would mark hundreds. The
clusterer then rightly sees those stories as one (the first generator grew stories of 100
reports and hundreds of names at 10k articles, where no synthetic story had more than 6), and
every lookup paid for it. So each story replaces the capitalised words that are names of one or
two dev events (never written in lower case, found in at most LOCAL_NAME_EVENTS events) by
made-up names of its own, the same within the story; names found across events ("Trump",
"Washington", "Israel") stay, so common names are still shared by thousands of stories, as in
real news. The renaming has its own random stream, so a smaller corpus is still a prefix of a
larger one.

Every (backend, size) runs in a fresh process on one core,
into an empty store, through the real path (`crossread.corpus.ingest_articles`, batches of 64,
briefs deferred as `crossread ingest --no-briefs` does), so peak memory is that run's own.

Peers in the same run: the in-memory index (`crossread.stories.memory.MemoryIndex`: the same
clustering with no database at all, the ceiling) and, between the two databases, each other.
After the largest size, one new report of an existing story is ingested with its brief rebuilt,
from the state a running `crossread watch` keeps: models loaded and the story's brief current
(so its reports' analyses are in the store). That is the incremental update; the target is
under 1 s.

PostgreSQL: `--pg URL` or $CROSSREAD_TEST_PG_URL (`.ci/postgres.sh` starts one and prints it);
each run gets a schema of its own, created and dropped through that URL.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"

import argparse  # noqa: E402
import dataclasses  # noqa: E402
import json  # noqa: E402
import random  # noqa: E402
import re  # noqa: E402
import resource  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import SHARED, dev_clusters, one_core, require_data  # noqa: E402

SEED = 2017
POOL = 14
LOCAL_NAME_EVENTS = 2
INCREMENTAL_PEERS = 2  # reports of the new report's story already stored
OUTLETS = [f"Outlet {c}" for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"]
_WORDS = re.compile(r"[A-Za-z]+")
_CAPITALISED = re.compile(r"(?<![\w'’.])[A-Z][A-Za-z]+(?!\w)")
_CONSONANTS = "bdfgklmnprstvz"
_VOWELS = "aeiou"


def _sentences(shared: Path) -> list[tuple[int, str]]:
    """(dev event number, sentence) for every news sentence of the dev articles: what
    crossread's own cleaner keeps, without captions and without the pages it recognises as not
    articles (a web archive's crawl notice, a tweet widget). Resampled into new stories,
    furniture would be news shared by hundreds of unrelated stories and chain them into one,
    which real furniture, cut or set aside at ingest, never does."""
    from crossread.analyse.sentences import split
    from crossread.clean import caption_spans, clean, kept_spans
    from crossread.ingest.plaintext import read_plain
    from crossread.stories.features import body_text, is_non_article

    out = []
    for event, row in enumerate(dev_clusters(shared)):
        for art in row["articles"]:
            doc = clean(read_plain(art["text"], "dev.txt"))
            if is_non_article((doc.title or "").strip(), body_text(doc)):
                continue
            captions = caption_spans(doc)
            for ks, ke in kept_spans(doc):
                if any(cs <= ks and ke <= ce for cs, ce in captions):
                    continue
                for a, b in split(doc.text, ks, ke):
                    s = " ".join(doc.text[a:b].split())
                    if 40 <= len(s) <= 400:
                        out.append((event, s))
    return out


def _local_names(pool: list[tuple[int, str]]) -> frozenset[str]:
    """Capitalised words that are names of at most LOCAL_NAME_EVENTS dev events (see above)."""
    lower = {w for _, s in pool for w in _WORDS.findall(s) if w.islower()}
    events: dict[str, set[int]] = {}
    for event, s in pool:
        for w in _CAPITALISED.findall(s):
            if w.lower() not in lower:
                events.setdefault(w, set()).add(event)
    return frozenset(w for w, seen in events.items() if len(seen) <= LOCAL_NAME_EVENTS)


def _made_up_name(rng: random.Random) -> str:
    return "".join(rng.choice(_CONSONANTS) + rng.choice(_VOWELS)
                   for _ in range(rng.randint(2, 3))).capitalize()


def _own_names(sents: list[str], local: frozenset[str], story: int) -> list[str]:
    """The sentences with every local name replaced by one made up for this story."""
    rng = random.Random(f"{SEED}/names/{story}")
    names: dict[str, str] = {}

    def swap(m: re.Match[str]) -> str:
        w = m.group(0)
        if w not in local:
            return w
        if w not in names:
            names[w] = _made_up_name(rng)
        return names[w]

    return [_CAPITALISED.sub(swap, s) for s in sents]


def corpus(shared: Path, size: int):
    """`size` synthetic reports and the story each belongs to; the same seed gives the same
    corpus, so a smaller size is a prefix of a larger one."""
    from crossread.ingest.identity import content_id
    from crossread.ingest.plaintext import read_plain

    events = _sentences(shared)
    pool = [s for _, s in events]
    local = _local_names(events)
    rng = random.Random(SEED)
    arts, story = [], 0
    while len(arts) < size:
        story += 1
        sents = _own_names(rng.sample(pool, POOL), local, story)
        day = 1 + rng.randrange(360)
        n = 1
        while n < 6 and rng.random() < 0.67:
            n += 1
        for _ in range(min(n, size - len(arts))):
            body = rng.sample(sents, rng.randint(5, 9))
            title = body[0][:90]
            text = title + "\n\n" + "\n\n".join(body)
            date = f"2025-{1 + (day + rng.randint(0, 2)) // 31 % 12:02d}-" \
                   f"{1 + (day + rng.randint(0, 2)) % 28:02d}"
            i = len(arts)
            art = read_plain(text, f"synthetic/{i}.txt")
            arts.append(dataclasses.replace(art, index=i, id=content_id(art.text, art.title),
                                            outlet=rng.choice(OUTLETS),
                                            published=date, external_id=f"syn-{story}-{i}"))
    return arts


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(backend: str, size: int, url: str | None, incremental: bool) -> dict:
    one_core()
    from crossread.config import Config

    # the new report belongs to a story with at least two reports already in the store (its id
    # says which synthetic story): the update then rebuilds a brief of several reports, the
    # case that costs; the report finally says how many the story had
    arts = corpus(SHARED, size + 1)
    story_of = [a.external_id.split("-")[1] for a in arts]
    pick = next(i for i in range(len(arts) - 1, 0, -1)
                if story_of[:i].count(story_of[i]) >= INCREMENTAL_PEERS)
    new = arts[pick]
    arts = (arts[:pick] + arts[pick + 1:])[:size]
    config = Config(entities="rules")
    if backend == "memory":
        from crossread.clean import clean
        from crossread.corpus import now_utc
        from crossread.stories.assign import assign
        from crossread.stories.features import features
        from crossread.stories.memory import MemoryIndex

        index = MemoryIndex()
        t = time.perf_counter()
        for lo in range(0, len(arts), 64):
            chunk = [clean(a) for a in arts[lo:lo + 64]]
            for a, f in zip(chunk, features(chunk), strict=True):
                assign(index, a, f, now_utc())
        took = time.perf_counter() - t
        return {"backend": backend, "size": size, "seconds": took, "rate": size / took,
                "peak_mb": _peak_mb(), "stories": index.story_count()}

    from crossread.corpus import ingest_articles, refresh_brief
    from crossread.store import open_store

    store = open_store(url)
    t = time.perf_counter()
    ingest_articles(store, arts, config, briefs=False)
    took = time.perf_counter() - t
    with store.transaction() as tx:
        stories = tx.story_count()
    out = {"backend": backend, "size": size, "seconds": took, "rate": size / took,
           "peak_mb": _peak_mb(), "stories": stories}
    if incremental:
        # A running `crossread watch` keeps every story's brief current: the story the new
        # report joins had its brief built (its reports analysed and kept) before the report
        # arrived, and the models are loaded. Building that brief first is the state the
        # update starts from; timing the cold build instead would time every report's analysis.
        peer = next(a for a in arts if a.external_id.split("-")[1] == story_of[pick])
        with store.transaction() as tx:
            before = tx.story_of(peer.id)
            other = next(s.id for s in tx.list_stories(limit=2) if s.id != before)
        refresh_brief(store, other, Config())  # loads the models
        t = time.perf_counter()
        refresh_brief(store, before, Config())
        out["story_brief_s"] = time.perf_counter() - t  # the same story's brief from nothing
        t = time.perf_counter()
        report = ingest_articles(store, [new], Config(), briefs=True)
        out["incremental_s"] = time.perf_counter() - t
        out["incremental_touched"] = list(report.touched)
        with store.transaction() as tx:
            out["incremental_story_size"] = len(tx.get_story(report.touched[0]).articles)
    store.close()
    return out


def _fresh_db(kind: str, tmp: Path, pg: str | None, tag: str) -> tuple[str | None, object]:
    """A target for one run, and a function that removes it afterwards."""
    if kind == "sqlite":
        path = tmp / f"{tag}.db"
        return str(path), lambda: None
    if kind == "memory":
        return None, lambda: None
    import sqlalchemy as sa

    # a schema of its own (the test role owns its database but may not create databases)
    base = sa.make_url(pg).set(drivername="postgresql+psycopg")
    admin = sa.create_engine(base)
    schema = f"bench_{tag}"
    with admin.begin() as conn:
        conn.exec_driver_sql(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
        conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')

    def drop() -> None:
        with admin.begin() as conn:
            conn.exec_driver_sql(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
        admin.dispose()

    url = base.update_query_dict({"options": f"-csearch_path={schema}"})
    return url.render_as_string(hide_password=False), drop


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--backends", default="memory,sqlite,postgresql")
    ap.add_argument("--pg", default=os.environ.get("CROSSREAD_TEST_PG_URL"))
    ap.add_argument("--child", nargs=4, metavar=("BACKEND", "SIZE", "URL", "INCREMENTAL"),
                    help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        backend, size, url, inc = args.child
        print(json.dumps(child(backend, int(size), None if url == "-" else url, inc == "1")))
        return 0
    if not require_data(SHARED):
        return 2
    sizes = [int(s) for s in args.sizes.split(",")]
    backends = args.backends.split(",")
    if "postgresql" in backends and not args.pg:
        print("no PostgreSQL URL (--pg or $CROSSREAD_TEST_PG_URL): skipping PostgreSQL",
              file=sys.stderr)
        backends.remove("postgresql")
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            for backend in backends:
                tag = f"{backend}_{size}"
                url, drop = _fresh_db(backend, Path(tmp), args.pg, tag)
                inc = "1" if size == max(sizes) and backend != "memory" else "0"
                try:
                    proc = subprocess.run(
                        [sys.executable, __file__, "--child", backend, str(size), url or "-",
                         inc], capture_output=True, text=True, check=False)
                finally:
                    drop()  # type: ignore[operator]
                if proc.returncode != 0:
                    print(f"{tag}: failed\n{proc.stderr[-2000:]}", file=sys.stderr)
                    return 1
                row = json.loads(proc.stdout.strip().splitlines()[-1])
                results.append(row)
                # every figure as soon as it is known: a long run stopped early keeps them
                print(f"  {tag}: {row['rate']:.0f} articles/s, peak {row['peak_mb']:.0f} MB, "
                      f"{row['stories']} stories", file=sys.stderr)
                if "incremental_s" in row:
                    print(f"  {tag}: incremental update {row['incremental_s']:.2f} s, story of "
                          f"{row['incremental_story_size']} reports (its brief from nothing: "
                          f"{row['story_brief_s']:.2f} s)", file=sys.stderr)
    print(f"\n{'size':>7} {'backend':<11} {'articles/s':>10} {'vs memory':>9} {'peak MB':>8} "
          f"{'stories':>8}")
    for row in results:
        ref = next((r for r in results if r["size"] == row["size"]
                    and r["backend"] == "memory"), None)
        ratio = f"{row['rate'] / ref['rate']:.2f}x" if ref else "-"
        print(f"{row['size']:>7} {row['backend']:<11} {row['rate']:>10.0f} {ratio:>9} "
              f"{row['peak_mb']:>8.0f} {row['stories']:>8}")
    for row in results:
        if "incremental_s" in row:
            print(f"incremental update into a {row['size']}-article {row['backend']} store: "
                  f"{row['incremental_s']:.2f} s (one report joins a story of "
                  f"{row['incremental_story_size']} reports; brief rebuilt; target < 1 s; "
                  f"the story's brief from nothing, before: {row['story_brief_s']:.2f} s)")
    pair = {r["size"]: r for r in results if r["backend"] == "sqlite"}
    for r in results:
        if r["backend"] == "postgresql" and r["size"] in pair:
            print(f"PostgreSQL/SQLite rate at {r['size']}: "
                  f"{r['rate'] / pair[r['size']]['rate']:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
