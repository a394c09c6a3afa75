"""Dispute detection quality against hand labels of 34 Multi-News dev clusters.

    python benchmarks/dispute_quality.py [--shared ../shared] [--details]

Labels (tests/fixtures/dispute_labels.json, method in dispute_labels.md) list, per cluster, the
real disputes (each side with exact quotes) and the tempting non-disputes. A predicted dispute
matches a labelled one when evidence sentences of at least two of its sides contain quotes of two
different labelled sides. Strict disputes and "differ in detail" ones are scored separately.

Printed: precision (predicted strict disputes that match a labelled dispute, strict or detail),
recall (labelled strict disputes found), false disputes per dispute-free cluster, the tempting
non-disputes that were flagged, a per-kind table, and seconds per cluster.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import ROOT, cluster_texts, dev_clusters, require_data

LABELS = ROOT / "tests" / "fixtures" / "dispute_labels.json"
# 20 more clusters, labelled later the same way (dispute_labels_extra.md) to study errors on:
# a development set, like the tune half, never the figure to quote
LABELS_EXTRA = ROOT / "tests" / "fixtures" / "dispute_labels_extra.json"


def _cluster_articles(texts: list[str]):
    from crossread.config import Config
    from crossread.pipeline import analyse_texts

    return analyse_texts(texts, Config())


def _side_hits(pred_side, gold_sides) -> set[int]:
    """Which labelled sides this predicted side's evidence quotes."""
    hits = set()
    for k, gs in enumerate(gold_sides):
        for ev in gs["evidence"]:
            for e in pred_side.evidence:
                if e.article == ev["article"] and (ev["quote"] in e.text or e.text in ev["quote"]):
                    hits.add(k)
    return hits


def matches(pred, gold) -> bool:
    per_side = [_side_hits(s, gold["sides"]) for s in pred.sides]
    covered = [h for h in per_side if h]
    if len(covered) < 2:
        return False
    union = set().union(*covered)
    return len(union) >= 2


def split(labels: dict, part: str) -> list[dict]:
    """The labelled clusters are split in two halves by their order in the sample: "tune" may
    be looked at when studying errors, "test" is only ever scored. "all" is both."""
    clusters = labels["clusters"]
    half = len(clusters) // 2
    return {"tune": clusters[:half], "test": clusters[half:], "all": clusters}[part]


def evaluate(shared: Path, part: str = "all") -> dict:
    from crossread.compare import disputes as find_disputes

    if part == "extra":
        clusters = json.loads(LABELS_EXTRA.read_text(encoding="utf-8"))["clusters"]
    else:
        clusters = split(json.loads(LABELS.read_text(encoding="utf-8")), part)
    rows = dev_clusters(shared)
    n_pred = tp = 0
    n_gold = found = 0
    free_clusters = free_false = 0
    trap_hits = 0
    per_kind: dict[str, Counter] = {}
    lines = []
    seconds = 0.0
    for c in clusters:
        texts = cluster_texts(rows, c["cluster"], c["text_sha256"],
                              LABELS_EXTRA if part == "extra" else LABELS)
        arts = _cluster_articles(texts)
        t0 = time.perf_counter()
        preds = find_disputes(arts)
        seconds += time.perf_counter() - t0
        gold = c["disputes"]
        strict_gold = [g for g in gold if not g.get("detail_only")]
        strict_pred = [p for p in preds if not p.detail_only]
        if not strict_gold:
            free_clusters += 1
            free_false += len(strict_pred)
        for p in strict_pred:
            n_pred += 1
            kind = per_kind.setdefault(p.kind, Counter())
            kind["pred"] += 1
            ok = any(matches(p, g) for g in gold)
            if ok:
                tp += 1
                kind["tp"] += 1
            else:
                trap = any(matches(p, {"sides": [{"evidence": [e]} for e in nd["evidence"]]})
                           for nd in c.get("non_disputes", []))
                trap_hits += trap
                lines.append(f"  FALSE  cluster {c['cluster']} {p.kind}: {p.question} "
                             + " | ".join(s.value for s in p.sides)
                             + ("  (a labelled trap)" if trap else ""))
        for g in strict_gold:
            n_gold += 1
            kind = per_kind.setdefault(g["kind"], Counter())
            kind["gold"] += 1
            if any(matches(p, g) for p in preds):
                found += 1
                kind["found"] += 1
            else:
                lines.append(f"  MISSED cluster {c['cluster']} {g['kind']}: {g['question']}")
    return {
        "clusters": len(clusters),
        "predicted": n_pred,
        "precision": tp / n_pred if n_pred else 1.0,
        "labelled": n_gold,
        "recall": found / n_gold if n_gold else 1.0,
        "dispute_free_clusters": free_clusters,
        "false_per_free_cluster": free_false / free_clusters if free_clusters else 0.0,
        "traps_flagged": trap_hits,
        "per_kind": per_kind,
        "seconds_per_cluster": seconds / max(1, len(clusters)),
        "lines": lines,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--details", action="store_true", help="list false and missed disputes")
    ap.add_argument("--part", choices=("all", "tune", "test", "extra"), default="all",
                    help="which half of the labelled clusters (see split()), or the 20 extra "
                         "development clusters")
    args = ap.parse_args(argv)
    if not require_data(args.shared):
        return 2
    r = evaluate(args.shared, args.part)
    print(f"disputes on {r['clusters']} hand-labelled Multi-News dev clusters ({args.part})")
    print(f"  precision {r['precision']:.2f} ({r['predicted']} strict disputes shown)")
    print(f"  recall    {r['recall']:.2f} ({r['labelled']} labelled strict disputes)")
    print(f"  false disputes per dispute-free cluster {r['false_per_free_cluster']:.2f} "
          f"({r['dispute_free_clusters']} such clusters)")
    print(f"  labelled traps flagged {r['traps_flagged']}")
    print(f"  comparison time {r['seconds_per_cluster']:.2f} s per cluster (after analysis)")
    print(f"  {'kind':10} {'shown':>6} {'right':>6} {'labelled':>9} {'found':>6}")
    for kind, c in sorted(r["per_kind"].items()):
        print(f"  {kind:10} {c['pred']:6d} {c['tp']:6d} {c['gold']:9d} {c['found']:6d}")
    if args.details:
        print("\n".join(r["lines"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
