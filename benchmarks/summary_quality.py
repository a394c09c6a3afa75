"""Summary quality: crossread and peer summarisers side by side on the Multi-News dev clusters.

    python benchmarks/summary_quality.py [--shared ../shared] [--words 200] [--limit N]
                                         [--systems lead,lexrank,...] [--json FILE]

Each of the 105 clusters of ../shared/data/multinews/dev.jsonl (research use only: read from
shared/, never copied into the project) gives one story's raw article texts and a human
reference summary. Every system gets the same word budget and passes the same budget rule
(peers.fit_budget). Systems: lead, sumy's LexRank, TextRank, LSA, Luhn and KL-Sum (peers.py),
and crossread.summarise.summarise_texts.

Scores, each a mean over clusters, x100:
  ROUGE-L  as LongBench scores Multi-News: the `rouge` package,
           Rouge().get_scores([pred], [ref], avg=True)["rouge-l"]["f"];
  ROUGE-1, ROUGE-2  F1 of Google's `rouge-score`, RougeScorer(..., use_stemmer=True).
s/cluster is the wall time of producing one summary (data loading and scoring excluded).

crossread's sentence-score weights were fitted on these same clusters
(benchmarks/tune_summary.py), so its row here is a training-set figure; the held-out figure is
the 5-fold cross-validated one that tune_summary.py prints. The peers have nothing to fit.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from statistics import fmean
from typing import Any

from rouge import Rouge
from rouge_score import rouge_scorer

from _common import DEV, dev_clusters, one_core
from peers import PEERS, STEMMER_NOTE, Summariser, count_words, fit_budget

SYSTEMS = [*PEERS, "crossread"]
DEFAULT_SHARED = Path(__file__).resolve().parents[2] / "shared"

# Tiny made-up story for an untimed first call, so one-off costs (imports, loading models) are
# not charged to the first cluster, and so an unfinished crossread shows up before the run.
_WARM_UP = [
    "A crane collapsed at the harbour on Monday. Two workers were hurt.\nThe port closed.",
    "Two workers were hurt when a crane fell at the harbour. Police are investigating.",
]


def _crossread(texts: Sequence[str], words: int) -> str:
    # Imported here so a crossread that fails to import is one unavailable row, not a crash.
    from crossread.summarise import summarise_texts

    # Same budget rule as the peers: a finished summary is only cut at the word cap.
    return fit_budget([summarise_texts(list(texts), words=words)], words)


def _summariser(name: str) -> Summariser:
    return _crossread if name == "crossread" else PEERS[name]


def rouge_l_longbench(pred: str, ref: str) -> float:
    """LongBench's Multi-News metric for one pair, in [0, 1]."""
    # The `rouge` package splits on "." and raises ValueError when the hypothesis has no
    # sentence left ("", "..."); LongBench scores that 0, and so do we.
    if not any(part.strip() for part in pred.split(".")):
        return 0.0
    # Its LCS backtracking (_recon_lcs) can recurse once per word of a reference "."-sentence
    # plus once per word of a hypothesis one, so long period-free texts (1,000 words on each
    # side, measured) pass Python's default limit of 1000
    # and LongBench's blanket `except` would quietly score it 0. Raise the limit to cover the
    # pair instead; Python 3.11 runs pure-Python recursion off the C stack, so this is safe.
    need = count_words(pred) + count_words(ref) + 1000
    if sys.getrecursionlimit() < max(10_000, need):
        sys.setrecursionlimit(max(10_000, need))
    try:
        return float(Rouge().get_scores([pred], [ref], avg=True)["rouge-l"]["f"])
    except ValueError:  # the package's "empty collection" errors, scored 0 as LongBench does
        return 0.0


def evaluate(
    shared: Path,
    words: int = 200,
    systems: list[str] | None = None,
    clusters: list[int] | None = None,
    *,
    log: Callable[[str], None] | None = None,
) -> dict[str, Any]:
    """Run and score `systems` (default: all) on the dev clusters with these indices (default: all).

    Returns {"clusters", "words", "stemmer", "systems": {name: row}}. A row has "available";
    an available one has rouge_l, rouge_1, rouge_2 (x100, mean over clusters),
    seconds_per_cluster, mean_words and "per_cluster" (index and the three scores, for
    cross-validation); an unavailable one (crossread before it is written) has "error".
    Raises FileNotFoundError when the data is missing and KeyError for an unknown system.
    """
    rows = dev_clusters(shared)
    indices = list(range(len(rows))) if clusters is None else list(clusters)
    for name in systems or []:
        if name not in SYSTEMS:
            raise KeyError(f"unknown system {name!r}; known: {', '.join(SYSTEMS)}")
    # Always in the listed order (peers, then crossread), whatever order they were asked in.
    names = [s for s in SYSTEMS if systems is None or s in systems]
    stories = [[a["text"] for a in rows[i]["articles"]] for i in indices]
    refs = [rows[i]["summary"] for i in indices]
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True)

    results: dict[str, Any] = {}
    for name in names:
        run = _summariser(name)
        preds: list[str] = []
        seconds = 0.0
        current: int | None = None
        try:
            run(_WARM_UP, words)
            for i, texts in zip(indices, stories, strict=True):
                current = i
                t0 = time.perf_counter()
                preds.append(run(texts, words))
                seconds += time.perf_counter() - t0
        except Exception as exc:
            if name != "crossread":
                raise  # a peer failing is a bug in this benchmark: show it
            # crossread unfinished (NotImplementedError) or failing: one unavailable row, and
            # the peers are still scored.
            error = type(exc).__name__ + (f": {exc}" if str(exc) else "")
            if current is not None:
                error += f" on cluster {current}"
            results[name] = {"available": False, "error": error}
            if log:
                log(f"{name}: not available ({error})")
            continue
        per_cluster = []
        for i, pred, ref in zip(indices, preds, refs, strict=True):
            rs = scorer.score(ref, pred)
            per_cluster.append({
                "index": i,
                "rouge_l": 100 * rouge_l_longbench(pred, ref),
                "rouge_1": 100 * rs["rouge1"].fmeasure,
                "rouge_2": 100 * rs["rouge2"].fmeasure,
            })
        results[name] = {
            "available": True,
            "rouge_l": fmean(c["rouge_l"] for c in per_cluster) if per_cluster else 0.0,
            "rouge_1": fmean(c["rouge_1"] for c in per_cluster) if per_cluster else 0.0,
            "rouge_2": fmean(c["rouge_2"] for c in per_cluster) if per_cluster else 0.0,
            "seconds_per_cluster": seconds / len(preds) if preds else 0.0,
            "mean_words": fmean(count_words(p) for p in preds) if preds else 0.0,
            "per_cluster": per_cluster,
        }
        if log:
            log(f"{name}: done in {seconds:.1f} s")
    return {"clusters": len(indices), "words": words, "stemmer": STEMMER_NOTE, "systems": results}


def format_table(result: dict[str, Any]) -> str:
    lines = [
        f"Multi-News dev: {result['clusters']} clusters, budget {result['words']} words"
        f" (sumy: English stop words, {result['stemmer']})",
        "",
        f"{'system':<10} | {'ROUGE-L':>7} | {'ROUGE-1':>7} | {'ROUGE-2':>7} | {'s/cluster':>9}",
        f"{'-' * 10}-+-{'-' * 7}-+-{'-' * 7}-+-{'-' * 7}-+-{'-' * 9}",
    ]
    for name, row in result["systems"].items():
        if not row["available"]:
            lines.append(f"{name}: not available ({row['error']})")
            continue
        lines.append(
            f"{name:<10} | {row['rouge_l']:>7.2f} | {row['rouge_1']:>7.2f} | "
            f"{row['rouge_2']:>7.2f} | {row['seconds_per_cluster']:>9.4f}"
        )
    if result["systems"].get("crossread", {}).get("available"):
        lines += ["", "crossread's score weights are fitted on these clusters (a training-set "
                  "figure); held-out: python benchmarks/tune_summary.py"]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED,
                    help="the shared folder holding data/multinews/dev.jsonl")
    ap.add_argument("--words", type=int, default=200, help="word budget for every system")
    ap.add_argument("--limit", type=int, help="only the first N clusters (a quick run)")
    ap.add_argument("--systems", help=f"comma-separated subset of: {','.join(SYSTEMS)}")
    ap.add_argument("--json", type=Path, help="also write the numbers to this file")
    args = ap.parse_args(argv)
    if args.words < 1:
        ap.error("--words must be at least 1")
    if not (args.shared / DEV).is_file():
        print(f"no Multi-News dev data at {args.shared / DEV}", file=sys.stderr)
        return 2
    systems = args.systems.split(",") if args.systems else None
    if systems and (unknown := [s for s in systems if s not in SYSTEMS]):
        ap.error(f"unknown system(s) {', '.join(unknown)}; known: {', '.join(SYSTEMS)}")
    one_core()  # seconds per cluster mean "on one core", as the target says
    n = len(dev_clusters(args.shared))
    clusters = list(range(min(n, args.limit) if args.limit is not None else n))
    result = evaluate(args.shared, args.words, systems, clusters,
                      log=lambda msg: print(msg, file=sys.stderr, flush=True))
    print(format_table(result))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
