"""Same story or not, pair by pair: SemEval-2022 Task 8 English–English dev pairs.

Data: ../shared/data/semeval2022/dev_pairs.jsonl, the 161 pairs with both articles in English.
`Overall` is the annotators' mean rating, 1 (same story) … 4 (different). We report the Pearson
r of `crossread.stories.cluster.pair_similarity` against it (a similarity, so r should be
strongly negative; -r is printed too), and the ROC AUC of the similarity for Overall <= 1.5 as
"same story". For scale: the task's best system reached 0.82 Pearson (of its own distance
score) over all languages.

Nothing was chosen on these pairs: the weights and threshold come from the tune half of the
Multi-News stories (benchmarks/cluster_quality.py). Key IDF here is the document frequency over
the 322 articles of the pairs themselves (unsupervised, no ratings used), as story counts are in
corpus mode. The texts carry no dates, so the time term is neutral.

    .venv/bin/python benchmarks/story_pairs.py
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import SHARED, one_core, require_data
from crossread.clean import clean
from crossread.ingest.identity import content_id
from crossread.ingest.plaintext import read_plain
from crossread.model import Article
from crossread.stories.cluster import pair_similarity
from crossread.stories.features import features

PAIRS = Path("data") / "semeval2022" / "dev_pairs.jsonl"
SAME = 1.5


def load(shared: Path = SHARED) -> list[dict]:
    rows = [json.loads(line) for line in (shared / PAIRS).open(encoding="utf-8") if line.strip()]
    return [r for r in rows if r["lang1"] == "en" and r["lang2"] == "en"]


def article(text: str, source: str) -> Article:
    a = read_plain(text, source)
    return clean(Article(index=0, id=content_id(a.text), text=a.text, source=source,
                         title=a.title, raw_title=a.raw_title, body_start=a.body_start))


def measure(shared: Path = SHARED) -> dict[str, float]:
    """Pearson r (similarity vs Overall) and ROC AUC (Overall <= 1.5 = same story)."""
    from scipy.stats import pearsonr
    from sklearn.metrics import roc_auc_score

    pairs = load(shared)
    t0 = time.perf_counter()
    arts = [article(r[f"text{k}"], f"{r['pair_id']}/{k}") for r in pairs for k in (1, 2)]
    feats = features(arts)
    df = Counter(k for f in feats for k in f.keys)
    sims = [pair_similarity(feats[2 * i], feats[2 * i + 1], df, len(feats))
            for i in range(len(pairs))]
    elapsed = time.perf_counter() - t0
    overall = [float(r["Overall"]) for r in pairs]
    same = [o <= SAME for o in overall]
    return {
        "pairs": len(pairs), "same": sum(same),
        "pearson": float(pearsonr(sims, overall)[0]),
        "auc": float(roc_auc_score(same, sims)),
        "articles_per_s": len(arts) / elapsed,
    }


def main() -> int:
    if not require_data(SHARED):
        return 1
    one_core()
    m = measure()
    print(f"{'pairs':>5} {'same':>5} {'pearson r':>10} {'-r':>6} {'AUC':>6} {'art/s':>6}")
    print(f"{m['pairs']:5d} {m['same']:5d} {m['pearson']:10.3f} {-m['pearson']:6.3f} "
          f"{m['auc']:6.3f} {m['articles_per_s']:6.0f}")
    print("pair_similarity vs Overall (1 same .. 4 different); AUC: Overall <= 1.5 is same story")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
