"""Choose the summary's score weights by 5-fold cross-validation over the Multi-News dev clusters.

    python benchmarks/tune_summary.py [--shared ../shared] [--words 200]

Each cluster is analysed and compared once (that does not depend on the weights); then, for each
fold, every weight setting of a small grid is scored on the other four folds and the best one is
scored on the held-out fold. Printed: the setting each fold chose, the held-out scores, and the
setting chosen most often, which is what SummaryParams defaults to. Never tuned on one cluster.
Score: ROUGE-L as LongBench computes it plus ROUGE-1 and ROUGE-2 (rouge-score, stemmed), equally.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import ROOT, dev_clusters, require_data

GRID = {
    "centroid": (1.0,),
    "position": (0.0, 0.1, 0.2),
    "support": (0.15, 0.3, 0.45),
    "redundancy": (0.0, 0.15, 0.3),
    "max_overlap": (0.3, 0.4),
}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--words", type=int, default=200)
    ap.add_argument("--folds", type=int, default=5)
    args = ap.parse_args(argv)
    if not require_data(args.shared):
        return 2
    from rouge_score import rouge_scorer

    from crossread.config import Config
    from crossread.pipeline import analyse_texts, compare_articles
    from crossread.summarise import SummaryParams, summarise, summary_text
    from summary_quality import rouge_l_longbench

    rows = dev_clusters(args.shared)
    config = Config()
    briefs = []
    for r in rows:
        briefs.append(compare_articles(analyse_texts([a["text"] for a in r["articles"]], config),
                                       []))
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True)
    keys = list(GRID)
    settings = [dict(zip(keys, values, strict=True))
                for values in itertools.product(*GRID.values())]
    # score[setting][cluster]
    score: list[list[float]] = []
    for setting in settings:
        params = SummaryParams(**setting)
        row = []
        for brief, r in zip(briefs, rows, strict=True):
            pred = summary_text(summarise(brief, words=args.words, params=params))
            s = scorer.score(r["summary"], pred)
            row.append((rouge_l_longbench(pred, r["summary"]) + 100 * s["rouge1"].fmeasure
                        + 100 * s["rouge2"].fmeasure) / 3)
        score.append(row)
    n = len(rows)
    folds = [list(range(k, n, args.folds)) for k in range(args.folds)]
    chosen = Counter()
    held_out = []
    for k, test in enumerate(folds):
        train = [i for i in range(n) if i not in set(test)]
        best = max(range(len(settings)), key=lambda s: sum(score[s][i] for i in train))
        chosen[best] += 1
        held = sum(score[best][i] for i in test) / len(test)
        held_out.append(held)
        print(f"fold {k + 1}: chose {settings[best]}, held-out mean score {held:.2f}")
    final = chosen.most_common(1)[0][0]
    print(f"cross-validated score {sum(held_out) / len(held_out):.2f} "
          f"(mean of ROUGE-L, ROUGE-1, ROUGE-2 on held-out folds)")
    print(f"chosen most often: {settings[final]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
