"""Agreed facts against hand labels: how often "outlets X and Y both report this" is right.

    python benchmarks/fact_quality.py [--shared ../shared] [--part test|tune|all] [--grid]

Labels (tests/fixtures/fact_labels.json, method in fact_labels.md): pairs of passages from two
reports of one Multi-News dev cluster, sampled from three strata of the release that drew them
(pairs it put in one fact; pairs it kept apart although they scored at or above its threshold;
pairs just below it), each read by a person and labelled `same`, `partial`, `conflict` or
`different`. Each pair weighs the size of its stratum over the pairs drawn from it, so the
figures estimate the whole population of such pairs, not the sample.

A pair is in crossread's output when one fact's support holds both passages' sentences.
Printed, per half of the clusters (split by a hash of the cluster id: `tune` may be studied,
`test` is the figure to quote):
- precision: the weighted share of output pairs labelled `same` (and, lenient, `same` or
  `partial`): how often two outlets shown as agreeing do state one fact;
- recall: the weighted share of `same` pairs that are in the output (within the labelled
  population: pairs of much lower similarity were never drawn).
`--grid` prints both for other SAME_FACT thresholds, on the tune half.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import ROOT, SHARED, cluster_texts, dev_clusters, hash_half, one_core, require_data

LABELS = ROOT / "tests" / "fixtures" / "fact_labels.json"
GRID = (0.40, 0.45, 0.50, 0.55, 0.60, 0.65, 0.70)


half = hash_half  # of a cluster id


def load_labels(path: Path = LABELS) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


_ANALYSED: dict[int, list] = {}  # the clusters' analysed articles: the grid reuses them


def _analysed(shared: Path, labels: dict[str, Any], clusters: set[int]) -> dict[int, list]:
    from crossread.config import Config
    from crossread.pipeline import analyse_texts

    rows = dev_clusters(shared)
    hashes = labels["text_sha256"]
    for c in sorted(clusters - set(_ANALYSED)):
        _ANALYSED[c] = analyse_texts(cluster_texts(rows, c, hashes[str(c)], LABELS), Config())
    return {c: _ANALYSED[c] for c in clusters}


def together(facts: Sequence, a: int, a_at: int, b: int, b_at: int) -> bool:
    """Whether one fact's support holds the sentence of article `a` at offset `a_at` and the
    sentence of article `b` at offset `b_at`."""
    for f in facts:
        has_a = any(e.article == a and e.start <= a_at < e.end for e in f.support)
        if has_a and any(e.article == b and e.start <= b_at < e.end for e in f.support):
            return True
    return False


def score(pairs: Sequence[dict[str, Any]], facts_of: dict[int, Sequence],
          weights: dict[str, float]) -> dict[str, float]:
    out_w = same_out = lenient_out = same_w = 0.0
    n_out = 0
    for p in pairs:
        w = weights[p["stratum"]]
        inside = together(facts_of[p["cluster"]], p["a"], p["a_start"], p["b"], p["b_start"])
        same = p["label"] == "same"
        if same:
            same_w += w
        if inside:
            n_out += 1
            out_w += w
            same_out += w * same
            lenient_out += w * (p["label"] in ("same", "partial"))
    return {
        "pairs": len(pairs),
        "in_output": n_out,
        "precision": same_out / out_w if out_w else 1.0,
        "precision_lenient": lenient_out / out_w if out_w else 1.0,
        "recall": same_out / same_w if same_w else 1.0,
    }


def evaluate(shared: Path = SHARED, part: str = "test",
             threshold: float | None = None) -> dict[str, float]:
    """Precision and recall of the agreed facts on `part` ("test", "tune" or "all") of the
    labelled pairs, at `threshold` (align.SAME_FACT when None)."""
    from crossread import align

    labels = load_labels()
    pairs = [p for p in labels["pairs"] if part == "all" or half(p["cluster_id"]) == part]
    weights = {k: v["population"] / v["sampled"] for k, v in labels["strata"].items()}
    arts = _analysed(shared, labels, {p["cluster"] for p in pairs})
    saved = align.SAME_FACT
    try:
        if threshold is not None:
            align.SAME_FACT = threshold
        facts_of = {c: align.align(a) for c, a in arts.items()}
    finally:
        align.SAME_FACT = saved
    return score(pairs, facts_of, weights)


def _row(name: str, s: dict[str, float]) -> None:
    print(f"{name:<14} {s['pairs']:>5d} {s['in_output']:>6d} {s['precision']:>9.3f} "
          f"{s['precision_lenient']:>9.3f} {s['recall']:>7.3f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=SHARED)
    ap.add_argument("--part", choices=("test", "tune", "all"), default=None,
                    help="one half only (default: test, tune and all)")
    ap.add_argument("--grid", action="store_true",
                    help="precision and recall at other SAME_FACT thresholds, tune half only")
    args = ap.parse_args(argv)
    if not require_data(args.shared):
        return 1
    one_core()
    from crossread.align import SAME_FACT

    print(f"{'':<14} {'pairs':>5} {'output':>6} {'precision':>9} {'(lenient)':>9} {'recall':>7}")
    if args.grid:
        for t in GRID:
            _row(f"tune @{t:.2f}" + (" *" if t == SAME_FACT else ""),
                 evaluate(args.shared, "tune", t))
        return 0
    for part in ([args.part] if args.part else ["test", "tune", "all"]):
        _row(part, evaluate(args.shared, part))
    print("precision: weighted share of pairs shown as one fact that state one fact (lenient: "
          "or share one statement); recall: weighted share of same-fact pairs shown as one")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
